#pragma once

#include "domain/contracts/BookingId.h"
#include "eventstore/RecordedEvent.h"

#include <QString>
#include <QUuid>

namespace hoststand {

// Why the table manager writes: the $correlationId and $causationId of the
// events a command appends, and for a saga step the id its event gets. An
// empty Causation stands for a plain command issued by a person.
struct Causation final
{
    QString correlationId;
    QString causationId;
    // Derived from the triggering event, so a redelivered step cannot write
    // its event twice; null for a command (the store picks a random id).
    QUuid eventId;

    bool isEmpty() const { return correlationId.isEmpty() && causationId.isEmpty(); }

    // A command of its own: correlation and causation are a fresh command id.
    static Causation ofCommand();
    // A command about a booking (a lock): it belongs to the booking.
    static Causation ofBookingCommand(const BookingId &booking);
    // A saga step triggered by an event: it belongs to the event's booking
    // ($correlationId, or the booking when the metadata lacks it), is caused
    // by the event, and its event id derives from the event's id and purpose.
    static Causation ofEvent(const RecordedEvent &trigger, const BookingId &booking,
                             const QString &purpose);
};

} // namespace hoststand
