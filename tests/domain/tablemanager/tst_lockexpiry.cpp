#include "domain/tablemanager/LockExpiryScheduler.h"
#include "domain/tablemanager/TableManager.h"
#include "tests/domain/tablemanager/StoreFixtures.h"
#include "tests/domain/tablemanager/TableFixtures.h"
#include "tests/support/InterposedEventStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

using OptionalMoment = std::optional<QDateTime>;
Q_DECLARE_METATYPE(OptionalMoment)

namespace {

const TableId T1 = tableId("T1");
const TimeSpan Dinner = span("19:00", "20:30");
const QString Released = TableLockRemoved::Type.toString();

// The bookings whose locks on the table were released, with the reasons.
QStringList releasesOn(EventStore &store, const TableId &table)
{
    QStringList releases;
    for (const RecordedEvent &event : eventsOf(store, table.streamName())) {
        if (event.type == Released)
            releases.append(event.dataObject().value(u"bookingId"_s).toString() + u' '
                            + event.dataObject().value(u"reason"_s).toString());
    }
    return releases;
}

QStringList bookingsOf(const QList<TableLock> &locks)
{
    QStringList ids;
    for (const TableLock &lock : locks)
        ids.append(lock.bookingId.toString());
    return ids;
}

} // namespace

// Lock expiry: the scheduler sleeps until the next lock ends, releases it
// with slot-passed, re-plans when the clock jumps or locks change, and
// catches up at start-up. The clock is a ManualClock: nothing sleeps.
class tst_LockExpiry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void theTimerIsArmedForTheEarliestEnd_data();
    void theTimerIsArmedForTheEarliestEnd();
    void schedulingAndExecutingTheReleaseWhenTheSlotPasses();
    void aNewLockEndingSoonerReplansTheTimer();
    void aClockJumpingBackReplansTheTimer();
    void lockExpiryCatchesUpAfterARestart();
    void theTimerWakesTheSchedulerOnTheSystemClock();
    void runOnceReleasesWhatIsDueAtTheClocksNow_data();
    void runOnceReleasesWhatIsDueAtTheClocksNow();
    void aSecondInstanceReleasingTheSameLockWritesNothing();
    void twoRunningSchedulersReleaseEachLockOnce();
    void aStoreFailureIsRetriedLater();

private:
    void lock(const TableId &table, const BookingId &booking, const TimeSpan &slot);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TableManager> m_manager;
};

void tst_LockExpiry::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_store = openStore(m_dir->filePath(u"hoststand.db"_s));
    m_clock = std::make_unique<ManualClock>(at("12:00"));
    m_manager = std::make_unique<TableManager>(*m_store, *m_clock);
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    QVERIFY(m_manager->addTable(T1, seats(2), mainRoom()).ok());
}

