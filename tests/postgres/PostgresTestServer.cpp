#include "tests/postgres/PostgresTestServer.h"

#include "eventstore/PostgresConnectionSettings.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hoststand::test {

namespace {

constexpr int ClusterStartTimeoutMs = 120000;

QString throwawayScript()
{
    return QString::fromUtf8(HOSTSTAND_PG_THROWAWAY);
}

// A loopback port nobody listens on right now, from the kernel.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString pgBinDir()
{
    QDir root(u"/usr/lib/postgresql"_s);
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    return versions.isEmpty() ? QString() : root.filePath(versions.constLast() + u"/bin"_s);
}

// Runs a program to its end; returns its standard output, or nothing and why.
std::optional<QByteArray> run(const QString &program, const QStringList &arguments,
                              QString *problem, int timeoutMs = ClusterStartTimeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *problem = u"%1 %2 failed: %3"_s.arg(
            program, arguments.join(u' '),
            QString::fromUtf8(process.readAllStandardError()).trimmed());
        if (process.state() != QProcess::NotRunning)
            process.kill();
        process.waitForFinished(10000);
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

// One QPSQL connection for administration, removed when it goes.
class AdminConnection final
{
public:
    explicit AdminConnection(const QString &url)
        : m_name(u"hoststand-test-admin-%1"_s.arg(counter.fetchAndAddRelaxed(1)))
    {
        auto settings = PostgresConnectionSettings::fromUrl(url);
        if (!settings.ok()) {
            m_problem = settings.error().message();
            return;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(settings.value().host);
        db.setPort(settings.value().port);
        db.setUserName(settings.value().user);
        db.setPassword(settings.value().password);
        db.setDatabaseName(settings.value().database);
        db.setConnectOptions(u"connect_timeout=10"_s);
        if (!db.open())
            m_problem = u"Cannot connect to the PostgreSQL server at %1: %2"_s.arg(
                settings.value().location(), db.lastError().text());
    }
    ~AdminConnection() { QSqlDatabase::removeDatabase(m_name); }

    const std::optional<QString> &problem() const { return m_problem; }

    std::optional<QString> execute(const QString &sql)
    {
        if (m_problem)
            return m_problem;
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql))
            return u"%1 failed: %2"_s.arg(sql, query.lastError().text());
        return std::nullopt;
    }

private:
    static inline QAtomicInteger<int> counter;
    QString m_name;
    std::optional<QString> m_problem;
};

QString withDatabase(const QString &url, const QString &database)
{
    QUrl changed(url);
    changed.setPath(u"/"_s + database);
    return changed.toString();
}

QString uniqueDatabaseName()
{
    static QAtomicInteger<int> counter;
    QString test = QCoreApplication::applicationName().toLower();
    for (QChar &c : test) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            c = u'_';
    }
    return u"hs_%1_%2_%3"_s.arg(test.left(30))
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

bool postgresRequired()
{
    const QByteArray value = qgetenv("HOSTSTAND_REQUIRE_PG");
    return !value.isEmpty() && value != "0";
}

PostgresTestServer::~PostgresTestServer()
{
    dropDatabases();
    stopThrowaway();
}

std::optional<QString> PostgresTestServer::start(Kind kind)
{
    const QString shared = qEnvironmentVariable("HOSTSTAND_TEST_PG_URL");
    if (kind == Kind::Throwaway || shared.isEmpty())
        return startThrowaway();
    m_adminUrl = shared;
    AdminConnection admin(m_adminUrl);
    if (admin.problem())
        return u"HOSTSTAND_TEST_PG_URL names a server that cannot be used: %1"_s.arg(
            *admin.problem());
    return std::nullopt;
}

std::optional<QString> PostgresTestServer::startThrowaway()
{
    if (pgBinDir().isEmpty())
        return u"No PostgreSQL server: HOSTSTAND_TEST_PG_URL is not set and the PostgreSQL "
               "server binaries are not installed (scripts/install-deps --tests)."_s;
    QTemporaryDir base(QDir::tempPath() + u"/hoststand-pg-XXXXXX"_s);
    if (!base.isValid())
        return u"Cannot create a directory for a throwaway PostgreSQL cluster."_s;
    base.setAutoRemove(false);
    QString problem;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_clusterDir = base.filePath(u"cluster"_s);
        m_port = freePort();
        const auto output
            = run(u"bash"_s, {throwawayScript(), u"start"_s, m_clusterDir, QString::number(m_port)},
                  &problem);
        if (output) {
            m_adminUrl = QString::fromUtf8(*output).trimmed().section(u'\n', -1);
            return std::nullopt;
        }
        stopThrowaway(); // another process may have taken the port meanwhile
    }
    QDir(base.path()).removeRecursively();
    return u"Cannot start a throwaway PostgreSQL cluster: %1"_s.arg(problem);
}

void PostgresTestServer::stopThrowaway()
{
    if (m_clusterDir.isEmpty())
        return;
    QString problem;
    if (!run(u"bash"_s, {throwawayScript(), u"stop"_s, m_clusterDir}, &problem))
        qWarning("%s", qPrintable(problem));
    QDir().rmdir(QFileInfo(m_clusterDir).path());
    m_clusterDir.clear();
}

std::optional<QString> PostgresTestServer::createDatabase(QString *problem)
{
    const QString name = uniqueDatabaseName();
    AdminConnection admin(m_adminUrl);
    if (auto failed = admin.execute(u"CREATE DATABASE %1"_s.arg(name))) {
        *problem = *failed;
        return std::nullopt;
    }
    m_databases.append(name);
    return withDatabase(m_adminUrl, name);
}

std::optional<QString> PostgresTestServer::execute(const QString &databaseUrl, const QString &sql)
{
    AdminConnection connection(databaseUrl);
    return connection.execute(sql);
}

void PostgresTestServer::dropDatabases()
{
    if (m_databases.isEmpty())
        return;
    AdminConnection admin(m_adminUrl);
    for (const QString &name : std::as_const(m_databases)) {
        // FORCE: helper processes killed by a test may still hold connections.
        if (auto failed = admin.execute(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)))
            qWarning("%s", qPrintable(*failed));
    }
    m_databases.clear();
}

// pg_ctl runs as the cluster's owner: as root, that is the postgres user.
std::optional<QString> PostgresTestServer::runPgCtl(const QStringList &arguments)
{
    if (m_clusterDir.isEmpty())
        return u"Only a throwaway cluster can be stopped and started."_s;
    const QString pgCtl = pgBinDir() + u"/pg_ctl"_s;
    QString program = pgCtl;
    QStringList all = QStringList {u"-D"_s, m_clusterDir + u"/data"_s} + arguments;
    if (::geteuid() == 0) {
        all = QStringList {u"-u"_s, u"postgres"_s, u"--"_s, pgCtl} + all;
        program = u"runuser"_s;
    }
    QString problem;
    if (!run(program, all, &problem))
        return problem;
    return std::nullopt;
}

std::optional<QString> PostgresTestServer::stopServer()
{
    return runPgCtl({u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s});
}

std::optional<QString> PostgresTestServer::startServer()
{
    const QString options
        = u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=200"_s.arg(m_port).arg(
            m_clusterDir);
    return runPgCtl({u"-l"_s, m_clusterDir + u"/server.log"_s, u"-w"_s, u"-t"_s, u"60"_s, u"-o"_s,
                     options, u"start"_s});
}

} // namespace hoststand::test
