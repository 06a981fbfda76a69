#include "eventstore/EventStoreFactory.h"
#include "tests/cli/BookingRaceReferee.h"
#include "tests/cli/CliRunner.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/postgres/PostgresTestServer.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

constexpr int Racers = 3;
constexpr int HelperRounds = 100;
constexpr int CliRounds = 6;
const QString Now = u"2026-12-01T10:00:00Z"_s;
// Three 90-minute spans on one table, each overlapping the other two.
const std::array<QString, Racers> Spans {u"2026-12-04T19:00:00Z"_s, u"2026-12-04T19:30:00Z"_s,
                                         u"2026-12-04T20:00:00Z"_s};

} // namespace

// Three terminals, each a process of its own on the same PostgreSQL store,
// book one table for mutually overlapping spans at the same moment, round
// after round: exactly one booking per round is confirmed, the others end
// rejected or refused with the overlap as the reason, and no table stream
// ever holds two overlapping locks.
class tst_PostgresBookingRace final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void threeRestaurantProcessesConfirmExactlyOneBookingPerRound();
    void threeCliProcessesConfirmExactlyOneBookingPerRound();
    void aChangeAndABookingRaceForOneTable();

private:
    void setUpTables(int count);
    void checkEveryTableStream(int rounds);

    PostgresTestServer m_server;
    QString m_url;
    BookingRaceReferee m_referee;
};

void tst_PostgresBookingRace::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_server.start());
}

void tst_PostgresBookingRace::init()
{
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
    m_referee = {};
}

void tst_PostgresBookingRace::setUpTables(int count)
{
    ManualClock clock(FixedNow);
    RestaurantOptions options = optionsFor(m_url);
    options.runSagas = false;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    setUpRestaurant(*openRestaurant(options, clock), count);
}

void tst_PostgresBookingRace::checkEveryTableStream(int rounds)
{
    auto store = valueOf(openEventStore(m_url));
    m_referee.checkEveryTableStream(*store, rounds);
}

// Three long-lived processes, each with its sagas competing for the
// leases; each round all three are told to book at once.
void tst_PostgresBookingRace::threeRestaurantProcessesConfirmExactlyOneBookingPerRound()
{
    setUpTables(HelperRounds);
    std::array<QProcess, Racers> racers;
    for (QProcess &racer : racers) {
        QVERIFY(startHelper(racer, u"hoststand_restaurant_helper"_s, {u"race"_s, m_url, Now}));
        QCOMPARE(readLine(racer, 30s).value_or("no answer"), QByteArray("ready"));
    }
    QElapsedTimer elapsed;
    elapsed.start();
    for (int round = 1; round <= HelperRounds; ++round) {
        for (int i = 0; i < Racers; ++i) {
            const int racer = (i + round) % Racers; // who is told first changes
            racers[racer].write(u"book T%1 %2 90 racer%3\n"_s.arg(round)
                                    .arg(Spans[size_t(racer)])
                                    .arg(racer)
                                    .toUtf8());
            racers[racer].waitForBytesWritten(1000);
        }
        QList<RaceAnswer> answers(Racers);
        for (int i = 0; i < Racers; ++i) {
            const auto line = readLine(racers[size_t(i)], 30s);
            QVERIFY2(line, qPrintable(u"round %1: racer %2 did not answer"_s.arg(round).arg(i)));
            answers[i] = answerOfHelper(*line);
        }
        m_referee.checkRound(round, answers);
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

// The same with three hoststand-cli processes per round, started together,
// and the day's list read back through hoststand-cli as a script would.
void tst_PostgresBookingRace::threeCliProcessesConfirmExactlyOneBookingPerRound()
{
    setUpTables(CliRounds);
    const QString cli = executable(u"hoststand-cli"_s);
    QVERIFY2(!cli.isEmpty(), "hoststand-cli is not built");
    for (int round = 1; round <= CliRounds; ++round) {
        std::array<QProcess, Racers> processes;
        for (int i = 0; i < Racers; ++i)
            processes[size_t(i)].start(cli,
                                       {u"--store"_s, m_url, u"--now"_s, Now, u"--json"_s,
                                        u"book"_s, u"--table"_s, u"T%1"_s.arg(round), u"--at"_s,
                                        Spans[size_t(i)], u"--party"_s, u"2"_s, u"--name"_s,
                                        u"racer%1"_s.arg(i)});
        QList<RaceAnswer> answers(Racers);
        for (int i = 0; i < Racers; ++i) {
            QProcess &process = processes[size_t(i)];
            QVERIFY(process.waitForFinished(30000));
            const QByteArray output = process.readAllStandardOutput();
            QVERIFY2(process.exitCode() == 0 || process.exitCode() == 1,
                     process.readAllStandardError().constData());
            answers[i] = answerOfCli(process, output);
        }
        m_referee.checkRound(round, answers);
        if (QTest::currentTestFailed())
            return;
    }
    checkEveryTableStream(CliRounds);

    const CliRunner runner({u"--store"_s, m_url, u"--now"_s, Now, u"--json"_s});
    const QStringList list {u"bookings"_s, u"list"_s, u"--date"_s, u"2026-12-04"_s};
    const CliRun listed = runner.run(list);
    QVERIFY2(listed.exitCode == 0, listed.describe(list).constData());
    // A booking refused up front was never written; a rejected one is listed.
    const int written = CliRounds * Racers - m_referee.refusedUpFront();
    QCOMPARE(jsonAt(listed.json(), u"#"_s), QString::number(written));
    int confirmed = 0;
    for (int i = 0; i < written; ++i)
        confirmed += jsonAt(listed.json(), u"%1/status"_s.arg(i)) == u"confirmed"_s ? 1 : 0;
    QCOMPARE(confirmed, CliRounds);
}

void tst_PostgresBookingRace::aChangeAndABookingRaceForOneTable()
{
    setUpTables(2 * CliRounds);
    raceChangesAgainstBookings(m_url, Now, CliRounds, m_referee);
    if (QTest::currentTestFailed())
        return;
    checkEveryTableStream(CliRounds);
    const CliRunner runner({u"--store"_s, m_url, u"--now"_s, Now});
    const CliRun verified = runner.run({u"verify"_s});
    QVERIFY2(verified.exitCode == 0, verified.describe({u"verify"_s}).constData());
}

QTEST_GUILESS_MAIN(tst_PostgresBookingRace)
#include "tst_postgresbookingrace.moc"
