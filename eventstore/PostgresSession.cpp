#include "eventstore/PostgresSession.h"

#include <QSqlDriver>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace hoststand {

PostgresSession::PostgresSession(const PostgresConnectionSettings &settings)
    : m_connection(std::make_unique<PostgresConnection>(settings))
{ }

// The connection goes first: closing it frees the prepared statements on
// the server at once, instead of one DEALLOCATE per statement (which would
// also fail, noisily, on a lost connection).
PostgresSession::~PostgresSession()
{
    m_connection.reset();
    m_groups.reset();
    m_events.reset();
}

StoreResult<std::unique_ptr<PostgresSession>> PostgresSession::open(
    const PostgresConnectionSettings &settings, std::chrono::seconds connectTimeout)
{
    std::unique_ptr<PostgresSession> session(new PostgresSession(settings));
    if (auto prepared = session->prepare(connectTimeout); !prepared.ok())
        return prepared.error();
    return session;
}

StoreResult<void> PostgresSession::prepare(std::chrono::seconds connectTimeout)
{
    if (auto opened = m_connection->open(connectTimeout); !opened.ok())
        return opened;
    auto schema = preparePostgresSchema(*m_connection, m_connection->settings().schema);
    if (!schema.ok())
        return schema.error();
    m_schema = schema.value();
    m_events = std::make_unique<PostgresEventTable>(*m_connection, m_schema);
    if (auto prepared = m_events->prepare(); !prepared.ok())
        return prepared;
    m_groups = std::make_unique<PostgresSubscriptionGroups>(*m_connection, m_schema.schema);
    if (auto prepared = m_groups->prepare(); !prepared.ok())
        return prepared;
    if (!m_connection->driver()->subscribeToNotification(m_schema.channel))
        return m_connection->error(m_connection->driver()->lastError(),
                                   u"listen for the other terminals' appends"_s);
    return {};
}

} // namespace hoststand
