// The booking list's model: a day's bookings or a guest search's, with a
// row per booking appended, changed or removed as the read model says.

#include "tests/ui/HostStandFixture.h"
#include "tests/ui/ModelSpies.h"
#include "ui/booking/BookingListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::BookingListModel;

class tst_BookingListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aDayListsItsBookings();
    void aNewBookingOfTheDayIsAppended();
    void aChangeBringsItsRowAndOnlyAnUnreadOneIsRead();
    void aStatusChangeChangesOnlyTheStatusCell();
    void aBookingOfAnotherDayChangesNothing();
    void aSearchFindsGuestsByNameOrPhone_data();
    void aSearchFindsGuestsByNameOrPhone();
    void aNewBookingMatchingTheSearchIsAppended();
    void anEmptySearchShowsTheDayAgain();

private:
    QString bookWithPhone(const QString &table, const QTime &start, const QString &guest,
                          const QString &phone);

    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<BookingListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_jones;
};

QString tst_BookingListModel::bookWithPhone(const QString &table, const QTime &start,
                                            const QString &guest, const QString &phone)
{
    booker::BookingRequest request {table, HostStandFixture::at(start), 2, guest, phone, {}, {}};
    auto booked = m_restaurant->booker().book(request);
    if (!booked.ok() || !m_restaurant->settle())
        return {};
    return booked.value().toString();
}

void tst_BookingListModel::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s);
    m_jones = bookWithPhone(u"T1"_s, QTime(19, 0), u"Jones"_s, u"+44 20 7946 0018"_s);
    m_restaurant->book(u"T2"_s, QTime(18, 30), 3, u"Okafor"_s);
    m_model = std::make_unique<BookingListModel>(m_restaurant->readModel());
    m_model->showDay(HostStandFixture::day());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_BookingListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_restaurant.reset();
}

void tst_BookingListModel::aDayListsItsBookings()
{
    QCOMPARE(m_model->rowCount(), 2);
    const int row = m_model->rowOfBooking(m_jones);
    QVERIFY(row >= 0);
    QCOMPARE(m_model->index(row, BookingListModel::Time).data().toString(), u"19:00–20:30"_s);
    QCOMPARE(m_model->index(row, BookingListModel::Table).data().toString(), u"T1"_s);
    QCOMPARE(m_model->index(row, BookingListModel::Party).data().toInt(), 2);
    QCOMPARE(m_model->index(row, BookingListModel::Guest).data().toString(), u"Jones"_s);
    QCOMPARE(m_model->index(row, BookingListModel::Phone).data().toString(), u"+44 20 7946 0018"_s);
    QCOMPARE(m_model->index(row, BookingListModel::Status).data().toString(), u"Confirmed"_s);
}

void tst_BookingListModel::aNewBookingOfTheDayIsAppended()
{
    ModelSpies spies(*m_model);
    const QString id = m_restaurant->book(u"T2"_s, QTime(20, 30), 4, u"Rossi"_s);
    QVERIFY(!id.isEmpty());
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.rowsInserted.constFirst().at(1).toInt(), 2);
    QCOMPARE(spies.rowsInserted.constFirst().at(2).toInt(), 2);
    QCOMPARE(spies.structural(), 1);
    QCOMPARE(m_model->index(2, 0).data(BookingListModel::BookingIdRole).toString(), id);
}

// As the grid: the row comes with the change; only an unread one is read.
void tst_BookingListModel::aChangeBringsItsRowAndOnlyAnUnreadOneIsRead()
{
    ReadModel &readModel = m_restaurant->readModel();
    BookingChange change {m_jones, HostStandFixture::day(), true,
                          readModel.booking(m_jones).value()};
    change.row->guestName = u"Carried"_s;
    Q_EMIT readModel.bookingChanged(change);
    const QModelIndex guest
        = m_model->index(m_model->rowOfBooking(m_jones), BookingListModel::Guest);
    QCOMPARE(guest.data().toString(), u"Carried"_s);
    Q_EMIT readModel.bookingChanged(BookingChange {m_jones, {}, false, {}});
    QCOMPARE(guest.data().toString(), u"Jones"_s);
}

void tst_BookingListModel::aStatusChangeChangesOnlyTheStatusCell()
{
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->booker().cancel(BookingId::create(m_jones).value()).ok());
    QVERIFY(m_restaurant->settle());
    QVERIFY(spies.onlyCells(m_model->rowOfBooking(m_jones), BookingListModel::Status,
                            BookingListModel::Status));
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(
        m_model->index(m_model->rowOfBooking(m_jones), BookingListModel::Status).data().toString(),
        u"Cancelled"_s);
}

void tst_BookingListModel::aBookingOfAnotherDayChangesNothing()
{
    ModelSpies spies(*m_model);
    booker::BookingRequest request {
        u"T2"_s, HostStandFixture::at(QTime(19, 0)).addDays(2), 2, u"Later"_s, {}, {}, {}};
    QVERIFY(m_restaurant->booker().book(request).ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(spies.dataChanged.size() + spies.structural(), 0);
}

void tst_BookingListModel::aSearchFindsGuestsByNameOrPhone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("guests");
    QTest::newRow("part of a name, in any case") << u"jon"_s << QStringList {u"Jones"_s};
    QTest::newRow("the phone's digits written another way")
        << u"7946 0018"_s << QStringList {u"Jones"_s};
    QTest::newRow("a name nobody has") << u"Zed"_s << QStringList {};
}

void tst_BookingListModel::aSearchFindsGuestsByNameOrPhone()
{
    QFETCH(QString, text);
    QFETCH(QStringList, guests);
    m_model->search(text);
    QStringList found;
    for (int row = 0; row < m_model->rowCount(); ++row)
        found.append(m_model->index(row, BookingListModel::Guest).data().toString());
    QCOMPARE(found, guests);
    QVERIFY(m_model->isSearching());
}

void tst_BookingListModel::aNewBookingMatchingTheSearchIsAppended()
{
    m_model->search(u"jon"_s);
    ModelSpies spies(*m_model);
    const QString other = m_restaurant->book(u"T2"_s, QTime(21, 0), 2, u"Rossi"_s);
    QVERIFY(!other.isEmpty());
    QCOMPARE(spies.structural(), 0);
    const QString jonas = bookWithPhone(u"T1"_s, QTime(21, 0), u"Jonas Berg"_s, {});
    QVERIFY(!jonas.isEmpty());
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(1, 0).data(BookingListModel::BookingIdRole).toString(), jonas);
    QVERIFY(m_model->rowOfBooking(other) < 0);
}

void tst_BookingListModel::anEmptySearchShowsTheDayAgain()
{
    m_model->search(u"Zed"_s);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->search(QString());
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(!m_model->isSearching());
}

QTEST_MAIN(tst_BookingListModel)
#include "tst_bookinglistmodel.moc"
