#pragma once

#include "eventstore/EventStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <utility>

namespace hoststand {

class SqliteTransactionStatements;

// The persistent subscription groups of a SQLite store: checkpoints, leases,
// retry counts and parked events, kept in their own tables next to the
// events. Writes of a group's consumer are fenced by its lease, checked in
// the same write transaction; lease times come from the database's clock.
class SqliteSubscriptionGroups final
{
public:
    // With synchronousFull, checkpoint moves are committed without waiting
    // for the disk (see advanceCheckpoint()); events stay fully durable.
    SqliteSubscriptionGroups(QSqlDatabase database, SqliteTransactionStatements &transactions,
                             bool synchronousFull = false);

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
    using Bindings = std::initializer_list<std::pair<QString, QVariant>>;

    StoreResult<void> exec(QSqlQuery &query, Bindings bindings, const QString &action);
    StoreResult<void> run(QSqlQuery &query, Bindings bindings, const QString &action);
    StoreResult<void> moveCheckpoint(const QString &group, const QString &owner, qint64 position);
    StoreResult<void> setSynchronous(const QString &level);
    StoreResult<bool> groupExists(const QString &group);
    StoreResult<void> checkLease(const QString &group, const QString &owner);
    StoreResult<void> removeRetries(const QString &group, qint64 position);
    StoreResult<bool> changeParked(QSqlQuery &query, const QString &group, qint64 position,
                                   const QString &action);
    StoreResult<void> passEvent(const QString &group, qint64 position);
    StoreResult<void> inFencedTransaction(const QString &group, const QString &owner,
                                          const std::function<StoreResult<void>()> &writes);

    QSqlDatabase m_database;
    SqliteTransactionStatements &m_transactions;
    bool m_synchronousFull;
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
    QSqlQuery m_resetParkedRetries;
};

} // namespace hoststand
