#include "BookingRaceReferee.h"

#include "domain/contracts/EventCodec.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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
// is held, and exactly one of the bookings got its lock.
void BookingRaceReferee::checkTableStream(EventStore &store, int round)
{
    const QString stream = u"table-T%1"_s.arg(round);
    auto events = store.readStream(stream, ReadDirection::Forwards, 0, 1000);
    HS_VERIFY_OK(events);
    QList<TableLockPlaced> held;
    int placed = 0;
    for (const RecordedEvent &recorded : events.value()) {
        auto decoded = EventCodec::decode(recorded);
        QVERIFY2(decoded.ok(), qPrintable(stream));
        if (const auto *lock = std::get_if<TableLockPlaced>(&decoded.value())) {
            for (const TableLockPlaced &other : std::as_const(held))
                QVERIFY2(!other.span.overlaps(lock->span),
                         qPrintable(u"%1 holds two overlapping locks"_s.arg(stream)));
            held.append(*lock);
            ++placed;
        } else if (const auto *removed = std::get_if<TableLockRemoved>(&decoded.value())) {
            held.removeIf(
                [&](const TableLockPlaced &l) { return l.bookingId == removed->bookingId; });
        }
    }
    QCOMPARE(placed, 1);
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
