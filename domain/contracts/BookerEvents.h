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

struct BookingNoShow final
{
    static constexpr QStringView Type = u"booking-no-show";
    static constexpr int Version = 1;

    BookingId bookingId;
    TableId tableId;

    bool operator==(const BookingNoShow &) const = default;
};

} // namespace hoststand
