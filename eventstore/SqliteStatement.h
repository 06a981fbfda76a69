#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <sqlite3.h>

namespace hoststand {

// One sqlite3 statement, prepared once on a connection and reused: the RAII
// owner of the sqlite3_stmt. Bind errors are remembered and returned by the
// next step(), so a caller checks one result per execution. Blobs and texts
// are bound without copying: the bytes must outlive the execution.
class SqliteStatement final
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;

    // Returns the SQLite result code; the statement is valid on SQLITE_OK.
    int prepare(sqlite3 *db, QByteArrayView sql);
    bool isPrepared() const { return m_stmt != nullptr; }
    void finalize();

    // Parameters are numbered from 1, as in SQLite.
    void bindInt64(int index, qint64 value);
    void bindText(int index, QByteArrayView utf8);
    void bindBlob(int index, QByteArrayView bytes);

    // SQLITE_ROW, SQLITE_DONE, or the error (also a bind error since the last reset).
    int step();
    // Ends the execution so the statement holds no lock; bindings stay.
    void reset();
    // Forgets the bound values (whose bytes the statement does not own).
    void clearBindings();

    qint64 columnInt64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    bool columnIsNull(int column) const
    {
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
    }
    // Valid until the next step() or reset().
    QByteArrayView columnBytes(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_bindResult = SQLITE_OK;
};

// Resets a statement when the scope ends, on every return path, so that no
// statement keeps a read transaction open between calls.
class SqliteResetGuard final
{
public:
    explicit SqliteResetGuard(SqliteStatement &statement)
        : m_statement(statement)
    { }
    ~SqliteResetGuard() { m_statement.reset(); }
    SqliteResetGuard(const SqliteResetGuard &) = delete;
    SqliteResetGuard &operator=(const SqliteResetGuard &) = delete;

private:
    SqliteStatement &m_statement;
};

} // namespace hoststand
