#include "domain/BookingOutcome.h"

using namespace Qt::StringLiterals;

namespace hoststand {

DomainError BookingOutcome::rejection() const
{
    if (!rejectionReason)
        return DomainError(
            DomainError::Code::InvalidTransition,
            u"Booking %1 is %2, not rejected."_s.arg(bookingId.toString(), toString(status)));
    return DomainError(DomainError::codeOf(*rejectionReason), rejectionMessage,
                       {bookingId.toString()});
}

DomainError BookingChangeOutcome::rejection() const
{
    if (!rejectionReason)
        return DomainError(
            DomainError::Code::InvalidTransition,
            u"Change %1 of booking %2 was not rejected."_s.arg(change).arg(bookingId.toString()));
    return DomainError(DomainError::codeOf(*rejectionReason), rejectionMessage,
                       {bookingId.toString()});
}

} // namespace hoststand
