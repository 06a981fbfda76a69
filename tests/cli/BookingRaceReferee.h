#pragma once

#include "eventstore/EventStore.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>

// The referee of the booking-race tests, on SQLite and on PostgreSQL: reads
// what each racing process answered and checks that every round had one
// winner, that every loser lost to the overlap, and that no table stream
// ever held two overlapping locks.
namespace hoststand::test {

// One process's answer for a round: confirmed, rejected (by the sagas) or
// refused (up front), with the code and reason of a loss.
struct RaceAnswer
{
    QString status;
    QString code;
    QString reason;
};

// "confirmed ..." or "rejected <booking> <code> <reason...>" from the
// restaurant helper's race mode.
RaceAnswer answerOfHelper(const QByteArray &line);
// hoststand-cli --json book: its exit code and standard output.
RaceAnswer answerOfCli(const QProcess &process, const QByteArray &output);

class BookingRaceReferee;

// Round N, with hoststand-cli processes started together on the store:
// booking N, on table T(rounds + N) from 19:00, moves to TN while another
// process books TN from 19:30; then two changes of booking N at once (back
// to its table, and 15 minutes later). One of the first two wins and the
// other loses to the overlap, the booking holds its place or its new one
// and nothing else; of the two changes, one is made or both are, one after
// the other, never half of one. Tables T1 to T(2 rounds) must exist.
void raceChangesAgainstBookings(const QString &store, const QString &now, int rounds,
                                BookingRaceReferee &referee);

class BookingRaceReferee
{
public:
    // Round N races for table TN. Failures are QTest failures; check
    // QTest::currentTestFailed() after each call.
    void checkRound(int round, const QList<RaceAnswer> &answers);
    void checkEveryTableStream(EventStore &store, int rounds);
    // After long-lived racers' rounds: says how they ended, and checks that
    // the race reached the store (the sagas decided some losers, not the
    // up-front check all of them).
    void checkTheSagasDecidedSome(int rounds, qint64 elapsedMs);

    int refusedUpFront() const { return m_refusedUpFront; }
    int rejectedBySagas() const { return m_rejectedBySagas; }

private:
    void checkTableStream(EventStore &store, int round);

    int m_refusedUpFront = 0;
    int m_rejectedBySagas = 0;
};

} // namespace hoststand::test
