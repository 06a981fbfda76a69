#pragma once

#include "domain/DomainError.h"
#include "domain/booker/AvailableSlot.h"
#include "domain/booker/TableSnapshot.h"
#include "domain/contracts/Count.h"

#include <QDate>
#include <QList>

#include <functional>
#include <optional>

namespace hoststand::booker {

class RestaurantSettings;

// Which tables can take a party when: the up-front check of a booking and
// the list of free slots. Pure functions of the settings and a snapshot of
// the tables; the table manager's saga stays the authority when two
// terminals race for one table.
namespace Availability {

inline constexpr int MaxDays = 14;

// Refuses a range that ends before it starts or spans more than MaxDays
// days (both dates included).
std::optional<DomainError> checkRange(const QDate &from, const QDate &to);

// The name of a booking's guest, or nothing when it cannot be told.
using GuestName = std::function<std::optional<QString>(const BookingId &)>;

// Why the table cannot take the party for the span (TableMissing,
// TableRemoved, PartyTooLarge, LockOverlap), or nothing. An overlap names
// the booking in the way by its time and its guest ("booked from 19:00 to
// 20:30 by Jones"), by its id only when guestName cannot tell the name. A
// name stored before the rules of TextField shows escaped ("\n", "\u202e"):
// the message is one line, and no name may fake another or turn it around.
// The lock of the booking `except` is no overlap: a booking that changes
// may overlap its own old span.
std::optional<DomainError> checkTable(const QList<TableSnapshot> &tables, const TableId &table,
                                      PartySize party, const TimeSpan &span,
                                      const RestaurantSettings &settings,
                                      const GuestName &guestName = {},
                                      const std::optional<BookingId> &except = std::nullopt);

// Every slot of the services from one local date to another (both
// included) that starts after now, with the tables free for the party's
// whole turn, smallest first, those of one size in natural order (T5
// before T26). Call checkRange() first.
QList<AvailableSlot> freeSlots(const RestaurantSettings &settings,
                               const QList<TableSnapshot> &tables, const QDate &from,
                               const QDate &to, PartySize party, const QDateTime &now);

} // namespace Availability
} // namespace hoststand::booker
