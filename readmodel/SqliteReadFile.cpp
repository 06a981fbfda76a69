#include "readmodel/SqliteReadFile.h"

#include "readmodel/SqliteReadConnection.h"

#include <QDateTime>
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

StoreResult<qint64> integer(SqliteReadConnection &connection, const QString &sql)
{
    auto value = connection.queryValue(sql);
    if (!value.ok()) {
        if (value.error().code() == StoreError::Code::CorruptStore)
            return refusal(StoreError::Code::CorruptStore, connection.location(),
                           u"is damaged: %1"_s.arg(value.error().message()));
        return value.error();
    }
    return value.value().toLongLong();
}

StoreResult<Kind> checkProjections(SqliteReadConnection &connection, int projectionVersion)
{
    auto newest = integer(connection, u"SELECT coalesce(max(version), 0) FROM projections"_s);
    if (!newest.ok())
        return newest.error();
    if (newest.value() > projectionVersion)
        return refusal(StoreError::Code::NewerSchema, connection.location(),
                       u"was written by a newer Hoststand (projection version %1; this version "
                       "knows up to %2), so it was left as it is. Update Hoststand, or delete "
                       "the file to rebuild it with this version."_s.arg(newest.value())
                           .arg(projectionVersion));
    return Kind::Existing;
}

QString quoted(QString name)
{
    return u"\""_s + name.replace(u'"', u"\"\""_s) + u"\""_s;
}

StoreResult<QList<QStringList>> rows(SqliteReadConnection &connection, const QString &sql,
                                     int columns)
{
    auto statement = connection.prepare(sql);
    if (!statement.ok())
        return statement.error();
    QList<QStringList> found;
    for (;;) {
        auto row = statement.value()->next();
        if (!row.ok())
            return refusal(StoreError::Code::CorruptStore, connection.location(),
                           u"is damaged: %1"_s.arg(row.error().message()));
        if (!row.value())
            break;
        QStringList values;
        for (int column = 0; column < columns; ++column)
            values.append(statement.value()->value(column).toString());
        found.append(values);
    }
    statement.value()->reset();
    return found;
}

// The root and the first and last pages of every table and index: cheap
// for a file of any size, where SQLite's integrity check reads all of it.
// Damage elsewhere shows as an error of a later read, which is dealt with
// the same way.
StoreResult<void> readEachTree(SqliteReadConnection &connection)
{
    auto trees = rows(connection,
                      u"SELECT type, name, tbl_name FROM sqlite_master "
                      "WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'"_s,
                      3);
    if (!trees.ok())
        return trees.error();
    for (const QStringList &tree : std::as_const(trees.value())) {
        QStringList probes;
        if (tree.at(0) == u"table") {
            for (const char *order : {"", " DESC"})
                probes.append(
                    u"SELECT count(*) FROM (SELECT 1 FROM %1 NOT INDEXED ORDER BY "
                    "rowid%2 LIMIT 1)"_s.arg(quoted(tree.at(1)), QLatin1StringView(order)));
        } else {
            auto columns = rows(connection, u"PRAGMA index_info(%1)"_s.arg(quoted(tree.at(1))), 3);
            if (!columns.ok())
                return columns.error();
            if (columns.value().isEmpty() || columns.value().constFirst().at(2).isEmpty())
                continue; // an index on an expression
            const QString column = quoted(columns.value().constFirst().at(2));
            for (const char *order : {"", " DESC"})
                probes.append(u"SELECT count(*) FROM (SELECT 1 FROM %1 INDEXED BY %2 "
                              "ORDER BY %3%4 LIMIT 1)"_s.arg(quoted(tree.at(2)), quoted(tree.at(1)),
                                                             column, QLatin1StringView(order)));
        }
        // A probe SQLite cannot plan (a partial index) proves nothing either way.
        for (const QString &probe : std::as_const(probes)) {
            if (auto read = integer(connection, probe);
                !read.ok() && read.error().code() == StoreError::Code::CorruptStore)
                return read.error();
        }
    }
    return {};
}

} // namespace

StoreResult<Kind> check(SqliteReadConnection &connection, int projectionVersion)
{
    const QString path = connection.location();
    auto applicationId = integer(connection, u"PRAGMA application_id"_s);
    if (!applicationId.ok()) {
        if (applicationId.error().message().contains(u"not a database"_s))
            return refusal(StoreError::Code::NotAStore, path, u"is not a SQLite database."_s);
        return applicationId.error();
    }
    auto format = integer(connection, u"PRAGMA user_version"_s);
    if (!format.ok())
        return format.error();
    if (applicationId.value() == ApplicationId) {
        if (format.value() > FormatVersion)
            return refusal(StoreError::Code::NewerSchema, path,
                           u"was written by a newer Hoststand (format %1; this version knows up "
                           "to %2), so it was left as it is. Update Hoststand, or delete the "
                           "file to rebuild it with this version."_s.arg(format.value())
                               .arg(FormatVersion));
        if (auto read = readEachTree(connection); !read.ok())
            return read.error();
        return checkProjections(connection, projectionVersion);
    }
    auto objects = integer(connection, u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects.ok())
        return objects.error();
    if (applicationId.value() == 0 && objects.value() == 0)
        return Kind::New;
    return refusal(StoreError::Code::NotAStore, path,
                   u"is a database of another application, not a Hoststand read model."_s);
}

bool isToBeSetAside(const StoreError &error)
{
    return error.code() == StoreError::Code::CorruptStore
        || error.code() == StoreError::Code::NotAStore;
}

StoreResult<QString> setAside(const QString &path)
{
    const QString suffix
        = u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = path + suffix;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + suffix + u"-%1"_s.arg(n);
    if (!QFile::rename(path, target))
        return StoreError(StoreError::Code::CannotOpen,
                          u"The read model file %1 is damaged and could not be moved aside to "
                          "%2 to build it again. Move it away by hand."_s.arg(
                              QDir::toNativeSeparators(path), QDir::toNativeSeparators(target)));
    for (const QString &companion : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(path + companion))
            QFile::rename(path + companion, target + companion);
    }
    return target;
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
