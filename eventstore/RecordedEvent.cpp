#include "eventstore/RecordedEvent.h"

#include "eventstore/StreamName.h"

#include <QJsonDocument>

namespace hoststand {

QJsonObject RecordedEvent::dataObject() const
{
    return QJsonDocument::fromJson(data).object();
}

QJsonObject RecordedEvent::metadataObject() const
{
    return QJsonDocument::fromJson(metadata).object();
}

QString RecordedEvent::category() const
{
    return StreamName::category(stream);
}

} // namespace hoststand
