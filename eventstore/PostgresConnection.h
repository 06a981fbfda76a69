#pragma once

#include "eventstore/NamedSqlConnection.h"
#include "eventstore/PostgresConnectionSettings.h"
#include "eventstore/StoreError.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <chrono>
#include <initializer_list>
#include <utility>

class QSqlError;

namespace hoststand {

// One connection to the PostgreSQL server through Qt's QPSQL driver: opens
// it, runs prepared statements and transactions on it, and turns every
// failure into a StoreError a person can read. A connection that was lost
// stays lost (isConnected() turns false); the store replaces it with a new one.
class PostgresConnection final
{
public:
    using Bindings = std::initializer_list<std::pair<QString, QVariant>>;

    explicit PostgresConnection(PostgresConnectionSettings settings);
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection &) = delete;
    PostgresConnection &operator=(const PostgresConnection &) = delete;

    StoreResult<void> open(std::chrono::seconds connectTimeout);
    bool isConnected() const;
    QSqlDriver *driver() const { return m_connection.database().driver(); }
    const PostgresConnectionSettings &settings() const { return m_settings; }

    StoreResult<void> prepare(QSqlQuery &query, const QString &sql);
    // Binds and executes a prepared statement; a statement that returns
    // rows is left before its first row for the caller to read.
    StoreResult<void> exec(QSqlQuery &query, Bindings bindings, const QString &action);
    // Executes a statement once, unprepared (schema changes, settings).
    StoreResult<void> execOnce(const QString &sql, const QString &action);
    // Checks that a statement's rows were all read without error.
    StoreResult<void> checkRows(const QSqlQuery &query, const QString &action);

    StoreResult<void> begin();
    StoreResult<void> commit();
    void rollback();

    // What the store answers while the server cannot be reached.
    StoreError unreachable() const;
    StoreError error(const QSqlError &error, const QString &action);

private:
    PostgresConnectionSettings m_settings;
    NamedSqlConnection m_connection;
    QString m_lastFailure;
};

// One transaction: rolls back when it ends without commit(), on every
// return path, so no transaction is ever left open.
class PostgresTransaction final
{
public:
    explicit PostgresTransaction(PostgresConnection &connection)
        : m_connection(connection)
    { }
    ~PostgresTransaction() { rollback(); }
    PostgresTransaction(const PostgresTransaction &) = delete;
    PostgresTransaction &operator=(const PostgresTransaction &) = delete;

    StoreResult<void> begin();
    StoreResult<void> commit();
    void rollback();

private:
    PostgresConnection &m_connection;
    bool m_open = false;
};

// The SQLSTATE of a failed statement ("23505"), empty when the failure
// came from the client library (a lost connection).
QString postgresSqlState(const QSqlError &error);

} // namespace hoststand
