#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

#include <sys/types.h>

namespace hoststand {

// The files a SQLite connection in WAL mode works on (the database, its log
// and the log's shared index), as they were when it opened them. Should
// one of them be deleted or replaced while the connection is open (another
// process that took itself for the last one checkpointed and deleted the
// log, a person removed the files, a backup was restored over the
// database), the connection would go on writing where no other process
// ever reads: it must be opened again instead. Three stat() calls.
class SqliteFileHold final
{
public:
    explicit SqliteFileHold(const QString &databasePath);

    // Notes the files as they are now, once the connection has them open.
    void record();
    // Whether all three files were there to be noted (a new database gets
    // its log and index with its first transaction).
    bool complete() const;
    // What changed since record(), in words; nothing when all are the same.
    std::optional<QString> lost() const;
    // Whether the database file at the path is still the one recorded.
    bool holdsDatabase() const;
    // Whether the database file was written to since record() (its size or
    // modification time changed): for a connection that reads it without
    // SQLite's locks (immutable), which would not notice.
    bool databaseModified() const;

private:
    struct Identity
    {
        bool exists = false;
        dev_t device = 0;
        ino_t inode = 0;
        bool operator==(const Identity &) const = default;
    };
    static Identity identify(const QByteArray &path);

    std::array<QByteArray, 3> m_paths; // native encoding
    std::array<Identity, 3> m_recorded;
    qint64 m_size = -1;
    qint64 m_modified = -1; // nanoseconds
};

} // namespace hoststand
