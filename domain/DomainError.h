#pragma once

#include "domain/contracts/LockReasons.h"
#include "eventstore/Result.h"
#include "eventstore/StoreError.h"

#include <QString>
#include <QStringList>

namespace hoststand {

// Why the domain refused a command, in words a host understands. A refused
// command writes nothing.
class DomainError final
{
public:
    enum class Code {
        InvalidInput, // a value out of range or malformed
        NotFound, // no such table or booking
        AlreadyExists, // a table with that id is in service
        TableLocked, // the table holds locks that have not ended
        LockOverlap, // the span overlaps another lock on the table
        TableMissing, // the table does not exist
        TableRemoved, // the table was removed
        PartyTooLarge, // the party does not fit the table
        InThePast, // the booking would start before now
        BeyondHorizon, // the booking would start further ahead than the restaurant books
        OutsideService, // not inside a service period
        OffSlotGrid, // not on the slot grid
        InvalidTransition, // the booking's state does not allow it
        Conflict, // another terminal changed it at the same moment
        StoreFailure, // the store failed (disk, connection)
        ClockOutOfStep, // this terminal's clock disagrees with the store's
    };

    DomainError(Code code, QString message, QStringList bookingIds = {})
        : m_code(code)
        , m_message(std::move(message))
        , m_bookingIds(std::move(bookingIds))
    { }

    static DomainError fromStore(const StoreError &error);
    // The error a booking meets when the table manager could not lock its table.
    static Code codeOf(LockFailureReason reason);
    // A change the booking ended under is an invalid transition.
    static Code codeOf(ChangeRejectionReason reason);

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    // The bookings concerned (for example those holding a table's locks).
    const QStringList &bookingIds() const { return m_bookingIds; }
    // A failure of the store that trying again later may get past (a full
    // disk, a lost connection: StoreError::isTransient), not a refusal.
    bool isTransient() const { return m_transient; }

    // A stable kebab-case name for scripts and JSON ("lock-overlap").
    static QString codeName(Code code);

private:
    Code m_code;
    QString m_message;
    QStringList m_bookingIds;
    bool m_transient = false;
};

template<typename T>
using DomainResult = Result<T, DomainError>;

} // namespace hoststand
