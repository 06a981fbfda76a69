#include "domain/readmodel/ProjectedEvent.h"

#include "domain/contracts/EventCodec.h"
#include "eventstore/EventMetadata.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hoststand {

static QByteArray view(QByteArrayView utf8)
{
    return QByteArray::fromRawData(utf8.data(), utf8.size());
}

bool MetadataReader::scan(const QByteArray &json)
{
    m_parsed = Parsed();
    bool versionReadable = true;
    const bool whole = JsonScan::scanObject(json, [&](const JsonScan::Member &member) {
        if (member.kind == JsonScan::Kind::String) {
            if (member.key == "$correlationId")
                m_parsed.correlationId = view(member.value);
            else if (member.key == "$causationId")
                m_parsed.causationId = view(member.value);
            else if (member.key == "user")
                m_parsed.user = view(member.value);
            else if (member.key == "terminal")
                m_parsed.terminal = view(member.value);
        } else if (member.key == "schemaVersion" && member.kind == JsonScan::Kind::Scalar) {
            m_parsed.schemaVersion = int(member.value.toInt(&versionReadable));
        }
    });
    return whole && versionReadable;
}

void MetadataReader::readWithJsonDocument(const QByteArray &metadata)
{
    const QJsonObject object = QJsonDocument::fromJson(metadata).object();
    const EventMetadata fields = EventMetadata::fromJson(object);
    m_parsed
        = Parsed {fields.correlationId.toUtf8(), fields.causationId.toUtf8(), fields.user.toUtf8(),
                  fields.terminal.toUtf8(), object.value(EventCodec::SchemaVersionKey).toInt(1)};
}

const MetadataReader::Parsed &MetadataReader::read(const QByteArray &metadata)
{
    if (!scan(metadata))
        readWithJsonDocument(metadata);
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

// The current version's data is scanned in place. An older version goes
// through the codec, whose upcasters know the changes, and is written back
// as the current version's JSON. A version newer than this code cannot be
// read and is left to the audit log.
void ProjectedEvent::readData() const
{
    m_dataRead = true;
    const std::optional<int> current = EventCodec::currentVersion(m_event.type);
    if (current && *current == m_metadata.schemaVersion) {
        if (JsonScan::scanObject(
                m_event.data, [this](const JsonScan::Member &member) { m_fields.append(member); }))
            return;
        m_fields.clear();
        m_document = QJsonDocument::fromJson(m_event.data).object();
    } else if (auto event = decoded()) {
        m_document = EventCodec::encode(*event);
    } else {
        m_document = QJsonObject();
    }
}

const JsonScan::Member *ProjectedEvent::scanned(QByteArrayView key) const
{
    if (!m_dataRead)
        readData();
    for (const JsonScan::Member &member : m_fields) {
        if (member.key == key)
            return &member;
    }
    return nullptr;
}

QJsonValue ProjectedEvent::fromDocument(QByteArrayView key) const
{
    return m_document ? m_document->value(QLatin1StringView(key)) : QJsonValue();
}

std::optional<DomainEvent> ProjectedEvent::decoded() const
{
    auto event = EventCodec::decode(m_event);
    if (!event.ok())
        return std::nullopt;
    return std::move(event).value();
}

QString ProjectedEvent::text(QByteArrayView key) const
{
    if (const JsonScan::Member *member = scanned(key))
        return member->kind == JsonScan::Kind::String ? QString::fromUtf8(member->value)
                                                      : QString();
    return fromDocument(key).toString();
}

std::optional<qint64> ProjectedEvent::integer(QByteArrayView key) const
{
    if (const JsonScan::Member *member = scanned(key)) {
        bool ok = false;
        const qint64 value = member->value.toLongLong(&ok);
        return ok && member->kind == JsonScan::Kind::Scalar ? std::optional(value) : std::nullopt;
    }
    const QJsonValue value = fromDocument(key);
    return value.isDouble() ? std::optional(value.toInteger()) : std::nullopt;
}

bool ProjectedEvent::boolean(QByteArrayView key) const
{
    if (const JsonScan::Member *member = scanned(key))
        return member->kind == JsonScan::Kind::Scalar && member->value == "true";
    return fromDocument(key).toBool();
}

QDateTime ProjectedEvent::moment(QByteArrayView key) const
{
    if (const JsonScan::Member *member = scanned(key))
        return member->kind == JsonScan::Kind::String ? JsonScan::moment(member->value)
                                                      : QDateTime();
    const QJsonValue value = fromDocument(key);
    return value.isString() ? JsonScan::moment(value.toString().toUtf8()) : QDateTime();
}

std::optional<std::pair<QDateTime, QDateTime>> ProjectedEvent::timeSlot() const
{
    QDateTime from;
    QDateTime to;
    if (const JsonScan::Member *slot = scanned("timeSlot")) {
        if (slot->kind != JsonScan::Kind::Object)
            return std::nullopt;
        JsonScan::scanObject(slot->value, [&](const JsonScan::Member &member) {
            if (member.kind == JsonScan::Kind::String && member.key == "from")
                from = JsonScan::moment(member.value);
            else if (member.kind == JsonScan::Kind::String && member.key == "to")
                to = JsonScan::moment(member.value);
        });
    } else {
        const QJsonObject slotObject = fromDocument("timeSlot").toObject();
        from = JsonScan::moment(slotObject.value(u"from").toString().toUtf8());
        to = JsonScan::moment(slotObject.value(u"to").toString().toUtf8());
    }
    if (!from.isValid() || !to.isValid() || to <= from)
        return std::nullopt;
    return std::pair {from, to};
}

} // namespace hoststand
