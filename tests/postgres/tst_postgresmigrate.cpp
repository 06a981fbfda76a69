#include "eventstore/PostgresEventStore.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/cli/CliRunner.h"
#include "tests/postgres/PostgresTestServer.h"
#include "tests/support/HistoryGenerator.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

constexpr qint64 ReadPage = 5000;

// Every field of every event, page by page: an independent check of what
// the command says it verified.
QString firstDifference(EventStore &source, EventStore &target)
{
    qint64 position = 0;
    for (;;) {
        auto mine = source.readAll(position, ReadPage);
        auto theirs = target.readAll(position, ReadPage);
        if (!mine.ok() || !theirs.ok())
            return u"a store could not be read"_s;
        if (mine->size() != theirs->size())
            return u"%1 events after position %2 in the source, %3 in the copy"_s.arg(mine->size())
                .arg(position)
                .arg(theirs->size());
        for (qsizetype i = 0; i < mine->size(); ++i) {
            const RecordedEvent &a = mine->at(i);
            const RecordedEvent &b = theirs->at(i);
            if (a.position != b.position || a.stream != b.stream || a.revision != b.revision
                || a.id != b.id || a.type != b.type || a.data != b.data || a.metadata != b.metadata
                || a.created != b.created)
                return u"the event at position %1 differs"_s.arg(a.position);
        }
        if (mine->isEmpty())
            return {};
        position = mine->constLast().position;
    }
}

// hoststand-cli with time for 100,000 events on a slow or sanitised build,
// where CliRunner gives a command a minute.
CliRun migrateSlowly(const QStringList &arguments)
{
    QProcess process;
    process.start(executable(u"hoststand-cli"_s), arguments);
    CliRun result;
    if (!process.waitForFinished(500000)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "hoststand-cli migrate did not finish in 500 s";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

qint64 lastPositionOf(EventStore &store)
{
    auto last = store.lastPosition();
    return last.ok() ? last.value() : -1;
}

} // namespace

// hoststand-cli migrate: a SQLite store copied onto a PostgreSQL server
// event for event, verified, resumed after an interruption, and refused
// (writing nothing) when the target is not an empty database or a copy of
// the same source.
class tst_PostgresMigrate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aGeneratedStoreOf100000EventsIsCopiedAndVerified();
    void anInterruptedCopyResumesAfterWhatItCopied();
    void aCopyKilledMidwayIsResumedByRunningItAgain();
    void aMigrationIsRefusedAndWritesNothing_data();
    void aMigrationIsRefusedAndWritesNothing();

private:
    QString sourcePath() const { return m_dir.filePath(u"source.hoststand"_s); }
    StoreResult<HistorySummary> makeSource(qint64 events, quint32 seed = 20261201);
    std::unique_ptr<PostgresEventStore> openTarget();

    PostgresTestServer m_server;
    QTemporaryDir m_dir;
    QString m_url;
    CliRunner m_cli;
};

void tst_PostgresMigrate::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_server.start());
    QVERIFY(m_dir.isValid());
}

void tst_PostgresMigrate::init()
{
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
    QFile::remove(sourcePath());
}

void tst_PostgresMigrate::cleanup()
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(sourcePath() + suffix);
}

// A restaurant's generated history in a SQLite store (without waiting
// for the disk: the test needs no durability).
StoreResult<HistorySummary> tst_PostgresMigrate::makeSource(qint64 events, quint32 seed)
{
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto store = SqliteEventStore::open(sourcePath(), options);
    if (!store.ok())
        return store.error();
    HistoryOptions history;
    history.events = events;
    history.seed = seed;
    return generateHistory(*store.value(), history);
}

std::unique_ptr<PostgresEventStore> tst_PostgresMigrate::openTarget()
{
    auto store = PostgresEventStore::open(m_url);
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    return std::move(store).value();
}

void tst_PostgresMigrate::aGeneratedStoreOf100000EventsIsCopiedAndVerified()
{
    auto history = makeSource(100000);
    PG_VERIFY_OK(history);
    QElapsedTimer elapsed;
    elapsed.start();
    const QStringList arguments {u"--json"_s,  u"migrate"_s, u"--from"_s,
                                 sourcePath(), u"--to"_s,    m_url};
    const CliRun run = migrateSlowly(arguments);
    QVERIFY2(run.exitCode == 0, run.describe(arguments).constData());
    qInfo("%lld events copied and verified in %lld ms", history->events, elapsed.elapsed());
    QCOMPARE(jsonAt(run.json(), u"events"_s), QString::number(history->events));
    QCOMPARE(jsonAt(run.json(), u"resumedAfter"_s), u"0"_s);
    QCOMPARE(jsonAt(run.json(), u"verified"_s), u"true"_s);
    QVERIFY2(run.err.contains("Copying: 100") && run.err.contains("Verifying:"), run.err);

    auto source = SqliteEventStore::open(sourcePath());
    PG_VERIFY_OK(source);
    auto target = openTarget();
    QVERIFY(target);
    QCOMPARE(lastPositionOf(*target), history->events);
    QCOMPARE(firstDifference(*source.value(), *target), QString());
}

