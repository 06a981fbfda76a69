#include "eventstore/PostgresEventStore.h"
#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadDialect.h"
#include "readmodel/ReadModel.h"
#include "readmodel/ReadQueries.h"
#include "tests/postgres/PostgresTestServer.h"
#include "tests/support/CatalogueEvents.h"
#include "tests/support/HistoryGenerator.h"
#include "tests/support/TestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

using Events = QList<DomainEvent>;

const QDateTime Seven = at(u"2026-12-01T19:00:00Z"_s);

Events tables()
{
    return {tableAdded(u"T1"_s, 2), tableAdded(u"T2"_s, 4), tableAdded(u"T3"_s, 6),
            tableAdded(u"t4"_s, 4, u"Terrace"_s), tableAdded(u"T-5"_s, 4, u"Bar"_s)};
}

// Bookings, their locks and confirmations, some changed (their span and
// party, or their guest's details), every third one cancelled.
Events someBookings(int first, int count)
{
    static const QStringList ids {u"T1"_s, u"T2"_s, u"T3"_s, u"t4"_s, u"T-5"_s};
    Events events;
    for (int i = first; i < first + count; ++i) {
        const QString b = u"b%1"_s.arg(i);
        const QString t = ids.at(i % ids.size());
        const QDateTime start = Seven.addDays(i % 7).addSecs(1800 * (i % 5));
        const QString guest = i % 2 ? u"Guest %1"_s.arg(i) : u"gÜest %1"_s.arg(i);
        events.append(bookingInitiated(b, t, start, start.addSecs(5400), 2, guest,
                                       u"+49 30 %1"_s.arg(1000 + i)));
        events.append(lockPlaced(t, b, start, start.addSecs(5400), 2));
        events.append(TableBookingConfirmed {bookingId(b), tableId(t)});
        if (i % 4 == 1) { // a quarter later, one more, through the table manager
            const TimeSpan later = span(start.addSecs(900), start.addSecs(6300));
            events.append(BookingChangeRequested {bookingId(b),
                                                  1,
                                                  tableId(t),
                                                  tableId(t),
                                                  later,
                                                  partySize(3),
                                                  guest,
                                                  u"+49 30 %1"_s.arg(1000 + i),
                                                  {}});
            events.append(TableLockPlaced {tableId(t), bookingId(b), later, partySize(3), 1});
            events.append(BookingChanged {bookingId(b),
                                          1,
                                          tableId(t),
                                          tableId(t),
                                          later,
                                          partySize(3),
                                          guest,
                                          u"+49 30 %1"_s.arg(1000 + i),
                                          {}});
        }
        if (i % 5 == 2)
            events.append(BookingDetailsChanged {bookingId(b), tableId(t), u"Renamed %1"_s.arg(i),
                                                 u"+49 30 %1"_s.arg(1000 + i), u"window"_s});
        if (i % 3 == 0)
            events.append(
                TableLockRemoved {tableId(t), bookingId(b), LockRemovalReason::Cancelled});
    }
    return events;
}

// Runs the event loop until the read model has projected up to the position.
bool settle(ReadModel &model, qint64 position)
{
    return QTest::qWaitFor([&] { return model.position() >= position; }, 10000);
}

} // namespace

// The read model in a schema of the store's PostgreSQL database: the same
// projections as the SQLite read file, with the same rows, checkpoints,
// version checks and live updates, shared by every terminal on the server.
class tst_PostgresReadModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aHistoryProjectsTheSameRowsAsTheSqliteReadFile();
    void queriesAnswerAsOnTheSqliteReadFile();
    void theGuestSearchHasTrigramIndexes();
    void projectionsResumeFromTheirCheckpoint();
    void twoTerminalsOnOneSchemaApplyEachEventOnce();
    void anotherProcessesAppendShowsWithin300Milliseconds();
    void theReadModelCatchesUpAfterItsConnectionWasCut();
    void aSchemaOfAnotherApplicationIsRefusedUnchanged();
    void aReadSchemaOfANewerVersionIsRefusedUnchanged_data();
    void aReadSchemaOfANewerVersionIsRefusedUnchanged();
    void theStoresOwnSchemaIsRefused();
    void theReadSchemaIsNamedAfterTheStoresSchema_data();
    void theReadSchemaIsNamedAfterTheStoresSchema();

