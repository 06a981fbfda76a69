#include "eventstore/CatchUpSubscription.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/eventstore/EventStoreConformance.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

EventData bookingEvent(int n)
{
    return EventData::fromJson(u"table-booking-initiated"_s,
                               QJsonObject {{u"id"_s, u"booking-%1"_s.arg(n)}, {u"partySize"_s, 4}},
                               QJsonObject {{u"$correlationId"_s, u"booking-%1"_s.arg(n)}});
}

QList<EventData> bookingEvents(int count)
{
    QList<EventData> events;
    for (int i = 0; i < count; ++i)
        events.append(bookingEvent(i));
    return events;
}

// Runs statements on a connection of the test's own, outside the store.
bool runSql(const QString &path, const QStringList &statements, QString *error = nullptr)
{
    const QString name = u"test-%1"_s.arg(QRandomGenerator::global()->generate());
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &sql : statements) {
            QSqlQuery query(db);
            if (!ok || !query.exec(sql)) {
                if (error)
                    *error = query.lastError().text();
                ok = false;
                break;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(offset));
    QCOMPARE(file.write(bytes), bytes.size());
}

// The store's own connection, found in Qt SQL's registry by its file, to
// read the pragmas it set on itself.
QVariant storePragma(const QString &path, const QString &pragma)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const QString &name : QSqlDatabase::connectionNames()) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.databaseName() != absolute)
            continue;
        QSqlQuery query(db);
        if (query.exec(u"PRAGMA "_s + pragma) && query.next())
            return query.value(0);
    }
    return {};
}

} // namespace

// What only the SQLite backend does: its file, its pragmas, and how it
// refuses files that are not its stores.
class TestSqliteEventStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pragmasAreSet_data();
    void pragmasAreSet();
    void aCheckpointMoveLeavesTheConnectionFullySynced();
    void refusesFilesThatAreNotItsStores_data();
    void refusesFilesThatAreNotItsStores();
    void missingOrEmptyFileBecomesANewStore_data();
    void missingOrEmptyFileBecomesANewStore();
    void missingFolderCannotBeOpened();
    void reopeningKeepsEventsAndGroups();
    void aStoreMadeBeforeTheLogIndexesGainsThem();
    void schemaEnforcesUniqueSixteenByteIds();
    void busyStoreReportsUnavailableAndRecovers();
    void anotherConnectionHearsAppendsByPolling();
    void theLogIsCheckpointedBetweenCommitsNotInThem();

