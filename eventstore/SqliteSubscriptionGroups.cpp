#include "eventstore/SqliteSubscriptionGroups.h"

#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteTransaction.h"
#include "eventstore/StoreInput.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace hoststand {

// Milliseconds since the epoch (UTC) by the database's clock.
#define HOSTSTAND_DB_NOW "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

static QDateTime utcFromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

SqliteSubscriptionGroups::SqliteSubscriptionGroups(QSqlDatabase database,
                                                   SqliteTransactionStatements &transactions,
                                                   bool synchronousFull)
    : m_database(std::move(database))
    , m_transactions(transactions)
    , m_synchronousFull(synchronousFull)
{ }

StoreResult<void> SqliteSubscriptionGroups::prepare()
{
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_create,
         u"INSERT INTO subscription_groups(name, checkpoint, lease_owner, lease_expires_ms) "
         "VALUES(:group, :checkpoint, NULL, 0) ON CONFLICT(name) DO NOTHING"_s},
        {&m_info,
         u"SELECT checkpoint, CASE WHEN lease_expires_ms > " HOSTSTAND_DB_NOW " THEN "
         "lease_owner END, lease_expires_ms FROM subscription_groups WHERE name = :group"_s},
        {&m_exists, u"SELECT 1 FROM subscription_groups WHERE name = :group"_s},
        {&m_acquire,
         u"UPDATE subscription_groups SET lease_owner = :owner, lease_expires_ms "
         u"= " HOSTSTAND_DB_NOW " + :duration WHERE name = :group AND (lease_owner IS NULL "
         "OR lease_owner = :holder OR lease_expires_ms <= " HOSTSTAND_DB_NOW ")"_s},
        {&m_release,
         u"UPDATE subscription_groups SET lease_owner = NULL, lease_expires_ms = 0 "
         "WHERE name = :group AND lease_owner = :owner"_s},
        {&m_leaseHeld,
         u"SELECT coalesce(lease_owner = :owner AND lease_expires_ms > " HOSTSTAND_DB_NOW
         ", 0) FROM subscription_groups WHERE name = :group"_s},
        {&m_advance,
         u"UPDATE subscription_groups SET checkpoint = max(checkpoint, :position) "
         "WHERE name = :group"_s},
        {&m_removeRetries,
         u"DELETE FROM subscription_retries WHERE group_name = :group AND position = :position"_s},
        {&m_recordRetry,
         u"INSERT INTO subscription_retries(group_name, position, attempts) "
         "VALUES(:group, :position, 1) ON CONFLICT(group_name, position) "
         "DO UPDATE SET attempts = attempts + 1 RETURNING attempts"_s},
        {&m_park,
         u"INSERT INTO subscription_parked(group_name, position, attempts, reason, parked_at, "
         "replay_requested) VALUES(:group, :position, max(1, coalesce((SELECT attempts FROM "
         "subscription_retries WHERE group_name = :retryGroup AND position = :retryPosition), "
         "0)), :reason, " HOSTSTAND_DB_NOW ", 0) ON CONFLICT(group_name, position) DO UPDATE "
         "SET attempts = excluded.attempts, reason = excluded.reason, "
         "parked_at = excluded.parked_at, replay_requested = 0"_s},
        {&m_unpark,
         u"DELETE FROM subscription_parked WHERE group_name = :group AND position = :position"_s},
        {&m_parked,
         u"SELECT position, attempts, reason, parked_at, replay_requested "
         "FROM subscription_parked WHERE group_name = :group ORDER BY position"_s},
        {&m_requestReplay,
         u"UPDATE subscription_parked SET replay_requested = 1 WHERE group_name = :group"_s},
        {&m_requestOneReplay,
         u"UPDATE subscription_parked SET replay_requested = 1 WHERE group_name = :group "
         "AND position = :position"_s},
        {&m_resetParkedRetries,
         u"DELETE FROM subscription_retries WHERE group_name = :group AND position IN "
         "(SELECT position FROM subscription_parked WHERE group_name = :parkedGroup)"_s},
    };
    for (const auto &[query, sql] : statements) {
        *query = QSqlQuery(m_database);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return sqliteStoreError(query->lastError(), u"prepare the subscription groups"_s);
    }
    return {};
}

// Executes a prepared query; a query that returns rows stays positioned
// before its first row for the caller to read, who calls finish().
StoreResult<void> SqliteSubscriptionGroups::exec(QSqlQuery &query, Bindings bindings,
                                                 const QString &action)
{
    for (const auto &[name, value] : bindings)
        query.bindValue(name, value);
    if (!query.exec()) {
        auto error = sqliteStoreError(query.lastError(), action);
        query.finish();
        return error;
    }
    return {};
}

// Executes a prepared query that returns no rows.
StoreResult<void> SqliteSubscriptionGroups::run(QSqlQuery &query, Bindings bindings,
                                                const QString &action)
{
    auto done = exec(query, bindings, action);
    query.finish();
    return done;
}

