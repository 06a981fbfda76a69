#pragma once

#include "readmodel/SqlQueryReadStatement.h"

#include <QList>

namespace hoststand {

class PostgresReadConnection;

// A statement of the PostgreSQL read schema on a QSqlQuery. It keeps its
// SQL and its bound values, so that after the connection was lost it
// prepares itself again on the new session and runs as if nothing happened.
class PostgresReadStatement final : public SqlQueryReadStatement
{
public:
    PostgresReadStatement(PostgresReadConnection &connection, QString sql);

    // Prepares on the current session (the connection does this at once,
    // so that a mistake in the SQL shows when the statement is made).
    StoreResult<void> prepareNow();

    StoreResult<void> execute() override;
    StoreResult<bool> next() override;
    void reset() override;

private:
    void bind(int index, QVariant value) override;
    StoreResult<void> run(const QString &action);
    StoreError failure(const QString &action);

    PostgresReadConnection &m_connection;
    QString m_sql;
    quint64 m_session = 0; // the session m_query was prepared on; 0: none
    QList<QVariant> m_values;
    bool m_running = false;
};

} // namespace hoststand
