#pragma once

#include <QString>

#include <optional>

namespace hoststand {

// Why the table manager could not lock a table for a booking.
enum class LockFailureReason { TableMissing, TableRemoved, Overlap, PartyTooLarge };

// Why a lock ended.
enum class LockRemovalReason { Cancelled, NoShow, PartyLeft, SlotPassed };

QString toString(LockFailureReason reason);
QString toString(LockRemovalReason reason);
std::optional<LockFailureReason> lockFailureReasonFromString(const QString &text);
std::optional<LockRemovalReason> lockRemovalReasonFromString(const QString &text);

} // namespace hoststand
