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

} // namespace hoststand
