#pragma once

#include "eventstore/EventStore.h"

#include <QString>

#include <memory>

namespace hoststand {

// The one way the executables open a store: a string starting with
// postgresql:// or postgres:// names a PostgreSQL server
// (postgresql://user:password@host:port/database), anything else is the
// path of a SQLite file.
// With create false, a missing or empty SQLite file is refused (NotFound).
StoreResult<std::unique_ptr<EventStore>> openEventStore(const QString &pathOrUrl,
                                                        bool create = true);

} // namespace hoststand
