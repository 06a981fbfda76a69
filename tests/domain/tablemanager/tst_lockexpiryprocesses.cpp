#include "domain/tablemanager/TableManager.h"
#include "tests/domain/tablemanager/StoreFixtures.h"
#include "tests/domain/tablemanager/TableFixtures.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

constexpr int TableCount = 60;

TableId tableNumber(int i)
{
    return valueOf(TableId::create(u"T%1"_s.arg(i)));
}

BookingId booking(const char *prefix, int i)
{
    return valueOf(BookingId::create(QString::fromLatin1(prefix) + QString::number(i)));
}

} // namespace

// Several processes expire locks on one SQLite store at the same moment,
// as several terminals running hoststand-cli expire-locks would: each lock
// is released exactly once, by whichever process appends first.
class tst_LockExpiryProcesses final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLockIsReleasedOnce_data();
    void everyLockIsReleasedOnce();
};

void tst_LockExpiryProcesses::everyLockIsReleasedOnce_data()
{
    QTest::addColumn<int>("processes");
    QTest::newRow("two processes expiring at once release each lock once") << 2;
    QTest::newRow("four processes expiring at once release each lock once") << 4;
}

void tst_LockExpiryProcesses::everyLockIsReleasedOnce()
{
    QFETCH(int, processes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"hoststand.db"_s);
    {
        auto store = openStore(path);
        ManualClock clock(at("12:00"));
        TableManager manager(*store, clock);
        for (int i = 1; i <= TableCount; ++i) {
            const TableId table = tableNumber(i);
            QVERIFY(manager.addTable(table, seats(4), terrace()).ok());
            QVERIFY(manager.placeLock(table, booking("ended", i), span("19:00", "20:30"), party(2))
                        .ok());
            QVERIFY(manager.placeLock(table, booking("later", i), span("21:30", "23:00"), party(2))
                        .ok());
        }
    }

    std::vector<std::unique_ptr<QProcess>> runners;
    for (int i = 0; i < processes; ++i) {
        runners.push_back(std::make_unique<QProcess>());
        QVERIFY(startHelper(*runners.back(), u"hoststand_lock_expiry_runner"_s,
                            {path, at("21:00").toString(Qt::ISODate)}));
        QCOMPARE(readLine(*runners.back(), 20s), std::optional<QByteArray>("ready"));
    }
    // QProcess only sends what is written when it waits or returns to the
    // event loop: flush every runner's go before reading any answer.
    for (auto &runner : runners)
        runner->write("go\n");
    for (auto &runner : runners)
        QVERIFY(runner->waitForBytesWritten(10000));
    int released = 0;
    QList<int> perProcess;
    for (auto &runner : runners) {
        const std::optional<QByteArray> line = readLine(*runner, 60s);
        QVERIFY(line && line->startsWith("released "));
        perProcess.append(line->mid(9).toInt());
        released += perProcess.constLast();
        QVERIFY(waitForExit(*runner, 20s));
        QCOMPARE(runner->exitCode(), 0);
    }

    qInfo() << "locks released by each process:" << perProcess;
    QCOMPARE(released, TableCount);
    auto store = openStore(path);
    for (int i = 1; i <= TableCount; ++i) {
        QStringList releases;
        for (const RecordedEvent &event : eventsOf(*store, tableNumber(i).streamName())) {
            if (event.type == TableLockRemoved::Type)
                releases.append(event.dataObject().value(u"bookingId"_s).toString());
        }
        QCOMPARE(releases, QStringList {booking("ended", i).toString()});
    }
}

QTEST_GUILESS_MAIN(tst_LockExpiryProcesses)
#include "tst_lockexpiryprocesses.moc"
