#pragma once

#include "eventstore/SqliteStatement.h"
#include "eventstore/StoreError.h"

#include <chrono>

namespace hoststand {

// BEGIN IMMEDIATE, COMMIT and ROLLBACK on one connection, prepared once.
// Every write of the store takes the write lock up front (IMMEDIATE), so a
// transaction never fails half-way because another process wrote first.
class SqliteTransactionStatements final
{
public:
    int prepare(sqlite3 *db, std::chrono::milliseconds busyTimeout);
    void finalize();

    StoreResult<void> begin();
    StoreResult<void> commit();
    void rollback();

private:
    sqlite3 *m_db = nullptr;
    std::chrono::milliseconds m_busyTimeout {0};
    SqliteStatement m_begin;
    SqliteStatement m_commit;
    SqliteStatement m_rollback;
};

// One write transaction: rolls back when it ends without commit(), on every
// return path, so no transaction is ever left open.
class SqliteTransaction final
{
public:
    explicit SqliteTransaction(SqliteTransactionStatements &statements)
        : m_statements(statements)
    { }
    ~SqliteTransaction() { rollback(); }
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    StoreResult<void> begin();
    StoreResult<void> commit();
    void rollback();

private:
    SqliteTransactionStatements &m_statements;
    bool m_open = false;
};

} // namespace hoststand
