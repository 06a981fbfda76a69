#include "readmodel/SqliteReadConnection.h"

#include "readmodel/SqliteReadStatement.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace hoststand {

// How long a write waits for another process's projection batch to commit.
static constexpr int BusyTimeoutMs = 10000;

SqliteReadConnection::SqliteReadConnection(QString path)
    : m_path(std::move(path))
    , m_hold(m_path)
{ }

SqliteReadConnection::~SqliteReadConnection()
{
    if (m_holds && m_hold.lost())
        closeWithoutCheckpoint();
    // Statements first: SQLite cannot close a connection with open statements.
    m_begin.reset();
    m_commit.reset();
    m_rollback.reset();
}

StoreResult<std::unique_ptr<SqliteReadConnection>> SqliteReadConnection::open(const QString &path,
                                                                              const Check &check)
{
    std::unique_ptr<SqliteReadConnection> connection(new SqliteReadConnection(path));
    if (auto connected = connection->m_connection.open(
            path, u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs),
            u"the read model at %1"_s.arg(QDir::toNativeSeparators(path)));
        !connected.ok())
        return connected.error();
    if (check) {
        if (auto checked = check(*connection); !checked.ok())
            return checked.error();
    }
    for (const QString &setting : connection->dialect().sessionSettings()) {
        if (auto done = connection->queryValue(setting); !done.ok())
            return done.error();
    }
    const std::pair<std::unique_ptr<ReadStatement> *, QString> statements[] = {
        {&connection->m_begin, connection->dialect().beginWrite()},
        {&connection->m_commit, u"COMMIT"_s},
        {&connection->m_rollback, u"ROLLBACK"_s},
    };
    for (const auto &[statement, sql] : statements) {
        auto prepared = connection->prepare(sql);
        if (!prepared.ok())
            return prepared.error();
        *statement = std::move(prepared).value();
    }
    // The session settings read the file, which opens its log and index.
    connection->m_hold.record();
    connection->m_holds = true;
    return connection;
}

StoreResult<std::unique_ptr<ReadStatement>> SqliteReadConnection::prepare(const QString &sql)
{
    auto prepared = SqliteReadStatement::prepare(m_connection.handle(), sql);
    if (!prepared.ok())
        return prepared.error();
    return std::unique_ptr<ReadStatement>(std::move(prepared).value());
}

StoreResult<void> SqliteReadConnection::execute(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_connection.handle(), utf8.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteReadError(m_connection.handle(), rc, u"run \"%1\""_s.arg(sql.left(60)));
    return {};
}

void SqliteReadConnection::closeWithoutCheckpoint()
{
    m_connection.closeWithoutCheckpoint();
}

StoreResult<QVariant> SqliteReadConnection::queryValue(const QString &sql)
{
    auto prepared = prepare(sql);
    if (!prepared.ok())
        return prepared.error();
    ReadStatement &statement = *prepared.value();
    auto row = statement.next();
    if (!row.ok())
        return row.error();
    QVariant value = row.value() ? statement.value(0) : QVariant();
    statement.reset();
    return value;
}

// A write into files another process no longer sees would make this
// terminal's read tables drift from everyone else's without a word.
StoreResult<void> SqliteReadConnection::checkHold() const
{
    if (!m_holds)
        return {};
    if (const std::optional<QString> lost = m_hold.lost())
        return StoreError(StoreError::Code::FilesReplaced,
                          u"The read model's files changed under it (%1); it must be opened "
                          "again."_s.arg(*lost));
    return {};
}

StoreResult<void> SqliteReadConnection::beginWrite()
{
    if (auto held = checkHold(); !held.ok())
        return held;
    return m_begin->execute();
}

StoreResult<void> SqliteReadConnection::commit()
{
    if (auto committed = m_commit->execute(); !committed.ok())
        return committed;
    if (m_holds && !m_hold.complete())
        m_hold.record(); // the first commit of a new file made its log
    return checkHold();
}

// A rollback that fails leaves nothing to do: SQLite has then ended the
// transaction itself (it rolls back on the errors that make ROLLBACK fail).
void SqliteReadConnection::rollback()
{
    if (!sqlite3_get_autocommit(m_connection.handle()) && !m_rollback->execute().ok())
        qWarning("The read model could not roll back: %s", sqlite3_errmsg(m_connection.handle()));
}

} // namespace hoststand
