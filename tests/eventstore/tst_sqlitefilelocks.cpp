#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteEventStore.h"
#include "eventstore/SqliteFileLocks.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

EventData written(int n)
{
    return EventData::fromJson(u"lock-test-written"_s, QJsonObject {{u"n"_s, n}});
}

// What a process that holds a store may do with its files besides SQLite:
// each opens a descriptor of one of them and closes it again.
enum class Peek {
    QFileReadsTheHeader,
    QFileReadsTheLog,
    QFileReadsTheIndex,
    MimeTypeByName,
    MimeTypeByContent,
    SecondStoreOpenedAndClosed,
    ReadConnectionOpenedReadOnly,
};

void peek(Peek kind, const QString &path)
{
    const auto readFile = [](const QString &file) {
        QFile opened(file);
        QVERIFY2(opened.open(QIODevice::ReadOnly), qPrintable(file));
        QVERIFY(!opened.read(100).isEmpty());
    };
    switch (kind) {
    case Peek::QFileReadsTheHeader:
        readFile(path);
        return;
    case Peek::QFileReadsTheLog:
        readFile(path + u"-wal"_s);
        return;
    case Peek::QFileReadsTheIndex:
        readFile(path + u"-shm"_s);
        return;
    case Peek::MimeTypeByName:
        QVERIFY(QMimeDatabase().mimeTypeForFile(path).isValid());
        return;
    case Peek::MimeTypeByContent:
        QVERIFY(QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).isValid());
        return;
    case Peek::SecondStoreOpenedAndClosed: {
        auto second = SqliteEventStore::open(path);
        HS_VERIFY_OK(second);
        HS_VERIFY_OK(second.value()->lastPosition());
        return;
    }
    case Peek::ReadConnectionOpenedReadOnly: {
        SqliteConnection connection;
        HS_VERIFY_OK(connection.open(path, u"QSQLITE_OPEN_READONLY"_s));
        HS_VERIFY_OK(connection.queryValue(u"SELECT count(*) FROM events"_s, u"read"_s));
        return;
    }
    }
}

} // namespace

Q_DECLARE_METATYPE(Peek)

// The locks SQLite takes on a store stay with the process for as long as
// the store is open, whatever else in the process opens and closes its
// files; the last close lets them go.
class tst_SqliteFileLocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aStoreHoldsItsLocksWhileOpenAndReleasesThemOnClose();
    void anotherDescriptorOfTheFilesClosedKeepsTheLocks_data();
    void anotherDescriptorOfTheFilesClosedKeepsTheLocks();
    void twoStoresOnOneFileInOneProcessWriteInTurn();
    void aReadOnlyConnectionFirstLeavesTheWriterItsWriteLocks();

private:
    QString newStore();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_SqliteFileLocks::initTestCase()
{
    QVERIFY(SqliteFileLocks::install());
    QVERIFY(QFileInfo::exists(test::executable(u"hoststand_lock_probe"_s)));
}

QString tst_SqliteFileLocks::newStore()
{
    m_dir = std::make_unique<QTemporaryDir>();
    return m_dir->filePath(u"restaurant.hoststand"_s);
}

void tst_SqliteFileLocks::aStoreHoldsItsLocksWhileOpenAndReleasesThemOnClose()
{
    const QString path = newStore();
    {
        auto store = SqliteEventStore::open(path);
        HS_VERIFY_OK(store);
        HS_VERIFY_OK(store.value()->append(u"locks-1"_s, {written(1)}, ExpectedRevision::any()));
        QCOMPARE(test::storeLocks(path), u"held held"_s);
    }
    QVERIFY2(test::storeLocks(path).startsWith(u"free"_s), qPrintable(test::storeLocks(path)));
}

