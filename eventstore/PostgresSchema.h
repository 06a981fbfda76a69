#pragma once

#include "eventstore/StoreError.h"

#include <QString>

namespace hoststand {

class PostgresConnection;

// What the store needs to know about its schema once it exists.
struct PostgresSchemaInfo final
{
    QString schema;
    // Serialises the appends to this schema (pg_advisory_xact_lock).
    qint64 appendLockKey = 0;
    // NOTIFY channel that wakes the stores listening on this schema.
    QString channel;
};

// Creates the store's schema (tables and schema version) when it is
// missing, under an advisory lock so that two terminals opening a new
// store at once do not collide; refuses a schema of a newer version
// (NewerSchema) and a schema that holds another application's tables
// (NotAStore), and leaves both untouched.
StoreResult<PostgresSchemaInfo> preparePostgresSchema(PostgresConnection &connection,
                                                      const QString &schema);

} // namespace hoststand
