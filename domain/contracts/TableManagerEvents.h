#pragma once

#include "domain/contracts/BookingId.h"
#include "domain/contracts/Count.h"
#include "domain/contracts/LockReasons.h"
#include "domain/contracts/TableId.h"
#include "domain/contracts/TableLayout.h"
#include "domain/contracts/TimeSpan.h"

#include <QStringList>

// The table manager's events, written to the stream "table-{tableId}".
// Type names and versions are part of the stored format: never change one
// without a new version and an upcaster (EventCodec).

namespace hoststand {

struct TableAdded final
{
    static constexpr QStringView Type = u"table-added";
    static constexpr int Version = 2; // 1 had no layout

    TableId tableId;
    SeatCount seats;
    TableLayout layout;

    bool operator==(const TableAdded &) const = default;
};

// Moved, rotated, resized or taken to another zone: one gesture, one event.
struct TableMoved final
{
    static constexpr QStringView Type = u"table-moved";
    static constexpr int Version = 1;

    TableId tableId;
    TableLayout layout;

    bool operator==(const TableMoved &) const = default;
};

struct TableSeatsChanged final
{
    static constexpr QStringView Type = u"table-seats-changed";
    static constexpr int Version = 1;

    TableId tableId;
    SeatCount seats;
    SeatCount previousSeats;

    bool operator==(const TableSeatsChanged &) const = default;
};

struct TableRemoved final
{
    static constexpr QStringView Type = u"table-removed";
    static constexpr int Version = 1;

    TableId tableId;

    bool operator==(const TableRemoved &) const = default;
};

// A booking holds at most one lock per table. A lock placed for a change of
// the booking (change >= 1) on a table where the booking holds one already
// replaces it: the booking may overlap its own old span.
struct TableLockPlaced final
{
    static constexpr QStringView Type = u"table-lock-placed";
    static constexpr int Version = 2; // 1 had no change

    TableId tableId;
    BookingId bookingId;
    TimeSpan span;
    PartySize partySize;
    int change = 0; // 0 for the booking as initiated, n for its change n

    bool operator==(const TableLockPlaced &) const = default;
};

struct TableLockPlacementFailed final
{
    static constexpr QStringView Type = u"table-lock-placement-failed";
    static constexpr int Version = 2; // 1 had no change

    TableId tableId;
    BookingId bookingId;
    TimeSpan span;
    PartySize partySize;
    LockFailureReason reason;
    QString message; // for people: "T4 is booked 19:00-20:30 by Jones."
    QStringList conflictingBookings; // booking ids, for an overlap
    int change = 0; // as in table-lock-placed

    bool operator==(const TableLockPlacementFailed &) const = default;
};

struct TableLockRemoved final
{
    static constexpr QStringView Type = u"table-lock-removed";
    static constexpr int Version = 1;

    TableId tableId;
    BookingId bookingId;
    LockRemovalReason reason;

    bool operator==(const TableLockRemoved &) const = default;
};

} // namespace hoststand
