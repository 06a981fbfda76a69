#include "eventstore/PersistentSubscription.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

QList<EventData> events(int count)
{
    QList<EventData> events;
    for (int i = 0; i < count; ++i)
        events.append(EventData::fromJson(u"table-booking-initiated"_s, QJsonObject {{u"n"_s, i}}));
    return events;
}

// Reads the consumer's report until it has handled the position.
bool waitUntilHandled(QProcess &consumer, qint64 position)
{
    const QByteArray wanted = "handled " + QByteArray::number(position);
    while (auto line = test::readLine(consumer, 20s)) {
        if (*line == wanted)
            return true;
    }
    return false;
}

} // namespace

// One consumer process holds a group; when it dies without releasing its
// lease, a consumer in another process takes the group over once the lease
// expires and continues from the stored checkpoint.
class TestLeaseTakeover final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void consumerTakesOverFromAKilledHolder();
};

void TestLeaseTakeover::consumerTakesOverFromAKilledHolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"groups.sqlite"_s);
    auto store = SqliteEventStore::open(path);
    HS_VERIFY_OK(store);
    HS_VERIFY_OK(store.value()->append(u"table-T1"_s, events(10), ExpectedRevision::any()));
    QProcess holder;
    QVERIFY(test::startHelper(holder, u"hoststand_group_consumer"_s, {path, u"sagas"_s}));
    QVERIFY(waitUntilHandled(holder, 10));

    QList<qint64> delivered;
    PersistentSubscription consumer(*store.value(), u"sagas"_s, {},
                                    [&](const RecordedEvent &event) {
                                        delivered.append(event.position);
                                        return Disposition::ack();
                                    });
    consumer.start();
    QTest::qWait(1500); // more than a renewal: the holder keeps the group
    QVERIFY(!consumer.holdsLease());
    QVERIFY(delivered.isEmpty());
    QCOMPARE(store.value()->groupInfo(u"sagas"_s).value().checkpoint, 10);

    test::killHard(holder);
    QElapsedTimer sinceKill;
    sinceKill.start();
    HS_VERIFY_OK(store.value()->append(u"table-T2"_s, events(5), ExpectedRevision::any()));

    QTRY_VERIFY_WITH_TIMEOUT(consumer.holdsLease(), 10000);
    qInfo("took over %lld ms after the kill", sinceKill.elapsed());
    QVERIFY2(sinceKill.elapsed() < 5000, qPrintable(QString::number(sinceKill.elapsed())));
    QTRY_COMPARE(delivered, (QList<qint64> {11, 12, 13, 14, 15}));
    QCOMPARE(store.value()->groupInfo(u"sagas"_s).value().checkpoint, 15);
}

QTEST_GUILESS_MAIN(TestLeaseTakeover)
#include "tst_leasetakeover.moc"
