#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/HistoryGenerator.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

constexpr auto HelperTimeout = std::chrono::seconds(120);

// What a killed projection left in the read file: the audit projection's
// checkpoint, and the number and last position of its rows. Each
// commit writes both, so they always agree.
struct AuditState
{
    qint64 checkpoint = -1;
    qint64 rows = -1;
    qint64 lastRow = -1;
    qint64 indexes = -1;
    QString integrity;
};

AuditState auditState(const QString &readPath)
{
    AuditState state;
    const QString name = u"inspect"_s;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        database.setDatabaseName(readPath);
        if (database.open()) {
            QSqlQuery query(database);
            if (query.exec(u"PRAGMA integrity_check"_s) && query.next())
                state.integrity = query.value(0).toString();
            if (query.exec(u"SELECT position FROM projections WHERE name = 'audit'"_s)
                && query.next())
                state.checkpoint = query.value(0).toLongLong();
            if (query.exec(u"SELECT count(*), coalesce(max(position), 0) FROM audit_log"_s)
                && query.next()) {
                state.rows = query.value(0).toLongLong();
                state.lastRow = query.value(1).toLongLong();
            }
            if (query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                           "AND name LIKE 'audit_log_by_%'"_s)
                && query.next())
                state.indexes = query.value(0).toLongLong();
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

} // namespace

class tst_ReadModelCrash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aKilledRebuildResumesToTheSameRows();

private:
    // Runs the helper to its end; returns how long it took.
    qint64 runToEnd(const QString &mode);

    QTemporaryDir m_dir;
    QString m_storePath;
    QString m_readPath;
    qint64 m_events = 0;
};

void tst_ReadModelCrash::initTestCase()
{
    QVERIFY(!executable(u"hoststand_readmodel_helper"_s).isEmpty());
    m_storePath = m_dir.filePath(u"store.sqlite"_s);
    m_readPath = ReadModel::defaultLocationFor(m_storePath);
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto store = SqliteEventStore::open(m_storePath, options);
    HS_VERIFY_OK(store);
    HistoryOptions history;
    // More than ProjectionRunner::DeferIndexesAbove: rebuilds run in bulk, with
    // their indexes dropped and made again at the end.
    history.events = 60000;
    history.tables = 12;
    auto generated = generateHistory(*store.value(), history);
    HS_VERIFY_OK(generated);
    m_events = generated.value().events;
}

qint64 tst_ReadModelCrash::runToEnd(const QString &mode)
{
    QProcess helper;
    QElapsedTimer timer;
    timer.start();
    if (!startHelper(helper, u"hoststand_readmodel_helper"_s, {mode, m_storePath, m_readPath}))
        return -1;
    if (!waitForExit(helper, HelperTimeout) || helper.exitCode() != 0)
        return -1;
    const QByteArray output = helper.readAllStandardOutput();
    const QByteArray done = QByteArray("done ").append(QByteArray::number(m_events));
    return output.contains(done) ? timer.elapsed() : -1;
}

// Kills the helper at random moments of rebuilds and of the catch-ups that
// resume them; after each kill the file is whole and its checkpoint agrees
// with its rows; in the end the rows equal those of a clean rebuild.
void tst_ReadModelCrash::aKilledRebuildResumesToTheSameRows()
{
    const qint64 cleanMs = runToEnd(u"rebuild"_s);
    QVERIFY2(cleanMs > 0, "a clean rebuild by the helper failed");
    auto *random = QRandomGenerator::global();
    int killedMidway = 0;
    for (int cycle = 0; cycle < 10; ++cycle) {
        const QString mode = cycle % 2 == 0 ? u"rebuild"_s : u"resume"_s;
        QProcess helper;
        QVERIFY(
            startHelper(helper, u"hoststand_readmodel_helper"_s, {mode, m_storePath, m_readPath}));
        QCOMPARE(readLine(helper, HelperTimeout), std::optional<QByteArray>("started"));
        QTest::qSleep(int(random->bounded(qMax<qint64>(cleanMs, 2))));
        const bool running = helper.state() == QProcess::Running;
        killHard(helper);
        const QByteArray output = helper.readAllStandardOutput();
        if (running && !output.contains("done"))
            ++killedMidway;

        const AuditState state = auditState(m_readPath);
        QCOMPARE(state.integrity, u"ok"_s);
        QCOMPARE(state.rows, state.checkpoint);
        QCOMPARE(state.lastRow, state.checkpoint);
    }
    QVERIFY2(killedMidway >= 3,
             qPrintable(u"only %1 kills hit a running projection"_s.arg(killedMidway)));

    QVERIFY(runToEnd(u"resume"_s) > 0);
    const AuditState resumed = auditState(m_readPath);
    QCOMPARE(resumed.checkpoint, m_events);
    QCOMPARE(resumed.indexes, 3); // made again after a bulk catch-up was killed
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto store = SqliteEventStore::open(m_storePath, options);
    HS_VERIFY_OK(store);
    auto differences = ReadModel::verifyAgainstFreshRebuild(*store.value(), m_readPath);
    HS_VERIFY_OK(differences);
    QCOMPARE(differences.value(), QStringList());
}

QTEST_GUILESS_MAIN(tst_ReadModelCrash)
#include "tst_readmodelcrash.moc"
