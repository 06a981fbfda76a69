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

// Where a booking's change stands once the sagas had their say
// (Restaurant::requestChange): made, rejected with the booking exactly as
// it was, or still waiting when no saga answered in time. A change of the
// name, phone or note alone is made at once (change 0), as is one that
// changed nothing.
struct BookingChangeOutcome final
{
    enum class State { Changed, Rejected, Waiting };

    BookingId bookingId;
    int change = 0; // the change's number; 0 when it needed no table
    State state = State::Changed;
    BookingStatus status = BookingStatus::Confirmed; // the booking's, now
    std::optional<ChangeRejectionReason> rejectionReason;
    QString rejectionMessage; // the table manager's words

    bool changed() const { return state == State::Changed; }
    bool isRejected() const { return state == State::Rejected; }
    // A rejection as the refusal it amounts to (code lock-overlap, ...).
    DomainError rejection() const;
};

} // namespace hoststand
