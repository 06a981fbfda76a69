#pragma once

#include "eventstore/StoreError.h"

#include <QString>

namespace hoststand {

class SqliteConnection;

// What the store file at a path is, as read through the store's own
// connection (with SQLite's locks, so that a commit or a checkpoint of
// another process at that moment is never mistaken for damage), before the
// store writes anything to it: a Hoststand store of this or an older
// schema, or an empty SQLite database, is accepted; anything else is
// refused with NotAStore, NewerSchema or CorruptStore, and left untouched.
StoreResult<void> checkStoreFile(SqliteConnection &connection, const QString &path);

// Whether this user can write the store at path (the file, its log and
// index, or the folder where SQLite makes them); if not, why, in words
// that name the file, its permissions and its owner.
struct SqliteFileAccess final
{
    bool writable = true;
    QString whyNot;
};
SqliteFileAccess sqliteFileAccess(const QString &path);

// The refusal for a file whose content SQLite reports as damaged, saying
// what was being read and what a restore would cost.
StoreError damagedStoreFile(const QString &path, const QString &reading, const QString &sqlite);

} // namespace hoststand
