// The time-slot grid's model: rows, columns and spans from the read model,
// and exactly the signals a view needs for each change, never a reset for
// a single booking or table.

#include "tests/ui/HostStandFixture.h"
#include "tests/ui/ModelSpies.h"
#include "ui/grid/TimeSlotGridModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::TimeSlotGridModel;

namespace {

TableId tableId(const QString &id)
{
    return TableId::create(id).value();
}

} // namespace

class tst_TimeSlotGridModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowsAreTablesByZoneThenId();
    void columnsAreTheServiceSlots_data();
    void columnsAreTheServiceSlots();
    void aBookingIsASpanOverItsSlots();
    void aNewBookingChangesOnlyItsCells();
    void aChangeBringsItsRowAndOnlyAnUnreadOneIsRead();
    void aStatusChangeChangesOnlyItsCells();
    void aCancelledBookingLeavesItsCells();
    void aBookingOnAnotherDayChangesNothing();
    void aBookingPastTheServiceEndAddsColumns();
    void overlappingPendingBookingsShowAConflict();
    void aNewTableInsertsOneRow();
    void aRemovedTableRemovesOneRow();
    void newSeatsChangeOnlyTheHeader();
    void aNewZoneMovesTheRowToItsGroup();
    void anotherServiceIsANewGrid();
    void coversCountTheGuestsOfTheService();

private:
    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<TimeSlotGridModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_TimeSlotGridModel::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s);
    m_restaurant->addTable(u"T10"_s, 8, u"Main room"_s);
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s);
    m_restaurant->addTable(u"P1"_s, 4, u"Patio"_s);
    m_model = std::make_unique<TimeSlotGridModel>(m_restaurant->readModel());
    m_model->setService(HostStandFixture::day(), u"dinner"_s);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_TimeSlotGridModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_restaurant.reset();
}

void tst_TimeSlotGridModel::rowsAreTablesByZoneThenId()
{
    QStringList rows;
    for (int row = 0; row < m_model->rowCount(); ++row)
        rows.append(m_model->headerData(row, Qt::Vertical, TimeSlotGridModel::ZoneRole).toString()
                    + u'/' + m_model->headerData(row, Qt::Vertical).toString());
    QCOMPARE(
        rows,
        QStringList({u"Main room/T1"_s, u"Main room/T2"_s, u"Main room/T10"_s, u"Patio/P1"_s}));
    QCOMPARE(m_model->headerData(2, Qt::Vertical, TimeSlotGridModel::SeatsRole).toInt(), 8);
}

void tst_TimeSlotGridModel::columnsAreTheServiceSlots_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("dinner runs from 18:30 to its last start at 22:15")
        << u"dinner"_s << 16 << u"18:30"_s << u"22:15"_s;
    QTest::newRow("lunch runs from 12:00 to its last start at 14:15")
        << u"lunch"_s << 10 << u"12:00"_s << u"14:15"_s;
}

void tst_TimeSlotGridModel::columnsAreTheServiceSlots()
{
    QFETCH(QString, service);
    QFETCH(int, columns);
    QFETCH(QString, first);
    QFETCH(QString, last);
    m_model->setService(HostStandFixture::day(), service);
    QCOMPARE(m_model->columnCount(), columns);
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), first);
    QCOMPARE(m_model->headerData(columns - 1, Qt::Horizontal).toString(), last);
    QVERIFY(
        m_model->headerData(columns - 1, Qt::Horizontal, TimeSlotGridModel::BookableRole).toBool());
}

