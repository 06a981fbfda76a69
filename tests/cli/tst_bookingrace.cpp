#include "eventstore/EventStore.h"
#include "eventstore/EventStoreFactory.h"
#include "tests/cli/BookingRaceReferee.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

constexpr int HelperRounds = 100;
constexpr int CliRounds = 10;
const QString Now = u"2026-12-01T10:00:00Z"_s;
// Two spans on one table that overlap by an hour.
const QString EarlySpan = u"2026-12-04T19:00:00Z"_s;
const QString LateSpan = u"2026-12-04T19:30:00Z"_s;

} // namespace

// Two processes book one table for overlapping spans at the same moment,
// round after round: the table stream's optimistic concurrency lets exactly
// one booking through, and the other is refused up front or rejected by
// the sagas, with its reason; the table never holds two overlapping locks.
class tst_BookingRace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void twoRestaurantProcessesConfirmExactlyOneBookingPerRound();
    void twoCliProcessesConfirmExactlyOneBookingPerRound();
    void aChangeAndABookingRaceForOneTable();

private:
    QString storePath() const { return m_dir->filePath(u"restaurant.hoststand"_s); }
    void setUpTables(int count);
    void checkEveryTableStream(int rounds);

    std::unique_ptr<QTemporaryDir> m_dir;
    BookingRaceReferee m_referee;
};

void tst_BookingRace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_referee = {};
}

void tst_BookingRace::setUpTables(int count)
{
    ManualClock clock(FixedNow);
    RestaurantOptions options = optionsFor(storePath());
    options.runSagas = false;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    setUpRestaurant(*openRestaurant(options, clock), count);
}

void tst_BookingRace::checkEveryTableStream(int rounds)
{
    auto store = valueOf(openEventStore(storePath()));
    m_referee.checkEveryTableStream(*store, rounds);
}

// Two long-lived processes, each with its sagas; each round both are told
// to book at once (the line on their standard input is the barrier).
void tst_BookingRace::twoRestaurantProcessesConfirmExactlyOneBookingPerRound()
{
    setUpTables(HelperRounds);
    QProcess racers[2];
    for (QProcess &racer : racers) {
        QVERIFY(
            startHelper(racer, u"hoststand_restaurant_helper"_s, {u"race"_s, storePath(), Now}));
        QCOMPARE(readLine(racer, 30s).value_or("no answer"), QByteArray("ready"));
    }
    QElapsedTimer elapsed;
    elapsed.start();
    for (int round = 1; round <= HelperRounds; ++round) {
        const int early = round % 2; // who gets the early span, and is told first
        for (int i : {early, 1 - early}) {
            const QString span = i == early ? EarlySpan : LateSpan;
            racers[i].write(u"book T%1 %2 90 racer%3\n"_s.arg(round).arg(span).arg(i).toUtf8());
            racers[i].waitForBytesWritten(1000);
        }
        const auto first = readLine(racers[0], 30s);
        const auto second = readLine(racers[1], 30s);
        QVERIFY2(first && second, qPrintable(u"round %1: a process did not answer"_s.arg(round)));
        m_referee.checkRound(round, {answerOfHelper(*first), answerOfHelper(*second)});
        if (QTest::currentTestFailed())
            return;
    }
    for (QProcess &racer : racers) {
        racer.closeWriteChannel();
        QVERIFY(waitForExit(racer, 30s));
        QCOMPARE(racer.exitCode(), 0);
    }
    m_referee.checkTheSagasDecidedSome(HelperRounds, elapsed.elapsed());
    if (QTest::currentTestFailed())
        return;
    checkEveryTableStream(HelperRounds);
}

// The same with a pair of hoststand-cli processes per round, started
// together: each runs the sagas while it waits, or leaves them to the other.
void tst_BookingRace::twoCliProcessesConfirmExactlyOneBookingPerRound()
{
    setUpTables(CliRounds);
    const QString cli = executable(u"hoststand-cli"_s);
    QVERIFY2(!cli.isEmpty(), "hoststand-cli is not built");
    for (int round = 1; round <= CliRounds; ++round) {
        QProcess processes[2];
        for (int i : {0, 1})
            processes[i].start(cli,
                               {u"--store"_s, storePath(), u"--now"_s, Now, u"--json"_s, u"book"_s,
                                u"--table"_s, u"T%1"_s.arg(round), u"--at"_s,
                                i == 0 ? EarlySpan : LateSpan, u"--party"_s, u"2"_s, u"--name"_s,
                                u"racer%1"_s.arg(i)});
        RaceAnswer answers[2];
        for (int i : {0, 1}) {
            QVERIFY(processes[i].waitForFinished(30000));
            answers[i] = answerOfCli(processes[i], processes[i].readAllStandardOutput());
            QVERIFY(processes[i].exitCode() == 0 || processes[i].exitCode() == 1);
        }
        m_referee.checkRound(round, {answers[0], answers[1]});
        if (QTest::currentTestFailed())
            return;
    }
    checkEveryTableStream(CliRounds);
}

void tst_BookingRace::aChangeAndABookingRaceForOneTable()
{
    setUpTables(2 * CliRounds);
    raceChangesAgainstBookings(storePath(), Now, CliRounds, m_referee);
    if (QTest::currentTestFailed())
        return;
    checkEveryTableStream(CliRounds);
    QProcess verify;
    verify.start(executable(u"hoststand-cli"_s), {u"--store"_s, storePath(), u"verify"_s});
    QVERIFY(verify.waitForFinished(60000));
    QVERIFY2(verify.exitCode() == 0, verify.readAllStandardOutput().constData());
}

QTEST_GUILESS_MAIN(tst_BookingRace)
#include "tst_bookingrace.moc"
