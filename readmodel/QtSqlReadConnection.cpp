#include "readmodel/QtSqlReadConnection.h"

#include "readmodel/QtSqlReadStatement.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {

static QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"hoststand-read-qtsql-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

QtSqlReadConnection::QtSqlReadConnection(const QString &driver, ReadDialect dialect)
    : m_name(uniqueConnectionName())
    , m_database(QSqlDatabase::addDatabase(driver, m_name))
    , m_dialect(dialect)
{ }

QtSqlReadConnection::~QtSqlReadConnection()
{
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

StoreResult<std::unique_ptr<QtSqlReadConnection>> QtSqlReadConnection::open(
    const QString &driver, const QString &databaseName, ReadDialect dialect)
{
    std::unique_ptr<QtSqlReadConnection> connection(new QtSqlReadConnection(driver, dialect));
    connection->m_database.setDatabaseName(databaseName);
    if (!connection->m_database.open())
        return StoreError(StoreError::Code::CannotOpen,
                          u"The read model could not open %1: %2."_s.arg(
                              databaseName, connection->m_database.lastError().text()));
    for (const QString &setting : dialect.sessionSettings()) {
        if (auto applied = connection->execute(setting); !applied.ok())
            return applied.error();
    }
    return connection;
}

StoreResult<std::unique_ptr<ReadStatement>> QtSqlReadConnection::prepare(const QString &sql)
{
    auto prepared = QtSqlReadStatement::prepare(m_database, sql);
    if (!prepared.ok())
        return prepared.error();
    return std::unique_ptr<ReadStatement>(std::move(prepared).value());
}

StoreResult<void> QtSqlReadConnection::execute(const QString &sql)
{
    QSqlQuery query(m_database);
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
