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

// Looks at the file before anything opens it for writing: a missing or
// empty file (or an empty database) is new; a read file of this or an older
// version is existing; anything else (another application's database, a
// damaged file, a file with a projection newer than projectionVersion) is
// refused with a message that says what to do, and left untouched.
StoreResult<Kind> inspect(const QString &path, int projectionVersion);

// Marks a new, empty file as a read file, in the caller's transaction.
// Refuses when another process made it something else meanwhile.
StoreResult<void> markAsReadFile(SqliteReadConnection &connection);

} // namespace SqliteReadFile
} // namespace hoststand
