#pragma once

#include "eventstore/PostgresConnectionSettings.h"
#include "readmodel/ReadConnection.h"

#include <QDeadlineTimer>

#include <chrono>
#include <functional>
#include <optional>

class QSqlError;
class QSqlQuery;

namespace hoststand {

class PostgresConnection;

// The read schema's connection in the store's PostgreSQL database, through
// Qt's QPSQL driver, with the schema first on the search path. Write
// transactions of all terminals on the schema take turns (an advisory
// lock), so two terminals never project the same event twice or create the
// same table at once. When the server goes away, operations fail with
// Unavailable and a message a person can read; the next operation after a
// short back-off opens a new session, and the statements prepare themselves
// again on it (PostgresReadStatement).
class PostgresReadConnection final : public ReadConnection
{
public:
    static StoreResult<std::unique_ptr<PostgresReadConnection>> open(
        PostgresConnectionSettings settings,
        std::chrono::seconds connectTimeout = std::chrono::seconds(5));
    ~PostgresReadConnection() override;

    const ReadDialect &dialect() const override { return m_dialect; }
    // What the database has for trigram indexes (PostgresReadSchema).
    void setTrigramOps(const QString &ops) { m_dialect.setTrigramOps(ops); }
    // The URL without the password.
    QString location() const override { return m_settings.location(); }
    const QString &schema() const { return m_settings.schema; }
    StoreResult<std::unique_ptr<ReadStatement>> prepare(const QString &sql) override;
    StoreResult<void> execute(const QString &sql) override;
    StoreResult<void> beginWrite() override;
    StoreResult<void> commit() override;
    void rollback() override;

    // The first column of the first row of a one-off query (invalid: no row or NULL).
    StoreResult<QVariant> queryValue(const QString &sql);

    // Follows whoever watches the server without blocking (the event store
    // on the same server, which knocks before it reconnects): while it
    // cannot reach the server, no statement is sent and a lost session is
    // not tried again, since either would block for the whole timeout over
    // a dead link; once it can, the next statement opens one at once.
    void followServer(std::function<bool()> reachable) { m_reachable = std::move(reachable); }

    // --- For the statements ------------------------------------------------
    // Makes sure a session is open: after a lost one, opens a new one unless
    // the back-off has not passed, the server is known to be out of reach,
    // or a transaction begun on the lost one has not been ended yet (its
    // statements must not run without it).
    StoreResult<void> ensureSession();
    // Changes with every new session: a statement prepared on an older one
    // prepares again.
    quint64 session() const { return m_session; }
    // Prepares the query on the current session (ensureSession() first).
    StoreResult<void> prepareQuery(QSqlQuery &query, const QString &sql);
    // Turns a failed statement into an error: Unavailable, with the session
    // dropped, when the server cannot be reached; Database otherwise.
    StoreError failure(const QSqlError &error, const QString &action);

private:
    PostgresReadConnection(PostgresConnectionSettings settings,
                           std::chrono::seconds connectTimeout);
    StoreResult<void> connect();
    StoreError checked(StoreError error);
    void dropSession(const StoreError &why);
    StoreResult<void> lockSchema();

    PostgresConnectionSettings m_settings;
    std::chrono::seconds m_connectTimeout;
    ReadDialect m_dialect {ReadDialect::Kind::Postgres};
    // Null while the server cannot be reached.
    std::unique_ptr<PostgresConnection> m_connection;
    quint64 m_session = 0;
    bool m_inTransaction = false;
    // What operations answer until a new session opens.
    std::optional<StoreError> m_outage;
    std::chrono::milliseconds m_backOff {0};
    QDeadlineTimer m_nextAttempt;
    std::function<bool()> m_reachable;
};

} // namespace hoststand
