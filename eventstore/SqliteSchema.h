#pragma once

#include "eventstore/StoreError.h"

namespace hoststand {

class SqliteConnection;
class SqliteTransactionStatements;
struct SqliteStoreOptions;

// Creates the schema of a new store, or checks the one of an existing store,
// on a read-write connection; then sets the connection's pragmas (WAL,
// synchronous). The schema is created in one transaction before WAL is
// switched on, so a crash leaves either an empty file or a whole store.
StoreResult<void> prepareSqliteSchema(SqliteConnection &connection,
                                      SqliteTransactionStatements &transactions,
                                      const SqliteStoreOptions &options);

} // namespace hoststand
