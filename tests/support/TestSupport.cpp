#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand::test {

QString binaryDir()
{
    const QString fromEnvironment = qEnvironmentVariable("HOSTSTAND_TEST_BINARY_DIR");
    return fromEnvironment.isEmpty() ? QCoreApplication::applicationDirPath() : fromEnvironment;
}

QString executable(const QString &targetName)
{
    QDirIterator it(binaryDir(), {targetName}, QDir::Files | QDir::Executable,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool startHelper(QProcess &process, const QString &targetName, const QStringList &arguments)
{
    const QString program = executable(targetName);
    if (program.isEmpty())
        return false;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    return process.waitForStarted(10000);
}

std::optional<QByteArray> readLine(QProcess &process, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    while (!process.canReadLine()) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return std::nullopt;
        process.waitForReadyRead(
            int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 50))));
    }
    return process.readLine().trimmed();
}

bool waitForExit(QProcess &process, std::chrono::milliseconds timeout)
{
    return process.state() == QProcess::NotRunning || process.waitForFinished(int(timeout.count()));
}

void killHard(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill(); // SIGKILL on Unix
    process.waitForFinished(10000);
}

int sqliteRootPage(const QString &file, const QString &name)
{
    const QString connection = u"root-page-%1"_s.arg(quintptr(&file));
    int page = 0;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        database.setDatabaseName(file);
        QSqlQuery query(database);
        if (database.open()
            && query.prepare(u"SELECT rootpage FROM sqlite_master WHERE name = ?"_s)) {
            query.addBindValue(name);
            if (query.exec() && query.next())
                page = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return page;
}

QString storeLocks(const QString &storePath)
{
    QProcess probe;
    probe.start(executable(u"hoststand_lock_probe"_s), {storePath});
    if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit
        || probe.exitCode() != 0)
        return {};
    return QString::fromLatin1(probe.readAllStandardOutput()).trimmed();
}

StoreWriteLock::StoreWriteLock(const QString &storePath)
{
    static int made = 0;
    m_connection = u"hoststand-test-write-lock-%1"_s.arg(++made);
    QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    other.setDatabaseName(storePath);
    m_held = other.open() && QSqlQuery(other).exec(u"BEGIN IMMEDIATE"_s);
}

StoreWriteLock::~StoreWriteLock()
{
    release();
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool StoreWriteLock::release()
{
    if (!std::exchange(m_held, false))
        return false;
    return QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(u"COMMIT"_s);
}

} // namespace hoststand::test
