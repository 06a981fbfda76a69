#pragma once

#include "domain/contracts/BookingId.h"
#include "domain/contracts/Count.h"
#include "domain/contracts/TableId.h"
#include "domain/contracts/TimeSpan.h"

namespace hoststand {

// A booking's hold on a table for a span of time, from the moment the
// table-locking saga places it until it is removed (cancelled, no-show,
// party left, or the slot passed).
struct TableLock final
{
    TableId tableId;
    BookingId bookingId;
    TimeSpan span;
    PartySize partySize;

    bool operator==(const TableLock &) const = default;
};

} // namespace hoststand
