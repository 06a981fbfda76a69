#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/CatalogueEvents.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

class tst_ReadModelCrossProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBookingAppendedElsewhereAppearsHereWithin300Ms_data();
    void aBookingAppendedElsewhereAppearsHereWithin300Ms();
};

void tst_ReadModelCrossProcess::aBookingAppendedElsewhereAppearsHereWithin300Ms_data()
{
    QTest::addColumn<bool>("otherProjects");
    QTest::newRow("the other process only appends") << false;
    QTest::newRow("the other process projects into the same read file first") << true;
}

// The other process's commit reaches this one through the store's polling
// of PRAGMA data_version; when the other process has projected it already,
// this one applies nothing twice but still tells its views.
void tst_ReadModelCrossProcess::aBookingAppendedElsewhereAppearsHereWithin300Ms()
{
    QFETCH(bool, otherProjects);
    QTemporaryDir dir;
    const QString storePath = dir.filePath(u"store.sqlite"_s);
    const QString readPath = ReadModel::defaultLocationFor(storePath);
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto store = SqliteEventStore::open(storePath, options);
    HS_VERIFY_OK(store);
    QVERIFY(appendAll(*store.value(), {tableAdded(u"T1"_s, 4)}) > 0);
    auto model = ReadModel::open(*store.value(), readPath);
    HS_VERIFY_OK(model);
    HS_VERIFY_OK(model.value()->start());

    for (int round = 1; round <= 3; ++round) {
        const QString booking = u"elsewhere%1"_s.arg(round);
        QSignalSpy changed(model.value().get(), &ReadModel::bookingChanged);
        QProcess helper;
        QStringList arguments {u"append-booking"_s, storePath, booking};
        if (otherProjects)
            arguments.append(readPath);
        QVERIFY(startHelper(helper, u"hoststand_readmodel_helper"_s, arguments));
        const auto line = readLine(helper, std::chrono::seconds(30));
        QVERIFY(line && line->startsWith("appended "));
        QElapsedTimer sinceCommit;
        sinceCommit.start();
        QVERIFY(changed.wait(1000));
        const qint64 elapsed = sinceCommit.elapsed();
        QVERIFY2(elapsed <= 300, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        QCOMPARE(changed.size(), 1);
        const auto change = changed.at(0).at(0).value<BookingChange>();
        QCOMPARE(change.bookingId, booking);
        QCOMPARE(change.localDay, QDate(2026, 12, 1));
        // The row comes with the change, as projected.
        QVERIFY(change.read && change.row);
        QCOMPARE(change.row->id, booking);
        const std::optional<BookingRow> row = model.value()->booking(booking).value();
        QVERIFY(row);
        QCOMPARE(row->guestName, u"Guest from elsewhere"_s);
        QVERIFY(waitForExit(helper, std::chrono::seconds(10)));
    }
    QCOMPARE(model.value()->audit({}).value().size(), 4); // each event once, whoever projected it
}

QTEST_GUILESS_MAIN(tst_ReadModelCrossProcess)
#include "tst_readmodelcrossprocess.moc"
