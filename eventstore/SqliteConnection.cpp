#include "eventstore/SqliteConnection.h"

#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteFileLocks.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {

SqliteConnection::SqliteConnection()
    : m_connection(u"QSQLITE"_s, u"sqlite"_s)
{
    SqliteFileLocks::install();
}

StoreResult<void> SqliteConnection::open(const QString &databaseName, const QString &connectOptions,
                                         const QString &what)
{
    QSqlDatabase &database = m_connection.database();
    if (!database.isValid())
        return StoreError(StoreError::Code::CannotOpen,
                          u"Could not open %1: the Qt SQLite driver is not available."_s.arg(what));
    database.setDatabaseName(databaseName);
    database.setConnectOptions(connectOptions);
    if (!database.open())
        return sqliteStoreError(database.lastError(), u"open "_s + what);
    // The Qt plugin links the same system libsqlite3 as this library, so
    // its handle can be used with the sqlite3 API directly.
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0
        || *static_cast<sqlite3 *const *>(handle.constData()) == nullptr)
        return StoreError(StoreError::Code::CannotOpen,
                          u"Could not open %1: the Qt SQLite driver gave no handle."_s.arg(what));
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    return {};
}

void SqliteConnection::closeWithoutCheckpoint()
{
    if (m_handle)
        sqlite3_db_config(m_handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

StoreResult<QVariant> SqliteConnection::queryValue(const QString &sql, const QString &action)
{
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return sqliteStoreError(query.lastError(), action);
    QVariant value = query.next() ? query.value(0) : QVariant();
    if (query.lastError().isValid())
        return sqliteStoreError(query.lastError(), action);
    return value;
}

} // namespace hoststand
