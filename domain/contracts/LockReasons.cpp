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
    }
    return {};
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
                        LockRemovalReason::PartyLeft, LockRemovalReason::SlotPassed}) {
        if (toString(reason) == text)
            return reason;
    }
    return std::nullopt;
}

} // namespace hoststand
