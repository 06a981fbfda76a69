#pragma once

#include "eventstore/StoreError.h"

#include <QString>

namespace hoststand {

class SqliteReadConnection;

// The marks of a Hoststand read file: SQLite's application_id and
// user_version (the layout of its bookkeeping), and the version of each
// projection in its projections table.
namespace SqliteReadFile {

inline constexpr int ApplicationId = 0x486f5264; // "HoRd"
inline constexpr int FormatVersion = 1;

enum class Kind { New, Existing };

// Looks at the file through the connection that will write it, with
// SQLite's locks, before anything is written: an empty file or database is
// new; a read file of this or an older version is existing, once the root
// and first page of each of its tables can be read. A file written by a
// newer version is refused (NewerSchema) and left untouched; anything else
// (a damaged file, a text file, another application's database) is
// refused as CorruptStore or NotAStore, which setAside() deals with.
StoreResult<Kind> check(SqliteReadConnection &connection, int projectionVersion);

// Whether a refusal of check() (or a failure of the read tables later) is
// of a file to set aside and build again: the read tables are derived data.
bool isToBeSetAside(const StoreError &error);

// Renames the file (with its -wal and -shm) to PATH.damaged-YYYYMMDD-HHMMSS
// beside it, never deleting anything; the new name, or an error.
StoreResult<QString> setAside(const QString &path);

// Marks a new, empty file as a read file, in the caller's transaction.
// Refuses when another process made it something else meanwhile.
StoreResult<void> markAsReadFile(SqliteReadConnection &connection);

} // namespace SqliteReadFile
} // namespace hoststand
