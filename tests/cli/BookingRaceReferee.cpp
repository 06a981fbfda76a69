#include "BookingRaceReferee.h"

#include "domain/contracts/EventCodec.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace hoststand::test {

RaceAnswer answerOfHelper(const QByteArray &line)
{
    const QStringList words = QString::fromUtf8(line).split(u' ');
    return RaceAnswer {words.value(0), words.value(2), words.mid(3).join(u' ')};
}

RaceAnswer answerOfCli(const QProcess &process, const QByteArray &output)
{
    const QJsonObject json = QJsonDocument::fromJson(output).object();
    if (process.exitCode() == 0)
        return RaceAnswer {json.value(u"status"_s).toString(), {}, {}};
    const QString status = json.contains(u"status"_s) ? u"rejected"_s : u"refused"_s;
    return RaceAnswer {status, json.value(u"code"_s).toString(), json.value(u"error"_s).toString()};
}

namespace {

struct CliAnswer
{
    int exitCode = -1;
    QJsonObject json;
    QByteArray err;
};

QList<CliAnswer> runTogether(const QStringList &leading, const QList<QStringList> &commands)
{
    const QString cli = executable(u"hoststand-cli"_s);
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList &command : commands) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->start(cli, leading + command);
    }
    QList<CliAnswer> answers;
    for (auto &process : processes) {
        CliAnswer answer;
        if (process->waitForFinished(60000)) {
            answer.exitCode = process->exitCode();
            answer.json = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
            answer.err = process->readAllStandardError();
        }
        answers.append(answer);
    }
    return answers;
}

RaceAnswer raceAnswerOf(const CliAnswer &answer)
{
    if (answer.exitCode == 0)
        return RaceAnswer {answer.json.value(u"status"_s).toString(), {}, {}};
    const QString status = answer.json.contains(u"status"_s) ? u"rejected"_s : u"refused"_s;
    return RaceAnswer {status, answer.json.value(u"code"_s).toString(),
                       answer.json.value(u"error"_s).toString()};
}

} // namespace

void raceChangesAgainstBookings(const QString &store, const QString &now, int rounds,
                                BookingRaceReferee &referee)
{
    QVERIFY2(!executable(u"hoststand-cli"_s).isEmpty(), "hoststand-cli is not built");
    const QStringList leading {u"--store"_s, store, u"--now"_s, now, u"--json"_s};
    for (int round = 1; round <= rounds; ++round) {
        const QString home = u"T%1"_s.arg(rounds + round);
        const QString contested = u"T%1"_s.arg(round);
        const QList<CliAnswer> booked
            = runTogether(leading,
                          {{u"book"_s, u"--table"_s, home, u"--at"_s, u"2026-12-04T19:00:00Z"_s,
                            u"--party"_s, u"2"_s, u"--name"_s, u"mover%1"_s.arg(round)}});
        QVERIFY2(booked.at(0).exitCode == 0, booked.at(0).err.constData());
        const QString id = booked.at(0).json.value(u"id"_s).toString();

        const QList<CliAnswer> raced = runTogether(
            leading,
            {{u"bookings"_s, u"change"_s, id, u"--table"_s, contested},
             {u"book"_s, u"--table"_s, contested, u"--at"_s, u"2026-12-04T19:30:00Z"_s,
              u"--party"_s, u"2"_s, u"--name"_s, u"racer%1"_s.arg(round)}});
        for (const CliAnswer &answer : raced)
            QVERIFY2(answer.exitCode == 0 || answer.exitCode == 1, answer.err.constData());
        referee.checkRound(round, {raceAnswerOf(raced.at(0)), raceAnswerOf(raced.at(1))});
        if (QTest::currentTestFailed())
            return;
        const bool moved = raced.at(0).exitCode == 0;
        const QList<CliAnswer> shown = runTogether(leading, {{u"bookings"_s, u"show"_s, id}});
        QCOMPARE(shown.at(0).json.value(u"tableId"_s).toString(), moved ? contested : home);
        QCOMPARE(shown.at(0).json.value(u"start"_s).toString(), u"2026-12-04T19:00:00+00:00"_s);

        // Two changes of the booking at once: back home, and a quarter later.
        const QList<CliAnswer> twice
            = runTogether(leading,
                          {{u"bookings"_s, u"change"_s, id, u"--table"_s, home},
                           {u"bookings"_s, u"change"_s, id, u"--minutes"_s, u"120"_s}});
        int made = 0;
        for (const CliAnswer &answer : twice) {
            const QString code = answer.json.value(u"code"_s).toString();
            QVERIFY2(answer.exitCode == 0 || code == u"invalid-transition"_s
                         || code == u"conflict"_s || code == u"lock-overlap"_s,
                     QByteArray(answer.err + QJsonDocument(answer.json).toJson()).constData());
            made += answer.exitCode == 0 ? 1 : 0;
        }
        QVERIFY2(made >= 1 || moved, "neither change of the booking was made");
    }
}

