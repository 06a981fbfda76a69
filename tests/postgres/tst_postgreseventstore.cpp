#include "eventstore/EventData.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/PostgresEventStore.h"
#include "tests/eventstore/EventStoreConformance.h"
#include "tests/postgres/PostgresTestServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

QString withSchema(const QString &url, const QString &schema)
{
    QUrl changed(url);
    changed.setQuery(u"schema="_s + schema);
    return changed.toString();
}

EventData tableAdded(int n)
{
    return EventData::fromJson(u"table-added"_s, {{u"tableId"_s, u"T%1"_s.arg(n)}});
}

} // namespace

// What the PostgreSQL backend adds to the conformance suite: its schema,
// its version check, its wake-ups across connections and its URL.
class tst_PostgresEventStore final : public QObject
{
    Q_OBJECT

public:
    // url names the test's database, or problem why there is none.
    tst_PostgresEventStore(test::PostgresTestServer &server, QString url,
                           std::optional<QString> problem)
        : m_server(server)
        , m_problem(std::move(problem))
        , m_url(std::move(url))
    { }

private Q_SLOTS:
    void initTestCase();

    void locationLeavesThePasswordOut();
    void dataAndMetadataKeepTheirBytes();
    void newerSchemaIsRefusedAndLeftAlone();
    void aStoreMadeBeforeTheLogIndexesGainsThem();
    void schemaOfAnotherApplicationIsRefused();
    void anotherConnectionsAppendWakesTheStore();
    void pollFindsAppendsWithoutNotification();
    void aFollowerAsksTheServerNothingByItself();
    void storesInOtherSchemasDoNotShareEvents();

private:
    std::unique_ptr<PostgresEventStore> open(const QString &schema,
                                             const PostgresStoreOptions &options = {});
    QString schemaUrl(const QString &schema) const { return withSchema(m_url, schema); }

    test::PostgresTestServer &m_server;
    std::optional<QString> m_problem;
    QString m_url;
};

void tst_PostgresEventStore::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_problem);
}

std::unique_ptr<PostgresEventStore> tst_PostgresEventStore::open(
    const QString &schema, const PostgresStoreOptions &options)
{
    auto store = PostgresEventStore::open(schemaUrl(schema), options);
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    return std::move(store).value();
}

void tst_PostgresEventStore::locationLeavesThePasswordOut()
{
    QUrl url(m_url);
    url.setPassword(u"s3cret-p@ss"_s);
    auto settings = PostgresConnectionSettings::fromUrl(url.toString());
    PG_VERIFY_OK(settings);
    QCOMPARE(settings.value().password, u"s3cret-p@ss"_s);
    // The throwaway and CI servers trust local logins, so any password opens them.
    auto store = PostgresEventStore::open(withSchema(url.toString(), u"location"_s));
    PG_VERIFY_OK(store);
    const QString location = store.value()->location();
    QVERIFY2(!location.contains(u"s3cret"_s), qPrintable(location));
    QVERIFY2(location.startsWith(u"postgresql://"_s), qPrintable(location));
    QVERIFY2(location.contains(u"schema=location"_s), qPrintable(location));
}

void tst_PostgresEventStore::dataAndMetadataKeepTheirBytes()
{
    auto store = open(u"bytes"_s);
    QVERIFY(store);
    // Spacing, key order, escapes and non-ASCII text that a JSON column
    // would normalise.
    const QByteArray data = "{ \"z\" : 1,\n\t\"a\":\"caf\xc3\xa9 \\u00e9 \\\\ \\\"\", \"n\":1.50 }";
    const QByteArray metadata = "{\"$correlationId\":\"b-1\" , \"user\":\"ann\"}";
    const EventData written {newEventId(), u"table-added"_s, data, metadata};
    auto appended = store->append(u"table-T1"_s, {written}, ExpectedRevision::noStream());
    PG_VERIFY_OK(appended);
    auto read = store->readStream(u"table-T1"_s, ReadDirection::Forwards, 0, 10);
    PG_VERIFY_OK(read);
    QCOMPARE(read.value().size(), 1);
    QCOMPARE(read.value().constFirst().data, data);
    QCOMPARE(read.value().constFirst().metadata, metadata);
    QCOMPARE(read.value().constFirst().id, written.id);
}

