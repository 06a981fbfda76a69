#pragma once

#include "domain/contracts/DomainEvent.h"
#include "domain/contracts/JsonView.h"
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

// Reads events' metadata: its schema version, which decides how the data
// is read, and, as UTF-8, who and what caused the event, for the audit
// trail's rows (ReadModel::audit). A rebuild reads it for every event, so
// the object the codec writes is read in place by JsonView: the fields are
// views into the event's bytes, valid while the event lives. Anything else
// goes through a QJsonDocument.
class MetadataReader final
{
public:
    struct Parsed
    {
        QByteArray correlationId;
        QByteArray causationId;
        QByteArray user;
        QByteArray terminal;
        int schemaVersion = 1;
    };
    const Parsed &read(const QByteArray &metadata);

private:
    bool readInPlace(const QByteArray &json);
    void readWithJsonDocument(const QByteArray &metadata);

    Parsed m_parsed;
};

// One recorded event as the projections read it. A rebuild projects
// millions of events, so each is decoded only as far as a projection asks:
// the booking and lock projections a few fields of the data, and only the
// rare table and settings events are decoded in full by the catalogue's
// codec.
class ProjectedEvent final
{
public:
    ProjectedEvent(const RecordedEvent &event, MetadataReader &metadata);

    const RecordedEvent &recorded() const { return m_event; }
    EventKind kind() const { return m_kind; }
    const MetadataReader::Parsed &metadata() const { return m_metadata; }

    // The whole event, decoded by the catalogue's codec.
    std::optional<DomainEvent> decoded() const;

    // Fields of the data as this version writes the event's type (an older
    // version's data is upcast first); empty or nothing when missing.
    QString text(QByteArrayView key) const;
    std::optional<qint64> integer(QByteArrayView key) const;
    bool boolean(QByteArrayView key) const;
    // An ISO-8601 moment, in UTC; invalid when missing.
    QDateTime moment(QByteArrayView key) const;
    // The "timeSlot" of a booking or lock.
    std::optional<std::pair<QDateTime, QDateTime>> timeSlot() const;

    static EventKind kindOf(const QString &type);

private:
    void readData() const;
    const JsonView::Value *inPlace(QByteArrayView key) const;
    QJsonValue fromDocument(QByteArrayView key) const;

    const RecordedEvent &m_event;
    EventKind m_kind;
    const MetadataReader::Parsed &m_metadata;
    // The data, read in place; or, when it is not a JSON object or the
    // event needed upcasting, as a document.
    mutable bool m_dataRead = false;
    mutable std::optional<JsonView> m_data;
    mutable std::optional<QJsonObject> m_document;
};

} // namespace hoststand