private:
    QString storePath(const QString &name = u"store.sqlite"_s) const
    {
        return m_dir->filePath(name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSqliteEventStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSqliteEventStore::cleanup()
{
    m_dir.reset();
}

void TestSqliteEventStore::pragmasAreSet_data()
{
    QTest::addColumn<QString>("pragma");
    QTest::addColumn<bool>("synchronousFull");
    QTest::addColumn<QString>("value");

    QTest::newRow("the journal is a write-ahead log") << u"journal_mode"_s << true << u"wal"_s;
    QTest::newRow("synchronous is FULL by default") << u"synchronous"_s << true << u"2"_s;
    QTest::newRow("synchronous is NORMAL when asked") << u"synchronous"_s << false << u"1"_s;
    QTest::newRow("the application id marks a Hoststand store")
        << u"application_id"_s << true << QString::number(SqliteEventStore::ApplicationId);
    QTest::newRow("the user version is the schema version")
        << u"user_version"_s << true << QString::number(SqliteEventStore::SchemaVersion);
    QTest::newRow("the busy timeout is the configured one")
        << u"busy_timeout"_s << true << u"5000"_s;
}

void TestSqliteEventStore::pragmasAreSet()
{
    QFETCH(QString, pragma);
    QFETCH(bool, synchronousFull);
    QFETCH(QString, value);

    SqliteStoreOptions options;
    options.synchronousFull = synchronousFull;
    auto store = SqliteEventStore::open(storePath(), options);
    HS_VERIFY_OK(store);

    QCOMPARE(storePragma(storePath(), pragma).toString(), value);
}

// Checkpoint moves commit with synchronous=NORMAL (a lost checkpoint only
// means a redelivery); the appends after them must be synced again.
void TestSqliteEventStore::aCheckpointMoveLeavesTheConnectionFullySynced()
{
    auto store = SqliteEventStore::open(storePath());
    HS_VERIFY_OK(store);
    EventStore &events = *store.value();
    HS_VERIFY_OK(events.append(u"table-T1"_s,
                               {EventData::fromJson(u"table-added"_s, {{u"n"_s, 1}})},
                               ExpectedRevision::any()));
    HS_VERIFY_OK(events.createGroup(u"saga"_s, 0));
    auto held = events.acquireLease(u"saga"_s, u"me"_s, std::chrono::seconds(5));
    HS_VERIFY_OK(held);
    QVERIFY(held.value());

    HS_VERIFY_OK(events.advanceCheckpoint(u"saga"_s, u"me"_s, 1));

    QCOMPARE(storePragma(storePath(), u"synchronous"_s).toString(), u"2"_s);
    auto info = events.groupInfo(u"saga"_s);
    HS_VERIFY_OK(info);
    QCOMPARE(info.value().checkpoint, 1);
    QVERIFY(!events.advanceCheckpoint(u"saga"_s, u"someone else"_s, 1).ok());
    QCOMPARE(storePragma(storePath(), u"synchronous"_s).toString(), u"2"_s);
}

void TestSqliteEventStore::refusesFilesThatAreNotItsStores_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");

    const int notAStore = int(StoreError::Code::NotAStore);
    const int corrupt = int(StoreError::Code::CorruptStore);
    QTest::newRow("a text file is not a store")
        << u"text"_s << notAStore << u"not a SQLite database"_s;
    QTest::newRow("a PNG image is not a store")
        << u"png"_s << notAStore << u"not a SQLite database"_s;
    QTest::newRow("another application's SQLite database is not a store")
        << u"foreign"_s << notAStore << u"it has no application id"_s;
    QTest::newRow("a SQLite database with another application id is not a store")
        << u"other id"_s << notAStore << u"0x12345678"_s;
    QTest::newRow("a store of a newer schema version is refused")
        << u"newer"_s << int(StoreError::Code::NewerSchema) << u"schema version 2"_s;
    QTest::newRow("a store with a damaged schema is refused")
        << u"damaged schema"_s << corrupt << u"damaged"_s;
    QTest::newRow("a store with a damaged events table is refused")
        << u"damaged events"_s << corrupt << u"damaged"_s;
    QTest::newRow("a SQLite header followed by garbage is refused")
        << u"garbage"_s << corrupt << u"damaged"_s;
}

void TestSqliteEventStore::refusesFilesThatAreNotItsStores()
{
    QFETCH(QString, kind);
    QFETCH(int, code);
    QFETCH(QString, says);

    const QString path = storePath();
    QByteArray garbage(8192, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / 4);
    if (kind == u"text" || kind == u"png" || kind == u"garbage") {
        QByteArray bytes = kind == u"text" ? QByteArray("Reservations for Friday:\nTable 4, 8pm\n")
            : kind == u"png"               ? QByteArray("\x89PNG\r\n\x1a\n", 8) + garbage
                                           : QByteArray("SQLite format 3\0", 16) + garbage;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    } else if (kind == u"foreign" || kind == u"other id") {
        QStringList sql {u"CREATE TABLE contacts(name TEXT)"_s,
                         u"INSERT INTO contacts VALUES('Ada')"_s};
        if (kind == u"other id")
            sql.prepend(u"PRAGMA application_id = 305419896"_s); // 0x12345678
        QVERIFY(runSql(path, sql));
    } else {
        {
            auto store = SqliteEventStore::open(path);
            HS_VERIFY_OK(store);
            for (int i = 0; i < 20; ++i)
                HS_VERIFY_OK(store.value()->append(u"table-T%1"_s.arg(i), bookingEvents(20),
                                                   ExpectedRevision::any()));
        }
        if (kind == u"newer")
            QVERIFY(runSql(path, {u"PRAGMA user_version = 2"_s}));
        else if (kind == u"damaged schema")
            overwrite(path, 100, QByteArray(8, '\xff')); // page 1: sqlite_master's b-tree
        else
            overwrite(path, 4096, QByteArray(8, '\xff')); // page 2: the events table's root
    }
    const QByteArray before = test::fileBytes(path);
    QVERIFY(!QFile::exists(path + u"-wal"_s));

    auto store = SqliteEventStore::open(path);

    QVERIFY(!store.ok());
    QCOMPARE(int(store.error().code()), code);
    QVERIFY2(store.error().message().contains(says), qPrintable(store.error().message()));
    QVERIFY2(store.error().message().contains(QDir::toNativeSeparators(path)),
             qPrintable(store.error().message()));
    QVERIFY(test::fileBytes(path) == before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY(!QFile::exists(path + u"-shm"_s));
}

void TestSqliteEventStore::missingOrEmptyFileBecomesANewStore_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("a missing file becomes a new store") << u"missing"_s;
    QTest::newRow("an empty file becomes a new store") << u"empty"_s;
    QTest::newRow("a SQLite database without tables becomes a new store") << u"no tables"_s;
}

void TestSqliteEventStore::missingOrEmptyFileBecomesANewStore()
{
    QFETCH(QString, kind);

    const QString path = storePath();
    if (kind == u"empty")
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
    else if (kind == u"no tables")
        QVERIFY(runSql(path, {u"CREATE TABLE t(x)"_s, u"DROP TABLE t"_s}));
    QCOMPARE(QFile::exists(path), kind != u"missing");

    auto store = SqliteEventStore::open(path);

    HS_VERIFY_OK(store);
    QCOMPARE(store.value()->lastPosition().value(), 0);
    HS_VERIFY_OK(
        store.value()->append(u"table-T1"_s, bookingEvents(2), ExpectedRevision::noStream()));
    QCOMPARE(store.value()->location(),
             QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()));
    QCOMPARE(storePragma(path, u"application_id"_s).toInt(), SqliteEventStore::ApplicationId);
}