void tst_PostgresMigrate::anInterruptedCopyResumesAfterWhatItCopied()
{
    auto history = makeSource(5000);
    PG_VERIFY_OK(history);
    {
        // What a copy killed after its first batches left behind.
        auto source = SqliteEventStore::open(sourcePath());
        PG_VERIFY_OK(source);
        auto first = source.value()->readAll(0, 1800);
        PG_VERIFY_OK(first);
        auto target = openTarget();
        QVERIFY(target);
        PG_VERIFY_OK(target->importEvents(first.value()));
    }
    const QStringList arguments {u"--json"_s,  u"migrate"_s, u"--from"_s,
                                 sourcePath(), u"--to"_s,    m_url};
    const CliRun run = m_cli.run(arguments);
    QVERIFY2(run.exitCode == 0, run.describe(arguments).constData());
    QCOMPARE(jsonAt(run.json(), u"resumedAfter"_s), u"1800"_s);
    QCOMPARE(jsonAt(run.json(), u"events"_s), QString::number(history->events));
    QVERIFY2(run.err.contains("Resuming after position 1800"), run.err);

    auto source = SqliteEventStore::open(sourcePath());
    PG_VERIFY_OK(source);
    auto target = openTarget();
    QVERIFY(target);
    QCOMPARE(firstDifference(*source.value(), *target), QString());
}

// The real interruption: hoststand-cli migrate killed (SIGKILL) once some
// batches are on the server; running the same command again copies the rest,
// and the copy is the source, event for event.
void tst_PostgresMigrate::aCopyKilledMidwayIsResumedByRunningItAgain()
{
    auto history = makeSource(30000);
    PG_VERIFY_OK(history);
    const QStringList arguments {u"--json"_s,  u"migrate"_s, u"--from"_s,
                                 sourcePath(), u"--to"_s,    m_url};
    auto target = openTarget();
    QVERIFY(target);
    QProcess migrate;
    migrate.start(executable(u"hoststand-cli"_s), arguments);
    QVERIFY(migrate.waitForStarted(10000));
    qint64 copied = 0;
    QElapsedTimer waited;
    waited.start();
    while (copied <= 0 && migrate.state() == QProcess::Running && waited.elapsed() < 120000) {
        QTest::qWait(2);
        copied = lastPositionOf(*target);
    }
    migrate.kill();
    QVERIFY(migrate.waitForFinished(10000));
    copied = lastPositionOf(*target);
    QVERIFY2(copied > 0 && copied < history->events,
             qPrintable(
                 u"the copy was not caught midway: %1 of %2 events on the server"_s.arg(copied).arg(
                     history->events)));

    const CliRun run = m_cli.run(arguments);
    QVERIFY2(run.exitCode == 0, run.describe(arguments).constData());
    QCOMPARE(jsonAt(run.json(), u"resumedAfter"_s), QString::number(copied));
    QCOMPARE(jsonAt(run.json(), u"events"_s), QString::number(history->events));
    auto source = SqliteEventStore::open(sourcePath());
    PG_VERIFY_OK(source);
    QCOMPARE(lastPositionOf(*target), history->events);
    QCOMPARE(firstDifference(*source.value(), *target), QString());
}

void tst_PostgresMigrate::aMigrationIsRefusedAndWritesNothing_data()
{
    QTest::addColumn<QString>("setUp");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says");

    const QString target = u"{target}"_s;
    QTest::newRow("a target that holds another store's events")
        << u"another store"_s << target << 1 << u"target-not-empty"_s
        << u"holds events that are not this store's"_s;
    QTest::newRow("a target that holds more events than the source")
        << u"more events"_s << target << 1 << u"target-not-empty"_s
        << u"so it is not a copy of it"_s;
    QTest::newRow("a source file that does not exist")
        << u"no source"_s << target << 1 << u"no-such-store"_s << u"There is no store file"_s;
    QTest::newRow("a target that is not a server")
        << QString() << u"/tmp/copy.hoststand"_s << 2 << u"usage"_s << u"--to: name the"_s;
    QTest::newRow("a server that cannot be reached")
        << QString() << u"postgresql://hoststand@127.0.0.1:1/nothing"_s << 1 << u"store-failure"_s
        << u"cannot be reached"_s;
}

void tst_PostgresMigrate::aMigrationIsRefusedAndWritesNothing()
{
    QFETCH(QString, setUp);
    QFETCH(QString, to);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    QFETCH(QString, says);
    qint64 targetEvents = 0;
    if (setUp != u"no source"_s)
        PG_VERIFY_OK(makeSource(300));
    if (setUp == u"another store"_s || setUp == u"more events"_s) {
        // Another restaurant's history, copied there before.
        QTemporaryDir other;
        auto store = SqliteEventStore::open(other.filePath(u"other.hoststand"_s));
        PG_VERIFY_OK(store);
        HistoryOptions history;
        history.events = setUp == u"more events"_s ? 400 : 200;
        history.seed = 7;
        PG_VERIFY_OK(generateHistory(*store.value(), history));
        auto events = store.value()->readAll(0, 100000);
        PG_VERIFY_OK(events);
        auto target = openTarget();
        QVERIFY(target);
        auto imported = target->importEvents(events.value());
        PG_VERIFY_OK(imported);
        targetEvents = imported.value();
    }
    const QString url = to.replace(u"{target}"_s, m_url);
    const QStringList arguments {u"--json"_s,  u"migrate"_s, u"--from"_s,
                                 sourcePath(), u"--to"_s,    url};
    const CliRun run = m_cli.run(arguments);
    QVERIFY2(run.exitCode == exitCode, run.describe(arguments).constData());
    QCOMPARE(jsonAt(run.json(), u"code"_s), code);
    QVERIFY2(jsonAt(run.json(), u"error"_s).contains(says), run.describe(arguments).constData());
    QVERIFY2(!run.err.contains("QPSQL"), run.err);
    auto target = openTarget();
    QVERIFY(target);
    QCOMPARE(lastPositionOf(*target), targetEvents);
}

QTEST_GUILESS_MAIN(tst_PostgresMigrate)
#include "tst_postgresmigrate.moc"
