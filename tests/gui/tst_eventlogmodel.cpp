// The event log's model: the audit trail with filters, a page at a time,
// and the events committed later appended once the last page is in.

#include "tests/gui/HostStandFixture.h"
#include "tests/gui/ModelSpies.h"
#include "ui/EventLogModel.h"

#include <QAbstractItemModelTester>
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

    void rowsAreTheEventsInOrder();
    void aBookingsFilterShowsItsCausationChain();
    void longHistoriesComeAPageAtATime();
    void newEventsAreAppendedOnceTheLastPageIsIn();
    void newEventsWaitForFetchMoreWhilePagesRemain();

private:
    QStringList types() const;

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

void tst_EventLogModel::rowsAreTheEventsInOrder()
{
    QCOMPARE(
        types(),
        QStringList({u"service-periods-defined"_s, u"table-added"_s, u"table-booking-initiated"_s,
                     u"table-lock-placed"_s, u"table-booking-confirmed"_s}));
    QCOMPARE(m_model->rowCount(), int(m_restaurant->lastPosition()));
    QCOMPARE(m_model->index(0, EventLogModel::Position).data().toLongLong(), 1);
    QCOMPARE(m_model->index(2, EventLogModel::Terminal).data().toString(), u"stand-1"_s);
    QCOMPARE(m_model->index(2, EventLogModel::Booking).data().toString(), m_jones);
    QVERIFY(m_model->index(2, EventLogModel::Summary).data().toString().contains(u"Jones"_s));
    QVERIFY(!m_model->canFetchMore({}));
}

void tst_EventLogModel::aBookingsFilterShowsItsCausationChain()
{
    AuditFilter filter;
    filter.correlationId = m_jones;
    m_model->setFilter(filter);
    QCOMPARE(types(),
             QStringList({u"table-booking-initiated"_s, u"table-lock-placed"_s,
                          u"table-booking-confirmed"_s}));
}

void tst_EventLogModel::longHistoriesComeAPageAtATime()
{
    m_model->setPageSize(2);
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->canFetchMore({}));
    ModelSpies spies(*m_model);
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.rowsInserted.constFirst().at(1).toInt(), 2);
    QCOMPARE(spies.rowsInserted.constFirst().at(2).toInt(), 3);
    m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(spies.structural(), 2);
}

void tst_EventLogModel::newEventsAreAppendedOnceTheLastPageIsIn()
{
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->booker().cancel(BookingId::create(m_jones).value()).ok());
    QVERIFY(m_restaurant->settle());
    // The cancellation and the table manager releasing the lock.
    QCOMPARE(m_model->rowCount(), 7);
    QCOMPARE(spies.rowsInserted.constFirst().at(1).toInt(), 5);
    QCOMPARE(spies.reset.size(), 0);
    QCOMPARE(types().mid(5), QStringList({u"table-booking-cancelled"_s, u"table-lock-removed"_s}));
}

void tst_EventLogModel::newEventsWaitForFetchMoreWhilePagesRemain()
{
    m_model->setPageSize(2);
    ModelSpies spies(*m_model);
    m_restaurant->book(u"T1"_s, QTime(21, 0), 2, u"Smith"_s);
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(m_model->rowCount(), 2);
    for (int page = 0; page < 4 && m_model->canFetchMore({}); ++page)
        m_model->fetchMore({});
    QCOMPARE(m_model->rowCount(), 8);
    QVERIFY(!m_model->canFetchMore({}));
}

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
