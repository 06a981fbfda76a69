#include "readmodel/ProjectedEvent.h"

#include "domain/contracts/EventCodec.h"
#include "domain/contracts/IsoMoment.h"

#include <QHash>
#include <QJsonDocument>

#include <simdjson.h>

using namespace Qt::StringLiterals;

namespace hoststand {

using simdjson::dom::element;

static std::string_view stringIn(element value)
{
    return value.get_string().value_unsafe();
}

// A string's UTF-8, as a view into the document that holds it.
static QByteArray utf8View(element value)
{
    const std::string_view text = stringIn(value);
    return QByteArray::fromRawData(text.data(), qsizetype(text.size()));
}

const EventReader::Metadata &EventReader::readMetadata(const QByteArray &metadata)
{
    m_metadata = Metadata();
    ++m_eventsRead;
    if (m_metadataDocument.parse(metadata) || !m_metadataDocument.isObject())
        return m_metadata;
    const simdjson::dom::object fields = m_metadataDocument.root().get_object().value_unsafe();
    bool versionRead = false;
    for (const simdjson::dom::key_value_pair field : fields) {
        if (field.key == EventCodec::SchemaVersionField) {
            // The first, as the codec reads it, should an older store hold two.
            if (!versionRead)
                m_metadata.schemaVersion = EventCodec::schemaVersionOf(field.value).value_or(0);
            versionRead = true;
        } else if (field.value.is_string()) {
            if (field.key == "$correlationId")
                m_metadata.correlationId = utf8View(field.value);
            else if (field.key == "$causationId")
                m_metadata.causationId = utf8View(field.value);
            else if (field.key == "user")
                m_metadata.user = utf8View(field.value);
            else if (field.key == "terminal")
                m_metadata.terminal = utf8View(field.value);
        }
    }
    return m_metadata;
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
        {BookingChangeRequested::Type.toString(), EventKind::BookingChangeRequested},
        {BookingChanged::Type.toString(), EventKind::BookingChanged},
        {BookingChangeRejected::Type.toString(), EventKind::BookingChangeRejected},
        {BookingDetailsChanged::Type.toString(), EventKind::BookingDetailsChanged},
        {ServicePeriodsDefined::Type.toString(), EventKind::ServicePeriodsDefined},
        {TurnTimesDefined::Type.toString(), EventKind::TurnTimesDefined},
    };
    return kinds.value(type, EventKind::Unknown);
}

ProjectedEvent::ProjectedEvent(const RecordedEvent &event, EventReader &reader)
    : m_event(event)
    , m_kind(kindOf(event.type))
    , m_metadata(reader.readMetadata(event.metadata))
    , m_data(reader.m_data)
    , m_reader(reader)
    , m_readerEvent(reader.m_eventsRead)
{ }

// The current version's data is read as it is. An older version goes
// through the codec, whose upcasters know the changes, and is read as the
// current version's JSON. A version newer than this code cannot be read
// and is left to the audit trail.
void ProjectedEvent::readData() const
{
    m_dataRead = true;
    const std::optional<int> current = EventCodec::currentVersion(m_event.type);
    if (current && *current == m_metadata.schemaVersion) {
        m_dataIsObject = !m_data.parse(m_event.data) && m_data.isObject();
        return;
    }
    const std::optional<DomainEvent> event = decoded();
    if (!event)
        return;
    auto encoded = EventCodec::encode(*event);
    if (!encoded.ok())
        return;
    const QByteArray json = QJsonDocument(encoded.value()).toJson(QJsonDocument::Compact);
    m_dataIsObject = !m_data.parse(json) && m_data.isObject();
}

std::optional<element> ProjectedEvent::field(std::string_view key) const
{
    Q_ASSERT_X(m_reader.m_eventsRead == m_readerEvent, "ProjectedEvent",
               "its reader has read another event since");
    if (!m_dataRead)
        readData();
    element value;
    if (!m_dataIsObject || m_data.root().at_key(key).get(value))
        return std::nullopt;
    return value;
}

std::optional<DomainEvent> ProjectedEvent::decoded() const
{
    auto event = EventCodec::decode(m_event);
    if (!event.ok())
        return std::nullopt;
    return std::move(event).value();
}

static QDateTime momentIn(element value)
{
    if (!value.is_string())
        return {};
    const std::string_view text = stringIn(value);
    return parseIsoMoment(QByteArrayView(text.data(), qsizetype(text.size())))
        .value_or(QDateTime());
}

QString ProjectedEvent::text(std::string_view key) const
{
    const auto value = field(key);
    return value && value->is_string() ? JsonDocument::toQString(stringIn(*value)) : QString();
}

std::optional<qint64> ProjectedEvent::integer(std::string_view key) const
{
    const auto value = field(key);
    if (!value || !value->is_int64())
        return std::nullopt;
    return value->get_int64().value_unsafe();
}

bool ProjectedEvent::boolean(std::string_view key) const
{
    const auto value = field(key);
    return value && value->is_bool() && value->get_bool().value_unsafe();
}

QDateTime ProjectedEvent::moment(std::string_view key) const
{
    const auto value = field(key);
    return value ? momentIn(*value) : QDateTime();
}

std::optional<std::pair<QDateTime, QDateTime>> ProjectedEvent::timeSlot() const
{
    const auto slot = field("timeSlot");
    if (!slot || !slot->is_object())
        return std::nullopt;
    element from;
    element to;
    if (slot->at_key("from").get(from) || slot->at_key("to").get(to))
        return std::nullopt;
    const QDateTime start = momentIn(from);
    const QDateTime end = momentIn(to);
    if (!start.isValid() || !end.isValid() || end <= start)
        return std::nullopt;
    return std::pair {start, end};
}

} // namespace hoststand