void tst_LockExpiry::cleanup()
{
    m_manager.reset();
    m_clock.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_LockExpiry::lock(const TableId &table, const BookingId &booking, const TimeSpan &slot)
{
    QVERIFY(m_manager->placeLock(table, booking, slot, party(2)).ok());
}

void tst_LockExpiry::theTimerIsArmedForTheEarliestEnd_data()
{
    QTest::addColumn<QList<TimeSpan>>("locks");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<OptionalMoment>("next");
    QTest::addColumn<qint64>("sleepMinutes");

    QTest::newRow("without locks the timer is not armed")
        << QList<TimeSpan> {} << at("20:00") << OptionalMoment() << qint64(-1);
    QTest::newRow("a lock ending in 30 minutes arms the timer for 30 minutes")
        << QList<TimeSpan> {Dinner} << at("20:00") << OptionalMoment(at("20:30")) << qint64(30);
    QTest::newRow("of two locks the one ending first is planned")
        << QList<TimeSpan> {span("21:00", "22:00"), Dinner} << at("20:00")
        << OptionalMoment(at("20:30")) << qint64(30);
    QTest::newRow("a lock ending in three hours arms the timer for the longest sleep")
        << QList<TimeSpan> {span("22:00", "23:00")} << at("20:00") << OptionalMoment(at("23:00"))
        << qint64(60);
}

void tst_LockExpiry::theTimerIsArmedForTheEarliestEnd()
{
    QFETCH(QList<TimeSpan>, locks);
    QFETCH(QDateTime, now);
    QFETCH(OptionalMoment, next);
    QFETCH(qint64, sleepMinutes);
    const BookingId bookings[] = {Jones, Smith};
    for (qsizetype i = 0; i < locks.size(); ++i)
        lock(T4, bookings[i], locks.at(i));
    m_clock->setNow(now);
    LockExpiryScheduler scheduler(*m_manager);

    scheduler.start();

    QCOMPARE(scheduler.nextExpiry(), next);
    QCOMPARE(scheduler.isArmed(), sleepMinutes >= 0);
    if (sleepMinutes >= 0)
        QCOMPARE(scheduler.sleepInterval(), std::chrono::minutes(sleepMinutes));
    QVERIFY(releasesOn(*m_store, T4).isEmpty());
}

void tst_LockExpiry::schedulingAndExecutingTheReleaseWhenTheSlotPasses()
{
    lock(T4, Jones, Dinner);
    lock(T1, Smith, span("21:00", "22:00"));
    m_clock->setNow(at("20:00"));
    LockExpiryScheduler scheduler(*m_manager);
    QSignalSpy released(&scheduler, &LockExpiryScheduler::locksReleased);
    scheduler.start();
    QCOMPARE(scheduler.sleepInterval(), 30min);

    m_clock->advance(29min);
    QVERIFY(releasesOn(*m_store, T4).isEmpty());
    QCOMPARE(released.size(), 0);
    QVERIFY(scheduler.isArmed());
    QCOMPARE(scheduler.sleepInterval(), 1min);

    m_clock->advance(1min);
    QCOMPARE(releasesOn(*m_store, T4), QStringList {Jones.toString() + u" slot-passed"_s});
    QCOMPARE(released.size(), 1);
    QCOMPARE(bookingsOf(released.at(0).at(0).value<QList<TableLock>>()),
             QStringList {Jones.toString()});
    QVERIFY(!m_manager->table(T4).value().lockOf(Jones));
    QCOMPARE(scheduler.nextExpiry(), OptionalMoment(at("22:00")));
    QCOMPARE(scheduler.sleepInterval(), 60min);
    QVERIFY(releasesOn(*m_store, T1).isEmpty());
}

void tst_LockExpiry::aNewLockEndingSoonerReplansTheTimer()
{
    lock(T4, Jones, span("22:00", "23:30"));
    m_clock->setNow(at("20:00"));
    LockExpiryScheduler scheduler(*m_manager);
    scheduler.start();
    QCOMPARE(scheduler.nextExpiry(), OptionalMoment(at("23:30")));

    lock(T1, Smith, span("19:30", "20:15"));
    QTRY_COMPARE(scheduler.nextExpiry(), OptionalMoment(at("20:15")));
    QCOMPARE(scheduler.sleepInterval(), 15min);

    QVERIFY(m_manager->removeLock(T1, Smith, LockRemovalReason::PartyLeft).ok());
    QTRY_COMPARE(scheduler.nextExpiry(), OptionalMoment(at("23:30")));
    QCOMPARE(scheduler.sleepInterval(), 60min);
}

void tst_LockExpiry::aClockJumpingBackReplansTheTimer()
{
    lock(T4, Jones, Dinner);
    m_clock->setNow(at("20:00"));
    LockExpiryScheduler scheduler(*m_manager);
    scheduler.start();
    QCOMPARE(scheduler.sleepInterval(), 30min);

    m_clock->setNow(at("19:45"));

    QCOMPARE(scheduler.sleepInterval(), 45min);
    QVERIFY(scheduler.isArmed());
    QVERIFY(releasesOn(*m_store, T4).isEmpty());
}

void tst_LockExpiry::lockExpiryCatchesUpAfterARestart()
{
    lock(T4, Jones, Dinner);
    lock(T1, Smith, span("18:00", "19:30"));
    lock(T4, Lee, span("21:00", "22:00"));
    m_clock->setNow(at("19:00"));
    {
        LockExpiryScheduler before(*m_manager);
        before.start();
        QCOMPARE(before.nextExpiry(), OptionalMoment(at("19:30")));
    }
    QVERIFY(releasesOn(*m_store, T1).isEmpty());
    m_clock->setNow(at("21:00")); // while nothing runs

    LockExpiryScheduler after(*m_manager);
    QSignalSpy caughtUp(&after, &LockExpiryScheduler::caughtUp);
    after.start();

    QTRY_COMPARE(caughtUp.size(), 1);
    QCOMPARE(releasesOn(*m_store, T4), QStringList {Jones.toString() + u" slot-passed"_s});
    QCOMPARE(releasesOn(*m_store, T1), QStringList {Smith.toString() + u" slot-passed"_s});
    QCOMPARE(after.nextExpiry(), OptionalMoment(at("22:00")));
    QCOMPARE(after.sleepInterval(), 60min);
}

void tst_LockExpiry::theTimerWakesTheSchedulerOnTheSystemClock()
{
    SystemClock clock;
    TableManager manager(*m_store, clock);
    const QDateTime now = clock.now();
    // Spans are whole seconds: this one ends one to two seconds from now.
    const TimeSpan endingSoon = valueOf(TimeSpan::create(now.addSecs(-3600), now.addSecs(2)));
    QVERIFY(manager.placeLock(T4, Jones, endingSoon, party(2)).ok());
    LockExpiryScheduler scheduler(manager);

    scheduler.start();
    QVERIFY(scheduler.isArmed());
    QVERIFY(scheduler.sleepInterval() > 0ms);
    QVERIFY(scheduler.sleepInterval() <= 2s);
    QVERIFY(releasesOn(*m_store, T4).isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(releasesOn(*m_store, T4),
                              QStringList {Jones.toString() + u" slot-passed"_s}, 10000);
    QVERIFY(clock.now() >= endingSoon.end());
}

void tst_LockExpiry::runOnceReleasesWhatIsDueAtTheClocksNow_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QStringList>("released");
    QTest::newRow("before any slot ends nothing is released") << at("20:29") << QStringList {};
    QTest::newRow("when the first slot ends its lock is released")
        << at("20:30") << QStringList {Jones.toString()};
    QTest::newRow("after every slot every lock is released")
        << at("23:00") << QStringList {Smith.toString(), Jones.toString(), Lee.toString()};
}

void tst_LockExpiry::runOnceReleasesWhatIsDueAtTheClocksNow()
{
    QFETCH(QDateTime, now);
    QFETCH(QStringList, released);
    lock(T4, Jones, Dinner);
    lock(T4, Lee, span("21:00", "22:00"));
    lock(T1, Smith, span("20:00", "21:00"));
    m_clock->setNow(now);
    LockExpiryScheduler scheduler(*m_manager);

    auto first = scheduler.runOnce();
    auto second = scheduler.runOnce();

    QVERIFY(first.ok());
    QStringList got = bookingsOf(first.value());
    got.sort();
    released.sort();
    QCOMPARE(got, released);
    QVERIFY(second.ok());
    QVERIFY(second.value().isEmpty());
    QCOMPARE(releasesOn(*m_store, T4).size() + releasesOn(*m_store, T1).size(), released.size());
    QVERIFY(!scheduler.isArmed());
}

// Two processes expire the same lock at the same moment: the second one's
// append fails on the revision, and on the fresh stream there is nothing left.
void tst_LockExpiry::aSecondInstanceReleasingTheSameLockWritesNothing()
{
    lock(T4, Jones, Dinner);
    m_clock->setNow(at("21:00"));
    auto secondStore = openStore(m_dir->filePath(u"hoststand.db"_s));
    InterposedEventStore racing(*secondStore);
    TableManager secondManager(racing, *m_clock);
    LockExpiryScheduler first(*m_manager);
    LockExpiryScheduler second(secondManager);
    DomainResult<QList<TableLock>> firstRun = QList<TableLock> {};
    racing.beforeNextAppend = [&] {
        firstRun = first.runOnce();
    };

    auto secondRun = second.runOnce();

    QVERIFY(firstRun.ok());
    QCOMPARE(bookingsOf(firstRun.value()), QStringList {Jones.toString()});
    QVERIFY(secondRun.ok());
    QVERIFY(secondRun.value().isEmpty());
    QCOMPARE(racing.appendAttempts, 1);
    QCOMPARE(releasesOn(*m_store, T4), QStringList {Jones.toString() + u" slot-passed"_s});
}

void tst_LockExpiry::twoRunningSchedulersReleaseEachLockOnce()
{
    lock(T4, Jones, Dinner);
    lock(T1, Smith, span("19:30", "20:30"));
    m_clock->setNow(at("20:00"));
    auto secondStore = openStore(m_dir->filePath(u"hoststand.db"_s));
    TableManager secondManager(*secondStore, *m_clock);
    LockExpiryScheduler first(*m_manager);
    LockExpiryScheduler second(secondManager);
    first.start();
    second.start();
    QCOMPARE(second.nextExpiry(), OptionalMoment(at("20:30")));

    m_clock->setNow(at("20:30"));

    QCOMPARE(releasesOn(*m_store, T4), QStringList {Jones.toString() + u" slot-passed"_s});
    QCOMPARE(releasesOn(*m_store, T1), QStringList {Smith.toString() + u" slot-passed"_s});
    QCOMPARE(first.nextExpiry(), OptionalMoment());
    QCOMPARE(second.nextExpiry(), OptionalMoment());
    QVERIFY(!second.isArmed());
}

void tst_LockExpiry::aStoreFailureIsRetriedLater()
{
    lock(T4, Jones, Dinner);
    m_clock->setNow(at("20:00"));
    InterposedEventStore broken(*m_store);
    TableManager manager(broken, *m_clock);
    LockExpiryScheduler scheduler(manager);
    QSignalSpy failed(&scheduler, &LockExpiryScheduler::failed);
    scheduler.start();
    broken.failingAppends = 1;

    m_clock->setNow(at("20:30"));

    QCOMPARE(failed.size(), 1);
    QVERIFY(releasesOn(*m_store, T4).isEmpty());
    QVERIFY(scheduler.isArmed());
    QCOMPARE(scheduler.sleepInterval(), LockExpiryScheduler::RetryDelay);
    QCOMPARE(scheduler.nextExpiry(), OptionalMoment(at("20:30")));

    m_clock->advance(1s);
    QCOMPARE(releasesOn(*m_store, T4), QStringList {Jones.toString() + u" slot-passed"_s});
    QVERIFY(!scheduler.isArmed());
}

QTEST_GUILESS_MAIN(tst_LockExpiry)
#include "tst_lockexpiry.moc"
