#pragma once

#include "eventstore/NamedSqlConnection.h"
#include "eventstore/StoreError.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

namespace hoststand {

// A QSQLITE connection under a name of its own, closed and removed from Qt
// SQL's registry on destruction. It also hands out the driver's sqlite3
// handle for the statements that bypass QSqlQuery. Its files' locks are
// those of SqliteFileLocks.
class SqliteConnection final
{
public:
    SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // databaseName is a path, or a file: URI with QSQLITE_OPEN_URI; what
    // names it in an error ("the store", "the read model at ...").
    StoreResult<void> open(const QString &databaseName, const QString &connectOptions,
                           const QString &what = QStringLiteral("the store"));

    QSqlDatabase &database() { return m_connection.database(); }
    sqlite3 *handle() const { return m_handle; }

    // Closing will not checkpoint the log into the database file nor
    // delete it: for a connection whose log is no longer the file's.
    void closeWithoutCheckpoint();

    // Runs a statement once and returns the first column of its first row
    // (an invalid QVariant when it returns no row).
    StoreResult<QVariant> queryValue(const QString &sql, const QString &action);

private:
    NamedSqlConnection m_connection;
    sqlite3 *m_handle = nullptr;
};

} // namespace hoststand
