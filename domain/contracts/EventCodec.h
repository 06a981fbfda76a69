#pragma once

#include "domain/contracts/DomainEvent.h"
#include "eventstore/EventData.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/JsonDocument.h"
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

// Why an event cannot be written: it holds a value the codec could not read
// back as it was (an invalid or out-of-range time, a broken string, a
// setting out of range). The message names the field.
struct EncodeError final
{
    QString message;
};

template<typename T>
using EncodeResult = Result<T, EncodeError>;

// The strict JSON codec of the event catalogue. Each event type has a
// schema version, stored in the event's metadata; decoding an older version
// runs it through the upcasters first, and a newer version than this code
// knows is an error, as is an unknown type or a missing or ill-typed field.
// The codec never writes what it could not read again: encoding refuses
// such a value, and with HOSTSTAND_CODEC_ROUND_TRIP (on in builds without
// NDEBUG) decodes every event it encodes and refuses one that differs.
namespace EventCodec {

inline const QString SchemaVersionKey = QStringLiteral("schemaVersion");
inline constexpr std::string_view SchemaVersionField = "schemaVersion";

QString typeOf(const DomainEvent &event);
QStringList knownTypes();
// The version this code writes, or nothing for an unknown type.
std::optional<int> currentVersion(const QString &type);

EncodeResult<QJsonObject> encode(const DomainEvent &event);
DecodeResult<DomainEvent> decode(const QString &type, int version, const QJsonObject &data);
// Reads the version from the metadata (1 when absent) and decodes the data.
DecodeResult<DomainEvent> decode(const RecordedEvent &event);
// The version a metadata's "schemaVersion" value names: a whole number
// (written 2, 2.0 or 2e0) up to 10^9; nothing for any other value.
std::optional<int> schemaVersionOf(const simdjson::dom::element &value);

// The event ready to append: data, and the metadata with the schema version.
EncodeResult<EventData> toEventData(const DomainEvent &event, const EventMetadata &metadata,
                                    QUuid id = {});

// Whether encode() decodes what it wrote and compares (the build's choice).
bool checksRoundTrip();
// The round trip encode() makes in such builds: nothing when data, the
// current version's JSON of event, decodes to an equal event.
std::optional<EncodeError> checkRoundTrip(const DomainEvent &event, const QJsonObject &data);

} // namespace EventCodec
} // namespace hoststand
