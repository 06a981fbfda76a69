#include "domain/BookingOutcome.h"

using namespace Qt::StringLiterals;

namespace hoststand {

static DomainError::Code codeOf(LockFailureReason reason)
{
    switch (reason) {
    case LockFailureReason::TableMissing:
        return DomainError::Code::TableMissing;
    case LockFailureReason::TableRemoved:
        return DomainError::Code::TableRemoved;
    case LockFailureReason::Overlap:
        return DomainError::Code::LockOverlap;
    case LockFailureReason::PartyTooLarge:
        return DomainError::Code::PartyTooLarge;
    }
    return DomainError::Code::InvalidTransition;
}

DomainError BookingOutcome::rejection() const
{
    if (!rejectionReason)
        return DomainError(
            DomainError::Code::InvalidTransition,
            u"Booking %1 is %2, not rejected."_s.arg(bookingId.toString(), toString(status)));
    return DomainError(codeOf(*rejectionReason), rejectionMessage, {bookingId.toString()});
}

} // namespace hoststand
