#include "eventstore/PostgresEventInserts.h"

#include <QSqlError>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace hoststand {

static const QString UniqueViolation = QStringLiteral("23505");

// Milliseconds since the epoch as a time without a detour through a
// floating-point number of seconds, so that the time reads back the same.
static QString rowSql(PostgresEventInserts::Created created)
{
    return created == PostgresEventInserts::Created::Now
        ? u"(?, ?, ?, ?::uuid, ?, ?, ?, now())"_s
        : u"(?, ?, ?, ?::uuid, ?, ?, ?, timestamptz 'epoch' + ? * interval '1 millisecond')"_s;
}

PostgresEventInserts::PostgresEventInserts(PostgresConnection &connection, QString eventsTable)
    : m_connection(connection)
    , m_eventsTable(std::move(eventsTable))
{ }

StoreResult<QSqlQuery *> PostgresEventInserts::statement(qsizetype rows, Created created)
{
    const auto key = std::make_pair(rows, created);
    if (auto found = m_statements.find(key); found != m_statements.end())
        return &found->second;
    const QString sql = u"INSERT INTO %1(position, stream, revision, id, type, data, metadata, "
                        "created) VALUES "_s.arg(m_eventsTable)
        + QStringList(rows, rowSql(created)).join(u", "_s);
    QSqlQuery query;
    if (auto prepared = m_connection.prepare(query, sql); !prepared.ok())
        return prepared.error();
    return &m_statements.emplace(key, std::move(query)).first->second;
}

StoreResult<bool> PostgresEventInserts::insert(const QList<PostgresEventRow> &rows, Created created,
                                               const QString &action)
{
    const int columns = created == Created::Now ? 7 : 8;
    for (qsizetype first = 0; first < rows.size(); first += RowsPerStatement) {
        const qsizetype count = std::min(RowsPerStatement, rows.size() - first);
        auto query = statement(count, created);
        if (!query.ok())
            return query.error();
        QSqlQuery &insert = *query.value();
        for (qsizetype i = 0; i < count; ++i) {
            const PostgresEventRow &row = rows.at(first + i);
            const int at = int(i) * columns;
            insert.bindValue(at, row.position);
            insert.bindValue(at + 1, row.stream);
            insert.bindValue(at + 2, row.revision);
            insert.bindValue(at + 3, row.id.toString(QUuid::WithoutBraces));
            insert.bindValue(at + 4, row.type);
            insert.bindValue(at + 5, row.data);
            insert.bindValue(at + 6, row.metadata);
            if (created == Created::Given)
                insert.bindValue(at + 7, row.createdMs);
        }
        if (!insert.exec()) {
            const QSqlError error = insert.lastError();
            if (m_connection.isConnected() && postgresSqlState(error) == UniqueViolation)
                return false;
            return m_connection.error(error, action);
        }
    }
    return true;
}

} // namespace hoststand
