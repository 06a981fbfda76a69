#include "eventstore/SqliteSubscriptionGroups.h"

#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteTransaction.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace hoststand {

// Milliseconds since the epoch (UTC) by the database's clock.
#define HOSTSTAND_DB_NOW "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

SqliteSubscriptionGroups::SqliteSubscriptionGroups(QSqlDatabase database,
                                                   SqliteTransactionStatements &transactions,
                                                   bool synchronousFull)
    : m_database(std::move(database))
    , m_transactions(transactions)
    , m_synchronousFull(synchronousFull)
{ }

StoreResult<void> SqliteSubscriptionGroups::prepare()
{
    const std::pair<Statement, QString> statements[] = {
        {Statement::Create,
         u"INSERT INTO subscription_groups(name, checkpoint, lease_owner, lease_expires_ms) "
         "VALUES(:group, :checkpoint, NULL, 0) ON CONFLICT(name) DO NOTHING"_s},
        {Statement::Info,
         u"SELECT checkpoint, CASE WHEN lease_expires_ms > " HOSTSTAND_DB_NOW " THEN "
         "lease_owner END, lease_expires_ms FROM subscription_groups WHERE name = :group"_s},
        {Statement::Exists, u"SELECT 1 FROM subscription_groups WHERE name = :group"_s},
        {Statement::Acquire,
         u"UPDATE subscription_groups SET lease_owner = :owner, lease_expires_ms "
         u"= " HOSTSTAND_DB_NOW " + :duration WHERE name = :group AND (lease_owner IS NULL "
         "OR lease_owner = :owner OR lease_expires_ms <= " HOSTSTAND_DB_NOW ")"_s},
        {Statement::Release,
         u"UPDATE subscription_groups SET lease_owner = NULL, lease_expires_ms = 0 "
         "WHERE name = :group AND lease_owner = :owner"_s},
        // The write transaction around it holds the file's write lock.
        {Statement::LeaseHeld,
         u"SELECT coalesce(lease_owner = :owner AND lease_expires_ms > " HOSTSTAND_DB_NOW
         ", 0) FROM subscription_groups WHERE name = :group"_s},
        {Statement::Advance,
         u"UPDATE subscription_groups SET checkpoint = max(checkpoint, :position) "
         "WHERE name = :group"_s},
        {Statement::RemoveRetries,
         u"DELETE FROM subscription_retries WHERE group_name = :group AND position = :position"_s},
        {Statement::RecordRetry,
         u"INSERT INTO subscription_retries(group_name, position, attempts) "
         "VALUES(:group, :position, 1) ON CONFLICT(group_name, position) "
         "DO UPDATE SET attempts = attempts + 1 RETURNING attempts"_s},
        {Statement::Park,
         u"INSERT INTO subscription_parked(group_name, position, attempts, reason, parked_at, "
         "replay_requested) VALUES(:group, :position, max(1, coalesce((SELECT attempts FROM "
         "subscription_retries WHERE group_name = :group AND position = :position), 0)), "
         ":reason, " HOSTSTAND_DB_NOW ", 0) ON CONFLICT(group_name, position) DO UPDATE "
         "SET attempts = excluded.attempts, reason = excluded.reason, "
         "parked_at = excluded.parked_at, replay_requested = 0"_s},
        {Statement::Unpark,
         u"DELETE FROM subscription_parked WHERE group_name = :group AND position = :position"_s},
        {Statement::Parked,
         u"SELECT position, attempts, reason, parked_at, replay_requested "
         "FROM subscription_parked WHERE group_name = :group ORDER BY position"_s},
        {Statement::RequestReplay,
         u"UPDATE subscription_parked SET replay_requested = 1 WHERE group_name = :group"_s},
        {Statement::RequestOneReplay,
         u"UPDATE subscription_parked SET replay_requested = 1 WHERE group_name = :group "
         "AND position = :position"_s},
        {Statement::ResetParkedRetries,
         u"DELETE FROM subscription_retries WHERE group_name = :group AND position IN "
         "(SELECT position FROM subscription_parked WHERE group_name = :group)"_s},
    };
    static_assert(std::size(statements) == StatementCount);
    for (const auto &[statement, sql] : statements) {
        QSqlQuery &query = m_statements[std::size_t(statement)];
        query = QSqlQuery(m_database);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqliteStoreError(query.lastError(), u"prepare the subscription groups"_s);
    }
    return {};
}

StoreResult<SubscriptionGroups::Rows> SqliteSubscriptionGroups::run(Statement statement,
                                                                    Bindings bindings,
                                                                    const QString &action)
{
    QSqlQuery &query = m_statements[std::size_t(statement)];
    for (const auto &[name, value] : bindings)
        query.bindValue(name, value);
    if (!query.exec()) {
        auto error = sqliteStoreError(query.lastError(), action);
        query.finish();
        return error;
    }
    Rows rows = readRows(query);
    const QSqlError error = query.lastError();
    query.finish();
    if (error.isValid())
        return sqliteStoreError(error, action);
    return rows;
}

StoreResult<void> SqliteSubscriptionGroups::inTransaction(
    const std::function<StoreResult<void>()> &work)
{
    SqliteTransaction transaction(m_transactions);
    if (auto done = transaction.begin(); !done.ok())
        return done;
    if (auto done = work(); !done.ok())
        return done;
    return transaction.commit();
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

} // namespace hoststand
