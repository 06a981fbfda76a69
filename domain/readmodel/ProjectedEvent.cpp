#include "domain/readmodel/ProjectedEvent.h"

#include "domain/contracts/EventCodec.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hoststand {

const MetadataReader::Parsed &MetadataReader::read(const QByteArray &metadata)
{
    if (m_valid && metadata == m_bytes)
        return m_parsed;
    const QJsonObject object = QJsonDocument::fromJson(metadata).object();
    m_parsed.metadata = EventMetadata::fromJson(object);
    m_parsed.schemaVersion = object.value(EventCodec::SchemaVersionKey).toInt(1);
    m_bytes = metadata;
    m_valid = true;
    return m_parsed;
}

EventKind ProjectedEvent::kindOf(const QString &type)
{
    static const QHash<QString, EventKind> kinds = {
        {TableAdded::Type.toString(), EventKind::TableAdded},
        {TableMoved::Type.toString(), EventKind::TableMoved},
        {TableSeatsChanged::Type.toString(), EventKind::TableSeatsChanged},
        {TableRemoved::Type.toString(), EventKind::TableRemoved},
        {TableLockPlaced::Type.toString(), EventKind::LockPlaced},
        {TableLockPlacementFailed::Type.toString(), EventKind::LockPlacementFailed},
        {TableLockRemoved::Type.toString(), EventKind::LockRemoved},
        {TableBookingInitiated::Type.toString(), EventKind::BookingInitiated},
        {TableBookingConfirmed::Type.toString(), EventKind::BookingConfirmed},
        {TableBookingRejected::Type.toString(), EventKind::BookingRejected},
        {TableBookingCancelled::Type.toString(), EventKind::BookingCancelled},
        {GuestArrived::Type.toString(), EventKind::GuestArrived},
        {PartySeated::Type.toString(), EventKind::PartySeated},
        {PartyLeft::Type.toString(), EventKind::PartyLeft},
        {BookingNoShow::Type.toString(), EventKind::BookingNoShow},
        {ServicePeriodsDefined::Type.toString(), EventKind::ServicePeriodsDefined},
        {TurnTimesDefined::Type.toString(), EventKind::TurnTimesDefined},
    };
    return kinds.value(type, EventKind::Unknown);
}

ProjectedEvent::ProjectedEvent(const RecordedEvent &event, MetadataReader &metadata)
    : m_event(event)
    , m_kind(kindOf(event.type))
    , m_metadata(metadata.read(event.metadata))
{ }

// The current version's data is read as it is; an older version goes
// through the codec, whose upcasters know the changes, and is written back
// as the current version's JSON. A version newer than this code cannot be
// read and is left to the audit log.
const QJsonObject &ProjectedEvent::data() const
{
    if (m_data)
        return *m_data;
    const std::optional<int> current = EventCodec::currentVersion(m_event.type);
    if (current && *current == m_metadata.schemaVersion) {
        m_data = QJsonDocument::fromJson(m_event.data).object();
    } else if (auto event = decoded()) {
        m_data = EventCodec::encode(*event);
    } else {
        m_data = QJsonObject();
    }
    return *m_data;
}

std::optional<DomainEvent> ProjectedEvent::decoded() const
{
    auto event = EventCodec::decode(m_event);
    if (!event.ok())
        return std::nullopt;
    return std::move(event).value();
}

QString ProjectedEvent::text(QStringView key) const
{
    return data().value(key).toString();
}

std::optional<qint64> ProjectedEvent::integer(QStringView key) const
{
    const QJsonValue value = data().value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

bool ProjectedEvent::boolean(QStringView key) const
{
    return data().value(key).toBool();
}

static QDateTime parseMoment(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

QDateTime ProjectedEvent::moment(QStringView key) const
{
    return parseMoment(data().value(key));
}

std::optional<std::pair<QDateTime, QDateTime>> ProjectedEvent::timeSlot() const
{
    const QJsonObject slot = data().value(u"timeSlot").toObject();
    const QDateTime from = parseMoment(slot.value(u"from"));
    const QDateTime to = parseMoment(slot.value(u"to"));
    if (!from.isValid() || !to.isValid() || to <= from)
        return std::nullopt;
    return std::pair {from, to};
}

} // namespace hoststand