void tst_TimeSlotGridModel::aBookingIsASpanOverItsSlots()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QVERIFY(!id.isEmpty());
    const int row = m_model->rowOfTable(u"T2"_s);
    // A party of four keeps its table 105 minutes: 19:00 to 20:45, columns 2 to 8.
    for (int column = 2; column <= 8; ++column) {
        const QModelIndex cell = m_model->index(row, column);
        QCOMPARE(cell.data(TimeSlotGridModel::BookingIdRole).toString(), id);
        QCOMPARE(cell.data(TimeSlotGridModel::SpanStartRole).toInt(), 2);
        QCOMPARE(cell.data(TimeSlotGridModel::SpanLengthRole).toInt(), 7);
        QCOMPARE(cell.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
        QCOMPARE(cell.data(TimeSlotGridModel::PartySizeRole).toInt(), 4);
        QCOMPARE(cell.data(TimeSlotGridModel::GuestRole).toString(), u"Jones"_s);
        QVERIFY(!cell.data(TimeSlotGridModel::PendingRole).toBool());
        QVERIFY(!cell.data(TimeSlotGridModel::ConflictRole).toBool());
    }
    QCOMPARE(m_model->index(row, 2).data().toString(), u"Jones (4)"_s);
    QVERIFY(m_model->index(row, 1).data(TimeSlotGridModel::BookingIdRole).isNull());
    QVERIFY(m_model->index(row, 9).data(TimeSlotGridModel::BookingIdRole).isNull());
    QCOMPARE(m_model->index(row, 4).data(TimeSlotGridModel::TableIdRole).toString(), u"T2"_s);
    QCOMPARE(m_model->index(row, 4).data(TimeSlotGridModel::SlotStartRole).toDateTime(),
             HostStandFixture::at(QTime(19, 30)));
}

void tst_TimeSlotGridModel::aNewBookingChangesOnlyItsCells()
{
    ModelSpies spies(*m_model);
    QVERIFY(!m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s).isEmpty());
    QVERIFY(spies.onlyCells(m_model->rowOfTable(u"T2"_s), 2, 8));
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(spies.headerChanged.size(), 0);
}

// The grid takes a changed booking's row from the change (the projector
// read it once for every view) and reads it only when the projector could
// not: a row unlike the read tables' shows as carried, and an unread change
// of the same booking brings the read tables' row back.
void tst_TimeSlotGridModel::aChangeBringsItsRowAndOnlyAnUnreadOneIsRead()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QVERIFY(!id.isEmpty());
    const QModelIndex cell = m_model->index(m_model->rowOfTable(u"T2"_s), 2);
    ReadModel &readModel = m_restaurant->readModel();
    BookingChange change {id, HostStandFixture::day(), true, readModel.booking(id).value()};
    change.row->guestName = u"Carried"_s;
    Q_EMIT readModel.bookingChanged(change);
    QCOMPARE(cell.data(TimeSlotGridModel::GuestRole).toString(), u"Carried"_s);
    Q_EMIT readModel.bookingChanged(BookingChange {id, {}, false, {}});
    QCOMPARE(cell.data(TimeSlotGridModel::GuestRole).toString(), u"Jones"_s);
}

void tst_TimeSlotGridModel::aStatusChangeChangesOnlyItsCells()
{
    const QString id = m_restaurant->book(u"T1"_s, QTime(18, 30), 2, u"Smith"_s);
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(18, 31)));
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->booker().arrive(BookingId::create(id).value()).ok());
    QVERIFY(m_restaurant->settle());
    // 90 minutes from 18:30: columns 0 to 5.
    QVERIFY(spies.onlyCells(m_model->rowOfTable(u"T1"_s), 0, 5));
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(m_model->index(0, 3).data(TimeSlotGridModel::StatusRole).toInt(),
             int(BookingStatus::Arrived));
}

void tst_TimeSlotGridModel::aCancelledBookingLeavesItsCells()
{
    const QString id = m_restaurant->book(u"T10"_s, QTime(20, 0), 6, u"Brown"_s);
    const int row = m_model->rowOfTable(u"T10"_s);
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->booker().cancel(BookingId::create(id).value()).ok());
    QVERIFY(m_restaurant->settle());
    // Six guests keep a table 120 minutes: 20:00 to 22:00, columns 6 to 13.
    QVERIFY(spies.onlyCells(row, 6, 13));
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.structural(), 0);
    QVERIFY(m_model->index(row, 6).data(TimeSlotGridModel::BookingIdRole).isNull());
}

