#include "readmodel/ProjectedEvent.h"

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

// A string's bytes: a view into the metadata when written without escapes.
static QByteArray utf8(const JsonView &json, const JsonView::Value &value)
{
    return value.escaped ? json.string(value).toUtf8() : view(json.raw(value));
}

bool MetadataReader::readInPlace(const QByteArray &json)
{
    m_parsed = Parsed();
    const std::optional<JsonView> parsed = JsonView::parse(json);
    if (!parsed || parsed->root().kind != JsonView::Kind::Object)
        return false;
    const JsonView::Value &root = parsed->root();
    for (qsizetype i = 0; i < root.count; ++i) {
        const JsonView::Member &member = parsed->member(root, i);
        const JsonView::Value &value = parsed->value(member.value);
        if (value.kind == JsonView::Kind::String) {
            if (parsed->keyEquals(member, "$correlationId"_L1))
                m_parsed.correlationId = utf8(*parsed, value);
            else if (parsed->keyEquals(member, "$causationId"_L1))
                m_parsed.causationId = utf8(*parsed, value);
            else if (parsed->keyEquals(member, "user"_L1))
                m_parsed.user = utf8(*parsed, value);
            else if (parsed->keyEquals(member, "terminal"_L1))
                m_parsed.terminal = utf8(*parsed, value);
        } else if (value.kind == JsonView::Kind::Number
                   && parsed->keyEquals(member, "schemaVersion"_L1)) {
            bool readable = false;
            m_parsed.schemaVersion = int(parsed->raw(value).toInt(&readable));
            if (!readable)
                return false; // "2.0" or "2e0": QJsonValue::toInt knows what it means
        }
    }
    return true;
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
    if (!readInPlace(metadata))
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

// The current version's data is read in place. An older version goes
// through the codec, whose upcasters know the changes, and is written back
// as the current version's JSON. A version newer than this code cannot be
// read and is left to the audit trail.
void ProjectedEvent::readData() const
{
    m_dataRead = true;
    const std::optional<int> current = EventCodec::currentVersion(m_event.type);
    if (current && *current == m_metadata.schemaVersion) {
        m_data = JsonView::parse(m_event.data);
        if (m_data && m_data->root().kind == JsonView::Kind::Object)
            return;
        m_data.reset();
        m_document = QJsonDocument::fromJson(m_event.data).object();
        return;
    }
    m_document = QJsonObject();
    if (const std::optional<DomainEvent> event = decoded()) {
        if (auto encoded = EventCodec::encode(*event); encoded.ok())
            m_document = std::move(encoded).value();
    }
}

const JsonView::Value *ProjectedEvent::inPlace(QByteArrayView key) const
{
    if (!m_dataRead)
        readData();
    return m_data ? m_data->find(m_data->root(), QLatin1StringView(key)) : nullptr;
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

// The form the codec writes is read fast; any other ISO-8601 form as
// QDateTime reads it.
static QDateTime utcMoment(QByteArrayView text)
{
    if (const std::optional<QDateTime> moment = JsonView::parseUtcSeconds(text))
        return *moment;
    return QDateTime::fromString(QString::fromUtf8(text), Qt::ISODate).toUTC();
}

static QDateTime utcMoment(const JsonView &json, const JsonView::Value &value)
{
    if (value.kind != JsonView::Kind::String)
        return {};
    return value.escaped ? utcMoment(json.string(value).toUtf8()) : utcMoment(json.raw(value));
}

QString ProjectedEvent::text(QByteArrayView key) const
{
    if (const JsonView::Value *value = inPlace(key))
        return value->kind == JsonView::Kind::String ? m_data->string(*value) : QString();
    return fromDocument(key).toString();
}

// Read from the number's text, as written: a double would round a large one.
std::optional<qint64> ProjectedEvent::integer(QByteArrayView key) const
{
    if (const JsonView::Value *value = inPlace(key)) {
        bool ok = false;
        const qint64 number = m_data->raw(*value).toLongLong(&ok);
        return ok && value->kind == JsonView::Kind::Number ? std::optional(number) : std::nullopt;
    }
    const QJsonValue value = fromDocument(key);
    return value.isDouble() ? std::optional(value.toInteger()) : std::nullopt;
}

bool ProjectedEvent::boolean(QByteArrayView key) const
{
    if (const JsonView::Value *value = inPlace(key))
        return value->kind == JsonView::Kind::Bool && value->boolean;
    return fromDocument(key).toBool();
}

QDateTime ProjectedEvent::moment(QByteArrayView key) const
{
    if (const JsonView::Value *value = inPlace(key))
        return utcMoment(*m_data, *value);
    const QJsonValue value = fromDocument(key);
    return value.isString() ? utcMoment(value.toString().toUtf8()) : QDateTime();
}

std::optional<std::pair<QDateTime, QDateTime>> ProjectedEvent::timeSlot() const
{
    QDateTime from;
    QDateTime to;
    if (const JsonView::Value *slot = inPlace("timeSlot")) {
        if (slot->kind != JsonView::Kind::Object)
            return std::nullopt;
        if (const JsonView::Value *value = m_data->find(*slot, "from"_L1))
            from = utcMoment(*m_data, *value);
        if (const JsonView::Value *value = m_data->find(*slot, "to"_L1))
            to = utcMoment(*m_data, *value);
    } else {
        const QJsonObject slotObject = fromDocument("timeSlot").toObject();
        from = utcMoment(slotObject.value(u"from").toString().toUtf8());
        to = utcMoment(slotObject.value(u"to").toString().toUtf8());
    }
    if (!from.isValid() || !to.isValid() || to <= from)
        return std::nullopt;
    return std::pair {from, to};
}

} // namespace hoststand
