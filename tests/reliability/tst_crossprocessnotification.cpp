#include "eventstore/CatchUpSubscription.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

// A subscriber hears an event that another process appended within 300 ms
// (SQLite: by polling PRAGMA data_version), measured from the commit in the
// other process to the subscriber's slot.
class TestCrossProcessNotification final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscriberHearsAnotherProcessWithin300ms();
};

void TestCrossProcessNotification::subscriberHearsAnotherProcessWithin300ms()
{
    constexpr int Appends = 5;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shared.sqlite"_s);
    auto store = SqliteEventStore::open(path);
    HS_VERIFY_OK(store);
    CatchUpSubscription subscription(*store.value(), 0);
    QList<qint64> heardAt; // ms since the epoch, per position
    connect(&subscription, &CatchUpSubscription::eventAppeared, this,
            [&] { heardAt.append(QDateTime::currentMSecsSinceEpoch()); });
    subscription.start();
    QProcess writer;
    QVERIFY(test::startHelper(writer, u"hoststand_store_writer"_s,
                              {u"append"_s, path, u"table-T1"_s, QString::number(Appends)}));
    QCOMPARE(test::readLine(writer, 20s).value_or(QByteArray()), QByteArray("ready"));

    for (int n = 1; n <= Appends; ++n) {
        writer.write("go\n");
        const auto line = test::readLine(writer, 20s);
        QVERIFY(line);
        const QList<QByteArray> words = line->split(' ');
        QCOMPARE(words.size(), 3);
        QCOMPARE(words.at(1).toLongLong(), n);
        const qint64 committedAt = words.at(2).toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(heardAt.size(), n, 2000);
        const qint64 latency = heardAt.constLast() - committedAt;
        qInfo("heard position %d after %lld ms", n, latency);
        QVERIFY2(latency < 300, qPrintable(QString::number(latency)));
    }
    QVERIFY(test::waitForExit(writer, 10s));
    QCOMPARE(writer.exitCode(), 0);
    QCOMPARE(subscription.position(), Appends);
}

QTEST_GUILESS_MAIN(TestCrossProcessNotification)
#include "tst_crossprocessnotification.moc"
