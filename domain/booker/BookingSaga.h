#pragma once

#include "domain/CommandContext.h"
#include "domain/booker/Booking.h"
#include "eventstore/PersistentSubscription.h"

#include <QObject>

#include <functional>

namespace hoststand {
class EventStore;
}

namespace hoststand::booker {

// The booker's half of the booking choreography: when the table manager
// has locked a booking's table, the booking is confirmed (and a walk-in
// seated at once); when it could not, the booking is rejected with the
// lock's reason. A lock placed for a booking's change n makes the change
// (booking-changed); one that failed rejects it, the booking as it was. Runs on the persistent
// subscription group "booking-confirmation", so it resumes where it stopped and is delivered each
// event at least once: handle() is idempotent.
class BookingSaga final : public QObject
{
    Q_OBJECT

public:
    static inline const QString GroupName = QStringLiteral("booking-confirmation");
    // table-lock-placed and table-lock-placement-failed in the "table" category.
    static ReadAllFilter filter();

    BookingSaga(EventStore &store, CommandContext context = CommandContext::ofThisProcess(),
                PersistentSubscription::Settings settings = {}, QObject *parent = nullptr);

    void start();
    void stop();

    // One delivery: ack when settled (also when there is nothing left to
    // do), park a poison event, retry when the store failed.
    Disposition handle(const RecordedEvent &event);

    // Its signals tell when the saga is idle, failed or parked an event.
    PersistentSubscription &subscription() { return m_subscription; }

private:
    using Decide = std::function<Booking::Decision(const Booking &)>;

    // change: 0 for the booking as initiated, n for its change n.
    Disposition settle(const BookingId &booking, const TableId &table, int change,
                       const RecordedEvent &cause, const Decide &decide);
    Disposition settleOnce(const BookingId &booking, const TableId &table, int change,
                           const RecordedEvent &cause, const Decide &decide, bool &conflict);

    EventStore &m_store;
    CommandContext m_context;
    PersistentSubscription m_subscription;
};

} // namespace hoststand::booker
