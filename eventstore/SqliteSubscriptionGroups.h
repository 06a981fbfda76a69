#pragma once

#include "eventstore/SubscriptionGroups.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>

namespace hoststand {

class SqliteTransactionStatements;

// The subscription groups' statements in SQLite, on the store's connection,
// and its write transactions (BEGIN IMMEDIATE). Lease times come from the
// database's clock.
class SqliteSubscriptionGroups final : public SubscriptionGroups
{
public:
    // With synchronousFull, checkpoint moves are committed without waiting
    // for the disk (see advanceCheckpoint()); events stay fully durable.
    SqliteSubscriptionGroups(QSqlDatabase database, SqliteTransactionStatements &transactions,
                             bool synchronousFull = false);

    StoreResult<void> prepare();

    StoreResult<void> advanceCheckpoint(const QString &group, const QString &owner,
                                        qint64 position) override;

protected:
    StoreResult<Rows> run(Statement statement, Bindings bindings, const QString &action) override;
    StoreResult<void> inTransaction(const std::function<StoreResult<void>()> &work) override;

private:
    StoreResult<void> setSynchronous(const QString &level);

    QSqlDatabase m_database;
    SqliteTransactionStatements &m_transactions;
    bool m_synchronousFull;
    std::array<QSqlQuery, StatementCount> m_statements;
};

} // namespace hoststand