void BookingRaceReferee::checkRound(int round, const QList<RaceAnswer> &answers)
{
    QStringList said;
    int confirmed = 0;
    for (const RaceAnswer &answer : answers) {
        said.append(u"%1 (%2 %3)"_s.arg(answer.status, answer.code, answer.reason));
        confirmed += answer.status == u"confirmed"_s ? 1 : 0;
    }
    const QByteArray context = u"round %1: %2"_s.arg(round).arg(said.join(u" / "_s)).toUtf8();
    QVERIFY2(confirmed == 1, context.constData());
    for (const RaceAnswer &answer : answers) {
        if (answer.status == u"confirmed"_s)
            continue;
        QVERIFY2(answer.status == u"rejected"_s || answer.status == u"refused"_s,
                 context.constData());
        QVERIFY2(answer.code == u"lock-overlap"_s, context.constData());
        QVERIFY2(answer.reason.contains(u"T%1"_s.arg(round)), context.constData());
        ++(answer.status == u"refused"_s ? m_refusedUpFront : m_rejectedBySagas);
    }
}

// Replays the table's stream: no lock is placed while an overlapping one
// of another booking is held, and exactly one of the bookings got a lock.
void BookingRaceReferee::checkTableStream(EventStore &store, int round)
{
    const QString stream = u"table-T%1"_s.arg(round);
    auto events = store.readStream(stream, ReadDirection::Forwards, 0, 1000);
    HS_VERIFY_OK(events);
    QList<TableLockPlaced> held;
    QSet<QString> locked; // the bookings that got a lock here
    for (const RecordedEvent &recorded : events.value()) {
        auto decoded = EventCodec::decode(recorded);
        QVERIFY2(decoded.ok(), qPrintable(stream));
        if (const auto *lock = std::get_if<TableLockPlaced>(&decoded.value())) {
            // A booking's change replaces its own lock.
            held.removeIf([&](const TableLockPlaced &l) { return l.bookingId == lock->bookingId; });
            for (const TableLockPlaced &other : std::as_const(held))
                QVERIFY2(!other.span.overlaps(lock->span),
                         qPrintable(u"%1 holds two overlapping locks"_s.arg(stream)));
            held.append(*lock);
            locked.insert(lock->bookingId.toString());
        } else if (const auto *removed = std::get_if<TableLockRemoved>(&decoded.value())) {
            held.removeIf(
                [&](const TableLockPlaced &l) { return l.bookingId == removed->bookingId; });
        }
    }
    QCOMPARE(locked.size(), 1);
}

void BookingRaceReferee::checkTheSagasDecidedSome(int rounds, qint64 elapsedMs)
{
    qInfo("%d rounds in %lld ms: %d refused up front, %d rejected by the sagas", rounds, elapsedMs,
          m_refusedUpFront, m_rejectedBySagas);
    QVERIFY2(m_rejectedBySagas > 0, "no round was decided by the sagas");
}

void BookingRaceReferee::checkEveryTableStream(EventStore &store, int rounds)
{
    for (int round = 1; round <= rounds; ++round) {
        checkTableStream(store, round);
        if (QTest::currentTestFailed())
            return;
    }
}

} // namespace hoststand::test
