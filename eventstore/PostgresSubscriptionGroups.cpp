#include "eventstore/PostgresSubscriptionGroups.h"

#include "eventstore/StoreInput.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace hoststand {

// Milliseconds since the epoch (UTC) of a timestamptz column, NULL stays NULL.
#define HOSTSTAND_MS(column) "floor(extract(epoch FROM " column ") * 1000)::bigint"

static QDateTime utcFromMs(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

PostgresSubscriptionGroups::PostgresSubscriptionGroups(PostgresConnection &connection,
                                                       QString schema)
    : m_connection(connection)
    , m_schema(std::move(schema))
{ }

StoreResult<void> PostgresSubscriptionGroups::prepare()
{
    const QString s = u"\"%1\"."_s.arg(m_schema);
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_create,
         u"INSERT INTO %1subscription_groups(name, checkpoint) VALUES(:group, :checkpoint) "
         "ON CONFLICT(name) DO NOTHING"_s.arg(s)},
        {&m_info,
         u"SELECT checkpoint, CASE WHEN lease_expires > now() THEN lease_owner END, " HOSTSTAND_MS(
             "lease_expires") " FROM %1subscription_groups WHERE name = :group"_s.arg(s)},
        {&m_exists, u"SELECT 1 FROM %1subscription_groups WHERE name = :group"_s.arg(s)},
        {&m_acquire,
         u"UPDATE %1subscription_groups SET lease_owner = :owner, "
         "lease_expires = now() + :duration::bigint * interval '1 millisecond' "
         "WHERE name = :group AND (lease_owner IS NULL OR lease_owner = :owner "
         "OR lease_expires <= now()) RETURNING 1"_s.arg(s)},
        {&m_release,
         u"UPDATE %1subscription_groups SET lease_owner = NULL, lease_expires = NULL "
         "WHERE name = :group AND lease_owner = :owner"_s.arg(s)},
        // FOR UPDATE: nobody takes the lease over until the fenced write commits.
        {&m_leaseHeld,
         u"SELECT coalesce(lease_owner = :owner AND lease_expires > now(), false) "
         "FROM %1subscription_groups WHERE name = :group FOR UPDATE"_s.arg(s)},
        {&m_advance,
         u"UPDATE %1subscription_groups SET checkpoint = greatest(checkpoint, :position) "
         "WHERE name = :group"_s.arg(s)},
        {&m_removeRetries,
         u"DELETE FROM %1subscription_retries WHERE group_name = :group "
         "AND position = :position"_s.arg(s)},
        {&m_recordRetry,
         u"INSERT INTO %1subscription_retries AS r(group_name, position, attempts) "
         "VALUES(:group, :position, 1) ON CONFLICT(group_name, position) "
         "DO UPDATE SET attempts = r.attempts + 1 RETURNING attempts"_s.arg(s)},
        {&m_park,
         u"INSERT INTO %1subscription_parked(group_name, position, attempts, reason, parked_at, "
         "replay_requested) VALUES(:group, :position, greatest(1, coalesce((SELECT attempts "
         "FROM %1subscription_retries WHERE group_name = :group AND position = :position), 0)), "
         ":reason, now(), false) ON CONFLICT(group_name, position) DO UPDATE "
         "SET attempts = excluded.attempts, reason = excluded.reason, "
         "parked_at = excluded.parked_at, replay_requested = false"_s.arg(s)},
        {&m_unpark,
         u"DELETE FROM %1subscription_parked WHERE group_name = :group "
         "AND position = :position"_s.arg(s)},
        {&m_parked,
         u"SELECT position, attempts, reason, " HOSTSTAND_MS(
             "parked_at") ", replay_requested "
                          "FROM %1subscription_parked WHERE group_name = :group ORDER BY position"_s
                              .arg(s)},
        {&m_requestReplay,
         u"UPDATE %1subscription_parked SET replay_requested = true WHERE group_name = :group "
         "RETURNING 1"_s.arg(s)},
        {&m_requestOneReplay,
         u"UPDATE %1subscription_parked SET replay_requested = true WHERE group_name = :group "
         "AND position = :position RETURNING 1"_s.arg(s)},
        {&m_discard,
         u"DELETE FROM %1subscription_parked WHERE group_name = :group "
         "AND position = :position RETURNING 1"_s.arg(s)},
        {&m_resetParkedRetries,
         u"DELETE FROM %1subscription_retries WHERE group_name = :group AND position IN "
         "(SELECT position FROM %1subscription_parked WHERE group_name = :group)"_s.arg(s)},
    };
    for (const auto &[query, sql] : statements) {
        if (auto prepared = m_connection.prepare(*query, sql); !prepared.ok())
            return prepared;
    }
    return {};
}

