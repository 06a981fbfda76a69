#pragma once

#include "domain/contracts/BookingStatus.h"
#include "domain/contracts/ServicePeriod.h"
#include "domain/contracts/SettingsEvents.h"
#include "domain/contracts/TableLayout.h"
#include "eventstore/EventLogFilter.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The rows the read model answers with: plain values, copied out of the
// read tables, so a view never holds a database cursor.

namespace hoststand {

struct TableRow final
{
    QString id;
    int seats = 0;
    TableLayout layout;
    bool inService = true; // false once removed

    bool operator==(const TableRow &) const = default;
};

struct BookingRow final
{
    QString id;
    QString tableId;
    QDateTime start; // UTC
    QDateTime end; // UTC
    int partySize = 0;
    QString guestName;
    QString phone;
    QString note;
    BookingStatus status = BookingStatus::Initiated;
    bool walkIn = false;
    QString rejectionReason; // the table manager's words, for a rejected booking
    QDateTime createdAt; // when it was initiated
    QDateTime arrivedAt;
    QDateTime seatedAt;
    QDateTime leftAt;

    bool operator==(const BookingRow &) const = default;
};

// One booking a commit changed, as the read model that projected the commit
// read it right after (ReadModel::bookingChanged): the views take its row
// from here rather than each reading it again.
struct BookingChange final
{
    QString bookingId;
    QDate localDay; // the restaurant's local day its span starts on; invalid when unknown
    // Whether the projector read the row; row is what it found (none: the
    // read tables hold no such booking). Unread, ReadModel::booking() reads it.
    bool read = false;
    std::optional<BookingRow> row;
};

struct LockRow final
{
    QString tableId;
    QString bookingId;
    QDateTime start;
    QDateTime end;
    int partySize = 0;

    bool operator==(const LockRow &) const = default;
};

// A table's state at a moment, as the floor plan shows it.
enum class TableState {
    Free, // nothing now, nothing within the next hour
    BookedSoon, // a booking starts within the next hour
    Occupied, // a party is seated (or arrived) now
    Locked, // booked for now, the party not yet seated
    OutOfService,
};

struct TableStatusRow final
{
    TableRow table;
    TableState state = TableState::Free;
    std::optional<BookingRow> current; // the booking holding it at the moment
    std::optional<BookingRow> next; // the next booking after the moment
};

struct RestaurantSettingsRow final
{
    QList<ServicePeriod> periods;
    int slotMinutes = 15;
    QString timeZone;
    QList<TurnTime> turnTimes;
    int largerPartyMinutes = 150;
    int bookingHorizonDays = ServicePeriodsDefined::DefaultHorizonDays;

    bool operator==(const RestaurantSettingsRow &) const = default;
};

struct AuditRow final
{
    qint64 position = 0;
    QString stream;
    qint64 revision = 0;
    QString type;
    QDateTime created;
    QString user;
    QString terminal;
    QString correlationId;
    QString causationId;
    QString eventId;
    QByteArray data; // the event's JSON, for a summary and the details pane

    bool operator==(const AuditRow &) const = default;
};

} // namespace hoststand

Q_DECLARE_METATYPE(hoststand::BookingChange)
