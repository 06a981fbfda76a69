#pragma once

#include "domain/Clock.h"
#include "domain/DomainError.h"
#include "eventstore/StoreError.h"

#include <QElapsedTimer>
#include <QTimeZone>

#include <chrono>
#include <functional>
#include <optional>

namespace hoststand {

class EventStore;

// The time a terminal may release tables by: its own clock, never past the
// time the store vouches for. The store's clock is the server's for a
// PostgreSQL store and this machine's for a SQLite file (the clock that
// stamps every event's creation), carried forward between two checks by a
// monotonic timer. Nor does the store vouch for more than QuietLimit past
// its newest event when this terminal first looked, plus the time this
// terminal has run since (a monotonic timer, which a clock set wrong does
// not move): a machine whose clock jumps a year ahead, and the events it
// stamps with it, cannot release a table for a booking still to come. The
// price is that after a quiet spell longer than QuietLimit (a restaurant
// closed two days), this terminal releases the locks of bookings made
// since it started only once it is started again. Until the store could
// be read once, nothing is released at all.
//
// It also tells whether the terminal's clock is out of step with the
// store's, in words for the status bar and stderr. A clock out of step that
// nobody set on purpose (the system clock, not --now) makes the commands
// that depend on the time refuse (refusal()).
class StoreClock final : public Clock
{
    Q_OBJECT

public:
    // How far the terminal's clock may be from the store's.
    static constexpr std::chrono::minutes Tolerance {5};
    // How far past the store's newest event (when this terminal started)
    // its clock is believed.
    static constexpr std::chrono::hours QuietLimit {12};

    // Where the store's time is read: the store itself unless a test says.
    using Source = std::function<StoreResult<QDateTime>()>;

    // A store whose clock is the given one: for tests, whose stores live at
    // the time the test sets (RestaurantOptions::storeTime).
    static Source following(const Clock &clock);

    // deliberate: the terminal's clock was set on purpose (--now, a test).
    StoreClock(const Clock &terminal, EventStore &store, bool deliberate, Source storeTime = {},
               QObject *parent = nullptr);

    // Reads the store's time and its newest event's time again; problem()
    // and now() follow from them until the next check.
    StoreResult<void> check();
    // What another StoreClock on the same store read (checked()), taken as
    // if this one had read it: a window's clock follows the engine's
    // without a round trip to the server of its own.
    void takeReading(const QDateTime &storeTime, const QDateTime &newestEvent);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    QDateTime now() const override;
    // The store's time as far as it vouches for it, whatever this
    // terminal's clock says (the terminal's when it was never checked).
    QDateTime storeNow() const;
    // Why this terminal's time cannot be trusted, in words; empty when it can.
    QString problem() const { return m_verdict.problem; }
    // Whether the terminal's clock was set on purpose (--now, a test).
    bool isDeliberate() const { return m_deliberate; }
    // The refusal of a command that depends on the time, while the
    // terminal's own (not deliberate) clock is out of step.
    std::optional<DomainError> refusal() const;

Q_SIGNALS:
    void problemChanged(const QString &problem);
    // A check read the store's time and the time of its newest event
    // (invalid: the store holds none).
    void checked(const QDateTime &storeTime, const QDateTime &newestEvent);

private:
    enum class Trouble { None, StoreClockBehind, TerminalOutOfStep, QuietStore };
    struct Verdict
    {
        Trouble trouble = Trouble::None;
        QString problem;
    };

    Verdict verdict() const;
    void judge();
    QString shown(const QDateTime &moment) const;

    const Clock &m_terminal;
    EventStore &m_store;
    bool m_deliberate;
    Source m_source;
    QTimeZone m_zone = QTimeZone::utc();
    QDateTime m_storeTime; // at the last check
    QDateTime m_newestEvent; // invalid: the store holds none
    QElapsedTimer m_sinceCheck;
    QDateTime m_anchor; // the newest event at the first check (or the store's time)
    QElapsedTimer m_sinceAnchor;
    Verdict m_verdict;
};

} // namespace hoststand
