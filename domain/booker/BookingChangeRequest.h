#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace hoststand::booker {

// What the host changes of a booking, as typed: every field left out stays
// as it is. Booking::change() validates what is given.
struct BookingChangeRequest final
{
    std::optional<QString> tableId;
    std::optional<QDateTime> start;
    // The whole duration from the booking's start.
    std::optional<int> durationMinutes;
    std::optional<int> partySize;
    std::optional<QString> guestName;
    std::optional<QString> phone; // empty to remove it
    std::optional<QString> note; // empty to remove it

    bool isEmpty() const
    {
        return !tableId && !start && !durationMinutes && !partySize && !guestName && !phone
            && !note;
    }
};

} // namespace hoststand::booker
