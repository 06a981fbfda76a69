#pragma once

#include "domain/DomainError.h"
#include "domain/contracts/BookerEvents.h"
#include "domain/tablemanager/TableLock.h"
#include "eventstore/PersistentSubscription.h"

#include <QObject>

namespace hoststand {

class TableManager;

// Step 2 of the booking choreography (docs/architecture.md): on table-booking-initiated
// it places the booking's lock on its table, or records why it cannot; when
// the booking is cancelled, a no-show, or the party leaves, it releases the
// lock. A booking's change n is locked the same way (the new lock replaces
// the booking's own on the same table); once the booking changed to another
// table its lock on the old one is released (moved), and a change the booking
// ended under has its lock withdrawn. Delivery is the persistent subscription group
// "table-locking", at least once: a step already taken (the table remembers every booking it
// decided) is acknowledged without writing, and its event id derives from the triggering event's.
class TableLockingSaga final : public QObject
{
    Q_OBJECT

public:
    static inline const QString GroupName = QStringLiteral("table-locking");

    explicit TableLockingSaga(TableManager &manager, QObject *parent = nullptr);
    TableLockingSaga(TableManager &manager, PersistentSubscription::Settings settings,
                     QObject *parent = nullptr);
    ~TableLockingSaga() override;

    // The booker events the saga follows.
    static ReadAllFilter filter();

    void start();
    void stop();
    PersistentSubscription &subscription() { return m_subscription; }

    // Handles one delivered event: ack when the step is taken (or was
    // before, or has nothing to do), retry when the store failed, park an
    // event that cannot be read.
    Disposition handle(const RecordedEvent &event);

private:
    Disposition on(const RecordedEvent &trigger, const TableBookingInitiated &event);
    Disposition on(const RecordedEvent &trigger, const TableBookingCancelled &event);
    Disposition on(const RecordedEvent &trigger, const BookingNoShow &event);
    Disposition on(const RecordedEvent &trigger, const PartyLeft &event);
    Disposition on(const RecordedEvent &trigger, const BookingChangeRequested &event);
    Disposition on(const RecordedEvent &trigger, const BookingChanged &event);
    Disposition on(const RecordedEvent &trigger, const BookingChangeRejected &event);
    template<typename Other>
    Disposition on(const RecordedEvent &trigger, const Other &event);

    Disposition releaseLock(const RecordedEvent &trigger, const TableId &table,
                            const BookingId &booking, LockRemovalReason reason,
                            LockScope scope = LockScope::any());

    TableManager &m_manager;
    PersistentSubscription m_subscription;
};

} // namespace hoststand