// Executes a statement and reads past its rows, if any.
StoreResult<void> PostgresSubscriptionGroups::run(QSqlQuery &query, Bindings bindings,
                                                  const QString &action)
{
    if (auto done = m_connection.exec(query, bindings, action); !done.ok())
        return done;
    while (query.next()) { }
    return m_connection.checkRows(query, action);
}

// Executes a statement and counts the rows it returns (RETURNING 1).
StoreResult<int> PostgresSubscriptionGroups::countRows(QSqlQuery &query, Bindings bindings,
                                                       const QString &action)
{
    if (auto done = m_connection.exec(query, bindings, action); !done.ok())
        return done.error();
    int rows = 0;
    while (query.next())
        ++rows;
    if (auto checked = m_connection.checkRows(query, action); !checked.ok())
        return checked.error();
    return rows;
}

StoreResult<bool> PostgresSubscriptionGroups::groupExists(const QString &group)
{
    auto rows = countRows(m_exists, {{u":group"_s, group}}, u"find the group"_s);
    if (!rows.ok())
        return rows.error();
    return rows.value() > 0;
}

StoreResult<void> PostgresSubscriptionGroups::checkLease(const QString &group, const QString &owner)
{
    const QString action = u"check the group's lease"_s;
    if (auto done
        = m_connection.exec(m_leaseHeld, {{u":owner"_s, owner}, {u":group"_s, group}}, action);
        !done.ok())
        return done;
    const bool found = m_leaseHeld.next();
    const bool held = found && m_leaseHeld.value(0).toBool();
    while (m_leaseHeld.next()) { }
    if (auto checked = m_connection.checkRows(m_leaseHeld, action); !checked.ok())
        return checked;
    if (!found)
        return StoreInput::groupNotFound(group);
    if (!held)
        return StoreInput::leaseNotHeld(group, owner);
    return {};
}

StoreResult<void> PostgresSubscriptionGroups::removeRetries(const QString &group, qint64 position)
{
    return run(m_removeRetries, {{u":group"_s, group}, {u":position"_s, position}},
               u"clear the event's retries"_s);
}

// The writes that leave an event behind, handled or parked: the checkpoint
// moves past it and its retries are forgotten.
StoreResult<void> PostgresSubscriptionGroups::passEvent(const QString &group, qint64 position)
{
    if (auto done = run(m_advance, {{u":position"_s, position}, {u":group"_s, group}},
                        u"move the group's checkpoint"_s);
        !done.ok())
        return done;
    return removeRetries(group, position);
}

// Runs a consumer's writes in one transaction, after checking that owner
// holds the group's lease; nothing is written when it does not.
StoreResult<void> PostgresSubscriptionGroups::inFencedTransaction(
    const QString &group, const QString &owner, const std::function<StoreResult<void>()> &writes)
{
    PostgresTransaction transaction(m_connection);
    if (auto done = transaction.begin(); !done.ok())
        return done;
    if (auto done = checkLease(group, owner); !done.ok())
        return done;
    if (auto done = writes(); !done.ok())
        return done;
    return transaction.commit();
}

StoreResult<void> PostgresSubscriptionGroups::createGroup(const QString &group, qint64 startAfter)
{
    if (auto invalid = StoreInput::checkCreateGroup(group, startAfter))
        return *invalid;
    return run(m_create, {{u":group"_s, group}, {u":checkpoint"_s, startAfter}},
               u"create the subscription group"_s);
}

StoreResult<SubscriptionGroupInfo> PostgresSubscriptionGroups::groupInfo(const QString &group)
{
    const QString action = u"read the subscription group"_s;
    if (auto done = m_connection.exec(m_info, {{u":group"_s, group}}, action); !done.ok())
        return done.error();
    std::optional<SubscriptionGroupInfo> info;
    if (m_info.next())
        info = SubscriptionGroupInfo {group, m_info.value(0).toLongLong(),
                                      m_info.value(1).toString(), utcFromMs(m_info.value(2))};
    while (m_info.next()) { }
    if (auto checked = m_connection.checkRows(m_info, action); !checked.ok())
        return checked.error();
    if (!info)
        return StoreInput::groupNotFound(group);
    return *info;
}

StoreResult<bool> PostgresSubscriptionGroups::acquireLease(const QString &group,
                                                           const QString &owner,
                                                           std::chrono::milliseconds duration)
{
    if (auto invalid = StoreInput::checkAcquireLease(group, owner, duration))
        return *invalid;
    auto taken = countRows(
        m_acquire,
        {{u":owner"_s, owner}, {u":duration"_s, qint64(duration.count())}, {u":group"_s, group}},
        u"take the group's lease"_s);
    if (!taken.ok())
        return taken.error();
    if (taken.value() == 1)
        return true;
    auto exists = groupExists(group);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return StoreInput::groupNotFound(group);
    return false;
}

