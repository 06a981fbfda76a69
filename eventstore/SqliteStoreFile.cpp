#include "eventstore/SqliteStoreFile.h"

#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteEventStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cerrno>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

StoreError refusal(StoreError::Code code, const QString &path, const QString &why)
{
    return StoreError(code, u"The file %1 %2"_s.arg(QDir::toNativeSeparators(path), why));
}

// Whether the file begins as every SQLite database does. (Its locks are
// SqliteFileLocks', which this read's close leaves alone.)
bool hasSqliteMagic(const QString &path)
{
    static constexpr char Magic[] = "SQLite format 3"; // and its NUL byte
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
        && file.read(sizeof(Magic)) == QByteArrayView(Magic, sizeof(Magic));
}

// One value read from the file, or the refusal that says why it could not be.
StoreResult<qint64> read(SqliteConnection &connection, const QString &path, const QString &sql,
                         const QString &what)
{
    QSqlQuery query(connection.database());
    query.setForwardOnly(true);
    if (query.exec(sql) && query.next())
        return query.value(0).toLongLong();
    const QSqlError error = query.lastError();
    const int code = error.nativeErrorCode().toInt() & 0xff;
    if (code == SQLITE_NOTADB && !hasSqliteMagic(path))
        return refusal(StoreError::Code::NotAStore, path,
                       u"is not a SQLite database, so it is not an event store. It was left "
                       "as it is."_s);
    if (code == SQLITE_NOTADB)
        return damagedStoreFile(path, what, error.databaseText());
    if (code == SQLITE_CORRUPT)
        return damagedStoreFile(path, what, error.databaseText());
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return StoreError(
            StoreError::Code::Unavailable,
            u"Could not read the store %1: another program kept it busy for too "
            "long. Nothing was changed; try again."_s.arg(QDir::toNativeSeparators(path)));
    return StoreError(StoreError::Code::CannotOpen,
                      u"Could not read %1 of the store %2: %3."_s.arg(
                          what, QDir::toNativeSeparators(path), error.databaseText()));
}

enum class WriteAccess { Writable, Missing, ReadOnly };

// One look, so that a file removed between two looks (a log deleted by the
// last connection's checkpoint) counts as missing, never as read-only.
WriteAccess writeAccessOf(const QString &path)
{
    if (::access(QFile::encodeName(path).constData(), W_OK) == 0)
        return WriteAccess::Writable;
    return errno == ENOENT ? WriteAccess::Missing : WriteAccess::ReadOnly;
}

bool writableByThisUser(const QString &path)
{
    return writeAccessOf(path) == WriteAccess::Writable;
}

// "r--r--r--, owner nobody"
QString permissionsOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return u"cannot be looked at"_s;
    QString bits;
    for (const auto &[mask, letter] : {std::pair {S_IRUSR, u'r'},
                                       {S_IWUSR, u'w'},
                                       {S_IXUSR, u'x'},
                                       {S_IRGRP, u'r'},
                                       {S_IWGRP, u'w'},
                                       {S_IXGRP, u'x'},
                                       {S_IROTH, u'r'},
                                       {S_IWOTH, u'w'},
                                       {S_IXOTH, u'x'}})
        bits += (status.st_mode & mask) ? QChar(letter) : QChar(u'-');
    return u"%1, owner %2"_s.arg(bits, QFileInfo(path).owner());
}

} // namespace

SqliteFileAccess sqliteFileAccess(const QString &path)
{
    const QString file = QDir::toNativeSeparators(path);
    if (!writableByThisUser(path))
        return {false, u"the file is read-only for this user (%1)"_s.arg(permissionsOf(path))};
    bool missing = false;
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        const QString companion = path + suffix;
        const WriteAccess access = writeAccessOf(companion);
        if (access == WriteAccess::Missing) {
            missing = true;
        } else if (access == WriteAccess::ReadOnly) {
            return {false,
                    u"its file %1 is read-only for this user (%2), left by a program that read "
                    "the store as another user. Remove %3-wal and %3-shm while no program has "
                    "the store open, or let this user write them"_s.arg(
                        QDir::toNativeSeparators(companion), permissionsOf(companion), file)};
        }
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (missing && !writableByThisUser(folder))
        return {false,
                u"its folder %1 is read-only for this user (%2), and SQLite writes a store's "
                "log and index beside it"_s.arg(QDir::toNativeSeparators(folder),
                                                permissionsOf(folder))};
    return {};
}

StoreError damagedStoreFile(const QString &path, const QString &reading, const QString &sqlite)
{
    return refusal(
        StoreError::Code::CorruptStore, path,
        u"is damaged: SQLite reports \"%1\" when reading %2. It was left as it is. "
        "`hoststand-cli verify` checks the whole file. A backup restored in its "
        "place would lose every event written since that backup was made."_s.arg(sqlite, reading));
}

StoreResult<void> checkStoreFile(SqliteConnection &connection, const QString &path)
{
    auto applicationId = read(connection, path, u"PRAGMA application_id"_s, u"the file's header"_s);
    if (!applicationId.ok())
        return applicationId.error();
    auto userVersion = read(connection, path, u"PRAGMA user_version"_s, u"the file's header"_s);
    if (!userVersion.ok())
        return userVersion.error();
    if (applicationId.value() == SqliteEventStore::ApplicationId) {
        if (userVersion.value() > SqliteEventStore::SchemaVersion)
            return refusal(StoreError::Code::NewerSchema, path,
                           u"was written by a newer Hoststand (schema version %1; this version "
                           "reads up to schema version %2). Update Hoststand to open it."_s
                               .arg(userVersion.value())
                               .arg(SqliteEventStore::SchemaVersion));
        // The schema, and the events table's root and last page: cheap for a
        // store of any size, where a full integrity check would not be.
        auto objects = read(connection, path, u"SELECT count(*) FROM sqlite_master"_s,
                            u"the store's schema"_s);
        if (!objects.ok())
            return objects.error();
        auto last = read(connection, path, u"SELECT coalesce(max(position), 0) FROM events"_s,
                         u"the events table's first and last pages"_s);
        if (!last.ok() && last.error().code() == StoreError::Code::CannotOpen)
            return refusal(StoreError::Code::CorruptStore, path,
                           u"has the marks of an event store but not its events table. It was "
                           "left as it is."_s);
        return last.ok() ? StoreResult<void>() : StoreResult<void>(last.error());
    }
    auto objects
        = read(connection, path, u"SELECT count(*) FROM sqlite_master"_s, u"the file's schema"_s);
    if (!objects.ok())
        return objects.error();
    if (applicationId.value() == 0 && userVersion.value() == 0 && objects.value() == 0)
        return {}; // an empty SQLite database holds nothing to lose
    const QString found = applicationId.value() == 0
        ? u"it has no application id"_s
        : u"its application id is 0x%1"_s.arg(quint32(applicationId.value()), 8, 16, QChar(u'0'));
    return refusal(
        StoreError::Code::NotAStore, path,
        u"is a SQLite database of another application (%1; a Hoststand store has "
        "0x%2), so it is not opened as an event store. It was left as it is."_s.arg(found)
            .arg(quint32(SqliteEventStore::ApplicationId), 8, 16, QChar(u'0')));
}

} // namespace hoststand
