#include "readmodel/PostgresReadStatement.h"

#include "readmodel/PostgresReadConnection.h"

#include <QSqlError>

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

} // namespace hoststand