void tst_PostgresEventStore::newerSchemaIsRefusedAndLeftAlone()
{
    {
        auto store = open(u"newer"_s);
        QVERIFY(store);
        QVERIFY(store->append(u"table-T1"_s, {tableAdded(1)}, ExpectedRevision::any()).ok());
    }
    auto failed = m_server.execute(m_url,
                                   u"UPDATE newer.schema_version SET version = %1"_s.arg(
                                       PostgresEventStore::SchemaVersion + 1));
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
    auto refused = PostgresEventStore::open(schemaUrl(u"newer"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), StoreError::Code::NewerSchema);
    QVERIFY2(refused.error().message().contains(u"newer Hoststand"_s),
             qPrintable(refused.error().message()));
    // Left alone: the event is still there, the version is unchanged.
    failed = m_server.execute(
        m_url,
        u"DO $$ BEGIN IF (SELECT count(*) FROM newer.events) <> 1 "
        "OR (SELECT version FROM newer.schema_version) <> %1 THEN "
        "RAISE 'changed'; END IF; END $$"_s.arg(PostgresEventStore::SchemaVersion + 1));
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
}

// A store written by the version before the log's indexes gains them (and
// the function that reads a correlation id) the first time it is opened;
// metadata that is not JSON reads as no correlation instead of refusing.
void tst_PostgresEventStore::aStoreMadeBeforeTheLogIndexesGainsThem()
{
    {
        auto store = open(u"earlier"_s);
        QVERIFY(store);
        const EventMetadata metadata {u"b1"_s, {}, u"host"_s, u"stand-1"_s};
        QVERIFY(store
                    ->append(u"table-T1"_s,
                             {tableAdded(1),
                              EventData::fromJson(u"table-added"_s, {{u"tableId"_s, u"T2"_s}},
                                                  metadata.toJson())},
                             ExpectedRevision::any())
                    .ok());
    }
    auto failed = m_server.execute(
        m_url,
        u"DROP INDEX earlier.events_by_type; DROP INDEX earlier.events_by_correlation; "
        "DROP FUNCTION earlier.correlation_id(bytea); "
        "UPDATE earlier.events SET metadata = '\\xff' WHERE position = 1"_s);
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));

    auto store = open(u"earlier"_s);

    QVERIFY(store);
    failed = m_server.execute(m_url,
                              u"DO $$ BEGIN IF to_regclass('earlier.events_by_type') IS NULL "
                              "OR to_regclass('earlier.events_by_correlation') IS NULL THEN "
                              "RAISE 'no index'; END IF; END $$"_s);
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
    auto chain = store->readLog({.correlationId = u"b1"_s});
    QVERIFY(chain.ok());
    QCOMPARE(chain.value().size(), 1);
    QCOMPARE(chain.value().constFirst().position, 2);
}

void tst_PostgresEventStore::schemaOfAnotherApplicationIsRefused()
{
    auto failed = m_server.execute(
        m_url, u"CREATE SCHEMA other; CREATE TABLE other.invoices(id integer)"_s);
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
    auto refused = PostgresEventStore::open(schemaUrl(u"other"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), StoreError::Code::NotAStore);
    failed = m_server.execute(m_url,
                              u"DO $$ BEGIN IF to_regclass('other.events') IS NOT NULL "
                              "THEN RAISE 'changed'; END IF; END $$"_s);
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
}

void tst_PostgresEventStore::anotherConnectionsAppendWakesTheStore()
{
    PostgresStoreOptions noPolling;
    noPolling.pollInterval = 1h; // only a notification can wake the listener
    auto listener = open(u"wakeup"_s, noPolling);
    auto writer = open(u"wakeup"_s, noPolling);
    QVERIFY(listener && writer);
    QSignalSpy heard(listener.get(), &EventStore::appended);
    auto appended
        = writer->append(u"table-T1"_s, {tableAdded(1), tableAdded(2)}, ExpectedRevision::any());
    PG_VERIFY_OK(appended);
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 1, 5000);
    QCOMPARE(heard.constFirst().constFirst().toLongLong(), appended.value().position);
    // The writer's own notification does not make it announce its append twice.
    QSignalSpy writerHeard(writer.get(), &EventStore::appended);
    QTest::qWait(300);
    QCOMPARE(writerHeard.size(), 0);
}

void tst_PostgresEventStore::pollFindsAppendsWithoutNotification()
{
    PostgresStoreOptions fastPolling;
    fastPolling.pollInterval = 100ms;
    auto store = open(u"polled"_s, fastPolling);
    QVERIFY(store);
    QSignalSpy heard(store.get(), &EventStore::appended);
    // Written behind the store's back: no NOTIFY, as if it had been lost.
    auto failed
        = m_server.execute(m_url,
                           u"INSERT INTO polled.events VALUES(1, 'table-T1', 0, gen_random_uuid(), "
                           "'table-added', '{}'::bytea, '{}'::bytea, now())"_s);
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 1, 5000);
    QCOMPARE(heard.constFirst().constFirst().toLongLong(), 1);
}

