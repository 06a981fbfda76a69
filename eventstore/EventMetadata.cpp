#include "eventstore/EventMetadata.h"

namespace hoststand {

QJsonObject EventMetadata::toJson() const
{
    QJsonObject object;
    if (!correlationId.isEmpty())
        object.insert(CorrelationIdKey, correlationId);
    if (!causationId.isEmpty())
        object.insert(CausationIdKey, causationId);
    if (!user.isEmpty())
        object.insert(UserKey, user);
    if (!terminal.isEmpty())
        object.insert(TerminalKey, terminal);
    return object;
}

EventMetadata EventMetadata::fromJson(const QJsonObject &object)
{
    return EventMetadata {object.value(CorrelationIdKey).toString(),
                          object.value(CausationIdKey).toString(), object.value(UserKey).toString(),
                          object.value(TerminalKey).toString()};
}

} // namespace hoststand
