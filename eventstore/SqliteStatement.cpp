#include "eventstore/SqliteStatement.h"

#include <utility>

namespace hoststand {

SqliteStatement::~SqliteStatement()
{
    finalize();
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_bindResult(std::exchange(other.m_bindResult, SQLITE_OK))
{ }

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        finalize();
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindResult = std::exchange(other.m_bindResult, SQLITE_OK);
    }
    return *this;
}

int SqliteStatement::prepare(sqlite3 *db, QByteArrayView sql)
{
    finalize();
    return sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                              nullptr);
}

void SqliteStatement::finalize()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_bindResult = SQLITE_OK;
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK && m_bindResult == SQLITE_OK)
        m_bindResult = rc;
}

void SqliteStatement::bindText(int index, QByteArrayView utf8)
{
    const int rc = sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK && m_bindResult == SQLITE_OK)
        m_bindResult = rc;
}

void SqliteStatement::bindBlob(int index, QByteArrayView bytes)
{
    // A null pointer would bind NULL; the schema wants an (empty) blob.
    static const char empty = 0;
    const char *data = bytes.isNull() ? &empty : bytes.data();
    const int rc = sqlite3_bind_blob(m_stmt, index, data, int(bytes.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK && m_bindResult == SQLITE_OK)
        m_bindResult = rc;
}

int SqliteStatement::step()
{
    if (m_bindResult != SQLITE_OK)
        return m_bindResult;
    return sqlite3_step(m_stmt);
}

void SqliteStatement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_bindResult = SQLITE_OK;
}

void SqliteStatement::clearBindings()
{
    if (m_stmt)
        sqlite3_clear_bindings(m_stmt);
}

QByteArrayView SqliteStatement::columnBytes(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return QByteArrayView(static_cast<const char *>(data), size);
}

} // namespace hoststand
