// The event log's model: the audit trail newest first with filters, a page
// at a time from the newest back, and the events committed later inserted
// at the top.

#include "tests/support/HistoryGenerator.h"
#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "tests/ui/ModelSpies.h"
#include "ui/eventlog/EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::EventLogModel;

class tst_EventLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowsAreTheEventsNewestFirst();
    void aBookingsFilterShowsItsCausationChain();
    void longHistoriesComeAPageAtATimeFromTheNewest();
    void newEventsAreInsertedAtTheTop();
    void newEventsArriveWhileOlderPagesRemain();
    void aSelectedEventStaysSelectedAsNewOnesArrive();
    void aFilterReloadsFromTheNewest();
    void openingALongHistoryReadsOnlyTheNewestPage();

private:
    QStringList types() const;
    QList<qint64> positions() const;

    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<EventLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_jones;
};

void tst_EventLogModel::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s);
    m_jones = m_restaurant->book(u"T1"_s, QTime(19, 0), 2, u"Jones"_s);
    m_model = std::make_unique<EventLogModel>(m_restaurant->readModel());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The tester would fetch more while it checks a reset, before it takes
    // the reset as over, and count the page's rows as inserted during it.
    // The tests below fetch the pages themselves.
    m_tester->setUseFetchMore(false);
}

void tst_EventLogModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_restaurant.reset();
}

QStringList tst_EventLogModel::types() const
{
    QStringList found;
    for (int row = 0; row < m_model->rowCount(); ++row)
        found.append(m_model->index(row, EventLogModel::Event).data().toString());
    return found;
}

QList<qint64> tst_EventLogModel::positions() const
{
    QList<qint64> found;
    for (int row = 0; row < m_model->rowCount(); ++row)
        found.append(m_model->index(row, 0).data(EventLogModel::PositionRole).toLongLong());
    return found;
}

void tst_EventLogModel::rowsAreTheEventsNewestFirst()
{
    QCOMPARE(types(),
             QStringList({u"table-booking-confirmed"_s, u"table-lock-placed"_s,
                          u"table-booking-initiated"_s, u"table-added"_s,
                          u"service-periods-defined"_s}));
    QCOMPARE(m_model->rowCount(), int(m_restaurant->lastPosition()));
    QCOMPARE(m_model->index(0, EventLogModel::Position).data().toLongLong(),
             m_restaurant->lastPosition());
    QCOMPARE(m_model->index(2, EventLogModel::Terminal).data().toString(), u"stand-1"_s);
    QCOMPARE(m_model->index(2, EventLogModel::Booking).data().toString(), m_jones);
    QVERIFY(m_model->index(2, EventLogModel::Summary).data().toString().contains(u"Jones"_s));
    QVERIFY(!m_model->canFetchMore({}));
}

void tst_EventLogModel::aBookingsFilterShowsItsCausationChain()
{
    EventLogFilter filter;
    filter.correlationId = m_jones;
    m_model->setFilter(filter);
    QCOMPARE(types(),
             QStringList({u"table-booking-confirmed"_s, u"table-lock-placed"_s,
                          u"table-booking-initiated"_s}));
}

void tst_EventLogModel::longHistoriesComeAPageAtATimeFromTheNewest()
{
    m_model->setPageSize(2);
    QCOMPARE(positions(), QList<qint64>({5, 4}));
    QVERIFY(m_model->canFetchMore({}));
    ModelSpies spies(*m_model);
    m_model->fetchMore({});
    QCOMPARE(positions(), QList<qint64>({5, 4, 3, 2}));
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.rowsInserted.constFirst().at(1).toInt(), 2);
    QCOMPARE(spies.rowsInserted.constFirst().at(2).toInt(), 3);
    m_model->fetchMore({});
    QCOMPARE(positions(), QList<qint64>({5, 4, 3, 2, 1}));
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(spies.structural(), 2);
}

void tst_EventLogModel::newEventsAreInsertedAtTheTop()
{
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->booker().cancel(BookingId::create(m_jones).value()).ok());
    QVERIFY(m_restaurant->settle());
    // The cancellation and the table manager releasing the lock.
    QCOMPARE(m_model->rowCount(), 7);
    QVERIFY(!spies.rowsInserted.isEmpty());
    for (const QList<QVariant> &inserted : std::as_const(spies.rowsInserted))
        QCOMPARE(inserted.at(1).toInt(), 0);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(types().mid(0, 3),
             QStringList({u"table-lock-removed"_s, u"table-booking-cancelled"_s,
                          u"table-booking-confirmed"_s}));
    QCOMPARE(positions(), QList<qint64>({7, 6, 5, 4, 3, 2, 1}));
}

