#include "eventstore/PostgresConnection.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace hoststand {

// libpq's messages carry a severity prefix, a trailing SQLSTATE from Qt and
// hints on further lines; a person needs the first sentence.
static QString cleanServerText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    const QString state = postgresSqlState(error);
    if (!state.isEmpty() && text.endsWith(u"(%1)"_s.arg(state)))
        text.chop(state.size() + 2);
    text = text.section(u'\n', 0, 0).trimmed();
    for (const QString &prefix : {u"FATAL:"_s, u"ERROR:"_s, u"QPSQL:"_s}) {
        if (text.startsWith(prefix))
            text = text.mid(prefix.size()).trimmed();
    }
    while (text.endsWith(u'.'))
        text.chop(1);
    return text.isEmpty() ? u"the connection was lost"_s : text;
}

// Failures that say the server is gone or going, rather than that it
// refused the statement: connection exceptions (class 08), shutdowns and
// start-ups (57P01-57P03), and running out of resources (class 53).
static bool isOutage(const QString &state)
{
    return state.startsWith(u"08"_s) || state.startsWith(u"53"_s) || state == u"57P01"_s
        || state == u"57P02"_s || state == u"57P03"_s;
}

// Whether a failed login means the server could not be reached (worth
// waiting for) rather than that it refused this login or database.
static bool isUnreachable(const QString &message)
{
    static const QStringList signs {
        u"connection refused"_s,
        u"could not connect"_s,
        u"timeout expired"_s,
        u"could not translate host"_s,
        u"no route to host"_s,
        u"network is unreachable"_s,
        u"starting up"_s,
        u"shutting down"_s,
        u"server closed the connection"_s,
        u"connection timed out"_s,
        u"too many clients"_s,
    };
    for (const QString &sign : signs) {
        if (message.contains(sign, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString postgresSqlState(const QSqlError &error)
{
    return error.nativeErrorCode();
}

// Removing the connection (with m_connection) deletes the driver and so
// closes the session on the server, which frees its prepared statements;
// statements destroyed afterwards see no driver and send nothing.
PostgresConnection::PostgresConnection(PostgresConnectionSettings settings)
    : m_settings(std::move(settings))
    , m_connection(u"QPSQL"_s, u"postgres"_s)
{ }

PostgresConnection::~PostgresConnection() = default;

StoreResult<void> PostgresConnection::open(std::chrono::seconds connectTimeout)
{
    if (!m_connection.database().isValid())
        return StoreError(StoreError::Code::CannotOpen,
                          u"Qt's PostgreSQL driver (QPSQL) is not installed; install the package "
                          "libqt6sql6-psql to open %1."_s.arg(m_settings.location()));
    m_connection.database().setHostName(m_settings.host);
    m_connection.database().setPort(m_settings.port);
    m_connection.database().setUserName(m_settings.user);
    m_connection.database().setPassword(m_settings.password);
    m_connection.database().setDatabaseName(m_settings.database);
    // Keepalives notice a server that vanished without closing the socket
    // while the connection is idle; the user timeout, one that vanished
    // under a statement: what is sent and not acknowledged by then fails
    // the statement, which would otherwise wait for as long as TCP retries.
    const qint64 seconds = std::max<qint64>(2, connectTimeout.count());
    QString options
        = u"connect_timeout=%1;tcp_user_timeout=%2;application_name=hoststand;"
          "keepalives=1;keepalives_idle=10;keepalives_interval=5;keepalives_count=3"_s.arg(seconds)
              .arg(seconds * 1000);
    if (!m_settings.sslMode.isEmpty())
        options += u";sslmode="_s + m_settings.sslMode;
    m_connection.database().setConnectOptions(options);
    if (!m_connection.database().open()) {
        const QString reason = cleanServerText(m_connection.database().lastError());
        m_lastFailure = reason;
        if (isUnreachable(m_connection.database().lastError().databaseText()))
            return unreachable();
        return StoreError(
            StoreError::Code::CannotOpen,
            u"Could not open the event store at %1: %2."_s.arg(m_settings.location(), reason));
    }
    // A commit is confirmed only once it is on disk, whatever the server's
    // default says: a confirmed booking must survive a crash.
    return execOnce(u"SET synchronous_commit TO on"_s, u"make commits durable"_s);
}

bool PostgresConnection::isConnected() const
{
    return m_connection.database().isOpen();
}

StoreError PostgresConnection::unreachable() const
{
    const QString reason = m_lastFailure.isEmpty() ? u"the connection was lost"_s : m_lastFailure;
    return StoreError(StoreError::Code::Unavailable,
                      u"The PostgreSQL server at %1 cannot be reached: %2."_s.arg(
                          m_settings.serverName(), reason));
}

StoreError PostgresConnection::error(const QSqlError &error, const QString &action)
{
    const QString reason = cleanServerText(error);
    const QString state = postgresSqlState(error);
    if (!isConnected() || isOutage(state)) {
        m_lastFailure = reason;
        return unreachable();
    }
    return StoreError(StoreError::Code::Database, u"Could not %1: %2."_s.arg(action, reason));
}

StoreResult<void> PostgresConnection::prepare(QSqlQuery &query, const QString &sql)
{
    if (!isConnected())
        return unreachable();
    query = QSqlQuery(m_connection.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return error(query.lastError(), u"prepare the store's statements"_s);
    return {};
}

StoreResult<void> PostgresConnection::exec(QSqlQuery &query, Bindings bindings,
                                           const QString &action)
{
    if (!isConnected())
        return unreachable();
    for (const auto &[name, value] : bindings)
        query.bindValue(name, value);
    if (!query.exec())
        return error(query.lastError(), action);
    return {};
}

StoreResult<void> PostgresConnection::execOnce(const QString &sql, const QString &action)
{
    if (!isConnected())
        return unreachable();
    QSqlQuery query(m_connection.database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return error(query.lastError(), action);
    while (query.next()) { }
    return checkRows(query, action);
}

StoreResult<void> PostgresConnection::checkRows(const QSqlQuery &query, const QString &action)
{
    if (query.lastError().isValid())
        return error(query.lastError(), action);
    return {};
}

StoreResult<void> PostgresConnection::begin()
{
    if (!isConnected())
        return unreachable();
    if (!m_connection.database().transaction())
        return error(m_connection.database().lastError(), u"start a transaction"_s);
    return {};
}

StoreResult<void> PostgresConnection::commit()
{
    if (!isConnected())
        return unreachable();
    if (!m_connection.database().commit())
        return error(m_connection.database().lastError(), u"commit"_s);
    return {};
}

// A lost connection has rolled back on the server already.
void PostgresConnection::rollback()
{
    if (isConnected())
        (void)m_connection.database().rollback();
}

StoreResult<void> PostgresTransaction::begin()
{
    auto begun = m_connection.begin();
    m_open = begun.ok();
    return begun;
}

StoreResult<void> PostgresTransaction::commit()
{
    m_open = false;
    return m_connection.commit();
}

void PostgresTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_connection.rollback();
}

} // namespace hoststand
