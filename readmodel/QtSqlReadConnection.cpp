#include "readmodel/QtSqlReadConnection.h"

#include "readmodel/QtSqlReadStatement.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {

QtSqlReadConnection::QtSqlReadConnection(const QString &driver, ReadDialect dialect)
    : m_connection(driver, u"read-qtsql"_s)
    , m_dialect(dialect)
{ }

StoreResult<std::unique_ptr<QtSqlReadConnection>> QtSqlReadConnection::open(
    const QString &driver, const QString &databaseName, ReadDialect dialect)
{
    std::unique_ptr<QtSqlReadConnection> connection(new QtSqlReadConnection(driver, dialect));
    QSqlDatabase &database = connection->m_connection.database();
    database.setDatabaseName(databaseName);
    if (!database.open())
        return StoreError(StoreError::Code::CannotOpen,
                          u"The read model could not open %1: %2."_s.arg(
                              databaseName, database.lastError().text()));
    for (const QString &setting : dialect.sessionSettings()) {
        if (auto applied = connection->execute(setting); !applied.ok())
            return applied.error();
    }
    return connection;
}

StoreResult<std::unique_ptr<ReadStatement>> QtSqlReadConnection::prepare(const QString &sql)
{
    auto prepared = QtSqlReadStatement::prepare(m_connection.database(), sql);
    if (!prepared.ok())
        return prepared.error();
    return std::unique_ptr<ReadStatement>(std::move(prepared).value());
}

StoreResult<void> QtSqlReadConnection::execute(const QString &sql)
{
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return StoreError(StoreError::Code::Database,
                          u"The read model could not run \"%1\": %2."_s.arg(
                              sql.left(60), query.lastError().text()));
    return {};
}

StoreResult<void> QtSqlReadConnection::beginWrite()
{
    return execute(m_dialect.beginWrite());
}

StoreResult<void> QtSqlReadConnection::commit()
{
    return execute(u"COMMIT"_s);
}

// A failed rollback leaves nothing to do: the database has then ended the
// transaction itself.
void QtSqlReadConnection::rollback()
{
    if (!execute(u"ROLLBACK"_s).ok())
        qWarning("The read model could not roll back through Qt SQL.");
}

} // namespace hoststand