void tst_EventLogModel::newEventsArriveWhileOlderPagesRemain()
{
    m_model->setPageSize(2);
    ModelSpies spies(*m_model);
    const QString smith = m_restaurant->book(u"T1"_s, QTime(21, 0), 2, u"Smith"_s);
    QCOMPARE(m_model->rowCount(), 5); // Smith's three events above the first page
    QCOMPARE(m_model->index(0, EventLogModel::Booking).data().toString(), smith);
    QCOMPARE(spies.reset.size(), 0);
    for (const QList<QVariant> &inserted : std::as_const(spies.rowsInserted))
        QCOMPARE(inserted.at(1).toInt(), 0);
    for (int page = 0; page < 4 && m_model->canFetchMore({}); ++page)
        m_model->fetchMore({});
    QCOMPARE(positions(), QList<qint64>({8, 7, 6, 5, 4, 3, 2, 1}));
    QVERIFY(!m_model->canFetchMore({}));
}

void tst_EventLogModel::aSelectedEventStaysSelectedAsNewOnesArrive()
{
    QItemSelectionModel selection(m_model.get());
    const int initiated = int(types().indexOf(u"table-booking-initiated"_s));
    selection.setCurrentIndex(m_model->index(initiated, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 chosen = selection.currentIndex().data(EventLogModel::PositionRole).toLongLong();
    m_restaurant->book(u"T1"_s, QTime(21, 0), 2, u"Smith"_s);
    QCOMPARE(m_model->rowCount(), 8);
    QCOMPARE(selection.currentIndex().row(), initiated + 3);
    QCOMPARE(selection.currentIndex().data(EventLogModel::PositionRole).toLongLong(), chosen);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().constFirst().row(), initiated + 3);
}

void tst_EventLogModel::aFilterReloadsFromTheNewest()
{
    m_model->setPageSize(2);
    m_model->fetchMore({});
    ModelSpies spies(*m_model);
    EventLogFilter filter;
    filter.type = u"table-added"_s;
    filter.afterPosition = 4; // the model's to set: ignored
    filter.limit = 1;
    m_model->setFilter(filter);
    QCOMPARE(spies.reset.size(), 1);
    QCOMPARE(spies.structural(), 1);
    QCOMPARE(types(), QStringList({u"table-added"_s}));
    QVERIFY(!m_model->canFetchMore({}));
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s);
    QCOMPARE(types(), QStringList({u"table-added"_s, u"table-added"_s}));
    QCOMPARE(m_model->index(0, EventLogModel::Stream).data().toString(), u"table-T2"_s);
}

// A history of years is not read to show its first screen.
void tst_EventLogModel::openingALongHistoryReadsOnlyTheNewestPage()
{
    HostStandFixture history(false);
    test::HistoryOptions options;
    options.events = 20000;
    options.tables = 12;
    auto generated = test::generateHistory(history.store(), options);
    HS_VERIFY_OK(generated);
    QVERIFY(history.settle());
    const qint64 last = history.lastPosition();
    QVERIFY(last >= 20000);

    EventLogModel model(history.readModel());
    QCOMPARE(model.rowCount(), int(EventLogModel::DefaultPageSize));
    QCOMPARE(model.index(0, 0).data(EventLogModel::PositionRole).toLongLong(), last);
    const int oldest = model.rowCount() - 1;
    QCOMPARE(model.index(oldest, 0).data(EventLogModel::PositionRole).toLongLong(), last - oldest);
    QVERIFY(model.canFetchMore({}));

    // The tester fetches pages as it first checks (and is kept from fetching
    // inside the insertions it checks after, as in init()).
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const int checked = model.rowCount();
    model.fetchMore({});
    QCOMPARE(model.rowCount(), checked + int(EventLogModel::DefaultPageSize));
    // Each page follows on the one before, with no event twice or left out.
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(EventLogModel::PositionRole).toLongLong(), last - row);
}

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
