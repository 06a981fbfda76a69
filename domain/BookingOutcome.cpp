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

} // namespace hoststand
