#pragma once

#include "eventstore/PostgresConnection.h"

#include <QSqlQuery>
#include <QUuid>

#include <map>

namespace hoststand {

// One row of a PostgreSQL store's events table, as it is inserted.
struct PostgresEventRow final
{
    qint64 position = 0;
    QString stream;
    qint64 revision = 0;
    QUuid id;
    QString type;
    QByteArray data;
    QByteArray metadata;
    qint64 createdMs = 0; // only when the time is given (an import)
};

// The INSERT statements of a PostgreSQL store's events table: many rows
// per statement, so that an append of a hundred events costs one round trip
// to the server instead of a hundred. A statement is prepared once per row
// count and reused.
class PostgresEventInserts final
{
public:
    // Rows per statement at most: few statement sizes, few parameters.
    static constexpr qsizetype RowsPerStatement = 100;

    // The creation time: the commit's (an append) or the row's own (an import).
    enum class Created { Now, Given };

    PostgresEventInserts(PostgresConnection &connection, QString eventsTable);

    // Inserts the rows; returns false, without error, when a unique id or
    // stream revision refused them: the caller rolls back and finds out why.
    StoreResult<bool> insert(const QList<PostgresEventRow> &rows, Created created,
                             const QString &action);

private:
    StoreResult<QSqlQuery *> statement(qsizetype rows, Created created);

    PostgresConnection &m_connection;
    QString m_eventsTable;
    std::map<std::pair<qsizetype, Created>, QSqlQuery> m_statements;
};

} // namespace hoststand
