#pragma once

#include <QString>
#include <QStringList>

namespace hoststand {

// The few things the read tables' SQL says differently on SQLite and on
// PostgreSQL: column types, the statement that starts a write transaction
// and the settings of a new session. Everything else the projections and
// queries write is SQL both understand (INSERT ... ON CONFLICT ... DO UPDATE,
// ? parameters), so a dialect stays this small.
class ReadDialect final
{
public:
    enum class Kind { Sqlite, Postgres };

    explicit ReadDialect(Kind kind)
        : m_kind(kind)
    { }

    Kind kind() const { return m_kind; }

    // The operator class of a trigram index, with its schema (PostgreSQL's
    // pg_trgm), or empty when the database has none: then the guest search
    // reads every booking.
    const QString &trigramOps() const { return m_trigramOps; }
    void setTrigramOps(const QString &ops) { m_trigramOps = ops; }

    // Replaces the column types {INT}, {BIGINT}, {REAL}, {TEXT} and {BLOB}
    // of a CREATE statement with this dialect's, and an index's last column
    // {+column} when it is the table's INTEGER PRIMARY KEY: SQLite keeps that
    // rowid in every index entry already, so naming it again only makes the
    // index bigger.
    QString ddl(const QString &statement) const;
    // Starts a transaction that takes the write lock at once, so that two
    // processes projecting into the same tables queue up instead of failing
    // half-way.
    QString beginWrite() const;
    // Appended to the read of the checkpoints in a write transaction, so two
    // processes projecting into the same tables take turns (SQLite's
    // BEGIN IMMEDIATE has done that already).
    QString lockingRead() const;
    // Run once on every new connection.
    QStringList sessionSettings() const;
    // While projections catch up from far behind (a rebuild), and after: a
    // commit need not reach the disk before the next batch, since the read
    // tables can be rebuilt from the store; atomicity is kept either way,
    // so a killed process still resumes from a whole checkpoint.
    QStringList bulkLoadSettings(bool bulk) const;

private:
    Kind m_kind;
    QString m_trigramOps;
};

} // namespace hoststand
