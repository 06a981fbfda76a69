#include "domain/tablemanager/Table.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// "19:00–20:30 (booking a) and Sat 19 Dec 2026, 21:00–22:30 (booking b)"
QString describeBookings(const QList<TableLock> &locks, const TimeInWords &words, bool withParty)
{
    QStringList parts;
    for (const TableLock &lock : locks) {
        QString part = words.span(lock.span);
        if (withParty)
            part += u" for a party of %1"_s.arg(lock.partySize.value());
        parts.append(part + u" (booking %1)"_s.arg(lock.bookingId.toString()));
    }
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(u", "_s) + u" and "_s + last;
}

QStringList bookingIdsOf(const QList<TableLock> &locks)
{
    QStringList ids;
    ids.reserve(locks.size());
    for (const TableLock &lock : locks)
        ids.append(lock.bookingId.toString());
    return ids;
}

QString noSuchTable(const TableId &id)
{
    return u"There is no table %1."_s.arg(id.toString());
}

QString tableWasRemoved(const TableId &id)
{
    return u"Table %1 has been removed."_s.arg(id.toString());
}

} // namespace

Table::Table(TableId id)
    : m_id(std::move(id))
{ }

Table Table::fromHistory(TableId id, const QList<DomainEvent> &events)
{
    Table table(std::move(id));
    for (const DomainEvent &event : events)
        table.apply(event);
    return table;
}

void Table::apply(const DomainEvent &event)
{
    std::visit([this](const auto &e) { on(e); }, event);
}

void Table::on(const TableAdded &event)
{
    m_status = Status::InService;
    m_seats = event.seats;
    m_layout = event.layout;
}

void Table::on(const TableMoved &event)
{
    m_layout = event.layout;
}

void Table::on(const TableSeatsChanged &event)
{
    m_seats = event.seats;
}

void Table::on(const TableRemoved &)
{
    m_status = Status::Removed;
}

void Table::on(const TableLockPlaced &event)
{
    m_locks.removeIf([&](const TableLock &lock) { return lock.bookingId == event.bookingId; });
    const auto at = std::upper_bound(
        m_locks.begin(), m_locks.end(), event.span.start(),
        [](const QDateTime &start, const TableLock &lock) { return start < lock.span.start(); });
    m_locks.insert(
        at, TableLock {event.tableId, event.bookingId, event.span, event.partySize, event.change});
    LockRecord record;
    record.change = event.change;
    m_lockRecords.insert(event.bookingId, record);
}

void Table::on(const TableLockPlacementFailed &event)
{
    m_lockRecords.insert(event.bookingId,
                         LockRecord {event.change, LockState::Refused, event.reason, event.message,
                                     event.conflictingBookings});
}

void Table::on(const TableLockRemoved &event)
{
    const auto held = std::find_if(m_locks.cbegin(), m_locks.cend(), [&](const TableLock &lock) {
        return lock.bookingId == event.bookingId;
    });
    if (held != m_locks.cend())
        m_locks.erase(held);
    m_lockRecords[event.bookingId].state = LockState::Released;
}

// The index of the first lock that ends after moment (locks are sorted by end too).
qsizetype Table::firstEndingAfter(const QDateTime &moment) const
{
    const auto first
        = std::partition_point(m_locks.cbegin(), m_locks.cend(),
                               [&](const TableLock &lock) { return lock.span.end() <= moment; });
    return first - m_locks.cbegin();
}

QList<TableLock> Table::locksInForce(const QDateTime &now) const
{
    return m_locks.mid(firstEndingAfter(now));
}

QList<TableLock> Table::locksEnded(const QDateTime &now) const
{
    return m_locks.first(firstEndingAfter(now));
}

QList<TableLock> Table::overlapping(const TimeSpan &span, const BookingId &except) const
{
    QList<TableLock> found;
    for (qsizetype i = firstEndingAfter(span.start());
         i < m_locks.size() && m_locks.at(i).span.start() < span.end(); ++i) {
        if (m_locks.at(i).bookingId != except)
            found.append(m_locks.at(i));
    }
    return found;
}

const TableLock *Table::lockOf(const BookingId &booking) const
{
    for (const TableLock &lock : m_locks) {
        if (lock.bookingId == booking)
            return &lock;
    }
    return nullptr;
}

std::optional<Table::LockState> Table::lockState(const BookingId &booking) const
{
    if (lockOf(booking))
        return LockState::Held;
    const auto record = m_lockRecords.constFind(booking);
    return record == m_lockRecords.cend() ? std::nullopt : std::optional(record->state);
}

// Why the table's own properties cannot change now, if they cannot.
std::optional<DomainError> Table::refusalToChange() const
{
    switch (m_status) {
    case Status::Missing:
        return DomainError(DomainError::Code::NotFound, noSuchTable(m_id));
    case Status::Removed:
        return DomainError(DomainError::Code::TableRemoved, tableWasRemoved(m_id));
    case Status::InService:
        break;
    }
    return std::nullopt;
}

DomainResult<QList<DomainEvent>> Table::add(SeatCount seats, const TableLayout &layout) const
{
    if (m_status == Status::InService)
        return DomainError(DomainError::Code::AlreadyExists,
                           u"Table %1 is already in service."_s.arg(m_id.toString()));
    if (auto invalid = layout.validateNew())
        return *invalid;
    return QList<DomainEvent> {TableAdded {m_id, seats, layout}};
}