void TestSqliteEventStore::missingFolderCannotBeOpened()
{
    auto store = SqliteEventStore::open(storePath(u"no-such-folder/store.sqlite"_s));

    QVERIFY(!store.ok());
    QCOMPARE(store.error().code(), StoreError::Code::CannotOpen);
    QVERIFY2(store.error().message().contains(u"no-such-folder"_s),
             qPrintable(store.error().message()));
}

// A store written by the version before the log's indexes reads its log as
// well, and gains the indexes the first time it is opened for writing
// while no other terminal holds the write lock.
void TestSqliteEventStore::aStoreMadeBeforeTheLogIndexesGainsThem()
{
    {
        auto store = SqliteEventStore::open(storePath());
        HS_VERIFY_OK(store);
        HS_VERIFY_OK(
            store.value()->append(u"table-T1"_s, bookingEvents(3), ExpectedRevision::any()));
    }
    const QString countIndexes = u"SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                 "AND name IN ('events_by_type', 'events_by_correlation')"_s;
    const auto indexes = [&] {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
        database.setDatabaseName(storePath());
        int count = -1;
        if (database.open()) {
            QSqlQuery query(database);
            if (query.exec(countIndexes) && query.next())
                count = query.value(0).toInt();
        }
        database = {};
        QSqlDatabase::removeDatabase(u"inspect"_s);
        return count;
    };
    QCOMPARE(indexes(), 2);
    QVERIFY(runSql(storePath(),
                   {u"DROP INDEX events_by_type"_s, u"DROP INDEX events_by_correlation"_s}));
    QCOMPARE(indexes(), 0);

    // Another terminal holds the write lock as this version first opens the
    // store: it opens all the same, reads its log by scanning, and makes the
    // indexes at a later opening.
    {
        test::StoreWriteLock lock(storePath());
        QVERIFY(lock.isHeld());
        SqliteStoreOptions options;
        options.busyTimeout = 100ms;
        auto busy = SqliteEventStore::open(storePath(), options);
        HS_VERIFY_OK(busy);
        auto scanned = busy.value()->readLog({.correlationId = u"booking-1"_s});
        HS_VERIFY_OK(scanned);
        QCOMPARE(scanned.value().size(), 1);
        QVERIFY(lock.release());
    }
    QCOMPARE(indexes(), 0);

    auto store = SqliteEventStore::open(storePath());

    HS_VERIFY_OK(store);
    QCOMPARE(indexes(), 2);
    auto chain = store.value()->readLog({.correlationId = u"booking-1"_s});
    HS_VERIFY_OK(chain);
    QCOMPARE(chain.value().size(), 1);
    QCOMPARE(chain.value().constFirst().position, 2);
}

