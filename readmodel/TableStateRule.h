#pragma once

#include "readmodel/ReadModelRows.h"

#include <QList>

#include <chrono>

namespace hoststand {

// How the floor plan tells a table's state at a moment from the table's
// bookings and locks around it:
// - out of service: the table was removed;
// - occupied: a party arrived or was seated at or before the moment and had
//   not left by then (a party never marked as left counts as gone a day
//   after its booking started);
// - locked: a lock, or a booking still holding its table, spans the moment;
// - booked soon: a lock or a booking still to come starts within the hour;
// - free: none of these.
namespace TableStateRule {

inline constexpr std::chrono::hours SoonWindow {1};
inline constexpr std::chrono::hours LongestStay {24};

// bookings: the table's bookings overlapping [moment - LongestStay,
// moment + SoonWindow); locks: its locks overlapping [moment, moment +
// SoonWindow); next: its next booking to come after the moment.
TableStatusRow statusAt(const TableRow &table, const QList<BookingRow> &bookings,
                        const QList<LockRow> &locks, std::optional<BookingRow> next,
                        const QDateTime &moment);

} // namespace TableStateRule
} // namespace hoststand
