#include "domain/booker/BookingSaga.h"

#include "domain/EventSourcing.h"
#include "domain/contracts/EventCodec.h"
#include "eventstore/EventStore.h"

using namespace Qt::StringLiterals;

namespace hoststand::booker {

static constexpr int MaxConflictAttempts = 10;

ReadAllFilter BookingSaga::filter()
{
    return ReadAllFilter {
        {u"table"_s},
        {TableLockPlaced::Type.toString(), TableLockPlacementFailed::Type.toString()}};
}

BookingSaga::BookingSaga(EventStore &store, CommandContext context,
                         PersistentSubscription::Settings settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_context(std::move(context))
    , m_subscription(
          store, GroupName, filter(), [this](const RecordedEvent &e) { return handle(e); },
          settings, this)
{ }

void BookingSaga::start()
{
    m_subscription.start();
}

void BookingSaga::stop()
{
    m_subscription.stop();
}

Disposition BookingSaga::handle(const RecordedEvent &event)
{
    auto decoded = EventCodec::decode(event);
    if (!decoded.ok())
        return Disposition::park(u"Cannot read %1 at position %2: %3"_s.arg(event.type)
                                     .arg(event.position)
                                     .arg(decoded.error().message));
    if (const auto *placed = std::get_if<TableLockPlaced>(&decoded.value())) {
        const int change = placed->change;
        if (change > 0)
            return settle(
                placed->bookingId, placed->tableId, change, event,
                [change](const Booking &booking) { return booking.settleChange(change); });
        return settle(placed->bookingId, placed->tableId, 0, event,
                      [](const Booking &booking) { return booking.confirm(); });
    }
    if (const auto *failed = std::get_if<TableLockPlacementFailed>(&decoded.value())) {
        const LockFailureReason reason = failed->reason;
        const QString message = failed->message;
        const int change = failed->change;
        if (change > 0)
            return settle(failed->bookingId, failed->tableId, change, event,
                          [change, reason, message](const Booking &booking) {
                              return booking.rejectChange(change, changeRejectionFor(reason),
                                                          message);
                          });
        return settle(
            failed->bookingId, failed->tableId, 0, event,
            [reason, message](const Booking &booking) { return booking.reject(reason, message); });
    }
    return Disposition::skip(u"The booking saga does not handle %1."_s.arg(event.type));
}

// Another writer on the booking (a cancel at the same moment) makes the
// append conflict; reading again tells whether there is still anything to do.
Disposition BookingSaga::settle(const BookingId &booking, const TableId &table, int change,
                                const RecordedEvent &cause, const Decide &decide)
{
    for (int attempt = 1;; ++attempt) {
        bool conflict = false;
        Disposition disposition = settleOnce(booking, table, change, cause, decide, conflict);
        if (!conflict || attempt >= MaxConflictAttempts)
            return disposition;
    }
}

Disposition BookingSaga::settleOnce(const BookingId &booking, const TableId &table, int change,
                                    const RecordedEvent &cause, const Decide &decide,
                                    bool &conflict)
{
    auto loaded = EventSourcing::load(m_store, booking.streamName());
    if (!loaded.ok())
        return loaded.error().isTransient() ? Disposition::wait(loaded.error().message())
                                            : Disposition::retry(loaded.error().message());
    const Booking current = Booking::fromEvents(booking, loaded.value().events);
    if (!current.exists())
        return Disposition::park(
            u"%1 names booking %2, which does not exist."_s.arg(cause.type, booking.toString()));
    // Settled before (a redelivery), cancelled while the lock was placed,
    // or a change the booking ended under or settled already.
    const auto &pending = current.pendingChange();
    if (change == 0 ? current.status() != BookingStatus::Initiated
                    : !pending || pending->change != change)
        return Disposition::ack();
    const TableId &asked = change == 0 ? current.tableId() : pending->tableId;
    if (asked != table)
        return Disposition::park(
            u"%1 locks table %2 for booking %3, which asked for table %4."_s.arg(
                cause.type, table.toString(), booking.toString(), asked.toString()));
    auto decision = decide(current);
    if (!decision.ok())
        return Disposition::park(decision.error().message());
    QList<QUuid> ids;
    for (const DomainEvent &event : decision.value())
        ids.append(
            EventSourcing::derivedEventId(cause.id, GroupName + u'/' + EventCodec::typeOf(event)));
    auto appended = EventSourcing::append(
        m_store, booking.streamName(), decision.value(),
        ExpectedRevision::exact(loaded.value().revision),
        m_context.metadata(booking.toString(), cause.id.toString(QUuid::WithoutBraces)), ids);
    if (appended.ok())
        return Disposition::ack();
    conflict = appended.error().code() == DomainError::Code::Conflict;
    if (appended.error().isTransient())
        return Disposition::wait(appended.error().message());
    return Disposition::retry(appended.error().message());
}

} // namespace hoststand::booker
