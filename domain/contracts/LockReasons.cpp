#include "domain/contracts/LockReasons.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString toString(LockFailureReason reason)
{
    switch (reason) {
    case LockFailureReason::TableMissing:
        return u"table-missing"_s;
    case LockFailureReason::TableRemoved:
        return u"table-removed"_s;
    case LockFailureReason::Overlap:
        return u"overlap"_s;
    case LockFailureReason::PartyTooLarge:
        return u"party-too-large"_s;
    }
    return {};
}

QString toString(LockRemovalReason reason)
{
    switch (reason) {
    case LockRemovalReason::Cancelled:
        return u"cancelled"_s;
    case LockRemovalReason::NoShow:
        return u"no-show"_s;
    case LockRemovalReason::PartyLeft:
        return u"party-left"_s;
    case LockRemovalReason::SlotPassed:
        return u"slot-passed"_s;
    case LockRemovalReason::Moved:
        return u"moved"_s;
    case LockRemovalReason::ChangeWithdrawn:
        return u"change-withdrawn"_s;
    }
    return {};
}

QString toString(ChangeRejectionReason reason)
{
    switch (reason) {
    case ChangeRejectionReason::TableMissing:
        return u"table-missing"_s;
    case ChangeRejectionReason::TableRemoved:
        return u"table-removed"_s;
    case ChangeRejectionReason::Overlap:
        return u"overlap"_s;
    case ChangeRejectionReason::PartyTooLarge:
        return u"party-too-large"_s;
    case ChangeRejectionReason::BookingEnded:
        return u"booking-ended"_s;
    }
    return {};
}

ChangeRejectionReason changeRejectionFor(LockFailureReason reason)
{
    switch (reason) {
    case LockFailureReason::TableMissing:
        return ChangeRejectionReason::TableMissing;
    case LockFailureReason::TableRemoved:
        return ChangeRejectionReason::TableRemoved;
    case LockFailureReason::Overlap:
        return ChangeRejectionReason::Overlap;
    case LockFailureReason::PartyTooLarge:
        return ChangeRejectionReason::PartyTooLarge;
    }
    return ChangeRejectionReason::TableMissing;
}

std::optional<LockFailureReason> lockFailureReasonFromString(const QString &text)
{
    for (auto reason : {LockFailureReason::TableMissing, LockFailureReason::TableRemoved,
                        LockFailureReason::Overlap, LockFailureReason::PartyTooLarge}) {
        if (toString(reason) == text)
            return reason;
    }
    return std::nullopt;
}

std::optional<LockRemovalReason> lockRemovalReasonFromString(const QString &text)
{
    for (auto reason : {LockRemovalReason::Cancelled, LockRemovalReason::NoShow,
                        LockRemovalReason::PartyLeft, LockRemovalReason::SlotPassed,
                        LockRemovalReason::Moved, LockRemovalReason::ChangeWithdrawn}) {
        if (toString(reason) == text)
            return reason;
    }
    return std::nullopt;
}

std::optional<ChangeRejectionReason> changeRejectionReasonFromString(const QString &text)
{
    for (auto reason : {ChangeRejectionReason::TableMissing, ChangeRejectionReason::TableRemoved,
                        ChangeRejectionReason::Overlap, ChangeRejectionReason::PartyTooLarge,
                        ChangeRejectionReason::BookingEnded}) {
        if (toString(reason) == text)
            return reason;
    }
    return std::nullopt;
}

} // namespace hoststand