private:
    std::unique_ptr<ReadModel> openPostgresModel(const QString &location = {});
    std::unique_ptr<ReadModel> openSqliteModel();
    QString readLocation() const { return ReadModel::defaultLocationFor(m_url); }
    QString readSchemaRows(const QString &sql);
    QString readSchemaRows(const QStringList &statements);

    PostgresTestServer m_server;
    QString m_url;
    std::unique_ptr<PostgresEventStore> m_store;
    QTemporaryDir m_dir;
};

void tst_PostgresReadModel::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_server.start());
    QVERIFY(m_dir.isValid());
}

void tst_PostgresReadModel::init()
{
    if (QByteArray(QTest::currentTestFunction()) == "theReadSchemaIsNamedAfterTheStoresSchema")
        return; // no server needed
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
    PostgresStoreOptions options;
    options.pollInterval = 100ms;
    options.reconnectDelay = 50ms;
    auto store = PostgresEventStore::open(m_url, options);
    PG_VERIFY_OK(store);
    m_store = std::move(store).value();
}

void tst_PostgresReadModel::cleanup()
{
    m_store.reset();
}

std::unique_ptr<ReadModel> tst_PostgresReadModel::openPostgresModel(const QString &location)
{
    auto model = ReadModel::open(*m_store, location.isEmpty() ? readLocation() : location);
    if (!model.ok()) {
        qWarning("%s", qPrintable(model.error().message()));
        return nullptr;
    }
    if (auto started = model.value()->start(); !started.ok()) {
        qWarning("%s", qPrintable(started.error().message()));
        return nullptr;
    }
    return std::move(model).value();
}

