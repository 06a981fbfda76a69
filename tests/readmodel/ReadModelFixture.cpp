#include "tests/readmodel/ReadModelFixture.h"

#include "domain/contracts/EventCodec.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace hoststand::test {

ReadModelFixture::ReadModelFixture() = default;

ReadModelFixture::~ReadModelFixture()
{
    closeAll();
}

QString ReadModelFixture::storePath() const
{
    return m_dir.filePath(u"store.sqlite"_s);
}

QString ReadModelFixture::readPath() const
{
    return ReadModel::defaultLocationFor(storePath());
}

QString ReadModelFixture::open()
{
    if (!m_store) {
        SqliteStoreOptions options;
        options.synchronousFull = false;
        auto store = SqliteEventStore::open(storePath(), options);
        if (!store.ok())
            return store.error().message();
        m_store = std::move(store).value();
    }
    auto model = ReadModel::open(*m_store, readPath());
    if (!model.ok())
        return model.error().message();
    m_model = std::move(model).value();
    if (auto started = m_model->start(); !started.ok())
        return started.error().message();
    return {};
}

void ReadModelFixture::closeReadModel()
{
    m_model.reset();
}

void ReadModelFixture::closeAll()
{
    m_model.reset();
    m_store.reset();
}

qint64 ReadModelFixture::append(const QList<DomainEvent> &events)
{
    const qint64 last = appendAll(*m_store, events);
    return last > 0 && settle(last) ? last : 0;
}

qint64 ReadModelFixture::appendInOneCommit(const QList<DomainEvent> &events)
{
    QList<EventData> data;
    for (const DomainEvent &event : events)
        data.append(eventData(
            event, EventMetadata {correlationOf(event), u"command"_s, u"test"_s, u"t1"_s}));
    auto appended = m_store->append(streamOf(events.constFirst()), data, ExpectedRevision::any());
    if (!appended.ok() || !settle(appended.value().position))
        return 0;
    return appended.value().position;
}

bool ReadModelFixture::settle(qint64 position)
{
    const QDeadlineTimer deadline(5000);
    while (!m_model || m_model->position() < position) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(1);
    }
    return true;
}

bool ReadModelFixture::tamper(const QString &sql)
{
    return tamper(QStringList {sql});
}

// Runs use on a connection of the test's own to the file, closed after.
static void onConnection(const QString &file, const std::function<void(QSqlDatabase &)> &use)
{
    const QString name = u"inspect"_s;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        database.setDatabaseName(file);
        if (database.open())
            use(database);
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool ReadModelFixture::tamper(const QStringList &statements)
{
    bool done = false;
    onConnection(readPath(), [&](QSqlDatabase &database) {
        for (const QString &sql : statements) {
            QSqlQuery query(database);
            done = query.exec(sql);
            if (!done) {
                qWarning("tamper failed: %s", qPrintable(query.lastError().text()));
                return;
            }
        }
    });
    return done;
}

QStringList ReadModelFixture::queryPlan(const QString &sql, const QString &file)
{
    QStringList steps;
    onConnection(file.isEmpty() ? readPath() : file, [&](QSqlDatabase &database) {
        QSqlQuery query(database);
        query.setForwardOnly(true);
        // Every parameter needs a value, though the plan does not depend on it.
        const bool prepared = query.prepare(u"EXPLAIN QUERY PLAN "_s + sql);
        for (int i = 0; prepared && i < int(sql.count(u'?')); ++i)
            query.bindValue(i, 0);
        if (!prepared || !query.exec())
            qWarning("no plan: %s", qPrintable(query.lastError().text()));
        while (query.next())
            steps.append(query.value(u"detail"_s).toString());
    });
    return steps;
}

QStringList ReadModelFixture::queryRows(const QString &sql, const QString &file)
{
    QStringList values;
    onConnection(file.isEmpty() ? readPath() : file, [&](QSqlDatabase &database) {
        QSqlQuery query(database);
        query.setForwardOnly(true);
        if (!query.exec(sql))
            qWarning("no rows: %s", qPrintable(query.lastError().text()));
        while (query.next())
            values.append(query.value(0).toString());
    });
    return values;
}

} // namespace hoststand::test
