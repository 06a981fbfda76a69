#pragma once

#include "eventstore/PostgresConnection.h"
#include "eventstore/SubscriptionGroups.h"

#include <QSqlQuery>

#include <array>

namespace hoststand {

// The subscription groups' statements in PostgreSQL, in the store's schema,
// on the session's connection; a fenced write locks the group's row until
// it commits. Lease times come from the server's clock.
class PostgresSubscriptionGroups final : public SubscriptionGroups
{
public:
    PostgresSubscriptionGroups(PostgresConnection &connection, QString schema);

    StoreResult<void> prepare();

protected:
    StoreResult<Rows> run(Statement statement, Bindings bindings, const QString &action) override;
    StoreResult<void> inTransaction(const std::function<StoreResult<void>()> &work) override;

private:
    PostgresConnection &m_connection;
    QString m_schema;
    std::array<QSqlQuery, StatementCount> m_statements;
};

} // namespace hoststand
