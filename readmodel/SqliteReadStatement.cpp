#include "readmodel/SqliteReadStatement.h"

using namespace Qt::StringLiterals;

namespace hoststand {

StoreError sqliteReadError(sqlite3 *db, int rc, const QString &action)
{
    const int primary = rc & 0xff;
    const QString why = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    StoreError::Code code = StoreError::Code::Database;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        code = StoreError::Code::CorruptStore;
    else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        code = StoreError::Code::Unavailable;
    else if (primary == SQLITE_FULL)
        code = StoreError::Code::DiskFull;
    return StoreError(code, u"The read model could not %1: %2."_s.arg(action, why));
}

StoreResult<std::unique_ptr<SqliteReadStatement>> SqliteReadStatement::prepare(sqlite3 *db,
                                                                               const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return sqliteReadError(db, rc, u"prepare a statement (%1)"_s.arg(sql.left(60)));
    }
    return std::unique_ptr<SqliteReadStatement>(new SqliteReadStatement(db, statement));
}

SqliteReadStatement::SqliteReadStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{
    const auto parameters = size_t(sqlite3_bind_parameter_count(statement)) + 1;
    m_texts.resize(parameters);
    m_bytes.resize(parameters);
    m_holdsText.resize(parameters, false);
}

SqliteReadStatement::~SqliteReadStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteReadStatement::remember(int rc)
{
    if (rc != SQLITE_OK && m_bindResult == SQLITE_OK)
        m_bindResult = rc;
}

void SqliteReadStatement::bindInt(int index, qint64 value)
{
    remember(sqlite3_bind_int64(m_statement, index, value));
}

void SqliteReadStatement::bindReal(int index, double value)
{
    remember(sqlite3_bind_double(m_statement, index, value));
}

bool SqliteReadStatement::hasParameter(int index)
{
    if (index > 0 && size_t(index) < m_bytes.size())
        return true;
    remember(SQLITE_RANGE);
    return false;
}

void SqliteReadStatement::bindText(int index, const QString &value)
{
    if (!hasParameter(index))
        return;
    QString &text = m_texts[size_t(index)];
    QByteArray &utf8 = m_bytes[size_t(index)];
    if (!m_holdsText[size_t(index)] || value != text) {
        m_holdsText[size_t(index)] = true;
        text = value;
        utf8 = value.toUtf8();
        if (utf8.isNull())
            utf8 = QByteArray(""); // NULL is for bindNull()
    }
    remember(
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC));
}

void SqliteReadStatement::bindUtf8(int index, const QByteArray &value)
{
    if (!hasParameter(index))
        return;
    m_holdsText[size_t(index)] = false;
    QByteArray &utf8 = m_bytes[size_t(index)];
    utf8 = value.isNull() ? QByteArray("") : value;
    remember(
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC));
}

void SqliteReadStatement::bindBlob(int index, const QByteArray &value)
{
    if (!hasParameter(index))
        return;
    m_holdsText[size_t(index)] = false;
    QByteArray &kept = m_bytes[size_t(index)];
    kept = value;
    remember(sqlite3_bind_blob(m_statement, index, kept.isNull() ? "" : kept.constData(),
                               int(kept.size()), SQLITE_STATIC));
}

void SqliteReadStatement::bindNull(int index)
{
    remember(sqlite3_bind_null(m_statement, index));
}

StoreError SqliteReadStatement::error(int rc) const
{
    const char *sql = sqlite3_sql(m_statement);
    return sqliteReadError(m_db, rc,
                           u"run a statement (%1)"_s.arg(QString::fromUtf8(sql).left(60)));
}

StoreResult<void> SqliteReadStatement::execute()
{
    if (m_bindResult != SQLITE_OK) {
        const int rc = m_bindResult;
        m_bindResult = SQLITE_OK;
        return error(rc);
    }
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return error(rc);
    return {};
}

StoreResult<bool> SqliteReadStatement::next()
{
    if (m_bindResult != SQLITE_OK) {
        const int rc = m_bindResult;
        m_bindResult = SQLITE_OK;
        return error(rc);
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    sqlite3_reset(m_statement);
    if (rc == SQLITE_DONE)
        return false;
    return error(rc);
}

void SqliteReadStatement::reset()
{
    sqlite3_reset(m_statement);
}

int SqliteReadStatement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

QString SqliteReadStatement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_statement, column));
}

bool SqliteReadStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteReadStatement::intValue(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteReadStatement::realValue(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString SqliteReadStatement::textValue(int column) const
{
    const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return text ? QString::fromUtf16(text, bytes / 2) : QString();
}

QByteArray SqliteReadStatement::blobValue(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    const int bytes = sqlite3_column_bytes(m_statement, column);
    return data ? QByteArray(data, bytes) : QByteArray();
}

QVariant SqliteReadStatement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return intValue(column);
    case SQLITE_FLOAT:
        return realValue(column);
    case SQLITE_BLOB:
        return blobValue(column);
    case SQLITE_TEXT:
        return textValue(column);
    default:
        return {};
    }
}

} // namespace hoststand
