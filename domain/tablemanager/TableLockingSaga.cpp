#include "domain/tablemanager/TableLockingSaga.h"

#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/TableManager.h"

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// A refusal is the saga's answer and final (a failed placement is recorded
// for the booker); only a failing store, or a conflict that outlasted the
// retries, is worth another attempt. A store failing for now (a full disk,
// a lost connection) is waited out, never parked for.
Disposition dispositionFor(const DomainError &error)
{
    if (error.isTransient())
        return Disposition::wait(error.message());
    switch (error.code()) {
    case DomainError::Code::StoreFailure:
    case DomainError::Code::Conflict:
        return Disposition::retry(error.message());
    default:
        return Disposition::ack();
    }
}

template<typename T>
Disposition dispositionFor(const DomainResult<T> &result)
{
    return result.ok() ? Disposition::ack() : dispositionFor(result.error());
}

} // namespace

TableLockingSaga::TableLockingSaga(TableManager &manager, QObject *parent)
    : TableLockingSaga(manager, PersistentSubscription::Settings {}, parent)
{ }

TableLockingSaga::TableLockingSaga(TableManager &manager, PersistentSubscription::Settings settings,
                                   QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_subscription(
          manager.store(), GroupName, filter(),
          [this](const RecordedEvent &event) { return handle(event); }, settings)
{ }

TableLockingSaga::~TableLockingSaga() = default;

ReadAllFilter TableLockingSaga::filter()
{
    return ReadAllFilter {{u"booking"_s},
                          {TableBookingInitiated::Type.toString(),
                           TableBookingCancelled::Type.toString(), BookingNoShow::Type.toString(),
                           PartyLeft::Type.toString(), BookingChangeRequested::Type.toString(),
                           BookingChanged::Type.toString(),
                           BookingChangeRejected::Type.toString()}};
}

void TableLockingSaga::start()
{
    m_subscription.start();
}

void TableLockingSaga::stop()
{
    m_subscription.stop();
}

template<typename Other>
Disposition TableLockingSaga::on(const RecordedEvent &trigger, const Other &)
{
    return Disposition::skip(
        u"The table-locking saga has nothing to do on %1."_s.arg(trigger.type));
}

Disposition TableLockingSaga::handle(const RecordedEvent &event)
{
    auto decoded = EventCodec::decode(event);
    if (!decoded.ok())
        return Disposition::park(u"The table-locking saga cannot read %1 at position %2: %3"_s.arg(
            event.type, QString::number(event.position), decoded.error().message));
    return std::visit([&](const auto &e) { return on(event, e); }, decoded.value());
}

Disposition TableLockingSaga::on(const RecordedEvent &trigger, const TableBookingInitiated &event)
{
    const Causation cause = Causation::ofEvent(trigger, event.bookingId, u"table-locking:lock"_s);
    return dispositionFor(m_manager.placeLock(event.tableId, event.bookingId, event.timeSlot,
                                              event.partySize, cause));
}

Disposition TableLockingSaga::on(const RecordedEvent &trigger, const TableBookingCancelled &event)
{
    return releaseLock(trigger, event.tableId, event.bookingId, LockRemovalReason::Cancelled);
}

Disposition TableLockingSaga::on(const RecordedEvent &trigger, const BookingNoShow &event)
{
    return releaseLock(trigger, event.tableId, event.bookingId, LockRemovalReason::NoShow);
}

Disposition TableLockingSaga::on(const RecordedEvent &trigger, const PartyLeft &event)
{
    return releaseLock(trigger, event.tableId, event.bookingId, LockRemovalReason::PartyLeft);
}

Disposition TableLockingSaga::on(const RecordedEvent &trigger, const BookingChangeRequested &event)
{
    const Causation cause = Causation::ofEvent(trigger, event.bookingId, u"table-locking:lock"_s);
    return dispositionFor(m_manager.placeLock(event.tableId, event.bookingId, event.timeSlot,
                                              event.partySize, cause, event.change));
}

// Only a lock placed before this change: a late redelivery cannot free the
// lock a newer change placed on the old table.
Disposition TableLockingSaga::on(const RecordedEvent &trigger, const BookingChanged &event)
{
    if (event.previousTableId == event.tableId)
        return Disposition::ack();
    return releaseLock(trigger, event.previousTableId, event.bookingId, LockRemovalReason::Moved,
                       LockScope::before(event.change));
}

// A change refused by the table manager placed no lock; one the booking
// ended under may have, and only that lock goes.
Disposition TableLockingSaga::on(const RecordedEvent &trigger, const BookingChangeRejected &event)
{
    if (event.reason != ChangeRejectionReason::BookingEnded)
        return Disposition::ack();
    return releaseLock(trigger, event.tableId, event.bookingId, LockRemovalReason::ChangeWithdrawn,
                       LockScope::of(event.change));
}

// Nothing to release (no lock, or no table) is no reason to stop the saga.
Disposition TableLockingSaga::releaseLock(const RecordedEvent &trigger, const TableId &table,
                                          const BookingId &booking, LockRemovalReason reason,
                                          LockScope scope)
{
    const Causation cause = Causation::ofEvent(trigger, booking, u"table-locking:release"_s);
    return dispositionFor(m_manager.removeLock(table, booking, reason, cause, scope));
}

} // namespace hoststand