void TestSqliteEventStore::reopeningKeepsEventsAndGroups()
{
    QList<RecordedEvent> written;
    {
        auto store = SqliteEventStore::open(storePath());
        HS_VERIFY_OK(store);
        HS_VERIFY_OK(
            store.value()->append(u"table-T1"_s, bookingEvents(2), ExpectedRevision::any()));
        HS_VERIFY_OK(
            store.value()->append(u"booking-B1"_s, bookingEvents(1), ExpectedRevision::any()));
        HS_VERIFY_OK(store.value()->createGroup(u"sagas"_s, 0));
        QVERIFY(store.value()->acquireLease(u"sagas"_s, u"me"_s, 30s).value());
        HS_VERIFY_OK(store.value()->advanceCheckpoint(u"sagas"_s, u"me"_s, 2));
        written = store.value()->readAll(0, 10).value();
    }

    auto store = SqliteEventStore::open(storePath());

    HS_VERIFY_OK(store);
    const QList<RecordedEvent> read = store.value()->readAll(0, 10).value();
    QCOMPARE(read.size(), 3);
    for (qsizetype i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).id, written.at(i).id);
        QCOMPARE(read.at(i).stream, written.at(i).stream);
        QCOMPARE(read.at(i).revision, written.at(i).revision);
        QCOMPARE(read.at(i).position, written.at(i).position);
        QCOMPARE(read.at(i).data, written.at(i).data);
        QCOMPARE(read.at(i).metadata, written.at(i).metadata);
        QCOMPARE(read.at(i).created, written.at(i).created);
    }
    QCOMPARE(store.value()->groupInfo(u"sagas"_s).value().checkpoint, 2);
    auto next = store.value()->append(u"table-T1"_s, bookingEvents(1), ExpectedRevision::exact(1));
    HS_VERIFY_OK(next);
    QCOMPARE(next.value().revision, 2);
    QCOMPARE(next.value().position, 4);
}

// The store relies on the schema, not on a check in code, to keep ids unique.
void TestSqliteEventStore::schemaEnforcesUniqueSixteenByteIds()
{
    {
        auto store = SqliteEventStore::open(storePath());
        HS_VERIFY_OK(store);
        HS_VERIFY_OK(
            store.value()->append(u"table-T1"_s, bookingEvents(1), ExpectedRevision::any()));
    }
    QString error;

    QVERIFY(runSql(storePath(), {u"SELECT 1 FROM events WHERE length(id) = 16"_s}, &error));
    QVERIFY(!runSql(storePath(),
                    {u"INSERT INTO events(stream, revision, id, type, data, metadata, created) "
                     "SELECT 'booking-B1', 0, id, type, data, metadata, created FROM events"_s},
                    &error));
    QVERIFY2(error.contains(u"UNIQUE"_s), qPrintable(error));
    QVERIFY(!runSql(storePath(),
                    {u"INSERT INTO events(stream, revision, id, type, data, metadata, created) "
                     "VALUES('booking-B2', 0, x'0102', 't', '{}', '{}', 0)"_s},
                    &error));
}

