#include "domain/readmodel/PostgresReadStatement.h"

#include "domain/readmodel/PostgresReadConnection.h"

#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace hoststand {

PostgresReadStatement::PostgresReadStatement(PostgresReadConnection &connection, QString sql)
    : m_connection(connection)
    , m_sql(std::move(sql))
{ }

StoreResult<void> PostgresReadStatement::prepareNow()
{
    if (auto ready = m_connection.ensureSession(); !ready.ok())
        return ready;
    if (m_session == m_connection.session())
        return {};
    m_running = false;
    if (auto prepared = m_connection.prepareQuery(m_query, m_sql); !prepared.ok()) {
        m_session = 0;
        return prepared;
    }
    m_session = m_connection.session();
    return {};
}

void PostgresReadStatement::bind(int index, QVariant value)
{
    if (m_values.size() < index)
        m_values.resize(index);
    m_values[index - 1] = std::move(value);
}

void PostgresReadStatement::bindInt(int index, qint64 value)
{
    bind(index, value);
}

void PostgresReadStatement::bindReal(int index, double value)
{
    bind(index, value);
}

// A null QString would bind as SQL NULL; the read tables mean "empty".
void PostgresReadStatement::bindText(int index, const QString &value)
{
    bind(index, value.isNull() ? u""_s : value);
}

void PostgresReadStatement::bindUtf8(int index, const QByteArray &utf8)
{
    bindText(index, QString::fromUtf8(utf8));
}

void PostgresReadStatement::bindBlob(int index, const QByteArray &value)
{
    bind(index, value.isNull() ? QByteArray("") : value);
}

void PostgresReadStatement::bindNull(int index)
{
    bind(index, QVariant());
}

StoreError PostgresReadStatement::failure(const QString &action)
{
    return m_connection.failure(m_query.lastError(),
                                u"%1 (%2)"_s.arg(action, m_sql.simplified().left(60)));
}

StoreResult<void> PostgresReadStatement::run(const QString &action)
{
    if (auto prepared = prepareNow(); !prepared.ok())
        return prepared;
    for (qsizetype i = 0; i < m_values.size(); ++i)
        m_query.bindValue(int(i), m_values.at(i));
    if (!m_query.exec())
        return failure(action);
    return {};
}

StoreResult<void> PostgresReadStatement::execute()
{
    auto done = run(u"write the read tables"_s);
    if (m_session == m_connection.session())
        m_query.finish();
    return done;
}

StoreResult<bool> PostgresReadStatement::next()
{
    if (!m_running) {
        if (auto started = run(u"read the read tables"_s); !started.ok())
            return started.error();
        m_running = true;
    }
    if (m_query.next())
        return true;
    const bool failed = m_query.lastError().isValid();
    auto error = failed ? std::optional(failure(u"read the read tables' rows"_s)) : std::nullopt;
    reset();
    if (error)
        return *error;
    return false;
}

void PostgresReadStatement::reset()
{
    if (m_running && m_session == m_connection.session())
        m_query.finish();
    m_running = false;
}

int PostgresReadStatement::columnCount() const
{
    return m_query.record().count();
}

QString PostgresReadStatement::columnName(int column) const
{
    return m_query.record().fieldName(column);
}

bool PostgresReadStatement::isNull(int column) const
{
    return m_query.isNull(column);
}

qint64 PostgresReadStatement::intValue(int column) const
{
    return m_query.value(column).toLongLong();
}

double PostgresReadStatement::realValue(int column) const
{
    return m_query.value(column).toDouble();
}

QString PostgresReadStatement::textValue(int column) const
{
    return m_query.value(column).toString();
}

QByteArray PostgresReadStatement::blobValue(int column) const
{
    return m_query.value(column).toByteArray();
}

QVariant PostgresReadStatement::value(int column) const
{
    return m_query.value(column);
}

} // namespace hoststand
