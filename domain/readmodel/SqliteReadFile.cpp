#include "domain/readmodel/SqliteReadFile.h"

#include "domain/readmodel/SqliteReadConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hoststand::SqliteReadFile {
namespace {

StoreError refusal(StoreError::Code code, const QString &path, const QString &why)
{
    return StoreError(code,
                      u"The read model file %1 %2"_s.arg(QDir::toNativeSeparators(path), why));
}

StoreError damaged(const QString &path)
{
    return refusal(StoreError::Code::CorruptStore, path,
                   u"is damaged, so it was left as it is. The read tables can be rebuilt from "
                   "the event store: delete the file and open the store again."_s);
}

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    static constexpr char Magic[] = "SQLite format 3"; // and its NUL byte
    return file.open(QIODevice::ReadOnly)
        && file.read(sizeof(Magic)) == QByteArrayView(Magic, sizeof(Magic));
}

StoreResult<qint64> integer(SqliteReadConnection &connection, const QString &path,
                            const QString &sql)
{
    auto value = connection.queryValue(sql);
    if (!value.ok())
        return damaged(path);
    return value.value().toLongLong();
}

StoreResult<Kind> checkProjections(SqliteReadConnection &connection, const QString &path,
                                   int projectionVersion)
{
    auto newest = integer(connection, path, u"SELECT coalesce(max(version), 0) FROM projections"_s);
    if (!newest.ok())
        return newest.error();
    if (newest.value() > projectionVersion)
        return refusal(StoreError::Code::NewerSchema, path,
                       u"was written by a newer Hoststand (projection version %1; this version "
                       "knows up to %2), so it was left as it is. Update Hoststand, or delete "
                       "the file to rebuild it with this version."_s.arg(newest.value())
                           .arg(projectionVersion));
    return Kind::Existing;
}

StoreResult<Kind> classify(SqliteReadConnection &connection, const QString &path,
                           int projectionVersion)
{
    auto applicationId = integer(connection, path, u"PRAGMA application_id"_s);
    if (!applicationId.ok())
        return applicationId.error();
    auto format = integer(connection, path, u"PRAGMA user_version"_s);
    if (!format.ok())
        return format.error();
    if (applicationId.value() == ApplicationId) {
        if (format.value() > FormatVersion)
            return refusal(StoreError::Code::NewerSchema, path,
                           u"was written by a newer Hoststand (format %1; this version knows up "
                           "to %2), so it was left as it is. Update Hoststand, or delete the "
                           "file to rebuild it with this version."_s.arg(format.value())
                               .arg(FormatVersion));
        return checkProjections(connection, path, projectionVersion);
    }
    auto objects = integer(connection, path, u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects.ok())
        return objects.error();
    if (applicationId.value() == 0 && objects.value() == 0)
        return Kind::New;
    return refusal(StoreError::Code::NotAStore, path,
                   u"is a database of another application, not a Hoststand read model, so it "
                   "was left as it is. Move it away, or open the store with another read "
                   "model location."_s);
}

} // namespace

StoreResult<Kind> inspect(const QString &path, int projectionVersion)
{
    const QFileInfo info(path);
    if (!info.exists() || (info.isFile() && info.size() == 0))
        return Kind::New;
    if (!info.isFile())
        return refusal(StoreError::Code::CannotOpen, path, u"is not a regular file."_s);
    if (!hasSqliteHeader(path))
        return refusal(StoreError::Code::NotAStore, path,
                       u"is not a SQLite database, so it is not a Hoststand read model; it was "
                       "left as it is. Move it away to let Hoststand build the read model."_s);
    auto connection = SqliteReadConnection::openReadOnly(path);
    if (!connection.ok())
        return connection.error();
    return classify(*connection.value(), path, projectionVersion);
}

StoreResult<void> markAsReadFile(SqliteReadConnection &connection)
{
    auto applicationId = connection.queryValue(u"PRAGMA application_id"_s);
    if (!applicationId.ok())
        return applicationId.error();
    if (applicationId.value().toInt() == ApplicationId)
        return {};
    auto objects = connection.queryValue(u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects.ok())
        return objects.error();
    if (applicationId.value().toInt() != 0 || objects.value().toLongLong() != 0)
        return refusal(StoreError::Code::NotAStore, connection.location(),
                       u"became a database of another application while it was opened."_s);
    for (const QString &sql : {u"PRAGMA application_id = %1"_s.arg(ApplicationId),
                               u"PRAGMA user_version = %1"_s.arg(FormatVersion)}) {
        if (auto done = connection.execute(sql); !done.ok())
            return done;
    }
    return {};
}

} // namespace hoststand::SqliteReadFile
