#pragma once

#include <QString>
#include <QStringList>
#include <QTest>

#include <optional>

namespace hoststand::test {

// The PostgreSQL server the tests of one executable use: the one CI names
// in HOSTSTAND_TEST_PG_URL, or else a throwaway cluster
// (scripts/pg-throwaway) on a free loopback port, stopped when this object
// goes. Each executable works in databases of its own, so that tests run in
// parallel; they are dropped at the end.
class PostgresTestServer final
{
public:
    PostgresTestServer() = default;
    ~PostgresTestServer();
    PostgresTestServer(const PostgresTestServer &) = delete;
    PostgresTestServer &operator=(const PostgresTestServer &) = delete;

    enum class Kind { SharedOrThrowaway, Throwaway };

    // Finds or starts the server; returns why there is none. Throwaway
    // always starts a cluster of its own, for tests that stop the server.
    std::optional<QString> start(Kind kind = Kind::SharedOrThrowaway);
    // Creates a fresh database; returns its URL, or nothing and the problem.
    std::optional<QString> createDatabase(QString *problem);
    // Runs one SQL statement in a database created here, as its owner.
    std::optional<QString> execute(const QString &databaseUrl, const QString &sql);

    // Stops and starts a throwaway cluster's server on the same data and
    // port, as an outage would; returns the problem, if any.
    std::optional<QString> stopServer();
    std::optional<QString> startServer();
    // The loopback port of a throwaway cluster.
    int port() const { return m_port; }

private:
    std::optional<QString> startThrowaway();
    std::optional<QString> runPgCtl(const QStringList &arguments);
    void stopThrowaway();
    void dropDatabases();

    QString m_adminUrl;
    QString m_clusterDir;
    int m_port = 0;
    QStringList m_databases;
};

// Whether a missing server fails the tests (CI sets HOSTSTAND_REQUIRE_PG=1)
// instead of skipping them.
bool postgresRequired();

} // namespace hoststand::test

// Skips the test (or fails it, when PostgreSQL is required) with the reason
// there is no server.
#define HS_REQUIRE_POSTGRES(problem)                                                               \
    do {                                                                                           \
        if (const std::optional<QString> &hsProblem_ = (problem)) {                                \
            if (hoststand::test::postgresRequired())                                               \
                QFAIL(qPrintable(*hsProblem_));                                                    \
            QSKIP(qPrintable(*hsProblem_));                                                        \
        }                                                                                          \
    } while (false)

// Verifies that a StoreResult holds a value, and shows the error's message
// when it does not.
#define PG_VERIFY_OK(result)                                                                       \
    do {                                                                                           \
        const auto &pgResult_ = (result);                                                          \
        QVERIFY2(pgResult_.ok(), pgResult_.ok() ? "" : qPrintable(pgResult_.error().message()));   \
    } while (false)
