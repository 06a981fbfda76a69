#include "app/cli/StoreVerifier.h"

#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteEventStore.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand::cli {
namespace {

constexpr qint64 PageSize = 2000;

StoreError databaseError(const QString &what, const QSqlError &error)
{
    return StoreError(StoreError::Code::Database, u"%1: %2"_s.arg(what, error.text()));
}

StoreResult<QStringList> integrityCheck(QSqlDatabase &database)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA integrity_check"_s))
        return databaseError(u"Could not run the integrity check"_s, query.lastError());
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok"_s)
            problems.append(u"integrity check: "_s + line);
    }
    return problems;
}

void note(QStringList &problems, const QString &problem)
{
    if (problems.size() < StoreVerifier::MaxProblems)
        problems.append(problem);
}

} // namespace

StoreVerifier::StoreVerifier(EventStore &store)
    : m_store(store)
{ }

bool StoreVerifier::checksIntegrity() const
{
    return qobject_cast<SqliteEventStore *>(&m_store) != nullptr;
}

StoreResult<QStringList> StoreVerifier::integrityProblems() const
{
    if (!checksIntegrity())
        return QStringList();
    SqliteConnection connection;
    if (auto opened = connection.open(m_store.location(), u"QSQLITE_OPEN_READONLY"_s); !opened.ok())
        return opened.error();
    return integrityCheck(connection.database());
}

StoreResult<QStringList> StoreVerifier::sequenceProblems(qint64 &eventCount) const
{
    QStringList problems;
    QHash<QString, qint64> nextRevision;
    qint64 last = 0;
    eventCount = 0;
    for (;;) {
        auto page = m_store.readAll(last, PageSize);
        if (!page.ok())
            return page.error();
        for (const RecordedEvent &event : page.value()) {
            if (event.position != last + 1)
                note(problems,
                     u"position %1 follows %2: the positions between are missing"_s
                         .arg(event.position)
                         .arg(last));
            qint64 &expected = nextRevision[event.stream];
            if (event.revision != expected)
                note(problems,
                     u"stream %1: revision %2 at position %3, where %4 was due"_s.arg(event.stream)
                         .arg(event.revision)
                         .arg(event.position)
                         .arg(expected));
            expected = event.revision + 1;
            last = event.position;
            ++eventCount;
        }
        if (page.value().size() < PageSize)
            return problems;
    }
}

} // namespace hoststand::cli
