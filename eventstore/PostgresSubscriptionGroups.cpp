#include "eventstore/PostgresSubscriptionGroups.h"

using namespace Qt::StringLiterals;

namespace hoststand {

// Milliseconds since the epoch (UTC) of a timestamptz column, NULL stays NULL.
#define HOSTSTAND_MS(column) "floor(extract(epoch FROM " column ") * 1000)::bigint"

PostgresSubscriptionGroups::PostgresSubscriptionGroups(PostgresConnection &connection,
                                                       QString schema)
    : m_connection(connection)
    , m_schema(std::move(schema))
{ }

StoreResult<void> PostgresSubscriptionGroups::prepare()
{
    const QString s = u"\"%1\"."_s.arg(m_schema);
    const std::pair<Statement, QString> statements[] = {
        {Statement::Create,
         u"INSERT INTO %1subscription_groups(name, checkpoint) VALUES(:group, :checkpoint) "
         "ON CONFLICT(name) DO NOTHING"_s.arg(s)},
        {Statement::Info,
         u"SELECT checkpoint, CASE WHEN lease_expires > now() THEN lease_owner END, " HOSTSTAND_MS(
             "lease_expires") " FROM %1subscription_groups WHERE name = :group"_s.arg(s)},
        {Statement::Exists, u"SELECT 1 FROM %1subscription_groups WHERE name = :group"_s.arg(s)},
        {Statement::Acquire,
         u"UPDATE %1subscription_groups SET lease_owner = :owner, "
         "lease_expires = now() + :duration::bigint * interval '1 millisecond' "
         "WHERE name = :group AND (lease_owner IS NULL OR lease_owner = :owner "
         "OR lease_expires <= now())"_s.arg(s)},
        {Statement::Release,
         u"UPDATE %1subscription_groups SET lease_owner = NULL, lease_expires = NULL "
         "WHERE name = :group AND lease_owner = :owner"_s.arg(s)},
        // FOR UPDATE: nobody takes the lease over until the fenced write commits.
        {Statement::LeaseHeld,
         u"SELECT coalesce(lease_owner = :owner AND lease_expires > now(), false) "
         "FROM %1subscription_groups WHERE name = :group FOR UPDATE"_s.arg(s)},
        {Statement::Advance,
         u"UPDATE %1subscription_groups SET checkpoint = greatest(checkpoint, :position) "
         "WHERE name = :group"_s.arg(s)},
        {Statement::RemoveRetries,
         u"DELETE FROM %1subscription_retries WHERE group_name = :group "
         "AND position = :position"_s.arg(s)},
        {Statement::RecordRetry,
         u"INSERT INTO %1subscription_retries AS r(group_name, position, attempts) "
         "VALUES(:group, :position, 1) ON CONFLICT(group_name, position) "
         "DO UPDATE SET attempts = r.attempts + 1 RETURNING attempts"_s.arg(s)},
        {Statement::Park,
         u"INSERT INTO %1subscription_parked(group_name, position, attempts, reason, parked_at, "
         "replay_requested) VALUES(:group, :position, greatest(1, coalesce((SELECT attempts "
         "FROM %1subscription_retries WHERE group_name = :group AND position = :position), 0)), "
         ":reason, now(), false) ON CONFLICT(group_name, position) DO UPDATE "
         "SET attempts = excluded.attempts, reason = excluded.reason, "
         "parked_at = excluded.parked_at, replay_requested = false"_s.arg(s)},
        {Statement::Unpark,
         u"DELETE FROM %1subscription_parked WHERE group_name = :group "
         "AND position = :position"_s.arg(s)},
        {Statement::Parked,
         u"SELECT position, attempts, reason, " HOSTSTAND_MS(
             "parked_at") ", replay_requested "
                          "FROM %1subscription_parked WHERE group_name = :group ORDER BY position"_s
                              .arg(s)},
        {Statement::RequestReplay,
         u"UPDATE %1subscription_parked SET replay_requested = true "
         "WHERE group_name = :group"_s.arg(s)},
        {Statement::RequestOneReplay,
         u"UPDATE %1subscription_parked SET replay_requested = true WHERE group_name = :group "
         "AND position = :position"_s.arg(s)},
        {Statement::ResetParkedRetries,
         u"DELETE FROM %1subscription_retries WHERE group_name = :group AND position IN "
         "(SELECT position FROM %1subscription_parked WHERE group_name = :group)"_s.arg(s)},
    };
    static_assert(std::size(statements) == StatementCount);
    for (const auto &[statement, sql] : statements) {
        if (auto prepared = m_connection.prepare(m_statements[std::size_t(statement)], sql);
            !prepared.ok())
            return prepared;
    }
    return {};
}

StoreResult<SubscriptionGroups::Rows> PostgresSubscriptionGroups::run(Statement statement,
                                                                      Bindings bindings,
                                                                      const QString &action)
{
    QSqlQuery &query = m_statements[std::size_t(statement)];
    if (auto done = m_connection.exec(query, bindings, action); !done.ok())
        return done.error();
    Rows rows = readRows(query);
    if (auto checked = m_connection.checkRows(query, action); !checked.ok())
        return checked.error();
    return rows;
}

StoreResult<void> PostgresSubscriptionGroups::inTransaction(
    const std::function<StoreResult<void>()> &work)
{
    PostgresTransaction transaction(m_connection);
    if (auto done = transaction.begin(); !done.ok())
        return done;
    if (auto done = work(); !done.ok())
        return done;
    return transaction.commit();
}

} // namespace hoststand
