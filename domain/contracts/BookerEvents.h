#pragma once

#include "domain/contracts/BookingId.h"
#include "domain/contracts/Count.h"
#include "domain/contracts/LockReasons.h"
#include "domain/contracts/TableId.h"
#include "domain/contracts/TimeSpan.h"

#include <QDateTime>
#include <QString>

// The booker's events, written to the stream "booking-{bookingId}". The
// booking id is the correlation id of every event of the booking. Every
// event names the table, so the table manager needs no other lookup.

namespace hoststand {

struct TableBookingInitiated final
{
    static constexpr QStringView Type = u"table-booking-initiated";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;
    TimeSpan timeSlot;
    PartySize partySize;
    QString guestName;
    QString phone; // may be empty
    QString note; // may be empty
    bool walkIn = false;

    bool operator==(const TableBookingInitiated &) const = default;
};

struct TableBookingConfirmed final
{
    static constexpr QStringView Type = u"table-booking-confirmed";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;

    bool operator==(const TableBookingConfirmed &) const = default;
};

struct TableBookingRejected final
{
    static constexpr QStringView Type = u"table-booking-rejected";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;
    LockFailureReason reason;
    QString message;

    bool operator==(const TableBookingRejected &) const = default;
};

struct TableBookingCancelled final
{
    static constexpr QStringView Type = u"table-booking-cancelled";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;

    bool operator==(const TableBookingCancelled &) const = default;
};

struct GuestArrived final
{
    static constexpr QStringView Type = u"guest-arrived";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;
    QDateTime at;

    bool operator==(const GuestArrived &) const = default;
};

struct PartySeated final
{
    static constexpr QStringView Type = u"party-seated";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;
    QDateTime at;

    bool operator==(const PartySeated &) const = default;
};

struct PartyLeft final
{
    static constexpr QStringView Type = u"party-left";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;
    QDateTime at;

    bool operator==(const PartyLeft &) const = default;
};

// A change of a booking that needs the table manager (another table, span
// or party size): the new state as a whole, numbered from 1 in the booking.
// The booking stays as it was until booking-changed; one change waits at a
// time. previousTableId is the table the booking holds while it waits.
struct BookingChangeRequested final
{
    static constexpr QStringView Type = u"booking-change-requested";
    static constexpr int Version = 1;

    BookingId bookingId;
    int change = 1;
    TableId tableId;
    TableId previousTableId;
    TimeSpan timeSlot;
    PartySize partySize;
    QString guestName;
    QString phone;
    QString note;

    bool operator==(const BookingChangeRequested &) const = default;
};

// The table manager locked what the change asked for: the booking is now
// as requested. The table-locking saga releases the lock on
// previousTableId when it differs from tableId.
struct BookingChanged final
{
    static constexpr QStringView Type = u"booking-changed";
    static constexpr int Version = 1;

    BookingId bookingId;
    int change = 1;
    TableId tableId;
    TableId previousTableId;
    TimeSpan timeSlot;
    PartySize partySize;
    QString guestName;
    QString phone;
    QString note;

    bool operator==(const BookingChanged &) const = default;
};

// The change could not be made; the booking stays as it was, its lock in
// force. tableId is the table the change asked for.
struct BookingChangeRejected final
{
    static constexpr QStringView Type = u"booking-change-rejected";
    static constexpr int Version = 1;

    BookingId bookingId;
    int change = 1;
    TableId tableId;
    ChangeRejectionReason reason;
    QString message;

    bool operator==(const BookingChangeRejected &) const = default;
};

// The guest's name, phone or note changed: no table is concerned, so it
// takes effect at once.
struct BookingDetailsChanged final
{
    static constexpr QStringView Type = u"booking-details-changed";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;
    QString guestName;
    QString phone;
    QString note;

    bool operator==(const BookingDetailsChanged &) const = default;
};

struct BookingNoShow final
{
    static constexpr QStringView Type = u"booking-no-show";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;

    bool operator==(const BookingNoShow &) const = default;
};

} // namespace hoststand