void tst_TimeSlotGridModel::aBookingOnAnotherDayChangesNothing()
{
    ModelSpies spies(*m_model);
    booker::BookingRequest request {
        u"T2"_s, HostStandFixture::at(QTime(19, 0)).addDays(1), 2, u"Later"_s, {}, {}, {}};
    QVERIFY(m_restaurant->booker().book(request).ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(spies.dataChanged.size(), 0);
    QCOMPARE(spies.structural(), 0);
}

void tst_TimeSlotGridModel::aBookingPastTheServiceEndAddsColumns()
{
    const QSignalSpy aboutToInsert(m_model.get(), &QAbstractItemModel::columnsAboutToBeInserted);
    ModelSpies spies(*m_model);
    // The last seating, a party of eight: 150 minutes from 22:15 runs to 00:45.
    QVERIFY(!m_restaurant->book(u"T10"_s, QTime(22, 15), 8, u"Late"_s).isEmpty());
    QCOMPARE(spies.columnsInserted.size(), 1);
    QCOMPARE(spies.columnsInserted.constFirst().at(1).toInt(), 16);
    QCOMPARE(spies.columnsInserted.constFirst().at(2).toInt(), 24);
    QCOMPARE(aboutToInsert.size(), 1);
    QCOMPARE(m_model->columnCount(), 25);
    QVERIFY(spies.onlyCells(m_model->rowOfTable(u"T10"_s), 15, 24));
    QVERIFY(!m_model->headerData(16, Qt::Horizontal, TimeSlotGridModel::BookableRole).toBool());
    QCOMPARE(spies.structural(), 1);
}

void tst_TimeSlotGridModel::overlappingPendingBookingsShowAConflict()
{
    // A terminal without the sagas: its bookings stay pending until another settles them.
    m_tester.reset();
    m_model.reset();
    m_restaurant = std::make_unique<HostStandFixture>(false);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s);
    m_model = std::make_unique<TimeSlotGridModel>(m_restaurant->readModel());
    m_model->setService(HostStandFixture::day(), u"dinner"_s);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QString first = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"First"_s);
    const QString second = m_restaurant->book(u"T2"_s, QTime(19, 30), 2, u"Second"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QModelIndex overlap = m_model->index(0, 4);
    QVERIFY(overlap.data(TimeSlotGridModel::ConflictRole).toBool());
    QVERIFY(overlap.data(TimeSlotGridModel::PendingRole).toBool());
    QCOMPARE(overlap.data(TimeSlotGridModel::LaneCountRole).toInt(), 2);
    const auto spans = overlap.data(TimeSlotGridModel::SpansRole).value<QList<ui::GridSpan>>();
    QCOMPARE(spans.size(), 2);
    QCOMPARE(spans.at(0).bookingId, first);
    QCOMPARE(spans.at(1).bookingId, second);
    QVERIFY(!m_model->index(0, 2).data(TimeSlotGridModel::ConflictRole).toBool());

    // The sagas settle it: the first holds the table, the second is rejected.
    m_restaurant->startSagaHost();
    QTRY_VERIFY(m_restaurant->statusOf(second) == BookingStatus::Rejected);
    QVERIFY(m_restaurant->statusOf(first) == BookingStatus::Confirmed);
    // The grid hears of the rejection from the read model's signal, which may
    // come a turn of the event loop after the status can be read.
    QTRY_COMPARE(overlap.data(TimeSlotGridModel::BookingIdRole).toString(), first);
    QTRY_VERIFY(!overlap.data(TimeSlotGridModel::ConflictRole).toBool());
    QCOMPARE(overlap.data(TimeSlotGridModel::LaneCountRole).toInt(), 1);
    QCOMPARE(overlap.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
}

void tst_TimeSlotGridModel::aNewTableInsertsOneRow()
{
    const QSignalSpy aboutToInsert(m_model.get(), &QAbstractItemModel::rowsAboutToBeInserted);
    ModelSpies spies(*m_model);
    m_restaurant->addTable(u"T3"_s, 2, u"Main room"_s);
    QCOMPARE(aboutToInsert.size(), 1);
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.rowsInserted.constFirst().at(1).toInt(), 2);
    QCOMPARE(spies.rowsInserted.constFirst().at(2).toInt(), 2);
    QCOMPARE(spies.structural(), 1);
    QCOMPARE(spies.dataChanged.size(), 0);
    QCOMPARE(m_model->headerData(2, Qt::Vertical).toString(), u"T3"_s);
}

