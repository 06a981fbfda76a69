#pragma once

#include "domain/contracts/DomainEvent.h"
#include "eventstore/EventData.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/RecordedEvent.h"
#include "eventstore/Result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace hoststand {

struct DecodeError final
{
    QString message;
};

template<typename T>
using DecodeResult = Result<T, DecodeError>;

// The strict JSON codec of the event catalogue. Each event type has a
// schema version, stored in the event's metadata; decoding an older version
// runs it through the upcasters first, and a newer version than this code
// knows is an error, as is an unknown type or a missing or ill-typed field.
namespace EventCodec {

inline const QString SchemaVersionKey = QStringLiteral("schemaVersion");

QString typeOf(const DomainEvent &event);
QStringList knownTypes();
// The version this code writes, or nothing for an unknown type.
std::optional<int> currentVersion(const QString &type);

QJsonObject encode(const DomainEvent &event);
DecodeResult<DomainEvent> decode(const QString &type, int version, const QJsonObject &data);
// Reads the version from the metadata (1 when absent) and decodes the data.
DecodeResult<DomainEvent> decode(const RecordedEvent &event);

// The event ready to append: data, and the metadata with the schema version.
EventData toEventData(const DomainEvent &event, const EventMetadata &metadata, QUuid id = {});

} // namespace EventCodec
} // namespace hoststand