// A store that follows another connection's (EventStore::follow, the
// window's store following the engine's) neither polls nor listens: others'
// commits reach it through its leader only; its leader's word that the
// server is gone makes its operations fail at once, without a round trip
// that could hang on a dead link, and its word that the server is back
// connects it again.
void tst_PostgresEventStore::aFollowerAsksTheServerNothingByItself()
{
    PostgresStoreOptions fastPolling;
    fastPolling.pollInterval = 50ms;
    auto leader = open(u"followed"_s, fastPolling);
    auto follower = open(u"followed"_s, fastPolling);
    auto writer = open(u"followed"_s);
    QVERIFY(leader && follower && writer);
    follower->follow(*leader);
    QSignalSpy heard(follower.get(), &EventStore::appended);
    auto first = writer->append(u"table-T1"_s, {tableAdded(1)}, ExpectedRevision::any());
    PG_VERIFY_OK(first);
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 1, 5000);
    QCOMPARE(heard.constFirst().constFirst().toLongLong(), first.value().position);

    // Without its leader it hears of nothing, in twenty of its poll intervals.
    leader.reset();
    PG_VERIFY_OK(writer->append(u"table-T1"_s, {tableAdded(2)}, ExpectedRevision::any()));
    QTest::qWait(1000);
    QCOMPARE(heard.size(), 1);

    QSignalSpy availability(follower.get(), &EventStore::availabilityChanged);
    const QString gone = u"The PostgreSQL server at somewhere cannot be reached: test."_s;
    follower->hearOfServer(false, gone);
    QVERIFY(!follower->isAvailable());
    QCOMPARE(availability.size(), 1);
    QCOMPARE(availability.constFirst().at(1).toString(), gone);
    QElapsedTimer clock;
    clock.start();
    auto refused = follower->readAll(0, 10);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), StoreError::Code::Unavailable);
    QCOMPARE(refused.error().message(), gone);
    QVERIFY(clock.elapsed() < 50);

    // What the leader tells meanwhile is told once the follower is back.
    const qint64 heardBefore = heard.size();
    follower->hearOfCommits(first.value().position + 1);
    QCOMPARE(heard.size(), heardBefore);
    follower->hearOfServer(true, QString());
    QTRY_VERIFY_WITH_TIMEOUT(follower->isAvailable(), 10000);
    QTRY_COMPARE(heard.size(), heardBefore + 1);
    QCOMPARE(heard.constLast().constFirst().toLongLong(), first.value().position + 1);
    auto read = follower->readAll(0, 10);
    PG_VERIFY_OK(read);
    QCOMPARE(read.value().size(), 2);
}

void tst_PostgresEventStore::storesInOtherSchemasDoNotShareEvents()
{
    auto first = open(u"first"_s);
    auto second = open(u"second"_s);
    QVERIFY(first && second);
    QVERIFY(first->append(u"table-T1"_s, {tableAdded(1)}, ExpectedRevision::any()).ok());
    auto last = second->lastPosition();
    QVERIFY(last.ok());
    QCOMPARE(last.value(), 0);
}

// Both test classes share one database (each store in a schema of its
// own): creating a database costs the server a checkpoint.
static std::optional<QString> prepareDatabase(test::PostgresTestServer &server, QString *url)
{
    if (auto problem = server.start())
        return problem;
    QString problem;
    auto created = server.createDatabase(&problem);
    if (!created)
        return problem;
    *url = *created;
    return std::nullopt;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::PostgresTestServer server;
    QString url;
    const std::optional<QString> problem = prepareDatabase(server, &url);

    tst_PostgresEventStore specific(server, url, problem);
    int failures = QTest::qExec(&specific, argc, argv);
    if (problem) {
        std::fprintf(stderr, "The conformance suite did not run: %s\n", qPrintable(*problem));
        return test::postgresRequired() ? std::max(failures, 1) : failures;
    }
    int schemas = 0;
    test::EventStoreConformance conformance([&](const QString &) -> std::unique_ptr<EventStore> {
        // A fresh schema per test row: far cheaper than a database.
        auto store = PostgresEventStore::open(withSchema(url, u"conformance_%1"_s.arg(++schemas)));
        if (!store.ok()) {
            qWarning("%s", qPrintable(store.error().message()));
            return nullptr;
        }
        return std::move(store).value();
    });
    failures += QTest::qExec(&conformance, argc, argv);
    return failures;
}

#include "tst_postgreseventstore.moc"
