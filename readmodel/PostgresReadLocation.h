#pragma once

#include "eventstore/PostgresConnectionSettings.h"

namespace hoststand {

class EventStore;

// Where a PostgreSQL store's read model lives: a schema of its own in the
// same database, "hoststand_read" beside the default store schema and
// "<schema>_read" beside another, so that two stores in one database never
// share read tables.
namespace PostgresReadLocation {

inline const QString DefaultSchema = QStringLiteral("hoststand_read");

// True for a postgresql:// or postgres:// location.
bool isLocation(const QString &location);
// The read model's URL for the store's URL (which may carry a password).
QString defaultFor(const QString &storeUrl);
// The connection settings of a read model location: the schema it names,
// else DefaultSchema; the store's password when the location has none and
// names the store's server, database and user (a store's location never
// shows its password). Refuses the store's own schema.
StoreResult<PostgresConnectionSettings> settingsFor(const QString &location,
                                                    const EventStore &store);

} // namespace PostgresReadLocation
} // namespace hoststand
