#pragma once

#include "eventstore/PostgresConnectionSettings.h"

#include <memory>

namespace hoststand {

class PostgresReadConnection;

// The marks of a Hoststand read schema in a PostgreSQL database: a
// read_model_format table (the layout of its bookkeeping) and the version
// of each projection in its projections table; the counterpart of a SQLite
// read file's application_id and user_version (SqliteReadFile).
namespace PostgresReadSchema {

inline constexpr int FormatVersion = 1;

// Connects to the schema the settings name, and in one write transaction
// creates it and marks it as a read model when it is new. Refuses, and
// leaves untouched, a schema that holds another application's tables
// (NotAStore) and one written by a newer Hoststand (NewerSchema), each
// with a message that says what to do.
StoreResult<std::unique_ptr<PostgresReadConnection>> open(
    const PostgresConnectionSettings &settings, int projectionVersion);

} // namespace PostgresReadSchema
} // namespace hoststand
