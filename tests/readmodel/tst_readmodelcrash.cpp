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

// What a killed projection left in the read file: the bookings projection's
// checkpoint, its rows, and how many bookings the store had begun up to
// that checkpoint. Each commit writes rows and checkpoint together, so the
// rows always are one per booking begun.
struct BookingsState
{
    qint64 checkpoint = -1;
    qint64 rows = -1;
    qint64 begun = -1; // table-booking-initiated events up to the checkpoint
    qint64 indexes = -1;
    QString integrity;
};

qint64 firstValue(QSqlQuery &query, const QString &sql)
{
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

BookingsState bookingsState(const QString &storePath, const QString &readPath)
{
    BookingsState state;
    const QString name = u"inspect"_s;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        database.setDatabaseName(readPath);
        if (database.open()) {
            QSqlQuery query(database);
            if (query.exec(u"PRAGMA integrity_check"_s) && query.next())
                state.integrity = query.value(0).toString();
            state.checkpoint
                = firstValue(query, u"SELECT position FROM projections WHERE name = 'bookings'"_s);
            state.rows = firstValue(query, u"SELECT count(*) FROM bookings"_s);
            state.indexes = firstValue(query,
                                       u"SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                       "AND name LIKE 'bookings_by_%'"_s);
            if (query.exec(u"ATTACH DATABASE '%1' AS store"_s.arg(storePath)))
                state.begun
                    = firstValue(query,
                                 u"SELECT count(*) FROM store.events "
                                 "WHERE type = 'table-booking-initiated' AND position <= %1"_s.arg(
                                     state.checkpoint));
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

        const BookingsState state = bookingsState(m_storePath, m_readPath);
        QCOMPARE(state.integrity, u"ok"_s);
        QVERIFY(state.checkpoint >= 0);
        QCOMPARE(state.rows, state.begun);
    }
    QVERIFY2(killedMidway >= 3,
             qPrintable(u"only %1 kills hit a running projection"_s.arg(killedMidway)));

    QVERIFY(runToEnd(u"resume"_s) > 0);
    const BookingsState resumed = bookingsState(m_storePath, m_readPath);
    QCOMPARE(resumed.checkpoint, m_events);
    QCOMPARE(resumed.indexes, 2); // made again after a bulk catch-up was killed
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
