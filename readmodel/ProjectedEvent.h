#pragma once

#include "domain/contracts/DomainEvent.h"
#include "eventstore/JsonDocument.h"
#include "eventstore/RecordedEvent.h"

#include <QDateTime>

#include <optional>
#include <string_view>
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
    BookingChangeRequested,
    BookingChanged,
    BookingChangeRejected,
    BookingDetailsChanged,
    ServicePeriodsDefined,
    TurnTimesDefined,
    Unknown,
};

// Reads the events the projections apply, one at a time, in documents
// whose memory is kept from one event to the next. The metadata is read
// for every event: its schema version decides how the data is read, and
// who and what caused the event (as UTF-8, views valid until the next
// event's metadata is read) go into the audit trail's rows
// (ReadModel::audit). The data is read only when a projection asks.
class EventReader final
{
public:
    struct Metadata
    {
        QByteArray correlationId;
        QByteArray causationId;
        QByteArray user;
        QByteArray terminal;
        int schemaVersion = 1; // 0 when it is not a whole number
    };
    // Metadata that is not a JSON object reads as no fields and version 1.
    const Metadata &readMetadata(const QByteArray &metadata);

private:
    friend class ProjectedEvent;

    JsonDocument m_metadataDocument;
    JsonDocument m_data;
    Metadata m_metadata;
    quint64 m_eventsRead = 0; // how many events' metadata it read
};

// One recorded event as the projections read it. A rebuild projects
// millions of events, so each is decoded only as far as a projection asks:
// the booking and lock projections a few fields of the data, and only the
// rare table and settings events are decoded in full by the catalogue's
// codec. The reader must read no other event while this one is read.
class ProjectedEvent final
{
public:
    ProjectedEvent(const RecordedEvent &event, EventReader &reader);

    const RecordedEvent &recorded() const { return m_event; }
    EventKind kind() const { return m_kind; }
    const EventReader::Metadata &metadata() const { return m_metadata; }

    // The whole event, decoded by the catalogue's codec.
    std::optional<DomainEvent> decoded() const;

    // Fields of the data as this version writes the event's type (an older
    // version's data is upcast first); empty or nothing when missing or of
    // another type.
    QString text(std::string_view key) const;
    std::optional<qint64> integer(std::string_view key) const;
    bool boolean(std::string_view key) const;
    // An ISO-8601 moment, in UTC; invalid when missing.
    QDateTime moment(std::string_view key) const;
    // The "timeSlot" of a booking or lock.
    std::optional<std::pair<QDateTime, QDateTime>> timeSlot() const;

    static EventKind kindOf(const QString &type);

private:
    // The data's field, or nothing; the data is read at the first ask.
    std::optional<simdjson::dom::element> field(std::string_view key) const;
    void readData() const;

    const RecordedEvent &m_event;
    EventKind m_kind;
    const EventReader::Metadata &m_metadata;
    JsonDocument &m_data;
    const EventReader &m_reader;
    quint64 m_readerEvent; // which of the reader's events this one is
    mutable bool m_dataRead = false;
    mutable bool m_dataIsObject = false;
};

} // namespace hoststand
