#include "domain/DomainError.h"

using namespace Qt::StringLiterals;

namespace hoststand {

DomainError::Code DomainError::codeOf(LockFailureReason reason)
{
    switch (reason) {
    case LockFailureReason::TableMissing:
        return Code::TableMissing;
    case LockFailureReason::TableRemoved:
        return Code::TableRemoved;
    case LockFailureReason::Overlap:
        return Code::LockOverlap;
    case LockFailureReason::PartyTooLarge:
        return Code::PartyTooLarge;
    }
    return Code::InvalidInput;
}

DomainError::Code DomainError::codeOf(ChangeRejectionReason reason)
{
    switch (reason) {
    case ChangeRejectionReason::TableMissing:
        return Code::TableMissing;
    case ChangeRejectionReason::TableRemoved:
        return Code::TableRemoved;
    case ChangeRejectionReason::Overlap:
        return Code::LockOverlap;
    case ChangeRejectionReason::PartyTooLarge:
        return Code::PartyTooLarge;
    case ChangeRejectionReason::BookingEnded:
        return Code::InvalidTransition;
    }
    return Code::InvalidInput;
}

DomainError DomainError::fromStore(const StoreError &error)
{
    if (error.code() == StoreError::Code::WrongExpectedRevision)
        return {Code::Conflict,
                u"Another terminal changed this at the same moment; please try again."_s};
    // The store's message names the server and why; the host also needs
    // to know that nothing was saved and what to do.
    DomainError failure = error.code() == StoreError::Code::Unavailable
        ? DomainError(Code::StoreFailure,
                      u"%1 Nothing was saved; Hoststand reconnects by itself, so try again in "
                      "a moment."_s.arg(error.message()))
        : DomainError(Code::StoreFailure, error.message());
    failure.m_transient = error.isTransient();
    return failure;
}

QString DomainError::codeName(Code code)
{
    switch (code) {
    case Code::InvalidInput:
        return u"invalid-input"_s;
    case Code::NotFound:
        return u"not-found"_s;
    case Code::AlreadyExists:
        return u"already-exists"_s;
    case Code::TableLocked:
        return u"table-locked"_s;
    case Code::LockOverlap:
        return u"lock-overlap"_s;
    case Code::TableMissing:
        return u"table-missing"_s;
    case Code::TableRemoved:
        return u"table-removed"_s;
    case Code::PartyTooLarge:
        return u"party-too-large"_s;
    case Code::InThePast:
        return u"in-the-past"_s;
    case Code::BeyondHorizon:
        return u"beyond-horizon"_s;
    case Code::OutsideService:
        return u"outside-service"_s;
    case Code::OffSlotGrid:
        return u"off-slot-grid"_s;
    case Code::InvalidTransition:
        return u"invalid-transition"_s;
    case Code::Conflict:
        return u"conflict"_s;
    case Code::StoreFailure:
        return u"store-failure"_s;
    case Code::ClockOutOfStep:
        return u"clock-out-of-step"_s;
    }
    return u"unknown"_s;
}

} // namespace hoststand
