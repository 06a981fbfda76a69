#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

constexpr int Streams = 2;
constexpr int AppendsPerWriter = 120;

// What one writer reported: each successful append (id -> revision) and
// how many conflicts it was told about.
struct WriterReport
{
    QHash<QUuid, qint64> appended;
    int conflicts = 0;
    bool done = false;
};

WriterReport reportOf(QProcess &writer)
{
    WriterReport report;
    while (writer.canReadLine()) {
        const QList<QByteArray> words = writer.readLine().trimmed().split(' ');
        if (words.at(0) == "ok" && words.size() == 3)
            report.appended.insert(QUuid::fromString(QLatin1StringView(words.at(1))),
                                   words.at(2).toLongLong());
        else if (words.at(0) == "conflict")
            ++report.conflicts;
        else if (words.at(0) == "done")
            report.done = true;
    }
    return report;
}

} // namespace

// Two processes append to the same streams with exact expected revisions:
// each append either succeeds at the revision it expected or is told of the
// conflict; nothing is lost, duplicated or written out of turn.
class TestConcurrentWriters final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactExpectationsSerialiseTwoProcesses();
};

void TestConcurrentWriters::exactExpectationsSerialiseTwoProcesses()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"contended.sqlite"_s);
    HS_VERIFY_OK(SqliteEventStore::open(path));
    QProcess first;
    QProcess second;
    const auto arguments = [&](const QString &name) {
        return QStringList {u"contend"_s, path, name, QString::number(Streams),
                            QString::number(AppendsPerWriter)};
    };
    QVERIFY(test::startHelper(first, u"hoststand_store_writer"_s, arguments(u"first"_s)));
    QVERIFY(test::startHelper(second, u"hoststand_store_writer"_s, arguments(u"second"_s)));
    QVERIFY(test::waitForExit(first, 90s));
    QVERIFY(test::waitForExit(second, 90s));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(second.exitCode(), 0);
    const WriterReport reports[] = {reportOf(first), reportOf(second)};

    auto store = SqliteEventStore::open(path);
    HS_VERIFY_OK(store);
    auto events = store.value()->readAll(0, 10 * AppendsPerWriter);
    HS_VERIFY_OK(events);

    QHash<QUuid, qint64> reported;
    for (const WriterReport &report : reports) {
        QVERIFY(report.done);
        QCOMPARE(report.appended.size(), AppendsPerWriter);
        reported.insert(report.appended);
    }
    QCOMPARE(events.value().size(), 2 * AppendsPerWriter);
    QHash<QString, qint64> nextRevision;
    for (const RecordedEvent &event : events.value()) {
        QCOMPARE(event.revision, nextRevision.value(event.stream, 0));
        nextRevision[event.stream] = event.revision + 1;
        QVERIFY2(reported.contains(event.id), "an event no writer acknowledged is stored");
        QCOMPARE(event.revision, reported.take(event.id));
    }
    QVERIFY(reported.isEmpty());
    const int conflicts = reports[0].conflicts + reports[1].conflicts;
    qInfo("%d conflicts reported", conflicts);
    QVERIFY2(conflicts > 0, "the writers never met; the test proved nothing");
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "tst_concurrentwriters.moc"
