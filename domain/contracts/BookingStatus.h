#pragma once

#include <QString>

#include <optional>

namespace hoststand {

// Where a booking stands in its life, as the booker's events tell it. Both
// the booker's aggregate and the read model speak this vocabulary.
enum class BookingStatus {
    Initiated, // waiting for the table manager's lock: a pending saga
    Confirmed,
    Rejected,
    Cancelled,
    Arrived,
    Seated,
    Left,
    NoShow,
};

QString toString(BookingStatus status); // "no-show"
std::optional<BookingStatus> bookingStatusFromString(const QString &text);
// Whether the booking still holds (or waits for) its table.
bool isActive(BookingStatus status);

} // namespace hoststand
