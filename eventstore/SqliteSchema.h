#pragma once

#include "eventstore/StoreError.h"

#include <QString>

namespace hoststand {

// An event's correlation id, read from its metadata, as the log's index on
// it holds it: a query names it in the same words to use that index. The
// store checks metadata is JSON; json_valid keeps a file written otherwise
// from refusing every append.
inline constexpr char SqliteCorrelationId[]
    = "(CASE WHEN json_valid(CAST(metadata AS TEXT)) "
      "THEN json_extract(CAST(metadata AS TEXT), '$.\"$correlationId\"') END)";

class SqliteConnection;
class SqliteTransactionStatements;
struct SqliteStoreOptions;

// Creates the schema of a new store, or checks the one of an existing store,
// on a read-write connection; then sets the connection's pragmas (WAL,
// synchronous). The schema is created in one transaction before WAL is
// switched on, so a crash leaves either an empty file or a whole store.
// Creates a new store at path (missing, or an empty file): the schema is
// written to a file of its own beside it, which is then renamed into place,
// so a crash while creating never leaves a half-made store at path. When
// another process creates the store first, its store is kept.
StoreResult<void> createSqliteStore(const QString &path);

StoreResult<void> prepareSqliteSchema(SqliteConnection &connection,
                                      SqliteTransactionStatements &transactions,
                                      const SqliteStoreOptions &options);

} // namespace hoststand
