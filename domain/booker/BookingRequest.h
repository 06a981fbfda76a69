#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace hoststand::booker {

// What the host asks for when booking ahead, as typed: Booking::initiate()
// validates every field and refuses with a reason a host understands.
struct BookingRequest final
{
    QString tableId;
    QDateTime start;
    int partySize = 0;
    QString guestName;
    QString phone; // optional
    QString note; // optional
    // The turn time for the party size when not given.
    std::optional<int> durationMinutes;
};

} // namespace hoststand::booker
