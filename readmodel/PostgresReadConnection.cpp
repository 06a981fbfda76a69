#include "readmodel/PostgresReadConnection.h"

#include "eventstore/PostgresConnection.h"
#include "readmodel/PostgresReadStatement.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// "HoRd" as the first key of the two-key advisory locks, whose key space
// is apart from the store's one-key locks; the second key names the schema.
constexpr int ReadLockKey = 0x486f5264;
constexpr std::chrono::milliseconds FirstBackOff {200};
constexpr std::chrono::milliseconds LongestBackOff {3000};

// FNV-1a of the schema's name: the same number in every process and on
// every machine, unlike qHash.
qint32 schemaKey(const QString &schema)
{
    quint32 hash = 2166136261u;
    for (const char byte : schema.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return qint32(hash);
}

} // namespace

PostgresReadConnection::PostgresReadConnection(PostgresConnectionSettings settings,
                                               std::chrono::seconds connectTimeout)
    : m_settings(std::move(settings))
    , m_connectTimeout(connectTimeout)
{ }

PostgresReadConnection::~PostgresReadConnection() = default;

StoreResult<std::unique_ptr<PostgresReadConnection>> PostgresReadConnection::open(
    PostgresConnectionSettings settings, std::chrono::seconds connectTimeout)
{
    std::unique_ptr<PostgresReadConnection> connection(
        new PostgresReadConnection(std::move(settings), connectTimeout));
    if (auto connected = connection->connect(); !connected.ok())
        return connected.error();
    return connection;
}

// The schema first on the search path: the projections' SQL names its
// tables without a schema, as on SQLite. A schema that does not exist yet
// is allowed there; PostgresReadSchema creates it.
StoreResult<void> PostgresReadConnection::connect()
{
    auto connection = std::make_unique<PostgresConnection>(m_settings);
    if (auto opened = connection->open(m_connectTimeout); !opened.ok())
        return opened;
    // The server's notices ("relation ... already exists, skipping" for
    // every CREATE ... IF NOT EXISTS) would go to standard error.
    const QString session
        = u"SET search_path TO \"%1\"; SET client_min_messages TO warning"_s.arg(m_settings.schema);
    if (auto set = connection->execOnce(session, u"use the read model's schema"_s); !set.ok())
        return set;
    m_connection = std::move(connection);
    ++m_session;
    m_outage.reset();
    m_backOff = std::chrono::milliseconds(0);
    return {};
}

StoreResult<void> PostgresReadConnection::ensureSession()
{
    // A session that looks open is not used while the watcher knows the
    // server is out of reach: over a dead link a statement would hang for
    // the length of a network timeout before it failed.
    if (m_connection && m_reachable && !m_reachable())
        dropSession(StoreError(
            StoreError::Code::Unavailable,
            u"The PostgreSQL server at %1 cannot be reached."_s.arg(m_settings.serverName())));
    if (m_connection)
        return {};
    // A watcher's word replaces the back-off: the first query after the
    // store is through opens the session again, whatever the back-off says.
    const bool wait = m_reachable ? !m_reachable() : !m_nextAttempt.hasExpired();
    if (m_outage && (m_inTransaction || wait))
        return *m_outage;
    if (auto connected = connect(); !connected.ok()) {
        m_outage = connected.error();
        m_backOff = std::clamp(m_backOff * 2, FirstBackOff, LongestBackOff);
        m_nextAttempt.setRemainingTime(m_backOff);
        return connected;
    }
    return {};
}

// Dropping the connection removes its driver, so the statements prepared
// on it are freed with the server's session and send nothing when they go.
void PostgresReadConnection::dropSession(const StoreError &why)
{
    m_connection.reset();
    ++m_session; // no statement touches its query of the lost session again
    m_outage = why;
    m_backOff = FirstBackOff;
    m_nextAttempt.setRemainingTime(std::chrono::milliseconds(0));
}

StoreError PostgresReadConnection::checked(StoreError error)
{
    if (error.code() == StoreError::Code::Unavailable)
        dropSession(error);
    return error;
}

StoreError PostgresReadConnection::failure(const QSqlError &error, const QString &action)
{
    if (!m_connection)
        return *m_outage;
    return checked(m_connection->error(error, action));
}

StoreResult<void> PostgresReadConnection::prepareQuery(QSqlQuery &query, const QString &sql)
{
    if (auto ready = ensureSession(); !ready.ok())
        return ready;
    if (auto prepared = m_connection->prepare(query, sql); !prepared.ok())
        return checked(prepared.error());
    return {};
}

StoreResult<std::unique_ptr<ReadStatement>> PostgresReadConnection::prepare(const QString &sql)
{
    auto statement = std::make_unique<PostgresReadStatement>(*this, sql);
    if (auto prepared = statement->prepareNow(); !prepared.ok())
        return prepared.error();
    return std::unique_ptr<ReadStatement>(std::move(statement));
}

StoreResult<void> PostgresReadConnection::execute(const QString &sql)
{
    if (auto ready = ensureSession(); !ready.ok())
        return ready;
    if (auto done = m_connection->execOnce(sql, u"run \"%1\""_s.arg(sql.left(60))); !done.ok())
        return checked(done.error());
    return {};
}

StoreResult<QVariant> PostgresReadConnection::queryValue(const QString &sql)
{
    QSqlQuery query;
    if (auto prepared = prepareQuery(query, sql); !prepared.ok())
        return prepared.error();
    const QString action = u"read \"%1\""_s.arg(sql.left(60));
    if (auto done = m_connection->exec(query, {}, action); !done.ok())
        return checked(done.error());
    QVariant value;
    if (query.next() && !query.isNull(0))
        value = query.value(0);
    while (query.next()) { }
    if (auto rows = m_connection->checkRows(query, action); !rows.ok())
        return checked(rows.error());
    return value;
}

// Every terminal's write transactions on this schema take turns: the
// checkpoints read next already hold what the one before committed.
StoreResult<void> PostgresReadConnection::lockSchema()
{
    return execute(u"SELECT pg_advisory_xact_lock(%1, %2)"_s.arg(ReadLockKey)
                       .arg(schemaKey(m_settings.schema)));
}

StoreResult<void> PostgresReadConnection::beginWrite()
{
    if (auto ready = ensureSession(); !ready.ok())
        return ready;
    if (auto begun = m_connection->begin(); !begun.ok())
        return checked(begun.error());
    m_inTransaction = true;
    if (auto locked = lockSchema(); !locked.ok()) {
        rollback();
        return locked;
    }
    return {};
}

StoreResult<void> PostgresReadConnection::commit()
{
    if (!m_connection) {
        m_inTransaction = false;
        return *m_outage;
    }
    auto committed = m_connection->commit();
    m_inTransaction = false;
    if (!committed.ok())
        return checked(committed.error());
    return {};
}

// A session lost in the transaction rolled it back on the server already.
void PostgresReadConnection::rollback()
{
    m_inTransaction = false;
    if (m_connection)
        m_connection->rollback();
}

} // namespace hoststand
