#include "eventstore/SqliteStoreFile.h"

#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteEventStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace hoststand {

static bool hasSqliteHeader(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = file.errorString();
        return false;
    }
    static constexpr char Magic[] = "SQLite format 3"; // followed by a NUL byte
    const QByteArray header = file.read(sizeof(Magic));
    return header == QByteArrayView(Magic, sizeof(Magic));
}

// A read-only, immutable connection creates no -wal or -shm file and takes
// no lock. When a -wal file exists (the store is open elsewhere, or was not
// closed), the files exist already and a plain read-only open sees its
// content.
static QString readOnlyDatabaseName(const QString &path, bool *uri)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    *uri = !QFileInfo::exists(absolute + u"-wal"_s);
    if (!*uri)
        return absolute;
    return QUrl::fromLocalFile(absolute).toString(QUrl::FullyEncoded) + u"?immutable=1"_s;
}

static StoreError refusal(StoreError::Code code, const QString &path, const QString &why)
{
    return StoreError(code, u"The file %1 %2"_s.arg(QDir::toNativeSeparators(path), why));
}

static StoreResult<qint64> pragmaValue(SqliteConnection &connection, const QString &path,
                                       const QString &pragma)
{
    auto value = connection.queryValue(u"PRAGMA "_s + pragma, u"read the store"_s);
    if (!value.ok()) {
        if (value.error().code() == StoreError::Code::CorruptStore)
            return refusal(StoreError::Code::CorruptStore, path,
                           u"is damaged (its header cannot be read). It was left as it is; "
                           "restore it from a backup."_s);
        return value.error();
    }
    return value.value().toLongLong();
}

static StoreResult<StoreFileKind> checkSchema(SqliteConnection &connection, const QString &path)
{
    auto tables = connection.queryValue(u"SELECT count(*) FROM sqlite_master"_s,
                                        u"read the store's schema"_s);
    if (tables.ok()) {
        // Touches the events table's root and last page, which stays cheap
        // for a store of any size; a full integrity check would not.
        tables = connection.queryValue(u"SELECT max(position) FROM events"_s,
                                       u"read the store's events"_s);
    }
    if (!tables.ok()) {
        if (tables.error().code() == StoreError::Code::CorruptStore)
            return refusal(StoreError::Code::CorruptStore, path,
                           u"is a damaged event store (SQLite reports a malformed database). "
                           "It was left as it is; restore it from a backup."_s);
        return refusal(StoreError::Code::CorruptStore, path,
                       u"has the marks of an event store but not its tables. "
                       "It was left as it is."_s);
    }
    return StoreFileKind::ExistingStore;
}

static StoreResult<StoreFileKind> classify(SqliteConnection &connection, const QString &path)
{
    auto applicationId = pragmaValue(connection, path, u"application_id"_s);
    if (!applicationId.ok())
        return applicationId.error();
    auto userVersion = pragmaValue(connection, path, u"user_version"_s);
    if (!userVersion.ok())
        return userVersion.error();
    if (applicationId.value() == SqliteEventStore::ApplicationId) {
        if (userVersion.value() > SqliteEventStore::SchemaVersion)
            return refusal(StoreError::Code::NewerSchema, path,
                           u"was written by a newer Hoststand (schema version %1; this version "
                           "reads up to schema version %2). Update Hoststand to open it."_s
                               .arg(userVersion.value())
                               .arg(SqliteEventStore::SchemaVersion));
        return checkSchema(connection, path);
    }
    if (applicationId.value() == 0 && userVersion.value() == 0) {
        auto objects = connection.queryValue(u"SELECT count(*) FROM sqlite_master"_s,
                                             u"read the store's schema"_s);
        if (objects.ok() && objects.value().toLongLong() == 0)
            return StoreFileKind::NewStore; // an empty SQLite database holds nothing to lose
    }
    const QString found = applicationId.value() == 0
        ? u"it has no application id"_s
        : u"its application id is 0x%1"_s.arg(quint32(applicationId.value()), 8, 16, QChar(u'0'));
    return refusal(StoreError::Code::NotAStore, path,
                   u"is a SQLite database of another application (%1; a Hoststand store has "
                   "0x%2), so it is not opened as an event store."_s.arg(found)
                       .arg(quint32(SqliteEventStore::ApplicationId), 8, 16, QChar(u'0')));
}

StoreResult<StoreFileKind> inspectStoreFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0))
        return StoreFileKind::NewStore;
    if (!info.isFile())
        return refusal(StoreError::Code::CannotOpen, path, u"is not a regular file."_s);
    QString problem;
    if (!hasSqliteHeader(path, &problem)) {
        if (!problem.isEmpty())
            return refusal(StoreError::Code::CannotOpen, path,
                           u"cannot be read: %1."_s.arg(problem));
        return refusal(StoreError::Code::NotAStore, path,
                       u"is not a SQLite database, so it is not an event store."_s);
    }
    bool uri = false;
    const QString databaseName = readOnlyDatabaseName(path, &uri);
    SqliteConnection connection;
    const QString options
        = uri ? u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s : u"QSQLITE_OPEN_READONLY"_s;
    if (auto opened = connection.open(databaseName, options); !opened.ok())
        return opened.error();
    return classify(connection, path);
}

} // namespace hoststand
