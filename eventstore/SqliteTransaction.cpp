#include "eventstore/SqliteTransaction.h"

#include "eventstore/SqliteErrors.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace hoststand {

int SqliteTransactionStatements::prepare(sqlite3 *db, std::chrono::milliseconds busyTimeout)
{
    m_db = db;
    m_busyTimeout = busyTimeout;
    int rc = m_begin.prepare(db, "BEGIN IMMEDIATE");
    if (rc == SQLITE_OK)
        rc = m_commit.prepare(db, "COMMIT");
    if (rc == SQLITE_OK)
        rc = m_rollback.prepare(db, "ROLLBACK");
    return rc;
}

void SqliteTransactionStatements::finalize()
{
    m_begin.finalize();
    m_commit.finalize();
    m_rollback.finalize();
}

// The busy timeout already waits inside sqlite3_step; SQLite still returns
// SQLITE_BUSY at once in some cases (a writer recovering the WAL), so the
// lock is retried with a short back-off until the same timeout has passed.
StoreResult<void> SqliteTransactionStatements::begin()
{
    QDeadlineTimer deadline(m_busyTimeout);
    std::chrono::milliseconds pause {1};
    for (;;) {
        const int rc = m_begin.step();
        m_begin.reset();
        if (rc == SQLITE_DONE)
            return {};
        if ((rc & 0xff) != SQLITE_BUSY || deadline.hasExpired())
            return sqliteStoreError(rc, u"start a write transaction"_s);
        QThread::msleep(static_cast<unsigned long>(pause.count()));
        pause = std::min(pause * 2, std::chrono::milliseconds {20});
    }
}

StoreResult<void> SqliteTransactionStatements::commit()
{
    const int rc = m_commit.step();
    m_commit.reset();
    if (rc == SQLITE_DONE)
        return {};
    return sqliteStoreError(rc, u"commit the write transaction"_s);
}

void SqliteTransactionStatements::rollback()
{
    // Some errors (a full disk, an I/O error) roll back by themselves.
    if (sqlite3_get_autocommit(m_db))
        return;
    (void)m_rollback.step();
    m_rollback.reset();
}

StoreResult<void> SqliteTransaction::begin()
{
    auto begun = m_statements.begin();
    m_open = begun.ok();
    return begun;
}

StoreResult<void> SqliteTransaction::commit()
{
    auto committed = m_statements.commit();
    if (committed.ok())
        m_open = false;
    return committed;
}

void SqliteTransaction::rollback()
{
    if (m_open)
        m_statements.rollback();
    m_open = false;
}

} // namespace hoststand
