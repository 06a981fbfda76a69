#include "eventstore/SqliteEventStore.h"
#include "tests/reliability/StoreChecks.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

constexpr auto LineTimeout = 20s;

// A process that holds a store open as a host stand does
// (hoststand_store_writer hold): it peeks at the store's files outside
// SQLite and appends on request.
class Holder final
{
public:
    explicit Holder(const QString &path)
    {
        m_started = test::startHelper(m_process, u"hoststand_store_writer"_s,
                                      {u"hold"_s, path, u"held"_s})
            && test::readLine(m_process, LineTimeout) == QByteArray("ready");
    }
    ~Holder() { test::killHard(m_process); }

    bool started() const { return m_started; }
    bool peek()
    {
        m_process.write("peek\n");
        return test::readLine(m_process, LineTimeout) == QByteArray("peeked");
    }
    // The ids the holder acknowledged; fewer than count when it failed.
    QSet<QUuid> append(int count)
    {
        m_process.write("append " + QByteArray::number(count) + '\n');
        QSet<QUuid> acked;
        for (int n = 0; n < count; ++n) {
            const auto line = test::readLine(m_process, LineTimeout);
            if (!line || !line->startsWith("acked "))
                break;
            acked.insert(QUuid::fromString(QLatin1StringView(line->mid(6))));
        }
        return acked;
    }
    // As a power cut or a crash would end it.
    void kill() { test::killHard(m_process); }

private:
    QProcess m_process;
    bool m_started = false;
};

// Runs one of hoststand_store_writer's commands that end by themselves;
// the lines it printed, or nothing when it failed.
std::optional<QList<QByteArray>> runToEnd(const QStringList &arguments)
{
    QProcess process;
    if (!test::startHelper(process, u"hoststand_store_writer"_s, arguments)
        || !test::waitForExit(process, 60s) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning("hoststand_store_writer %s: %s", qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return std::nullopt;
    }
    QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

// The ids a contending writer acknowledged ("ok ID REVISION").
QSet<QUuid> acknowledgedByWriter(const QList<QByteArray> &lines)
{
    QSet<QUuid> ids;
    for (const QByteArray &line : lines) {
        if (line.startsWith("ok "))
            ids.insert(QUuid::fromString(QLatin1StringView(line.split(' ').value(1))));
    }
    return ids;
}

// The ids of every event in the store, read by a new store object.
std::optional<QSet<QUuid>> storedIds(const QString &path)
{
    auto store = SqliteEventStore::open(path);
    if (!store.ok())
        return std::nullopt;
    auto events = test::readEverything(*store.value());
    if (!events.ok())
        return std::nullopt;
    QSet<QUuid> ids;
    for (const RecordedEvent &event : events.value())
        ids.insert(event.id);
    return ids;
}

QString missing(const QSet<QUuid> &acked, const QSet<QUuid> &stored)
{
    const QSet<QUuid> lost = acked - stored;
    return u"%1 of %2 acknowledged events are not in the store"_s.arg(lost.size())
        .arg(acked.size());
}

} // namespace

// What a host stand does besides SQLite to the files of the store it holds
// (a file dialog looks at them, a header is read, a second store object
// opens and closes) and what other processes do meanwhile (they come, write,
// read and go) never costs an acknowledged event, even when the host
// stand's process is killed afterwards.
class tst_StoreFileHazards final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPeekThenAnotherProcessClosingLastLosesNothing();
    void aStoreWhoseFilesWereDeletedWritesToTheNewOnes();
    void twentyRoundsOfPeeksWritersAndReadersLoseNothing();
};

