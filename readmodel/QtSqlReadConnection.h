#pragma once

#include "eventstore/NamedSqlConnection.h"
#include "readmodel/ReadConnection.h"

namespace hoststand {

// A read connection through any Qt SQL driver, whose statements are
// QSqlQuery objects: the way to the PostgreSQL read schema. (The SQLite
// read file uses SqliteReadConnection, whose statements are faster.)
class QtSqlReadConnection final : public ReadConnection
{
public:
    // Opens a connection of its own with the driver ("QPSQL", "QSQLITE")
    // and applies the dialect's session settings.
    static StoreResult<std::unique_ptr<QtSqlReadConnection>> open(const QString &driver,
                                                                  const QString &databaseName,
                                                                  ReadDialect dialect);

    const ReadDialect &dialect() const override { return m_dialect; }
    QString location() const override { return m_connection.database().databaseName(); }
    StoreResult<std::unique_ptr<ReadStatement>> prepare(const QString &sql) override;
    StoreResult<void> execute(const QString &sql) override;
    StoreResult<void> beginWrite() override;
    StoreResult<void> commit() override;
    void rollback() override;

private:
    QtSqlReadConnection(const QString &driver, ReadDialect dialect);

    NamedSqlConnection m_connection;
    ReadDialect m_dialect;
};

} // namespace hoststand