// A SQLite read file fed by the same store: the reference.
std::unique_ptr<ReadModel> tst_PostgresReadModel::openSqliteModel()
{
    const QString path
        = m_dir.filePath(u"%1.read"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
    QFile::remove(path);
    auto model = ReadModel::open(*m_store, path);
    if (!model.ok() || !model.value()->start().ok())
        return nullptr;
    return std::move(model).value();
}

// The rows of a query on the read schema as one line, for "left as it is".
QString tst_PostgresReadModel::readSchemaRows(const QString &sql)
{
    return readSchemaRows(QStringList {sql});
}

// The rows of the last statement, after the others ran in the same session.
QString tst_PostgresReadModel::readSchemaRows(const QStringList &statements)
{
    auto connection = QSqlDatabase::addDatabase(u"QPSQL"_s, u"inspect"_s);
    QString rows;
    {
        auto settings = PostgresConnectionSettings::fromUrl(m_url);
        connection.setHostName(settings->host);
        connection.setPort(settings->port);
        connection.setUserName(settings->user);
        connection.setPassword(settings->password);
        connection.setDatabaseName(settings->database);
        if (connection.open()) {
            QSqlQuery query(connection);
            for (const QString &sql : statements) {
                if (!query.exec(sql))
                    rows += u"error: "_s + query.lastError().text();
            }
            while (query.next())
                rows += query.value(0).toString() + u';';
        }
        connection = QSqlDatabase();
    }
    QSqlDatabase::removeDatabase(u"inspect"_s);
    return rows;
}

void tst_PostgresReadModel::aHistoryProjectsTheSameRowsAsTheSqliteReadFile()
{
    HistoryOptions options;
    options.events = 6000; // more than one batch, every kind of event
    options.tables = 8;
    QElapsedTimer elapsed;
    elapsed.start();
    auto history = generateHistory(*m_store, options);
    PG_VERIFY_OK(history);
    const qint64 appended = elapsed.restart();
    auto postgres = openPostgresModel();
    QVERIFY(postgres);
    qInfo("%lld events appended in %lld ms, projected in %lld ms", history->events, appended,
          elapsed.elapsed());
    auto sqlite = openSqliteModel();
    QVERIFY(sqlite);
    QCOMPARE(postgres->position(), history->events);
    const QStringList rows = postgres->dump().value();
    QVERIFY(rows.size() > history->bookings); // a row for each booking, and more
    QCOMPARE(rows, sqlite->dump().value());
}

void tst_PostgresReadModel::queriesAnswerAsOnTheSqliteReadFile()
{
    ServicePeriodsDefined periods = ServicePeriodsDefined::defaults();
    periods.timeZone = u"Europe/Berlin"_s;
    QVERIFY(appendAll(*m_store, Events {periods} + tables() + someBookings(1, 40)) > 0);
    auto postgres = openPostgresModel();
    QVERIFY(postgres);
    auto sqlite = openSqliteModel();
    QVERIFY(sqlite);

    QCOMPARE(postgres->dump().value(), sqlite->dump().value());
    QCOMPARE(postgres->settings(), sqlite->settings());
    QCOMPARE(postgres->tables(true).value(), sqlite->tables(true).value());
    const QDate day = sqlite->localDate(Seven.addDays(3));
    QVERIFY(!sqlite->bookingsOn(day).value().isEmpty());
    QCOMPARE(postgres->bookingsOn(day).value(), sqlite->bookingsOn(day).value());
    QCOMPARE(postgres->searchGuests(u"GÜEST 1"_s).value(),
             sqlite->searchGuests(u"GÜEST 1"_s).value());
    QCOMPARE(postgres->searchGuests(u"30 1012"_s).value(),
             sqlite->searchGuests(u"30 1012"_s).value());
    QVERIFY(!sqlite->searchGuests(u"guest 1"_s).value().isEmpty());
    QCOMPARE(postgres->freeTables(Seven.addDays(3), Seven.addDays(3).addSecs(5400), 2).value(),
             sqlite->freeTables(Seven.addDays(3), Seven.addDays(3).addSecs(5400), 2).value());
    QCOMPARE(postgres->locks().value(), sqlite->locks().value());
    QCOMPARE(postgres->locks(u"T2"_s).value(), sqlite->locks(u"T2"_s).value());
    QCOMPARE(postgres->audit({{}, {}, u"b7"_s, 0, 100}).value(),
             sqlite->audit({{}, {}, u"b7"_s, 0, 100}).value());
    QCOMPARE(postgres->floorAt(Seven.addDays(3)).value().size(),
             sqlite->floorAt(Seven.addDays(3)).value().size());
    QCOMPARE(postgres->tableAt(u"T2"_s, Seven.addDays(2)).value().state,
             sqlite->tableAt(u"T2"_s, Seven.addDays(2)).value().state);
}

// pg_trgm's GIN indexes serve the guest search's LIKE as it is: the same
// bookings as on SQLite for a name, for phone digits and for a text too
// short for a trigram, and a plan that reads the indexes.
void tst_PostgresReadModel::theGuestSearchHasTrigramIndexes()
{
    QVERIFY(appendAll(*m_store, tables() + someBookings(1, 40)) > 0);
    auto postgres = openPostgresModel();
    QVERIFY(postgres);
    auto sqlite = openSqliteModel();
    QVERIFY(sqlite);
    const QString indexes
        = readSchemaRows(u"SELECT indexname FROM pg_indexes WHERE tablename = 'bookings' "
                         "AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname"_s);
    QCOMPARE(indexes, u"bookings_by_phone_digits_trigrams;bookings_by_search_text_trigrams;"_s);
    for (const QString &text :
         {u"GÜEST 1"_s, u"st 2"_s, u"30 1012"_s, u"1012"_s, u"gü"_s, u"7"_s, u"nobody"_s}) {
        const QList<BookingRow> found = sqlite->searchGuests(text).value();
        QCOMPARE(postgres->searchGuests(text).value(), found);
    }
    QVERIFY(!sqlite->searchGuests(u"gü"_s).value().isEmpty());
    QVERIFY(!sqlite->searchGuests(u"1012"_s).value().isEmpty());

    QString sql
        = ReadQueries::guestSearchSql(ReadDialect(ReadDialect::Kind::Postgres), u"30 1012"_s);
    for (const QString &value : {u"'%30 1012%'"_s, u"'%301012%'"_s, u"50"_s})
        sql.replace(sql.indexOf(u'?'), 1, value);
    const auto readSettings = PostgresConnectionSettings::fromUrl(readLocation());
    QVERIFY(readSettings.ok());
    // The tables are tiny: left to itself the planner rightly reads them
    // whole, or walks the span index for the newest fifty.
    const QString plan = readSchemaRows({u"SET search_path TO \"%1\""_s.arg(readSettings->schema),
                                         u"SET enable_seqscan = off"_s,
                                         u"SET enable_indexscan = off"_s, u"EXPLAIN "_s + sql});
    QVERIFY2(plan.contains(u"Bitmap Index Scan on bookings_by_search_text_trigrams"_s),
             qPrintable(plan));
    QVERIFY2(plan.contains(u"Bitmap Index Scan on bookings_by_phone_digits_trigrams"_s),
             qPrintable(plan));
}

void tst_PostgresReadModel::projectionsResumeFromTheirCheckpoint()
{
    const qint64 first = appendAll(*m_store, tables() + someBookings(1, 30));
    QVERIFY(first > 0);
    {
        auto model = openPostgresModel();
        QVERIFY(model);
        QCOMPARE(model->position(), first);
    }
    const qint64 last = appendAll(*m_store, someBookings(31, 30));
    QVERIFY(last > first);

    auto model = ReadModel::open(*m_store, readLocation());
    PG_VERIFY_OK(model);
    QCOMPARE(model.value()->position(), first); // where it stopped
    QSignalSpy progress(model.value().get(), &ReadModel::rebuildProgress);
    PG_VERIFY_OK(model.value()->start());
    QCOMPARE(progress.size(), 0); // resumed, not rebuilt
    QCOMPARE(model.value()->position(), last);
    QCOMPARE(model.value()->audit({}).value().size(), last); // each event once
    model.value().reset();

    auto differences = ReadModel::verifyAgainstFreshRebuild(*m_store, readLocation());
    PG_VERIFY_OK(differences);
    QCOMPARE(differences.value(), QStringList());
}

// Two terminals follow the store into the same read tables: each event is
// projected once, and both hear of every change.
void tst_PostgresReadModel::twoTerminalsOnOneSchemaApplyEachEventOnce()
{
    auto first = openPostgresModel();
    auto second = openPostgresModel();
    QVERIFY(first && second);
    QSignalSpy firstHeard(first.get(), &ReadModel::bookingChanged);
    QSignalSpy secondHeard(second.get(), &ReadModel::bookingChanged);
    const qint64 last = appendAll(*m_store, tables() + someBookings(1, 20));
    QVERIFY(last > 0);
    QVERIFY(settle(*first, last));
    QVERIFY(settle(*second, last));
    QCOMPARE(first->audit({}).value().size(), last);
    QTRY_COMPARE(firstHeard.size(), 20);
    QTRY_COMPARE(secondHeard.size(), 20);
    auto sqlite = openSqliteModel();
    QVERIFY(sqlite);
    QCOMPARE(first->dump().value(), sqlite->dump().value());
}

// The commit in the other process wakes this one through NOTIFY; it is
// projected here, and the trail told of it, within 300 ms of the append.
void tst_PostgresReadModel::anotherProcessesAppendShowsWithin300Milliseconds()
{
    auto model = openPostgresModel();
    QVERIFY(model);
    qint64 heardAt = 0;
    qint64 heardPosition = 0;
    connect(model.get(), &ReadModel::auditAppended, this, [&](qint64 position) {
        heardAt = QDateTime::currentMSecsSinceEpoch();
        heardPosition = position;
    });
    for (int round = 1; round <= 3; ++round) {
        QProcess writer;
        writer.start(QString::fromUtf8(HOSTSTAND_STORE_HELPER),
                     {u"write"_s, m_url, u"terminal-%1"_s.arg(round), u"1"_s, u"1"_s});
        QTRY_COMPARE_WITH_TIMEOUT(writer.state(), QProcess::NotRunning, 20000);
        QCOMPARE(writer.readAllStandardOutput().trimmed(), QByteArray("done"));
        QTRY_COMPARE_WITH_TIMEOUT(heardPosition, qint64(round), 5000);
        const QList<AuditRow> rows = model->audit({{}, {}, {}, round - 1, 1}).value();
        QCOMPARE(rows.size(), 1);
        const qint64 latency = heardAt - rows.constFirst().created.toMSecsSinceEpoch();
        qInfo("round %d: projected %lld ms after the append", round, latency);
        QVERIFY2(latency < 300, qPrintable(u"%1 ms"_s.arg(latency)));
    }
}

// The server ends every session of the database (as a restart would): the
// store and the read model's connection both come back by themselves, and
// what was appended meanwhile is projected once.
void tst_PostgresReadModel::theReadModelCatchesUpAfterItsConnectionWasCut()
{
    const qint64 before = appendAll(*m_store, tables() + someBookings(1, 5));
    auto model = openPostgresModel();
    QVERIFY(model);
    QCOMPARE(model->position(), before);

    auto cut = m_server.execute(m_url,
                                u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s);
    QVERIFY2(!cut, qPrintable(cut.value_or(QString())));
    // Another terminal appends while this one has not noticed yet.
    auto other = PostgresEventStore::open(m_url);
    PG_VERIFY_OK(other);
    const qint64 after = appendAll(*other.value(), someBookings(6, 5));
    QVERIFY(after > before);

    QVERIFY(settle(*model, after));
    QCOMPARE(model->audit({}).value().size(), after);
    auto sqlite = openSqliteModel();
    QVERIFY(sqlite);
    QCOMPARE(model->dump().value(), sqlite->dump().value());
}

void tst_PostgresReadModel::aSchemaOfAnotherApplicationIsRefusedUnchanged()
{
    auto made = m_server.execute(m_url,
                                 u"CREATE SCHEMA hoststand_read; "
                                 "CREATE TABLE hoststand_read.customers(id integer)"_s);
    QVERIFY2(!made, qPrintable(made.value_or(QString())));
    auto model = ReadModel::open(*m_store, readLocation());
    QVERIFY(!model.ok());
    QCOMPARE(model.error().code(), StoreError::Code::NotAStore);
    QVERIFY2(model.error().message().contains(u"another application"_s),
             qPrintable(model.error().message()));
    QCOMPARE(readSchemaRows(u"SELECT tablename FROM pg_tables "
                            "WHERE schemaname = 'hoststand_read' ORDER BY 1"_s),
             u"customers;"_s);
}

void tst_PostgresReadModel::aReadSchemaOfANewerVersionIsRefusedUnchanged_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("says");
    QTest::newRow("a newer format of the bookkeeping")
        << u"UPDATE hoststand_read.read_model_format SET version = 99"_s << u"format 99"_s;
    QTest::newRow("a newer projection")
        << u"UPDATE hoststand_read.projections SET version = 99 WHERE name = 'bookings'"_s
        << u"projection version 99"_s;
}

