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
    int change = 0; // the booking's change it was placed for; 0 as initiated

    bool operator==(const TableLock &) const = default;
};

// Which lock of a booking a release may remove: whichever it holds, or only
// one placed for a change before a given one (the lock a change moved away
// from), or exactly for a given change (a change withdrawn). A release out
// of scope writes nothing, so that a late release cannot free a lock a
// newer change placed.
struct LockScope final
{
    enum class Kind { Any, BeforeChange, OfChange };
    Kind kind = Kind::Any;
    int change = 0;

    static LockScope any() { return {}; }
    static LockScope before(int change) { return {Kind::BeforeChange, change}; }
    static LockScope of(int change) { return {Kind::OfChange, change}; }
    bool covers(int heldChange) const
    {
        switch (kind) {
        case Kind::Any:
            return true;
        case Kind::BeforeChange:
            return heldChange < change;
        case Kind::OfChange:
            return heldChange == change;
        }
        return false;
    }
};

} // namespace hoststand
