#include "eventstore/SqliteSchema.h"

#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteEventStore.h"
#include "eventstore/SqliteTransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hoststand {

// The indexes the log's pages read (EventStore::readLog): by type, and by
// correlation id; by stream, the table's own (stream, revision) serves.
// Each entry ends in the position (the rowid). A store made before them
// gains them the first time this version opens it for writing.
static QStringList logIndexStatements()
{
    return {
        u"CREATE INDEX IF NOT EXISTS events_by_type ON events(type)"_s,
        u"CREATE INDEX IF NOT EXISTS events_by_correlation ON events("_s
            + QLatin1StringView(SqliteCorrelationId) + u')',
    };
}

static QStringList schemaStatements()
{
    const QStringList tables {
        u"CREATE TABLE IF NOT EXISTS events("
        "position INTEGER PRIMARY KEY, "
        "stream TEXT NOT NULL, "
        "revision INTEGER NOT NULL, "
        "id BLOB NOT NULL UNIQUE CHECK(length(id) = 16), "
        "type TEXT NOT NULL, "
        "data BLOB NOT NULL, "
        "metadata BLOB NOT NULL, "
        "created INTEGER NOT NULL, "
        "UNIQUE(stream, revision))"_s,
        u"CREATE TABLE IF NOT EXISTS subscription_groups("
        "name TEXT PRIMARY KEY, "
        "checkpoint INTEGER NOT NULL, "
        "lease_owner TEXT, "
        "lease_expires_ms INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE IF NOT EXISTS subscription_retries("
        "group_name TEXT NOT NULL, "
        "position INTEGER NOT NULL, "
        "attempts INTEGER NOT NULL, "
        "PRIMARY KEY(group_name, position))"_s,
        u"CREATE TABLE IF NOT EXISTS subscription_parked("
        "group_name TEXT NOT NULL, "
        "position INTEGER NOT NULL, "
        "attempts INTEGER NOT NULL, "
        "reason TEXT NOT NULL, "
        "parked_at INTEGER NOT NULL, "
        "replay_requested INTEGER NOT NULL DEFAULT 0, "
        "PRIMARY KEY(group_name, position))"_s,
    };
    return tables + logIndexStatements()
        + QStringList {u"PRAGMA application_id = %1"_s.arg(SqliteEventStore::ApplicationId),
                       u"PRAGMA user_version = %1"_s.arg(SqliteEventStore::SchemaVersion)};
}

static StoreResult<void> execute(QSqlDatabase &database, const QString &sql, const QString &action)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return sqliteStoreError(query.lastError(), action);
    return {};
}

static StoreResult<void> createSchema(SqliteConnection &connection,
                                      SqliteTransactionStatements &transactions)
{
    SqliteTransaction transaction(transactions);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun;
    // Another process may have created the store since it was inspected.
    auto applicationId = connection.queryValue(u"PRAGMA application_id"_s, u"read the store"_s);
    if (!applicationId.ok())
        return applicationId.error();
    if (applicationId.value().toInt() == SqliteEventStore::ApplicationId)
        return {};
    auto objects = connection.queryValue(u"SELECT count(*) FROM sqlite_master"_s,
                                         u"read the store's schema"_s);
    if (!objects.ok())
        return objects.error();
    if (objects.value().toLongLong() != 0)
        return StoreError(StoreError::Code::NotAStore,
                          u"The file is a SQLite database of another application."_s);
    for (const QString &sql : schemaStatements()) {
        if (auto done = execute(connection.database(), sql, u"create the store"_s); !done.ok())
            return done;
    }
    return transaction.commit();
}

static StoreResult<void> checkSchema(SqliteConnection &connection)
{
    auto applicationId = connection.queryValue(u"PRAGMA application_id"_s, u"read the store"_s);
    if (!applicationId.ok())
        return applicationId.error();
    auto userVersion = connection.queryValue(u"PRAGMA user_version"_s, u"read the store"_s);
    if (!userVersion.ok())
        return userVersion.error();
    if (applicationId.value().toInt() != SqliteEventStore::ApplicationId)
        return StoreError(StoreError::Code::NotAStore,
                          u"The file is not a Hoststand event store."_s);
    if (userVersion.value().toInt() > SqliteEventStore::SchemaVersion)
        return StoreError(
            StoreError::Code::NewerSchema,
            u"The store was written by a newer Hoststand (schema version %1; this "
            "version reads up to schema version %2)."_s.arg(userVersion.value().toInt())
                .arg(SqliteEventStore::SchemaVersion));
    return {};
}

