#pragma once

#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteFileHold.h"
#include "readmodel/ReadConnection.h"

#include <functional>

#include <sqlite3.h>

namespace hoststand {

// The read file's connection: a SQLite connection of its own, whose
// sqlite3 handle runs the statements directly.
class SqliteReadConnection final : public ReadConnection
{
public:
    // Opens the file read-write (creating it), runs check on it before
    // anything is written (SqliteReadFile::check: the file is left as it is
    // when it refuses), then applies the dialect's session settings.
    using Check = std::function<StoreResult<void>(SqliteReadConnection &)>;
    static StoreResult<std::unique_ptr<SqliteReadConnection>> open(const QString &path,
                                                                   const Check &check = {});
    ~SqliteReadConnection() override;

    const ReadDialect &dialect() const override { return m_dialect; }
    QString location() const override { return m_path; }
    StoreResult<std::unique_ptr<ReadStatement>> prepare(const QString &sql) override;
    StoreResult<void> execute(const QString &sql) override;
    StoreResult<void> beginWrite() override;
    StoreResult<void> commit() override;
    void rollback() override;

    // The first column of the first row of a one-off query (invalid: no row).
    StoreResult<QVariant> queryValue(const QString &sql);

    // Closing will not checkpoint the log into the file nor delete it and
    // the index: for a connection about to be replaced by one on a new file.
    void closeWithoutCheckpoint();
    // Whether the file at the path is still the one this connection opened.
    bool holdsItsFile() const { return m_holds && m_hold.holdsDatabase(); }

private:
    explicit SqliteReadConnection(QString path);
    StoreResult<void> checkHold() const;

    QString m_path;
    SqliteConnection m_connection;
    ReadDialect m_dialect {ReadDialect::Kind::Sqlite};
    std::unique_ptr<ReadStatement> m_begin;
    std::unique_ptr<ReadStatement> m_commit;
    std::unique_ptr<ReadStatement> m_rollback;
    // The files this connection writes; deleted or replaced under it, its
    // writes would go where no other process reads (SqliteFileHold).
    SqliteFileHold m_hold;
    bool m_holds = false;
};

} // namespace hoststand
