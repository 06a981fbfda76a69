#include "domain/readmodel/ProjectedEvent.h"

#include "domain/contracts/EventCodec.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hoststand {

namespace {

// Scans a JSON object whose members are strings without escapes, numbers,
// booleans or null, calling member(key, value, isString) for each. Returns
// false, having called member() for some members perhaps, on anything else.
template<typename Member>
bool scanFlatObject(QByteArrayView json, Member member)
{
    const char *p = json.data();
    const char *const end = p + json.size();
    const auto skipSpace = [&] {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    };
    const auto string = [&](QByteArrayView &out) {
        const char *start = ++p;
        while (p < end && *p != '"') {
            if (*p == '\\')
                return false;
            ++p;
        }
        if (p == end)
            return false;
        out = QByteArrayView(start, p++ - start);
        return true;
    };
    skipSpace();
    if (p == end || *p++ != '{')
        return false;
    skipSpace();
    if (p < end && *p == '}')
        return ++p, skipSpace(), p == end;
    for (;;) {
        QByteArrayView key;
        QByteArrayView value;
        if (p == end || *p != '"' || !string(key))
            return false;
        skipSpace();
        if (p == end || *p++ != ':')
            return false;
        skipSpace();
        const bool isString = p < end && *p == '"';
        if (isString) {
            if (!string(value))
                return false;
        } else {
            const char *start = p;
            while (p < end && *p != ',' && *p != '}' && *p != ' ' && *p != '[' && *p != '{')
                ++p;
            if (p == start || p == end || *p == '[' || *p == '{')
                return false;
            value = QByteArrayView(start, p - start);
        }
        member(key, value, isString);
        skipSpace();
        if (p == end)
            return false;
        if (*p == '}')
            return ++p, skipSpace(), p == end;
        if (*p++ != ',')
            return false;
        skipSpace();
    }
}

} // namespace

const QString &MetadataReader::shared(QByteArrayView utf8, QByteArray &lastBytes, QString &last)
{
    if (utf8 != QByteArrayView(lastBytes)) {
        lastBytes = utf8.toByteArray();
        last = QString::fromUtf8(utf8);
    }
    return last;
}

bool MetadataReader::scan(QByteArrayView json)
{
    m_parsed = Parsed();
    bool versionReadable = true;
    const bool flat
        = scanFlatObject(json, [&](QByteArrayView key, QByteArrayView value, bool isString) {
              EventMetadata &metadata = m_parsed.metadata;
              if (key == "$correlationId" && isString)
                  metadata.correlationId = QString::fromUtf8(value);
              else if (key == "$causationId" && isString)
                  metadata.causationId = QString::fromUtf8(value);
              else if (key == "user" && isString)
                  metadata.user = shared(value, m_userBytes, m_user);
              else if (key == "terminal" && isString)
                  metadata.terminal = shared(value, m_terminalBytes, m_terminal);
              else if (key == "schemaVersion")
                  m_parsed.schemaVersion = isString ? 1 : int(value.toInt(&versionReadable));
          });
    return flat && versionReadable;
}

void MetadataReader::readWithJsonDocument(const QByteArray &metadata)
{
    const QJsonObject object = QJsonDocument::fromJson(metadata).object();
    m_parsed.metadata = EventMetadata::fromJson(object);
    m_parsed.schemaVersion = object.value(EventCodec::SchemaVersionKey).toInt(1);
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