// Indexes a store made by an earlier version lacks are added in one write
// transaction: about two seconds once for a million events. A store that
// cannot take them now (another terminal holds the write lock past the
// busy timeout, a full disk) opens without them: its log is read by
// scanning, and the next opening tries again.
static StoreResult<void> addIndexes(SqliteConnection &connection,
                                    SqliteTransactionStatements &transactions)
{
    auto found = connection.queryValue(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                       "AND name IN ('events_by_type', 'events_by_correlation')"_s,
                                       u"read the store's schema"_s);
    if (!found.ok())
        return found.error();
    if (found.value().toInt() == 2)
        return {};
    SqliteTransaction transaction(transactions);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun;
    for (const QString &sql : logIndexStatements()) {
        if (auto done = execute(connection.database(), sql, u"index the store's log"_s); !done.ok())
            return done;
    }
    return transaction.commit();
}

static void addMissingIndexes(SqliteConnection &connection,
                              SqliteTransactionStatements &transactions)
{
    if (auto added = addIndexes(connection, transactions); !added.ok())
        qWarning("The store's log is not indexed yet: %s", qPrintable(added.error().message()));
}

static StoreResult<void> applyPragmas(SqliteConnection &connection,
                                      const SqliteStoreOptions &options)
{
    auto mode = connection.queryValue(u"PRAGMA journal_mode = WAL"_s,
                                      u"switch the store to write-ahead logging"_s);
    if (!mode.ok())
        return mode.error();
    if (mode.value().toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return StoreError(StoreError::Code::Database,
                          u"Could not switch the store to write-ahead logging (it stays in %1 "
                          "mode)."_s.arg(mode.value().toString()));
    const QString synchronous = options.synchronousFull ? u"FULL"_s : u"NORMAL"_s;
    return execute(connection.database(), u"PRAGMA synchronous = "_s + synchronous,
                   u"set the store's durability"_s);
}

// Makes the rename itself durable: it lives in the folder's entries.
static void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

StoreResult<void> createSqliteStore(const QString &path)
{
    const QFileInfo target(path);
    const QString fresh = target.absoluteFilePath()
        + u".new-%1"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
    {
        // Rollback-journal mode here: the transaction is synced into the
        // file on commit, and closing leaves no -wal file behind.
        SqliteConnection connection;
        SqliteTransactionStatements transactions;
        if (auto opened = connection.open(fresh, {}, u"the new store"_s); !opened.ok())
            return opened;
        if (const int rc = transactions.prepare(connection.handle(), std::chrono::milliseconds(0));
            rc != SQLITE_OK)
            return sqliteStoreError(rc, u"create the store"_s);
        auto created = createSchema(connection, transactions);
        transactions.finalize();
        if (!created.ok()) {
            QFile::remove(fresh);
            return created;
        }
    }
    // An empty file at path holds nothing: it is replaced. rename() never
    // replaces a file, so a store another process made meanwhile is kept.
    if (target.exists() && target.size() == 0)
        QFile::remove(path);
    const bool renamed = QFile::rename(fresh, path);
    if (!renamed)
        QFile::remove(fresh);
    syncFolder(target.absolutePath());
    if (!renamed && !QFileInfo::exists(path))
        return StoreError(StoreError::Code::CannotOpen,
                          u"Could not create the store in %1."_s.arg(
                              QDir::toNativeSeparators(target.absolutePath())));
    return {};
}

StoreResult<void> prepareSqliteSchema(SqliteConnection &connection,
                                      SqliteTransactionStatements &transactions,
                                      const SqliteStoreOptions &options)
{
    auto applicationId = connection.queryValue(u"PRAGMA application_id"_s, u"read the store"_s);
    if (!applicationId.ok())
        return applicationId.error();
    if (applicationId.value().toInt() == 0) {
        if (auto created = createSchema(connection, transactions); !created.ok())
            return created;
    }
    if (auto checked = checkSchema(connection); !checked.ok())
        return checked;
    addMissingIndexes(connection, transactions);
    return applyPragmas(connection, options);
}

} // namespace hoststand