// The store's process peeks; a writer has been and gone; a reader comes and
// goes last. Had the peek dropped the holder's locks, the reader would have
// taken itself for the last connection, checkpointed and deleted the log,
// and the holder's next events gone into the deleted file.
void tst_StoreFileHazards::aPeekThenAnotherProcessClosingLastLosesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"restaurant.hoststand"_s);
    Holder holder(path);
    QVERIFY(holder.started());
    const auto written = runToEnd({u"contend"_s, path, u"w"_s, u"2"_s, u"30"_s});
    QVERIFY(written);
    QVERIFY(holder.peek());
    QCOMPARE(test::storeLocks(path), u"held held"_s);
    QVERIFY(runToEnd({u"read"_s, path}));
    QVERIFY2(QFile::exists(path + u"-wal"_s), "the reader deleted the log of an open store");

    const QSet<QUuid> acked = holder.append(20);
    QCOMPARE(acked.size(), 20);
    holder.kill();

    const auto stored = storedIds(path);
    QVERIFY(stored);
    QVERIFY2(stored->contains(acked), qPrintable(missing(acked, *stored)));
    const QSet<QUuid> writerAcked = acknowledgedByWriter(*written);
    QCOMPARE(writerAcked.size(), 30);
    QVERIFY2(stored->contains(writerAcked), qPrintable(missing(writerAcked, *stored)));
    QCOMPARE(test::integrityCheck(path), u"ok"_s);
}

// Defence in depth: whatever made the log and its index go (a process that
// wrongly took itself for the last one, a person cleaning up), an open
// store notices before it writes and opens the files every other process
// uses, instead of acknowledging events written into a deleted file.
void tst_StoreFileHazards::aStoreWhoseFilesWereDeletedWritesToTheNewOnes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"restaurant.hoststand"_s);
    Holder holder(path);
    QVERIFY(holder.started());
    QSet<QUuid> acked = holder.append(5);
    QCOMPARE(acked.size(), 5);
    // What a last connection does on closing: copy the log into the file,
    // then delete the log and its index.
    QVERIFY(runToEnd({u"checkpoint"_s, path}));
    QVERIFY(QFile::remove(path + u"-wal"_s));
    QVERIFY(QFile::remove(path + u"-shm"_s));

    const QSet<QUuid> later = holder.append(5);
    QCOMPARE(later.size(), 5);
    acked += later;
    const auto read = runToEnd({u"read"_s, path});
    QVERIFY(read);
    QCOMPARE(read->value(0), QByteArray("read 10"));
    holder.kill();

    const auto stored = storedIds(path);
    QVERIFY(stored);
    QVERIFY2(stored->contains(acked), qPrintable(missing(acked, *stored)));
    QCOMPARE(test::integrityCheck(path), u"ok"_s);
}

// The stress run: in each round writers and readers come and go around the
// holder while it peeks and appends; then the holder is killed.
void tst_StoreFileHazards::twentyRoundsOfPeeksWritersAndReadersLoseNothing()
{
    constexpr int Rounds = 20;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"restaurant.hoststand"_s);
    Holder holder(path);
    QVERIFY(holder.started());
    QSet<QUuid> acked;
    for (int round = 0; round < Rounds; ++round) {
        QProcess writer;
        QVERIFY(test::startHelper(writer, u"hoststand_store_writer"_s,
                                  {u"contend"_s, path, u"w%1"_s.arg(round), u"3"_s, u"10"_s}));
        QVERIFY2(holder.peek(), qPrintable(u"round %1"_s.arg(round)));
        const QSet<QUuid> appended = holder.append(5);
        QCOMPARE(appended.size(), 5);
        acked += appended;
        QVERIFY(runToEnd({u"read"_s, path}));
        QVERIFY(test::waitForExit(writer, 60s));
        QCOMPARE(writer.exitCode(), 0);
        QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
        acked += acknowledgedByWriter(lines);
        QVERIFY(holder.peek());
        QVERIFY(runToEnd({u"read"_s, path}));
        QCOMPARE(test::storeLocks(path), u"held held"_s);
    }
    holder.kill();

    QCOMPARE(acked.size(), Rounds * (5 + 10));
    const auto stored = storedIds(path);
    QVERIFY(stored);
    QVERIFY2(stored->contains(acked), qPrintable(missing(acked, *stored)));
    QCOMPARE(stored->size(), acked.size());
    QCOMPARE(test::integrityCheck(path), u"ok"_s);
}

QTEST_GUILESS_MAIN(tst_StoreFileHazards)
#include "tst_storefilehazards.moc"
