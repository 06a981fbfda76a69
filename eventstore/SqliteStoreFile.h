#pragma once

#include "eventstore/StoreError.h"

#include <QString>

namespace hoststand {

enum class StoreFileKind { NewStore, ExistingStore };

// Looks at the file at a store path before anything opens it for writing:
// a missing or empty file (or an empty SQLite database) becomes a new store;
// a Hoststand store of this or an older schema is opened; anything else is
// refused with NotAStore, NewerSchema or CorruptStore, and left untouched.
StoreResult<StoreFileKind> inspectStoreFile(const QString &path);

} // namespace hoststand
