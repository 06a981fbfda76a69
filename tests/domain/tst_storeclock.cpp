#include "domain/StoreClock.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace hoststand;

// The time a terminal releases tables by never runs past the store's, and a
// terminal whose clock is out of step with the store's says so; one whose
// own clock (not one set on purpose) is out of step refuses what depends on
// the time. The store's clock here is a test's (StoreClock's source).
class tst_StoreClock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void aTerminalClockIsBoundedByTheStoresAndJudged_data();
    void aTerminalClockIsBoundedByTheStoresAndJudged();
    void aStoreClockBehindItsNewestEventIsOutOfStep();
    void aStoreQuietLongerThanADayVouchesForADayPastItsNewestEvent();
    void aClockSetRightAgainIsInStepAgain();
    void aClockThatJumpsAfterStartAndStampsEventsStaysBounded();
    void nothingIsReleasedBeforeTheStoresTimeIsKnown();

private:
    // Appends one event, stamped by this machine's clock (now).
    void appendEvent();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
};

void tst_StoreClock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = SqliteEventStore::open(m_dir->filePath(u"s.hoststand"_s));
    QVERIFY(store.ok());
    m_store = std::move(store).value();
}

void tst_StoreClock::appendEvent()
{
    HS_VERIFY_OK(m_store->append(u"clock-1"_s,
                                 {EventData::fromJson(u"clock-tested"_s, QJsonObject {})},
                                 ExpectedRevision::any()));
}

void tst_StoreClock::aTerminalClockIsBoundedByTheStoresAndJudged_data()
{
    QTest::addColumn<qint64>("offset"); // seconds the terminal is off the store
    QTest::addColumn<bool>("deliberate");
    QTest::addColumn<QString>("says"); // empty: in step
    QTest::addColumn<bool>("refused");
    const qint64 year = 365 * 86400;
    QTest::newRow("a clock a year ahead, the system's") << year << false << u"ahead"_s << true;
    QTest::newRow("a clock a year ahead, set on purpose") << year << true << u"ahead"_s << false;
    QTest::newRow("a clock an hour ahead") << qint64(3600) << false << u"ahead"_s << true;
    QTest::newRow("a clock a day behind") << qint64(-86400) << false << u"behind"_s << true;
    QTest::newRow("a clock two minutes ahead is in step")
        << qint64(120) << false << QString() << false;
    QTest::newRow("a clock four minutes behind is in step")
        << qint64(-240) << false << QString() << false;
}

void tst_StoreClock::aTerminalClockIsBoundedByTheStoresAndJudged()
{
    QFETCH(qint64, offset);
    QFETCH(bool, deliberate);
    QFETCH(QString, says);
    QFETCH(bool, refused);
    appendEvent();
    const QDateTime storeNow = QDateTime::currentDateTimeUtc();
    ManualClock store(storeNow);
    ManualClock terminal(storeNow.addSecs(offset));
    StoreClock clock(terminal, *m_store, deliberate, StoreClock::following(store));
    HS_VERIFY_OK(clock.check());

    // Within a few seconds of the store's: the monotonic timer runs on.
    const QDateTime bound = std::min(terminal.now(), storeNow);
    QVERIFY2(std::abs(clock.now().secsTo(bound)) <= 5,
             qPrintable(clock.now().toString(Qt::ISODate)));
    QVERIFY(clock.now() <= storeNow.addSecs(5));
    if (says.isEmpty()) {
        QCOMPARE(clock.problem(), QString());
    } else {
        QVERIFY2(clock.problem().contains(says), qPrintable(clock.problem()));
        QVERIFY2(clock.problem().contains(u"This terminal's clock says"_s),
                 qPrintable(clock.problem()));
    }
    QCOMPARE(clock.refusal().has_value(), refused);
    if (refused)
        QCOMPARE(clock.refusal()->code(), DomainError::Code::ClockOutOfStep);
}

// A machine (or a server) whose clock was set back: its store's newest event
// is from later than its clock says.
void tst_StoreClock::aStoreClockBehindItsNewestEventIsOutOfStep()
{
    appendEvent();
    ManualClock store(QDateTime::currentDateTimeUtc().addDays(-2));
    StoreClock clock(store, *m_store, false, StoreClock::following(store));
    HS_VERIFY_OK(clock.check());
    QVERIFY2(clock.problem().contains(u"before the newest event in the store"_s),
             qPrintable(clock.problem()));
    // Told of, not refused: fixing a clock that was ahead would otherwise
    // stop bookings until the times it stamped have passed.
    QVERIFY(!clock.refusal().has_value());
}

// A store whose clock jumped far past its newest event (a dead clock battery,
// or a restaurant closed for weeks): told of, not refused, and tables are
// released only up to QuietLimit after that event.
void tst_StoreClock::aStoreQuietLongerThanADayVouchesForADayPastItsNewestEvent()
{
    appendEvent();
    const QDateTime newest = QDateTime::currentDateTimeUtc();
    ManualClock store(newest.addDays(365));
    StoreClock clock(store, *m_store, false, StoreClock::following(store));
    HS_VERIFY_OK(clock.check());
    QVERIFY2(clock.problem().contains(u"after the newest event in the store"_s),
             qPrintable(clock.problem()));
    QVERIFY(!clock.refusal().has_value());
    QVERIFY2(std::abs(clock.now().secsTo(newest.addSecs(12 * 3600))) <= 5,
             qPrintable(clock.now().toString(Qt::ISODate)));
}

// The machine's clock jumps a year ahead while the terminal runs, and
// events are stamped with it: still no more is vouched for than 12 hours
// past the newest event when the terminal started, plus the time it ran.
void tst_StoreClock::aClockThatJumpsAfterStartAndStampsEventsStaysBounded()
{
    appendEvent();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    ManualClock machine(started);
    StoreClock clock(machine, *m_store, false, StoreClock::following(machine));
    HS_VERIFY_OK(clock.check());
    QVERIFY(std::abs(clock.now().secsTo(started)) <= 5);

    ManualClock jumped(started.addDays(365));
    StoreClock later(jumped, *m_store, false, StoreClock::following(jumped));
    HS_VERIFY_OK(later.check());
    appendEvent(); // stamped, on SQLite, by the real clock; a jumped one would stamp ahead
    HS_VERIFY_OK(later.check());
    QVERIFY2(later.now() <= started.addSecs(12 * 3600 + 5),
             qPrintable(later.now().toString(Qt::ISODate)));
}

// Until the store's time could be read once, no table is released.
void tst_StoreClock::nothingIsReleasedBeforeTheStoresTimeIsKnown()
{
    ManualClock terminal(QDateTime::currentDateTimeUtc());
    StoreClock clock(terminal, *m_store, false, [] {
        return StoreResult<QDateTime>(
            StoreError(StoreError::Code::Unavailable, u"the server is out of reach"_s));
    });
    QVERIFY(!clock.check().ok());
    QVERIFY(clock.now() < QDateTime(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc()));
}

void tst_StoreClock::aClockSetRightAgainIsInStepAgain()
{
    appendEvent();
    ManualClock store(QDateTime::currentDateTimeUtc());
    ManualClock terminal(store.now().addDays(1));
    StoreClock clock(terminal, *m_store, false, StoreClock::following(store));
    HS_VERIFY_OK(clock.check());
    QVERIFY(!clock.problem().isEmpty());
    QSignalSpy changed(&clock, &StoreClock::problemChanged);
    terminal.setNow(store.now());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(clock.problem(), QString());
    QVERIFY(!clock.refusal());
}

QTEST_GUILESS_MAIN(tst_StoreClock)
#include "tst_storeclock.moc"
