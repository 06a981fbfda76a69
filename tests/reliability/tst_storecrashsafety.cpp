#include "eventstore/SqliteEventStore.h"
#include "tests/reliability/StoreChecks.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

constexpr int Kills = 24;
constexpr int BatchSize = 5; // as hoststand_store_writer writes them

// Every stream's revisions run 0, 1, 2...; ids are unique; every batch is
// whole (all its events, in order, at consecutive revisions and positions).
std::optional<QString> checkBatches(const QList<RecordedEvent> &events,
                                    QHash<qint64, QList<RecordedEvent>> &batches)
{
    QHash<QString, qint64> nextRevision;
    QSet<QUuid> ids;
    for (const RecordedEvent &event : events) {
        if (event.revision != nextRevision.value(event.stream, 0))
            return u"%1 jumps to revision %2"_s.arg(event.stream).arg(event.revision);
        nextRevision[event.stream] = event.revision + 1;
        if (ids.contains(event.id))
            return u"the id of position %1 is stored twice"_s.arg(event.position);
        ids.insert(event.id);
        batches[event.dataObject().value(u"batch"_s).toInteger()].append(event);
    }
    for (auto it = batches.cbegin(); it != batches.cend(); ++it) {
        const QList<RecordedEvent> &batch = it.value();
        if (batch.size() != BatchSize)
            return u"batch %1 has %2 events"_s.arg(it.key()).arg(batch.size());
        for (int i = 0; i < BatchSize; ++i) {
            const RecordedEvent &event = batch.at(i);
            if (event.dataObject().value(u"index"_s).toInt() != i || event.stream != batch[0].stream
                || event.revision != batch[0].revision + i
                || event.position != batch[0].position + i)
                return u"batch %1 is out of order"_s.arg(it.key());
        }
    }
    return std::nullopt;
}

QList<qint64> acknowledged(QProcess &writer)
{
    QList<qint64> batches;
    while (writer.canReadLine()) {
        const QByteArray line = writer.readLine();
        if (line.startsWith("acked ") && line.endsWith('\n'))
            batches.append(line.mid(6).trimmed().toLongLong());
    }
    return batches;
}

} // namespace

// A writer killed at any moment (as by a crash or a power cut of the
// process) loses no acknowledged batch and leaves no batch half written.
class TestStoreCrashSafety final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLosesNoAcknowledgedBatch();
};

void TestStoreCrashSafety::killedWriterLosesNoAcknowledgedBatch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"crash.sqlite"_s);
    HS_VERIFY_OK(SqliteEventStore::open(path));
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("random seed %u", seed);
    QRandomGenerator random(seed);
    QSet<qint64> acked;
    qint64 nextBatch = 0;
    int killsAfterAnAck = 0;

    for (int kill = 0; kill < Kills; ++kill) {
        QProcess writer;
        QVERIFY(test::startHelper(writer, u"hoststand_store_writer"_s,
                                  {u"batches"_s, path, QString::number(nextBatch)}));
        QList<qint64> ackedNow;
        if (kill % 2 == 0) {
            // Any moment from the start: opening the store or writing.
            QTest::qWait(int(random.bounded(20, 301)));
        } else {
            // A moment after the first acknowledgement, so that the kill
            // lands in the middle of writing however slow the build is.
            const auto first = test::readLine(writer, std::chrono::seconds(60));
            QVERIFY2(first && first->startsWith("acked "), "the writer acknowledged no batch");
            ackedNow.append(first->mid(6).toLongLong());
            QTest::qWait(int(random.bounded(0, 151)));
        }
        QVERIFY2(writer.state() == QProcess::Running, "the writer stopped before it was killed");
        test::killHard(writer);
        ackedNow += acknowledged(writer);
        killsAfterAnAck += ackedNow.isEmpty() ? 0 : 1;
        for (qint64 batch : ackedNow)
            acked.insert(batch);

        auto store = SqliteEventStore::open(path);
        HS_VERIFY_OK(store);
        QCOMPARE(test::integrityCheck(path), u"ok"_s);
        auto events = test::readEverything(*store.value());
        HS_VERIFY_OK(events);
        QHash<qint64, QList<RecordedEvent>> batches;
        const auto problem = checkBatches(events.value(), batches);
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
        for (qint64 batch : std::as_const(acked))
            QVERIFY2(batches.contains(batch), qPrintable(u"batch %1 was lost"_s.arg(batch)));
        for (auto it = batches.cbegin(); it != batches.cend(); ++it)
            nextBatch = std::max(nextBatch, it.key() + 1);
    }
    qInfo("%d kills, %d after an acknowledgement, %lld batches acknowledged", Kills,
          killsAfterAnAck, qint64(acked.size()));
}

QTEST_GUILESS_MAIN(TestStoreCrashSafety)
#include "tst_storecrashsafety.moc"