StoreResult<void> PostgresSubscriptionGroups::releaseLease(const QString &group,
                                                           const QString &owner)
{
    return run(m_release, {{u":group"_s, group}, {u":owner"_s, owner}},
               u"release the group's lease"_s);
}

StoreResult<void> PostgresSubscriptionGroups::advanceCheckpoint(const QString &group,
                                                                const QString &owner,
                                                                qint64 position)
{
    return inFencedTransaction(group, owner,
                               [&]() -> StoreResult<void> { return passEvent(group, position); });
}

StoreResult<int> PostgresSubscriptionGroups::recordRetry(const QString &group, const QString &owner,
                                                         qint64 position)
{
    int attempts = 0;
    auto done = inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        const QString action = u"count the event's retry"_s;
        if (auto executed = m_connection.exec(
                m_recordRetry, {{u":group"_s, group}, {u":position"_s, position}}, action);
            !executed.ok())
            return executed;
        attempts = m_recordRetry.next() ? m_recordRetry.value(0).toInt() : 0;
        while (m_recordRetry.next()) { }
        return m_connection.checkRows(m_recordRetry, action);
    });
    if (!done.ok())
        return done.error();
    return attempts;
}

StoreResult<void> PostgresSubscriptionGroups::parkEvent(const QString &group, const QString &owner,
                                                        qint64 position, const QString &reason)
{
    return inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto done = run(
                m_park, {{u":group"_s, group}, {u":position"_s, position}, {u":reason"_s, reason}},
                u"park the event"_s);
            !done.ok())
            return done;
        return passEvent(group, position);
    });
}

StoreResult<void> PostgresSubscriptionGroups::unparkEvent(const QString &group,
                                                          const QString &owner, qint64 position)
{
    return inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto done = run(m_unpark, {{u":group"_s, group}, {u":position"_s, position}},
                            u"unpark the event"_s);
            !done.ok())
            return done;
        return removeRetries(group, position);
    });
}

StoreResult<QList<ParkedEvent>> PostgresSubscriptionGroups::parkedEvents(const QString &group)
{
    const QString action = u"list the parked events"_s;
    if (auto done = m_connection.exec(m_parked, {{u":group"_s, group}}, action); !done.ok())
        return done.error();
    QList<ParkedEvent> parked;
    while (m_parked.next()) {
        parked.append(ParkedEvent {m_parked.value(0).toLongLong(), m_parked.value(1).toInt(),
                                   m_parked.value(2).toString(), utcFromMs(m_parked.value(3)),
                                   m_parked.value(4).toBool()});
    }
    if (auto checked = m_connection.checkRows(m_parked, action); !checked.ok())
        return checked.error();
    return parked;
}

StoreResult<bool> PostgresSubscriptionGroups::replayParkedEvent(const QString &group,
                                                                qint64 position)
{
    return changeParked(m_requestOneReplay, group, position, u"replay a parked event"_s);
}

StoreResult<bool> PostgresSubscriptionGroups::discardParkedEvent(const QString &group,
                                                                 qint64 position)
{
    return changeParked(m_discard, group, position, u"skip a parked event"_s);
}

// Runs a statement on one parked event, and forgets its retries, in one
// transaction; whether the event was parked.
StoreResult<bool> PostgresSubscriptionGroups::changeParked(QSqlQuery &query, const QString &group,
                                                           qint64 position, const QString &action)
{
    PostgresTransaction transaction(m_connection);
    if (auto done = transaction.begin(); !done.ok())
        return done.error();
    auto changed = countRows(query, {{u":group"_s, group}, {u":position"_s, position}}, action);
    if (!changed.ok())
        return changed.error();
    if (auto removed = removeRetries(group, position); !removed.ok())
        return removed.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return changed.value() > 0;
}

StoreResult<int> PostgresSubscriptionGroups::replayParkedEvents(const QString &group)
{
    PostgresTransaction transaction(m_connection);
    if (auto done = transaction.begin(); !done.ok())
        return done.error();
    auto exists = groupExists(group);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return StoreInput::groupNotFound(group);
    auto requested
        = countRows(m_requestReplay, {{u":group"_s, group}}, u"replay the parked events"_s);
    if (!requested.ok())
        return requested.error();
    if (auto done
        = run(m_resetParkedRetries, {{u":group"_s, group}}, u"reset the parked events' retries"_s);
        !done.ok())
        return done.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return requested.value();
}

} // namespace hoststand