StoreResult<bool> SqliteSubscriptionGroups::groupExists(const QString &group)
{
    if (auto done = exec(m_exists, {{u":group"_s, group}}, u"find the group"_s); !done.ok())
        return done.error();
    const bool exists = m_exists.next();
    m_exists.finish();
    return exists;
}

StoreResult<void> SqliteSubscriptionGroups::checkLease(const QString &group, const QString &owner)
{
    auto done = exec(m_leaseHeld, {{u":owner"_s, owner}, {u":group"_s, group}},
                     u"check the group's lease"_s);
    if (!done.ok())
        return done;
    const bool found = m_leaseHeld.next();
    const bool held = found && m_leaseHeld.value(0).toBool();
    m_leaseHeld.finish();
    if (!found)
        return StoreInput::groupNotFound(group);
    if (!held)
        return StoreInput::leaseNotHeld(group, owner);
    return {};
}

StoreResult<void> SqliteSubscriptionGroups::removeRetries(const QString &group, qint64 position)
{
    return run(m_removeRetries, {{u":group"_s, group}, {u":position"_s, position}},
               u"clear the event's retries"_s);
}

// The writes that leave an event behind, handled or parked: the checkpoint
// moves past it and its retries are forgotten.
StoreResult<void> SqliteSubscriptionGroups::passEvent(const QString &group, qint64 position)
{
    if (auto done = run(m_advance, {{u":position"_s, position}, {u":group"_s, group}},
                        u"move the group's checkpoint"_s);
        !done.ok())
        return done;
    return removeRetries(group, position);
}

// Runs a consumer's writes in one transaction, after checking that owner
// holds the group's lease; nothing is written when it does not.
StoreResult<void> SqliteSubscriptionGroups::inFencedTransaction(
    const QString &group, const QString &owner, const std::function<StoreResult<void>()> &writes)
{
    SqliteTransaction transaction(m_transactions);
    if (auto done = transaction.begin(); !done.ok())
        return done;
    if (auto done = checkLease(group, owner); !done.ok())
        return done;
    if (auto done = writes(); !done.ok())
        return done;
    return transaction.commit();
}

StoreResult<void> SqliteSubscriptionGroups::createGroup(const QString &group, qint64 startAfter)
{
    if (auto invalid = StoreInput::checkCreateGroup(group, startAfter))
        return *invalid;
    return run(m_create, {{u":group"_s, group}, {u":checkpoint"_s, startAfter}},
               u"create the subscription group"_s);
}

StoreResult<SubscriptionGroupInfo> SqliteSubscriptionGroups::groupInfo(const QString &group)
{
    if (auto done = exec(m_info, {{u":group"_s, group}}, u"read the subscription group"_s);
        !done.ok())
        return done.error();
    if (!m_info.next()) {
        m_info.finish();
        return StoreInput::groupNotFound(group);
    }
    SubscriptionGroupInfo info {group, m_info.value(0).toLongLong(), m_info.value(1).toString(),
                                utcFromMs(m_info.value(2).toLongLong())};
    m_info.finish();
    return info;
}

StoreResult<bool> SqliteSubscriptionGroups::acquireLease(const QString &group, const QString &owner,
                                                         std::chrono::milliseconds duration)
{
    if (auto invalid = StoreInput::checkAcquireLease(group, owner, duration))
        return *invalid;
    auto done = exec(m_acquire,
                     {{u":owner"_s, owner},
                      {u":duration"_s, qint64(duration.count())},
                      {u":group"_s, group},
                      {u":holder"_s, owner}},
                     u"take the group's lease"_s);
    if (!done.ok())
        return done.error();
    const bool taken = m_acquire.numRowsAffected() == 1;
    m_acquire.finish();
    if (taken)
        return true;
    auto exists = groupExists(group);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return StoreInput::groupNotFound(group);
    return false;
}

StoreResult<void> SqliteSubscriptionGroups::releaseLease(const QString &group, const QString &owner)
{
    return run(m_release, {{u":group"_s, group}, {u":owner"_s, owner}},
               u"release the group's lease"_s);
}

// A checkpoint move is the most frequent write of a saga (one per event
// handled) and needs no sync of its own: delivery is at least once and
// handlers are idempotent, so a checkpoint lost to a power cut only means a
// redelivery. In WAL mode the next synced commit (any event appended) makes
// it durable too, as the log is written in order. So it commits with
// synchronous=NORMAL, and the connection is FULL again before anything else.
StoreResult<void> SqliteSubscriptionGroups::advanceCheckpoint(const QString &group,
                                                              const QString &owner, qint64 position)
{
    if (!m_synchronousFull)
        return moveCheckpoint(group, owner, position);
    if (auto relaxed = setSynchronous(u"NORMAL"_s); !relaxed.ok())
        return relaxed;
    auto moved = moveCheckpoint(group, owner, position);
    auto restored = setSynchronous(u"FULL"_s);
    if (!moved.ok())
        return moved;
    return restored;
}