DomainResult<QList<DomainEvent>> Table::move(const TableLayout &layout) const
{
    if (auto refusal = refusalToChange())
        return *refusal;
    // A zone named before the rules of TextField may stay as it is.
    const bool sameZone = layout.zone == m_layout.zone;
    if (auto invalid = sameZone ? layout.validate() : layout.validateNew())
        return *invalid;
    if (layout == m_layout)
        return QList<DomainEvent> {};
    return QList<DomainEvent> {TableMoved {m_id, layout}};
}

DomainResult<QList<DomainEvent>> Table::changeSeats(SeatCount seats, const QDateTime &now,
                                                    const TimeInWords &words) const
{
    if (auto refusal = refusalToChange())
        return *refusal;
    if (seats == *m_seats)
        return QList<DomainEvent> {};
    QList<TableLock> tooLarge = locksInForce(now);
    tooLarge.removeIf(
        [&](const TableLock &lock) { return lock.partySize.value() <= seats.value(); });
    if (!tooLarge.isEmpty())
        return DomainError(DomainError::Code::TableLocked,
                           u"Table %1 cannot go down to %2 seats: it is booked %3."_s.arg(
                               m_id.toString(), QString::number(seats.value()),
                               describeBookings(tooLarge, words, true)),
                           bookingIdsOf(tooLarge));
    return QList<DomainEvent> {TableSeatsChanged {m_id, seats, *m_seats}};
}

DomainResult<QList<DomainEvent>> Table::remove(const QDateTime &now, const TimeInWords &words) const
{
    if (m_status == Status::Removed)
        return DomainError(DomainError::Code::TableRemoved,
                           u"Table %1 has been removed already."_s.arg(m_id.toString()));
    if (auto refusal = refusalToChange())
        return *refusal;
    if (const QList<TableLock> inForce = locksInForce(now); !inForce.isEmpty())
        return DomainError(DomainError::Code::TableLocked,
                           u"Table %1 cannot be removed: it is booked %2."_s.arg(
                               m_id.toString(), describeBookings(inForce, words, false)),
                           bookingIdsOf(inForce));
    QList<DomainEvent> events;
    for (const TableLock &ended : std::as_const(m_locks))
        events.append(TableLockRemoved {m_id, ended.bookingId, LockRemovalReason::SlotPassed});
    events.append(TableRemoved {m_id});
    return events;
}

LockPlacementDecision Table::placeLock(const BookingId &booking, const TimeSpan &span,
                                       PartySize party, const TimeInWords &words, int change) const
{
    if (const auto record = m_lockRecords.constFind(booking); record != m_lockRecords.cend()) {
        if (record->change == change)
            return earlierDecision(booking, *record);
        if (record->change > change)
            return {}; // a newer change was decided here already
    }
    if (m_status == Status::Missing)
        return failure(booking, span, party, change, LockFailureReason::TableMissing,
                       noSuchTable(m_id));
    if (m_status == Status::Removed)
        return failure(booking, span, party, change, LockFailureReason::TableRemoved,
                       tableWasRemoved(m_id));
    if (const QList<TableLock> conflicts = overlapping(span, booking); !conflicts.isEmpty())
        return failure(booking, span, party, change, LockFailureReason::Overlap,
                       u"Table %1 is already booked %2."_s.arg(
                           m_id.toString(), describeBookings(conflicts, words, false)),
                       bookingIdsOf(conflicts));
    if (party.value() > m_seats->value())
        return failure(booking, span, party, change, LockFailureReason::PartyTooLarge,
                       u"Table %1 seats %2; a party of %3 does not fit."_s.arg(
                           m_id.toString(), QString::number(m_seats->value()),
                           QString::number(party.value())));
    return {{TableLockPlaced {m_id, booking, span, party, change}}, std::nullopt};
}

// A request for a booking this table has decided before changes nothing
// and gets the same answer.
LockPlacementDecision Table::earlierDecision(const BookingId &booking,
                                             const LockRecord &record) const
{
    switch (record.state) {
    case LockState::Held:
        if (lockOf(booking))
            return {};
        break;
    case LockState::Refused:
        return {{},
                DomainError(DomainError::codeOf(record.failure), record.message,
                            record.conflictingBookings)};
    case LockState::Released:
        break;
    }
    return {{},
            DomainError(DomainError::Code::InvalidTransition,
                        u"The lock of booking %1 on table %2 has been released already."_s.arg(
                            booking.toString(), m_id.toString()))};
}

LockPlacementDecision Table::failure(const BookingId &booking, const TimeSpan &span,
                                     PartySize party, int change, LockFailureReason reason,
                                     const QString &message, const QStringList &conflicting) const
{
    return {{TableLockPlacementFailed {m_id, booking, span, party, reason, message, conflicting,
                                       change}},
            DomainError(DomainError::codeOf(reason), message, conflicting)};
}

DomainResult<QList<DomainEvent>> Table::removeLock(const BookingId &booking,
                                                   LockRemovalReason reason, LockScope scope) const
{
    if (const TableLock *held = lockOf(booking)) {
        if (!scope.covers(held->change))
            return QList<DomainEvent> {};
        return QList<DomainEvent> {TableLockRemoved {m_id, booking, reason}};
    }
    const std::optional<LockState> state = lockState(booking);
    if (state == LockState::Released)
        return QList<DomainEvent> {};
    if (m_status == Status::Missing)
        return DomainError(DomainError::Code::TableMissing, noSuchTable(m_id));
    return DomainError(
        DomainError::Code::NotFound,
        u"Table %1 holds no lock for booking %2."_s.arg(m_id.toString(), booking.toString()));
}

} // namespace hoststand
