#pragma once

#include "eventstore/EventStore.h"

#include <QList>
#include <QVariant>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <utility>

class QSqlQuery;

namespace hoststand {

// The persistent subscription groups of a store: checkpoints, leases, retry
// counts and parked events, in tables next to the events. What a group's
// consumer writes is fenced by its lease, checked in the same transaction;
// lease times come from the database's clock, so terminals with skewed
// clocks agree. The protocol is written here once: a backend gives its
// statements (run()) and its transactions (inTransaction()).
class SubscriptionGroups
{
public:
    virtual ~SubscriptionGroups();

    // See EventStore's methods of the same names.
    StoreResult<void> createGroup(const QString &group, qint64 startAfter);
    StoreResult<SubscriptionGroupInfo> groupInfo(const QString &group);
    StoreResult<bool> acquireLease(const QString &group, const QString &owner,
                                   std::chrono::milliseconds duration);
    StoreResult<void> releaseLease(const QString &group, const QString &owner);
    virtual StoreResult<void> advanceCheckpoint(const QString &group, const QString &owner,
                                                qint64 position);
    StoreResult<int> recordRetry(const QString &group, const QString &owner, qint64 position);
    StoreResult<void> parkEvent(const QString &group, const QString &owner, qint64 position,
                                const QString &reason);
    StoreResult<void> unparkEvent(const QString &group, const QString &owner, qint64 position);
    StoreResult<QList<ParkedEvent>> parkedEvents(const QString &group);
    StoreResult<int> replayParkedEvents(const QString &group);
    StoreResult<bool> replayParkedEvent(const QString &group, qint64 position);
    StoreResult<bool> discardParkedEvent(const QString &group, qint64 position);

protected:
    // The statements a backend prepares. Beside each: the values it is run
    // with, bound by name (":group", ":owner", ":position", ":checkpoint",
    // ":duration", ":reason"), and after "->" the columns of its rows.
    // Times are milliseconds since the epoch by the database's clock, NULL
    // or 0 for none.
    enum class Statement {
        Create, // group, checkpoint
        Info, // group -> checkpoint, the owner of an unexpired lease, its expiry
        Exists, // group -> a row when the group exists
        Acquire, // group, owner, duration; one row changed when taken
        Release, // group, owner
        LeaseHeld, // group, owner -> whether owner holds it; locks the group's row
        Advance, // group, position: the checkpoint moves forward only
        RemoveRetries, // group, position
        RecordRetry, // group, position -> the attempts so far
        Park, // group, position, reason (the attempts are the retries counted)
        Unpark, // group, position; one row changed when it was parked
        Parked, // group -> position, attempts, reason, parked at, replay requested
        RequestReplay, // group; the rows changed are the events asked for again
        RequestOneReplay, // group, position; one row changed when it was parked
        ResetParkedRetries, // group
    };
    static constexpr int StatementCount = int(Statement::ResetParkedRetries) + 1;

    struct Rows
    {
        QList<QVariantList> values;
        int changed = 0; // rows inserted, updated or deleted
    };
    using Bindings = std::initializer_list<std::pair<QString, QVariant>>;

    // An executed statement's rows, read to the end, and the rows it changed.
    static Rows readRows(QSqlQuery &query);
    // Runs a statement and reads all its rows.
    virtual StoreResult<Rows> run(Statement statement, Bindings bindings, const QString &action)
        = 0;
    // Runs work in one transaction, committed when work succeeds.
    virtual StoreResult<void> inTransaction(const std::function<StoreResult<void>()> &work) = 0;

    // The checkpoint moved past position, fenced by owner's lease.
    StoreResult<void> moveCheckpoint(const QString &group, const QString &owner, qint64 position);

private:
    StoreResult<bool> groupExists(const QString &group);
    StoreResult<void> checkLease(const QString &group, const QString &owner);
    StoreResult<void> passEvent(const QString &group, qint64 position);
    StoreResult<void> removeRetries(const QString &group, qint64 position);
    StoreResult<void> inFencedTransaction(const QString &group, const QString &owner,
                                          const std::function<StoreResult<void>()> &writes);
    StoreResult<bool> changeParked(Statement statement, const QString &group, qint64 position,
                                   const QString &action);
};

} // namespace hoststand
