// The host stand keeps its hold on its store's files through the file
// dialogs that list the store's folder: another process still sees its
// locks afterwards, and a walk-in seated afterwards reaches the file every
// process reads, shows in another process within 300 ms, and survives the
// host stand being killed.

#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

class tst_StoreLocks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileDialogsOnTheStoresFolderLeaveItsLocksInPlace();
};

void tst_StoreLocks::fileDialogsOnTheStoresFolderLeaveItsLocksInPlace()
{
    QProcess hostStand;
    QVERIFY(startHelper(hostStand, u"hoststand_gui_lock_holder"_s, {}));
    const auto ready = readLine(hostStand, 60s);
    QVERIFY2(ready && ready->startsWith("ready "), hostStand.readAllStandardError().constData());
    const QString store = QString::fromUtf8(ready->mid(6));
    const auto cleanUp = qScopeGuard([&] {
        killHard(hostStand);
        QDir(QFileInfo(store).absolutePath()).removeRecursively();
    });
    QCOMPARE(storeLocks(store), u"held held"_s);
    QCOMPARE(storeLocks(store + u".read"_s), u"held held"_s);

    const auto closed = readLine(hostStand, 60s);
    QVERIFY2(closed == QByteArray("dialogs closed"), hostStand.readAllStandardError().constData());
    QCOMPARE(storeLocks(store), u"held held"_s);
    QCOMPARE(storeLocks(store + u".read"_s), u"held held"_s);

    QProcess follower;
    QVERIFY(startHelper(follower, u"hoststand_store_writer"_s, {u"follow"_s, store}));
    QCOMPARE(readLine(follower, 30s), QByteArray("following"));
    hostStand.write("book\n");
    const auto booked = readLine(hostStand, 60s);
    QVERIFY2(booked && booked->startsWith("booked "), hostStand.readAllStandardError().constData());
    const QByteArray stream = booked->mid(7);

    qint64 latency = -1;
    while (latency < 0) {
        const auto line = readLine(follower, 10s);
        QVERIFY2(line, "the other process never saw the walk-in");
        const QList<QByteArray> words = line->split(' ');
        if (words.value(0) == "event" && words.value(1) == stream)
            latency = words.value(2).toLongLong();
    }
    qInfo("the other process saw the walk-in %lld ms after its commit", latency);
    QVERIFY2(latency < 300, qPrintable(u"%1 ms"_s.arg(latency)));
    killHard(follower);

    killHard(hostStand); // a power cut, a crash
    auto reopened = SqliteEventStore::open(store);
    HS_VERIFY_OK(reopened);
    auto events
        = reopened.value()->readStream(QString::fromUtf8(stream), ReadDirection::Forwards, 0, 100);
    HS_VERIFY_OK(events);
    QStringList types;
    for (const RecordedEvent &event : events.value())
        types.append(event.type);
    QVERIFY2(types.contains(u"table-booking-confirmed"_s), qPrintable(types.join(u", "_s)));
    QVERIFY2(types.contains(u"party-seated"_s), qPrintable(types.join(u", "_s)));
}

QTEST_GUILESS_MAIN(tst_StoreLocks)
#include "tst_storelocks.moc"
