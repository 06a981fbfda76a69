#pragma once

#include "domain/Clock.h"
#include "domain/CommandContext.h"
#include "domain/DomainError.h"
#include "domain/tablemanager/Causation.h"
#include "domain/tablemanager/Table.h"
#include "domain/tablemanager/TableLock.h"

#include <QList>

#include <functional>
#include <optional>

namespace hoststand {

class EventStore;

// The table manager's command handler: loads a table's stream, lets the
// Table decide, and appends what it decided with the exact revision it
// loaded. Optimistic concurrency on the table stream settles every race
// (two terminals, two saga instances, two expiry runs): the loser's append
// fails, and the command is decided again on the fresh stream.
//
// Also answers queries for callers that have no read model.
class TableManager final
{
public:
    TableManager(EventStore &store, const Clock &clock,
                 CommandContext context = CommandContext::ofThisProcess());

    EventStore &store() const { return m_store; }
    const Clock &clock() const { return m_clock; }

    // --- Commands: each returns the table as it is afterwards ---------------

    DomainResult<Table> addTable(const TableId &id, SeatCount seats, const TableLayout &layout);
    DomainResult<Table> moveTable(const TableId &id, const TableLayout &layout);
    DomainResult<Table> changeSeats(const TableId &id, SeatCount seats);
    DomainResult<Table> removeTable(const TableId &id);

    // Places the booking's lock (for its change, from 1, or as initiated, 0),
    // or records why it cannot and returns that refusal (TableMissing,
    // TableRemoved, LockOverlap, PartyTooLarge). A repeated request writes
    // nothing and gets the same answer.
    DomainResult<TableLock> placeLock(const TableId &id, const BookingId &booking,
                                      const TimeSpan &span, PartySize party,
                                      const Causation &cause = {}, int change = 0);
    // True when this call released the lock, false when it was released
    // already or the lock held is out of the scope. Refused when the table
    // or the booking's lock never existed.
    DomainResult<bool> removeLock(const TableId &id, const BookingId &booking,
                                  LockRemovalReason reason, const Causation &cause = {},
                                  LockScope scope = LockScope::any());
    // Releases the table's locks whose span has passed at the clock's now
    // (slot-passed), each on behalf of its booking; returns those released.
    DomainResult<QList<TableLock>> expireLocks(const TableId &id);

    // --- Queries ------------------------------------------------------------

    // The table's state; Status::Missing when it was never added.
    DomainResult<Table> table(const TableId &id) const;
    // The tables ever added, in the order they were first added.
    DomainResult<QList<Table>> tables(bool includeRemoved = false) const;
    // The locks not yet released, of one table or of all, by table then start.
    DomainResult<QList<TableLock>> locks(const std::optional<TableId> &id = std::nullopt) const;

private:
    struct Loaded
    {
        Table table;
        qint64 revision;
    };
    using Decision = std::function<DomainResult<QList<DomainEvent>>(const Table &)>;

    DomainResult<Loaded> load(const TableId &id) const;
    DomainResult<Table> execute(const TableId &id, const Causation &cause, const Decision &decide);
    DomainResult<Table> append(const Loaded &loaded, const QList<DomainEvent> &events,
                               const Causation &cause);
    DomainResult<TableLock> placeLockOnce(const TableId &id, const BookingId &booking,
                                          const TimeSpan &span, PartySize party, int change,
                                          const Causation &cause, const TimeInWords &words);
    // How refusals put times in words at now: on the restaurant's clock.
    DomainResult<TimeInWords> timeInWords(const QDateTime &now) const;

    EventStore &m_store;
    const Clock &m_clock;
    CommandContext m_context;
    // Each table as last loaded or written here, at its stream revision. A
    // load reads only the events after it, so a lock costs the events since
    // the last one, not the table's whole history; a decision is still made
    // on the stream as the store holds it (the tail read first), and its
    // append expects that revision, so a table changed elsewhere since
    // conflicts and is read again. Dropped on any failure.
    mutable QHash<QString, Loaded> m_loaded;
};

} // namespace hoststand
