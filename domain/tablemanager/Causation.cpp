#include "domain/tablemanager/Causation.h"

#include "domain/EventSourcing.h"
#include "eventstore/EventData.h"
#include "eventstore/EventMetadata.h"

namespace hoststand {

static QString freshCommandId()
{
    return newEventId().toString(QUuid::WithoutBraces);
}

Causation Causation::ofCommand()
{
    const QString id = freshCommandId();
    return Causation {id, id, {}};
}

Causation Causation::ofBookingCommand(const BookingId &booking)
{
    return Causation {booking.toString(), freshCommandId(), {}};
}

Causation Causation::ofEvent(const RecordedEvent &trigger, const BookingId &booking,
                             const QString &purpose)
{
    QString correlation = EventMetadata::fromJson(trigger.metadataObject()).correlationId;
    if (correlation.isEmpty())
        correlation = booking.toString();
    return Causation {correlation, trigger.id.toString(QUuid::WithoutBraces),
                      EventSourcing::derivedEventId(trigger.id, purpose)};
}

} // namespace hoststand
