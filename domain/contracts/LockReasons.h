#pragma once

#include <QString>

#include <optional>

namespace hoststand {

// Why the table manager could not lock a table for a booking.
enum class LockFailureReason { TableMissing, TableRemoved, Overlap, PartyTooLarge };

// Why a lock ended. Moved: the booking changed to another table, and its
// lock here is no longer its own. ChangeWithdrawn: the booking ended while
// a change waited for this lock.
enum class LockRemovalReason { Cancelled, NoShow, PartyLeft, SlotPassed, Moved, ChangeWithdrawn };

// Why a booking's change was rejected: the table manager could not lock the
// new table or span, or the booking ended before the lock was decided.
enum class ChangeRejectionReason {
    TableMissing,
    TableRemoved,
    Overlap,
    PartyTooLarge,
    BookingEnded
};

ChangeRejectionReason changeRejectionFor(LockFailureReason reason);

QString toString(LockFailureReason reason);
QString toString(LockRemovalReason reason);
QString toString(ChangeRejectionReason reason);
std::optional<LockFailureReason> lockFailureReasonFromString(const QString &text);
std::optional<LockRemovalReason> lockRemovalReasonFromString(const QString &text);
std::optional<ChangeRejectionReason> changeRejectionReasonFromString(const QString &text);

} // namespace hoststand
