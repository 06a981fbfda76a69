#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <chrono>
#include <optional>

namespace hoststand::test {

// The build directory of the tests (where helper executables live).
QString binaryDir();
// The path of an executable built by this project, by target name.
QString executable(const QString &targetName);

// The whole content of a file (empty when it cannot be read).
QByteArray fileBytes(const QString &path);

// Starts a helper executable built by this project; false when it is
// missing or does not start.
bool startHelper(QProcess &process, const QString &targetName, const QStringList &arguments);
// Waits (blocking, without an event loop) for the next complete line on
// the process's standard output; nothing on timeout or exit.
std::optional<QByteArray> readLine(QProcess &process, std::chrono::milliseconds timeout);
// Waits until the process has exited (true also when it already had).
bool waitForExit(QProcess &process, std::chrono::milliseconds timeout);
// Ends a helper at once with SIGKILL, as a power cut or a crash would.
void killHard(QProcess &process);

// A SQLite store's locks as another process sees them (hoststand_lock_probe):
// "held held" while some process has it open (the database's SHARED range
// and the index's dead-man's byte), "free free" when none has, "free
// missing" without an index file; empty when the probe failed.
QString storeLocks(const QString &storePath);

// Another connection of this process that takes a SQLite store's write
// lock (BEGIN IMMEDIATE) as it is made and holds it until release() or its
// end, as a second terminal in the middle of a write does.
class StoreWriteLock final
{
public:
    explicit StoreWriteLock(const QString &storePath);
    ~StoreWriteLock();
    StoreWriteLock(const StoreWriteLock &) = delete;
    StoreWriteLock &operator=(const StoreWriteLock &) = delete;

    bool isHeld() const { return m_held; }
    // Commits the empty transaction; true when the lock was held and is free now.
    bool release();

private:
    QString m_connection;
    bool m_held = false;
};

// The page where a table's (or an index's) rows begin in a SQLite file, read
// through a connection of its own; 0 when it cannot be read.
int sqliteRootPage(const QString &file, const QString &name);

} // namespace hoststand::test

// Verifies that a StoreResult (or any result with ok(), error().message())
// holds a value, and shows the error's message when it does not.
#define HS_VERIFY_OK(result)                                                                       \
    do {                                                                                           \
        const auto &hsResult_ = (result);                                                          \
        QVERIFY2(hsResult_.ok(), hsResult_.ok() ? "" : qPrintable(hsResult_.error().message()));   \
    } while (false)