void tst_SqliteFileLocks::anotherDescriptorOfTheFilesClosedKeepsTheLocks_data()
{
    QTest::addColumn<Peek>("kind");
    QTest::newRow("QFile reads the store's header") << Peek::QFileReadsTheHeader;
    QTest::newRow("QFile reads the store's log") << Peek::QFileReadsTheLog;
    QTest::newRow("QFile reads the store's index") << Peek::QFileReadsTheIndex;
    QTest::newRow("QMimeDatabase looks at the store by its name") << Peek::MimeTypeByName;
    QTest::newRow("QMimeDatabase reads the store's content") << Peek::MimeTypeByContent;
    QTest::newRow("a second store object opens and closes") << Peek::SecondStoreOpenedAndClosed;
    QTest::newRow("a read-only connection opens and closes") << Peek::ReadConnectionOpenedReadOnly;
}

void tst_SqliteFileLocks::anotherDescriptorOfTheFilesClosedKeepsTheLocks()
{
    QFETCH(Peek, kind);
    const QString path = newStore();
    auto store = SqliteEventStore::open(path);
    HS_VERIFY_OK(store);
    HS_VERIFY_OK(store.value()->append(u"locks-1"_s, {written(1)}, ExpectedRevision::any()));
    QCOMPARE(test::storeLocks(path), u"held held"_s);

    peek(kind, path);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(test::storeLocks(path), u"held held"_s);
    HS_VERIFY_OK(store.value()->append(u"locks-1"_s, {written(2)}, ExpectedRevision::exact(0)));
    QCOMPARE(test::storeLocks(path), u"held held"_s);
}

// SQLite shares one set of locks among the connections of a process; they
// must not meet each other's locks as those of a stranger.
void tst_SqliteFileLocks::twoStoresOnOneFileInOneProcessWriteInTurn()
{
    const QString path = newStore();
    auto first = SqliteEventStore::open(path);
    HS_VERIFY_OK(first);
    auto second = SqliteEventStore::open(path);
    HS_VERIFY_OK(second);
    for (int n = 0; n < 10; ++n) {
        EventStore &store = n % 2 == 0 ? *first.value() : *second.value();
        HS_VERIFY_OK(store.append(u"locks-1"_s, {written(n)}, ExpectedRevision::exact(n - 1)));
    }
    first.value().reset();
    QCOMPARE(test::storeLocks(path), u"held held"_s);
    HS_VERIFY_OK(second.value()->append(u"locks-1"_s, {written(10)}, ExpectedRevision::exact(9)));
    auto events = second.value()->readStream(u"locks-1"_s, ReadDirection::Forwards, 0, 100);
    HS_VERIFY_OK(events);
    QCOMPARE(events.value().size(), 11);
    second.value().reset();
    QVERIFY2(test::storeLocks(path).startsWith(u"free"_s), qPrintable(test::storeLocks(path)));
}

// The first connection of a file might only read; a writer opened later in
// the same process must still be able to take its write locks.
void tst_SqliteFileLocks::aReadOnlyConnectionFirstLeavesTheWriterItsWriteLocks()
{
    const QString path = newStore();
    {
        auto store = SqliteEventStore::open(path);
        HS_VERIFY_OK(store);
        HS_VERIFY_OK(store.value()->append(u"locks-1"_s, {written(0)}, ExpectedRevision::any()));
    }
    SqliteConnection reader;
    HS_VERIFY_OK(reader.open(path, u"QSQLITE_OPEN_READONLY"_s));
    HS_VERIFY_OK(reader.queryValue(u"SELECT count(*) FROM events"_s, u"read"_s));
    auto writer = SqliteEventStore::open(path);
    HS_VERIFY_OK(writer);
    for (int n = 1; n < 5; ++n)
        HS_VERIFY_OK(
            writer.value()->append(u"locks-1"_s, {written(n)}, ExpectedRevision::exact(n - 1)));
    auto count = reader.queryValue(u"SELECT count(*) FROM events"_s, u"read"_s);
    HS_VERIFY_OK(count);
    QCOMPARE(count.value().toInt(), 5);
}

QTEST_GUILESS_MAIN(tst_SqliteFileLocks)
#include "tst_sqlitefilelocks.moc"