void tst_PostgresReadModel::aReadSchemaOfANewerVersionIsRefusedUnchanged()
{
    QFETCH(QString, tamper);
    QFETCH(QString, says);
    QVERIFY(appendAll(*m_store, tables()) > 0);
    QVERIFY(openPostgresModel());
    auto tampered = m_server.execute(m_url, tamper);
    QVERIFY2(!tampered, qPrintable(tampered.value_or(QString())));
    const QString snapshot = u"SELECT name || version || ':' || position FROM "
                             "hoststand_read.projections ORDER BY name"_s;
    const QString before = readSchemaRows(snapshot);

    auto model = ReadModel::open(*m_store, readLocation());
    QVERIFY(!model.ok());
    QCOMPARE(model.error().code(), StoreError::Code::NewerSchema);
    QVERIFY2(model.error().message().contains(says), qPrintable(model.error().message()));
    QCOMPARE(readSchemaRows(snapshot), before);
}

void tst_PostgresReadModel::theStoresOwnSchemaIsRefused()
{
    auto model = ReadModel::open(*m_store, m_url + u"?schema=hoststand"_s);
    QVERIFY(!model.ok());
    QCOMPARE(model.error().code(), StoreError::Code::InvalidArgument);
    QVERIFY2(model.error().message().contains(u"store's own schema"_s),
             qPrintable(model.error().message()));
}

void tst_PostgresReadModel::theReadSchemaIsNamedAfterTheStoresSchema_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("read");
    QTest::newRow("the default store schema has hoststand_read")
        << u"postgresql://host:secret@db.example:5433/hoststand"_s
        << u"postgresql://host:secret@db.example:5433/hoststand?schema=hoststand_read"_s;
    QTest::newRow("another store schema has its own read schema")
        << u"postgresql://host@db.example/hoststand?schema=terrace"_s
        << u"postgresql://host@db.example/hoststand?schema=terrace_read"_s;
}

void tst_PostgresReadModel::theReadSchemaIsNamedAfterTheStoresSchema()
{
    QFETCH(QString, store);
    QFETCH(QString, read);
    QCOMPARE(ReadModel::defaultLocationFor(store), read);
}

QTEST_GUILESS_MAIN(tst_PostgresReadModel)
#include "tst_postgresreadmodel.moc"
