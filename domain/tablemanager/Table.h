#pragma once

#include "domain/DomainError.h"
#include "domain/contracts/DomainEvent.h"
#include "domain/contracts/TimeInWords.h"
#include "domain/tablemanager/LockPlacementDecision.h"
#include "domain/tablemanager/TableLock.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace hoststand {

// The table aggregate as a pure decider. Its state is rebuilt from the
// events of its stream "table-{id}" with apply(), which trusts them and
// never re-validates; each decision returns the events to append or the
// refusal, and never touches the store. The caller appends with the
// revision it loaded, so a concurrent change fails the append and the
// decision is taken again on fresh state.
class Table final
{
public:
    enum class Status {
        Missing, // never added (its stream may hold failed lock requests)
        InService,
        Removed,
    };
    // What became of a booking's lock on this table: held while the booking
    // holds one here, else what became of the last request for it. It is
    // remembered for every booking the table has seen, by change, so a
    // redelivered request is a no-op.
    enum class LockState { Held, Refused, Released };

    explicit Table(TableId id);
    static Table fromHistory(TableId id, const QList<DomainEvent> &events);

    void apply(const DomainEvent &event);

    const TableId &id() const { return m_id; }
    Status status() const { return m_status; }
    bool isInService() const { return m_status == Status::InService; }
    // Set once the table was added; after a removal, the seats it last had.
    std::optional<SeatCount> seats() const { return m_seats; }
    const TableLayout &layout() const { return m_layout; }
    // The locks not released yet, by start. A lock whose span has passed
    // stays until the lock expiry releases it.
    const QList<TableLock> &locks() const { return m_locks; }
    // The locks whose span has not ended at now: those that keep the table in use.
    QList<TableLock> locksInForce(const QDateTime &now) const;
    // The locks whose span has ended at now, and are due for release.
    QList<TableLock> locksEnded(const QDateTime &now) const;
    const TableLock *lockOf(const BookingId &booking) const;
    std::optional<LockState> lockState(const BookingId &booking) const;

    // --- Decisions --------------------------------------------------------
    // A refusal names the bookings in the way with their times in words.

    DomainResult<QList<DomainEvent>> add(SeatCount seats, const TableLayout &layout) const;
    // No events when the layout is the same.
    DomainResult<QList<DomainEvent>> move(const TableLayout &layout) const;
    // Refused while a lock in force holds a party larger than the new seats.
    DomainResult<QList<DomainEvent>> changeSeats(SeatCount seats, const QDateTime &now,
                                                 const TimeInWords &words) const;
    // Refused while a lock is in force; locks that have ended are released
    // with the removal, so a removed table holds no lock.
    DomainResult<QList<DomainEvent>> remove(const QDateTime &now, const TimeInWords &words) const;
    // A lock for a change of the booking (change >= 1) replaces the lock the
    // booking holds here, and may overlap it. A request for a change older
    // than the last decided here comes too late and changes nothing.
    LockPlacementDecision placeLock(const BookingId &booking, const TimeSpan &span, PartySize party,
                                    const TimeInWords &words, int change = 0) const;
    // No events when the booking's lock was released already, or the lock
    // it holds is out of the scope.
    DomainResult<QList<DomainEvent>> removeLock(const BookingId &booking, LockRemovalReason reason,
                                                LockScope scope = LockScope::any()) const;

private:
    // The last decision on a request for the booking's lock.
    struct LockRecord
    {
        int change = 0;
        LockState state = LockState::Held;
        // For a refused lock: the refusal, to answer a repeated request alike.
        LockFailureReason failure = LockFailureReason::TableMissing;
        QString message;
        QStringList conflictingBookings;
    };

    void on(const TableAdded &event);
    void on(const TableMoved &event);
    void on(const TableSeatsChanged &event);
    void on(const TableRemoved &event);
    void on(const TableLockPlaced &event);
    void on(const TableLockPlacementFailed &event);
    void on(const TableLockRemoved &event);
    template<typename Other>
    void on(const Other &)
    { }

    std::optional<DomainError> refusalToChange() const;
    LockPlacementDecision earlierDecision(const BookingId &booking, const LockRecord &record) const;
    LockPlacementDecision failure(const BookingId &booking, const TimeSpan &span, PartySize party,
                                  int change, LockFailureReason reason, const QString &message,
                                  const QStringList &conflicting = {}) const;
    // The locks of other bookings than the one given that overlap the span.
    QList<TableLock> overlapping(const TimeSpan &span, const BookingId &except) const;
    qsizetype firstEndingAfter(const QDateTime &moment) const;

    TableId m_id;
    Status m_status = Status::Missing;
    std::optional<SeatCount> m_seats;
    TableLayout m_layout;
    // Sorted by start. Locks on one table never overlap, so they are
    // sorted by end as well, and a binary search finds overlaps.
    QList<TableLock> m_locks;
    QHash<BookingId, LockRecord> m_lockRecords;
};

} // namespace hoststand