void TestSqliteEventStore::busyStoreReportsUnavailableAndRecovers()
{
    SqliteStoreOptions options;
    options.busyTimeout = 200ms;
    auto store = SqliteEventStore::open(storePath(), options);
    HS_VERIFY_OK(store);
    {
        test::StoreWriteLock lock(storePath());
        QVERIFY(lock.isHeld());
        QElapsedTimer waited;
        waited.start();

        auto refused
            = store.value()->append(u"table-T1"_s, bookingEvents(1), ExpectedRevision::any());

        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), StoreError::Code::Unavailable);
        QVERIFY2(waited.elapsed() >= 150, qPrintable(QString::number(waited.elapsed())));
        QVERIFY(lock.release());
    }

    HS_VERIFY_OK(
        store.value()->append(u"table-T1"_s, bookingEvents(1), ExpectedRevision::noStream()));
    QCOMPARE(store.value()->lastPosition().value(), 1);
}

void TestSqliteEventStore::anotherConnectionHearsAppendsByPolling()
{
    auto writer = SqliteEventStore::open(storePath());
    auto reader = SqliteEventStore::open(storePath());
    HS_VERIFY_OK(writer);
    HS_VERIFY_OK(reader);
    CatchUpSubscription subscription(*reader.value(), 0);
    QElapsedTimer sinceAppend;
    qint64 heardAfter = -1;
    connect(&subscription, &CatchUpSubscription::eventAppeared, this,
            [&] { heardAfter = sinceAppend.elapsed(); });
    subscription.start();

    sinceAppend.start();
    HS_VERIFY_OK(writer.value()->append(u"table-T1"_s, bookingEvents(1), ExpectedRevision::any()));

    QTRY_VERIFY_WITH_TIMEOUT(heardAfter >= 0, 2000);
    QVERIFY2(heardAfter < 300, qPrintable(QString::number(heardAfter)));
    QCOMPARE(subscription.position(), 1);
}

// SQLite's own checkpoint would run inside the commit that fills the log
// past 1000 pages; the store leaves it to its next poll (up to twice that
// for a writer that never polls), so the log grows past 1000 pages while
// the event loop does not run, and starts over after.
void TestSqliteEventStore::theLogIsCheckpointedBetweenCommitsNotInThem()
{
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto store = SqliteEventStore::open(storePath(), options);
    HS_VERIFY_OK(store);
    // Appends until the log holds 1200 pages: past SQLite's point, short of
    // the commit's own (how many pages an append writes varies with the
    // random event ids in the index).
    constexpr qint64 FrameBytes = 4096 + 24;
    const QString log = storePath() + u"-wal"_s;
    int appended = 0;
    while (QFileInfo(log).size() < 1200 * FrameBytes && appended < 5000) {
        HS_VERIFY_OK(store.value()->append(u"table-T%1"_s.arg(appended % 50),
                                           {bookingEvent(appended)}, ExpectedRevision::any()));
        ++appended;
    }
    QVERIFY2(QFileInfo(log).size() >= 1200 * FrameBytes, qPrintable(QString::number(appended)));

    QTest::qWait(300); // a few polls
    HS_VERIFY_OK(store.value()->append(u"table-T1"_s, {bookingEvent(0)}, ExpectedRevision::any()));

    const QString name = u"checkpoint-probe"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(storePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) && query.next());
        const int framesInLog = query.value(1).toInt();
        QVERIFY2(framesInLog < 20, qPrintable(QString::number(framesInLog)));
    }
    QSqlDatabase::removeDatabase(name);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir stores;
    int counter = 0;
    test::EventStoreConformance conformance(
        [&](const QString &name) -> std::unique_ptr<EventStore> {
            const QString path = stores.filePath(u"%1-%2.sqlite"_s.arg(++counter).arg(name));
            auto store = SqliteEventStore::open(path);
            if (!store.ok()) {
                qWarning("%s", qPrintable(store.error().message()));
                return nullptr;
            }
            return std::move(store).value();
        },
        [&] {
            QDir dir(stores.path());
            for (const QString &file : dir.entryList(QDir::Files))
                dir.remove(file);
        });
    TestSqliteEventStore sqlite;
    int status = QTest::qExec(&conformance, argc, argv);
    status |= QTest::qExec(&sqlite, argc, argv);
    return status;
}

#include "tst_sqliteeventstore.moc"
