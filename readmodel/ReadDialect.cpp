#include "readmodel/ReadDialect.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hoststand {

QString ReadDialect::ddl(const QString &statement) const
{
    const bool sqlite = m_kind == Kind::Sqlite;
    QString sql = statement;
    sql.replace(u"{INT}"_s, sqlite ? u"INTEGER"_s : u"INTEGER"_s);
    sql.replace(u"{BIGINT}"_s, sqlite ? u"INTEGER"_s : u"BIGINT"_s);
    sql.replace(u"{REAL}"_s, sqlite ? u"REAL"_s : u"DOUBLE PRECISION"_s);
    // Byte order, as SQLite's BINARY compares: the same rows in the same
    // order on both, whatever the server's locale.
    sql.replace(u"{TEXT}"_s, sqlite ? u"TEXT"_s : u"TEXT COLLATE \"C\""_s);
    sql.replace(u"{BLOB}"_s, sqlite ? u"BLOB"_s : u"BYTEA"_s);
    static const QRegularExpression rowidTail(u"\\{\\+(\\w+)\\}"_s);
    sql.replace(rowidTail, sqlite ? QString() : u", \\1"_s);
    return sql;
}

QString ReadDialect::beginWrite() const
{
    return m_kind == Kind::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
}

QString ReadDialect::lockingRead() const
{
    return m_kind == Kind::Sqlite ? QString() : u" FOR UPDATE"_s;
}

QStringList ReadDialect::sessionSettings() const
{
    if (m_kind == Kind::Postgres)
        return {u"SET search_path TO hoststand_read"_s};
    // WAL with synchronous=NORMAL never corrupts the file on a crash and
    // costs one fsync per checkpoint, not per commit: the read tables can
    // always be rebuilt from the store, so losing the last commits on a power
    // cut only means projecting them again. A bigger page cache keeps a
    // rebuild's indexes in memory.
    return {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
            u"PRAGMA cache_size = -65536"_s, u"PRAGMA temp_store = MEMORY"_s};
}

QStringList ReadDialect::bulkLoadSettings(bool bulk) const
{
    if (m_kind == Kind::Postgres)
        return {bulk ? u"SET synchronous_commit TO off"_s : u"SET synchronous_commit TO on"_s};
    // Memory-mapped reads and a bigger cache spare the copies of pages that
    // growing and then sorting the indexes of a million rows read again.
    if (bulk)
        return {u"PRAGMA synchronous = OFF"_s, u"PRAGMA mmap_size = 2147483648"_s,
                u"PRAGMA cache_size = -262144"_s};
    return {u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA mmap_size = 0"_s,
            u"PRAGMA cache_size = -65536"_s};
}

} // namespace hoststand
