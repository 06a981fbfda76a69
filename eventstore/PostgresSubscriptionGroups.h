#pragma once

#include "eventstore/EventStore.h"
#include "eventstore/PostgresConnection.h"

#include <QSqlQuery>

#include <chrono>
#include <functional>

namespace hoststand {

// The persistent subscription groups of a PostgreSQL store: checkpoints,
// leases, retry counts and parked events, in tables next to the events.
// Writes of a group's consumer are fenced by its lease, checked with the
// group's row locked in the same transaction; lease times come from the
// database's clock, so terminals with skewed clocks agree.
class PostgresSubscriptionGroups final
{
public:
    PostgresSubscriptionGroups(PostgresConnection &connection, QString schema);

    StoreResult<void> prepare();

    StoreResult<void> createGroup(const QString &group, qint64 startAfter);
    StoreResult<SubscriptionGroupInfo> groupInfo(const QString &group);
    StoreResult<bool> acquireLease(const QString &group, const QString &owner,
                                   std::chrono::milliseconds duration);
    StoreResult<void> releaseLease(const QString &group, const QString &owner);
    StoreResult<void> advanceCheckpoint(const QString &group, const QString &owner,
                                        qint64 position);
    StoreResult<int> recordRetry(const QString &group, const QString &owner, qint64 position);
    StoreResult<void> parkEvent(const QString &group, const QString &owner, qint64 position,
                                const QString &reason);
    StoreResult<void> unparkEvent(const QString &group, const QString &owner, qint64 position);
    StoreResult<QList<ParkedEvent>> parkedEvents(const QString &group);
    StoreResult<int> replayParkedEvents(const QString &group);
    StoreResult<bool> replayParkedEvent(const QString &group, qint64 position);
    StoreResult<bool> discardParkedEvent(const QString &group, qint64 position);

private:
    using Bindings = PostgresConnection::Bindings;

    StoreResult<void> run(QSqlQuery &query, Bindings bindings, const QString &action);
    StoreResult<int> countRows(QSqlQuery &query, Bindings bindings, const QString &action);
    StoreResult<bool> groupExists(const QString &group);
    StoreResult<void> checkLease(const QString &group, const QString &owner);
    StoreResult<void> removeRetries(const QString &group, qint64 position);
    StoreResult<bool> changeParked(QSqlQuery &query, const QString &group, qint64 position,
                                   const QString &action);
    StoreResult<void> passEvent(const QString &group, qint64 position);
    StoreResult<void> inFencedTransaction(const QString &group, const QString &owner,
                                          const std::function<StoreResult<void>()> &writes);

    PostgresConnection &m_connection;
    QString m_schema;
    QSqlQuery m_create;
    QSqlQuery m_info;
    QSqlQuery m_exists;
    QSqlQuery m_acquire;
    QSqlQuery m_release;
    QSqlQuery m_leaseHeld;
    QSqlQuery m_advance;
    QSqlQuery m_removeRetries;
    QSqlQuery m_recordRetry;
    QSqlQuery m_park;
    QSqlQuery m_unpark;
    QSqlQuery m_parked;
    QSqlQuery m_requestReplay;
    QSqlQuery m_requestOneReplay;
    QSqlQuery m_discard;
    QSqlQuery m_resetParkedRetries;
};

} // namespace hoststand
