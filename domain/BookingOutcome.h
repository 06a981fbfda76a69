#pragma once

#include "domain/DomainError.h"
#include "domain/contracts/BookingId.h"
#include "domain/contracts/BookingStatus.h"
#include "domain/contracts/LockReasons.h"

#include <QString>

#include <optional>

namespace hoststand {

// Where a booking stands once the sagas had their say: confirmed (a walk-in
// seated), rejected with the table manager's reason, or still initiated when
// no saga answered in time.
struct BookingOutcome final
{
    BookingId bookingId;
    BookingStatus status = BookingStatus::Initiated;
    std::optional<LockFailureReason> rejectionReason;
    QString rejectionMessage; // the table manager's words

    bool isSettled() const { return status != BookingStatus::Initiated; }
    bool isRejected() const { return status == BookingStatus::Rejected; }
    // A rejection as the refusal it amounts to (code lock-overlap, ...), so
    // that callers report it like a refusal of the command itself.
    DomainError rejection() const;
};

// Where a move stands once it is over (Restaurant::requestMove): the new
// booking's outcome (or why it was refused), and, only when the new booking
// was confirmed, whether the old one was cancelled. Nothing else is tried:
// a refused, rejected or unsettled new booking leaves the old one as it was.
struct BookingMoveOutcome final
{
    std::optional<DomainError> refused; // the new booking was refused
    std::optional<BookingOutcome> booked; // the new booking, as the sagas left it
    std::optional<DomainError> notCancelled; // the old booking could not be cancelled

    bool moved() const
    {
        return booked && booked->status == BookingStatus::Confirmed && !notCancelled;
    }
};

} // namespace hoststand
