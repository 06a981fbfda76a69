#include "eventstore/SqliteConnection.h"

#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteFileLocks.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {

static QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"hoststand-sqlite-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

SqliteConnection::SqliteConnection()
    : m_name(uniqueConnectionName())
    , m_database(QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name))
{
    SqliteFileLocks::install();
}

SqliteConnection::~SqliteConnection()
{
    m_database.close();
    // removeDatabase wants no QSqlDatabase copy of the connection left.
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

StoreResult<void> SqliteConnection::open(const QString &databaseName, const QString &connectOptions)
{
    if (!m_database.isValid())
        return StoreError(StoreError::Code::CannotOpen,
                          u"Could not open the store: the Qt SQLite driver is not available."_s);
    m_database.setDatabaseName(databaseName);
    m_database.setConnectOptions(connectOptions);
    if (!m_database.open())
        return sqliteStoreError(m_database.lastError(), u"open the store"_s);
    // The Qt plugin links the same system libsqlite3 as this library, so
    // its handle can be used with the sqlite3 API directly.
    const QVariant handle = m_database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0
        || *static_cast<sqlite3 *const *>(handle.constData()) == nullptr)
        return StoreError(StoreError::Code::CannotOpen,
                          u"Could not open the store: the Qt SQLite driver gave no handle."_s);
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
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return sqliteStoreError(query.lastError(), action);
    QVariant value = query.next() ? query.value(0) : QVariant();
    if (query.lastError().isValid())
        return sqliteStoreError(query.lastError(), action);
    return value;
}

} // namespace hoststand
