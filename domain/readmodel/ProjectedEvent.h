#pragma once

#include "domain/contracts/DomainEvent.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/RecordedEvent.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>
#include <utility>

namespace hoststand {

// The catalogue's event types, for a switch instead of string compares.
enum class EventKind {
    TableAdded,
    TableMoved,
    TableSeatsChanged,
    TableRemoved,
    LockPlaced,
    LockPlacementFailed,
    LockRemoved,
    BookingInitiated,
    BookingConfirmed,
    BookingRejected,
    BookingCancelled,
    GuestArrived,
    PartySeated,
    PartyLeft,
    BookingNoShow,
    ServicePeriodsDefined,
    TurnTimesDefined,
    Unknown,
};

// Parses an event's metadata, remembering the last bytes it parsed: the
// store shares the metadata of consecutive events when it is the same.
class MetadataReader final
{
public:
    struct Parsed
    {
        EventMetadata metadata;
        int schemaVersion = 1;
    };
    const Parsed &read(const QByteArray &metadata);

private:
    QByteArray m_bytes;
    Parsed m_parsed;
    bool m_valid = false;
};

// One recorded event as the projections read it. A rebuild projects
// millions of events, so each is decoded only as far as a projection asks:
// the audit log needs the metadata and the raw data, the booking and lock
// projections a few fields of the data, and only the rare table and
// settings events are decoded in full by the catalogue's codec.
class ProjectedEvent final
{
public:
    ProjectedEvent(const RecordedEvent &event, MetadataReader &metadata);

    const RecordedEvent &recorded() const { return m_event; }
    EventKind kind() const { return m_kind; }
    const EventMetadata &metadata() const { return m_metadata.metadata; }

    // The data as this version writes the event's type (an older version's
    // data is upcast); empty when the data cannot be read.
    const QJsonObject &data() const;
    // The whole event, decoded by the catalogue's codec.
    std::optional<DomainEvent> decoded() const;

    QString text(QStringView key) const;
    std::optional<qint64> integer(QStringView key) const;
    bool boolean(QStringView key) const;
    // An ISO-8601 moment of the data, in UTC; invalid when missing.
    QDateTime moment(QStringView key) const;
    // The "timeSlot" of a booking or lock.
    std::optional<std::pair<QDateTime, QDateTime>> timeSlot() const;

    static EventKind kindOf(const QString &type);

private:
    const RecordedEvent &m_event;
    EventKind m_kind;
    const MetadataReader::Parsed &m_metadata;
    mutable std::optional<QJsonObject> m_data;
};

} // namespace hoststand