// Not a prepared statement: SQLite applies this pragma when it compiles it.
StoreResult<void> SqliteSubscriptionGroups::setSynchronous(const QString &level)
{
    QSqlQuery pragma(m_database);
    if (!pragma.exec(u"PRAGMA synchronous = "_s + level))
        return sqliteStoreError(pragma.lastError(), u"set the sync level"_s);
    return {};
}

StoreResult<void> SqliteSubscriptionGroups::moveCheckpoint(const QString &group,
                                                           const QString &owner, qint64 position)
{
    return inFencedTransaction(group, owner,
                               [&]() -> StoreResult<void> { return passEvent(group, position); });
}

StoreResult<int> SqliteSubscriptionGroups::recordRetry(const QString &group, const QString &owner,
                                                       qint64 position)
{
    int attempts = 0;
    auto done = inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto executed = exec(m_recordRetry, {{u":group"_s, group}, {u":position"_s, position}},
                                 u"count the event's retry"_s);
            !executed.ok())
            return executed;
        attempts = m_recordRetry.next() ? m_recordRetry.value(0).toInt() : 0;
        m_recordRetry.finish();
        return {};
    });
    if (!done.ok())
        return done.error();
    return attempts;
}

StoreResult<void> SqliteSubscriptionGroups::parkEvent(const QString &group, const QString &owner,
                                                      qint64 position, const QString &reason)
{
    return inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto done = run(m_park,
                            {{u":group"_s, group},
                             {u":position"_s, position},
                             {u":retryGroup"_s, group},
                             {u":retryPosition"_s, position},
                             {u":reason"_s, reason}},
                            u"park the event"_s);
            !done.ok())
            return done;
        return passEvent(group, position);
    });
}

StoreResult<void> SqliteSubscriptionGroups::unparkEvent(const QString &group, const QString &owner,
                                                        qint64 position)
{
    return inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto done = run(m_unpark, {{u":group"_s, group}, {u":position"_s, position}},
                            u"unpark the event"_s);
            !done.ok())
            return done;
        return removeRetries(group, position);
    });
}

StoreResult<QList<ParkedEvent>> SqliteSubscriptionGroups::parkedEvents(const QString &group)
{
    if (auto done = exec(m_parked, {{u":group"_s, group}}, u"list the parked events"_s); !done.ok())
        return done.error();
    QList<ParkedEvent> parked;
    while (m_parked.next()) {
        parked.append(ParkedEvent {
            m_parked.value(0).toLongLong(), m_parked.value(1).toInt(), m_parked.value(2).toString(),
            utcFromMs(m_parked.value(3).toLongLong()), m_parked.value(4).toBool()});
    }
    const QSqlError error = m_parked.lastError();
    m_parked.finish();
    if (error.isValid())
        return sqliteStoreError(error, u"list the parked events"_s);
    return parked;
}

StoreResult<bool> SqliteSubscriptionGroups::replayParkedEvent(const QString &group, qint64 position)
{
    return changeParked(m_requestOneReplay, group, position, u"replay a parked event"_s);
}

StoreResult<bool> SqliteSubscriptionGroups::discardParkedEvent(const QString &group,
                                                               qint64 position)
{
    return changeParked(m_unpark, group, position, u"skip a parked event"_s);
}

// Runs a statement on one parked event, and forgets its retries, in one
// transaction; whether the event was parked.
StoreResult<bool> SqliteSubscriptionGroups::changeParked(QSqlQuery &query, const QString &group,
                                                         qint64 position, const QString &action)
{
    SqliteTransaction transaction(m_transactions);
    if (auto done = transaction.begin(); !done.ok())
        return done.error();
    if (auto done = exec(query, {{u":group"_s, group}, {u":position"_s, position}}, action);
        !done.ok())
        return done.error();
    const bool parked = query.numRowsAffected() > 0;
    query.finish();
    if (auto removed = removeRetries(group, position); !removed.ok())
        return removed.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return parked;
}

StoreResult<int> SqliteSubscriptionGroups::replayParkedEvents(const QString &group)
{
    SqliteTransaction transaction(m_transactions);
    if (auto done = transaction.begin(); !done.ok())
        return done.error();
    auto exists = groupExists(group);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return StoreInput::groupNotFound(group);
    if (auto done = exec(m_requestReplay, {{u":group"_s, group}}, u"replay the parked events"_s);
        !done.ok())
        return done.error();
    const int requested = m_requestReplay.numRowsAffected();
    m_requestReplay.finish();
    if (auto done = run(m_resetParkedRetries, {{u":group"_s, group}, {u":parkedGroup"_s, group}},
                        u"reset the parked events' retries"_s);
        !done.ok())
        return done.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return requested;
}

} // namespace hoststand