void tst_TimeSlotGridModel::aRemovedTableRemovesOneRow()
{
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->tableManager().removeTable(tableId(u"T2"_s)).ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(spies.rowsRemoved.size(), 1);
    QCOMPARE(spies.rowsRemoved.constFirst().at(1).toInt(), 1);
    QCOMPARE(spies.rowsRemoved.constFirst().at(2).toInt(), 1);
    QCOMPARE(spies.structural(), 1);
    QCOMPARE(m_model->rowOfTable(u"T2"_s), -1);
    QCOMPARE(m_model->rowCount(), 3);
}

void tst_TimeSlotGridModel::newSeatsChangeOnlyTheHeader()
{
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->tableManager()
                .changeSeats(tableId(u"T10"_s), SeatCount::create(10).value())
                .ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(spies.headerChanged.size(), 1);
    QCOMPARE(spies.headerChanged.constFirst().at(0).value<Qt::Orientation>(), Qt::Vertical);
    QCOMPARE(spies.headerChanged.constFirst().at(1).toInt(), 2);
    QCOMPARE(spies.headerChanged.constFirst().at(2).toInt(), 2);
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(spies.dataChanged.size(), 0);
    QCOMPARE(m_model->headerData(2, Qt::Vertical, TimeSlotGridModel::SeatsRole).toInt(), 10);
}

void tst_TimeSlotGridModel::aNewZoneMovesTheRowToItsGroup()
{
    ModelSpies spies(*m_model);
    TableLayout layout = m_restaurant->readModel().table(u"T1"_s).value()->layout;
    layout.zone = u"Terrace"_s;
    QVERIFY(m_restaurant->tableManager().moveTable(tableId(u"T1"_s), layout).ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(spies.rowsMoved.size(), 1);
    QCOMPARE(spies.rowsMoved.constFirst().at(1).toInt(), 0);
    QCOMPARE(spies.rowsMoved.constFirst().at(4).toInt(), 4);
    QCOMPARE(spies.structural(), 1);
    QCOMPARE(m_model->rowOfTable(u"T1"_s), 3);
    QCOMPARE(m_model->headerData(3, Qt::Vertical, TimeSlotGridModel::ZoneRole).toString(),
             u"Terrace"_s);
    QCOMPARE(spies.headerChanged.size(), 1);
}

void tst_TimeSlotGridModel::anotherServiceIsANewGrid()
{
    ModelSpies spies(*m_model);
    m_model->setService(HostStandFixture::day(), u"lunch"_s);
    QCOMPARE(spies.reset.size(), 1);
    QCOMPARE(spies.structural(), 1);
    QCOMPARE(spies.dataChanged.size(), 0);
}

void tst_TimeSlotGridModel::coversCountTheGuestsOfTheService()
{
    m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    m_restaurant->book(u"T10"_s, QTime(20, 0), 6, u"Brown"_s);
    const QString cancelled = m_restaurant->book(u"T1"_s, QTime(20, 0), 2, u"Gone"_s);
    QVERIFY(m_restaurant->booker().cancel(BookingId::create(cancelled).value()).ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(m_model->coversBooked(), 10);
    QCOMPARE(m_model->seats(), 18);
}

QTEST_MAIN(tst_TimeSlotGridModel)
#include "tst_timeslotgridmodel.moc"
