#include "eventstore/CatchUpSubscription.h"
#include "eventstore/PostgresEventStore.h"
#include "tests/postgres/DeadLink.h"
#include "tests/postgres/PostgresTestServer.h"
#include "tests/support/EventLoopPauses.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

QList<EventData> events(int first, int count)
{
    QList<EventData> list;
    for (int n = first; n < first + count; ++n)
        list.append(EventData::fromJson(u"guest-arrived"_s, {{u"n"_s, n}}));
    return list;
}

} // namespace

// The server goes away in the middle of a session and comes back on the
// same data: operations fail with Unavailable and write nothing meanwhile,
// the stores reconnect by themselves, and a catch-up subscription ends up
// with every event exactly once.
class tst_PostgresOutage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void storeSurvivesAServerRestart();
    void aServerBehindADeadLinkDoesNotHoldTheEventLoop();

private:
    std::unique_ptr<PostgresEventStore> open(std::chrono::milliseconds reconnectDelay);
    void appendBeforeTheOutage();
    void failDuringTheOutage();
    void recoverAfterTheOutage();

    test::PostgresTestServer m_server;
    QString m_url;
    // The store under test, slow to retry so that it misses the writer's
    // notifications while it is away; the writer, quick to come back.
    std::unique_ptr<PostgresEventStore> m_store;
    std::unique_ptr<PostgresEventStore> m_writer;
    std::unique_ptr<CatchUpSubscription> m_subscription;
    QList<RecordedEvent> m_received;
    QList<EventData> m_refused;
};

void tst_PostgresOutage::initTestCase()
{
    // A cluster of its own even in CI: the test stops the server.
    HS_REQUIRE_POSTGRES(m_server.start(test::PostgresTestServer::Kind::Throwaway));
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
}

void tst_PostgresOutage::cleanup()
{
    m_subscription.reset();
    m_store.reset();
    m_writer.reset();
}

std::unique_ptr<PostgresEventStore> tst_PostgresOutage::open(
    std::chrono::milliseconds reconnectDelay)
{
    PostgresStoreOptions options;
    options.pollInterval = 100ms;
    options.reconnectDelay = reconnectDelay;
    options.maxReconnectDelay = reconnectDelay * 2;
    auto store = PostgresEventStore::open(m_url, options);
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    return std::move(store).value();
}

void tst_PostgresOutage::appendBeforeTheOutage()
{
    m_subscription = std::make_unique<CatchUpSubscription>(*m_store, 0);
    connect(m_subscription.get(), &CatchUpSubscription::eventAppeared, this,
            [this](const RecordedEvent &event) { m_received.append(event); });
    m_subscription->start();
    PG_VERIFY_OK(m_writer->append(u"booking-1"_s, events(1, 5), ExpectedRevision::noStream()));
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 5, 5000);
}

void tst_PostgresOutage::failDuringTheOutage()
{
    QSignalSpy storeAvailability(m_store.get(), &EventStore::availabilityChanged);
    auto stopped = m_server.stopServer();
    QVERIFY2(!stopped, qPrintable(stopped.value_or(QString())));

    m_refused = events(100, 2);
    auto refused = m_store->append(u"booking-2"_s, m_refused, ExpectedRevision::noStream());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), StoreError::Code::Unavailable);
    QVERIFY2(refused.error().message().startsWith(u"The PostgreSQL server at 127.0.0.1:"_s),
             qPrintable(refused.error().message()));
    QVERIFY2(refused.error().message().contains(u"cannot be reached"_s),
             qPrintable(refused.error().message()));
    QTRY_COMPARE_WITH_TIMEOUT(storeAvailability.size(), 1, 5000);
    QCOMPARE(storeAvailability.constFirst().constFirst().toBool(), false);
    QVERIFY(!m_store->isAvailable());

    auto read = m_store->readAll(0, 100);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code(), StoreError::Code::Unavailable);
    QTRY_VERIFY_WITH_TIMEOUT(!m_writer->isAvailable(), 5000);
    QVERIFY(m_subscription->isRunning());
}

void tst_PostgresOutage::recoverAfterTheOutage()
{
    QSignalSpy storeAvailability(m_store.get(), &EventStore::availabilityChanged);
    auto started = m_server.startServer();
    QVERIFY2(!started, qPrintable(started.value_or(QString())));

    // The writer comes back first and appends while the store may still
    // be away and not listening: only its catch-up after the reconnection
    // can bring these events.
    QTRY_VERIFY_WITH_TIMEOUT(m_writer->isAvailable(), 20000);
    PG_VERIFY_OK(m_writer->append(u"booking-1"_s, events(6, 3), ExpectedRevision::exact(4)));
    QTRY_VERIFY_WITH_TIMEOUT(m_store->isAvailable(), 20000);
    QCOMPARE(storeAvailability.size(), 1);
    QCOMPARE(storeAvailability.constFirst().constFirst().toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 8, 10000);

    // The append refused during the outage wrote nothing; retried with the
    // same ids it is written once.
    auto revision = m_store->streamRevision(u"booking-2"_s);
    PG_VERIFY_OK(revision);
    QCOMPARE(revision.value(), NoStreamRevision);
    PG_VERIFY_OK(m_store->append(u"booking-2"_s, m_refused, ExpectedRevision::noStream()));
    PG_VERIFY_OK(m_store->append(u"booking-2"_s, m_refused, ExpectedRevision::noStream()));
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 10, 5000);
}

void tst_PostgresOutage::storeSurvivesAServerRestart()
{
    m_store = open(1500ms);
    m_writer = open(100ms);
    QVERIFY(m_store && m_writer);
    appendBeforeTheOutage();
    if (QTest::currentTestFailed())
        return;
    failDuringTheOutage();
    if (QTest::currentTestFailed())
        return;
    recoverAfterTheOutage();
    if (QTest::currentTestFailed())
        return;

    QSet<QUuid> ids;
    for (qsizetype i = 0; i < m_received.size(); ++i) {
        QCOMPARE(m_received.at(i).position, qint64(i + 1));
        ids.insert(m_received.at(i).id);
    }
    QCOMPARE(ids.size(), m_received.size());
    QVERIFY(m_subscription->isRunning());
    auto all = m_store->readAll(0, 100);
    PG_VERIFY_OK(all);
    QCOMPARE(all.value().size(), 10);
}

// While the server cannot be reached, a terminal must stay usable: the
// store's attempts to reconnect never block its thread for the length of a
// connection timeout, and what it is asked fails at once.
void tst_PostgresOutage::aServerBehindADeadLinkDoesNotHoldTheEventLoop()
{
    std::unique_ptr<PostgresEventStore> store = open(100ms);
    QVERIFY(store);
    QSignalSpy availability(store.get(), &EventStore::availabilityChanged);
    auto stopped = m_server.stopServer();
    QVERIFY2(!stopped, qPrintable(stopped.value_or(QString())));
    QVERIFY(!store->append(u"booking-3"_s, events(200, 1), ExpectedRevision::any()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 1, 5000);

    auto link = std::make_unique<test::DeadLink>(m_server.port());
    QVERIFY(link->isListening());
    {
        // Longer than a connection timeout, with the store retrying within it.
        test::EventLoopPauses pauses;
        QTest::qWait(7000);
        QVERIFY2(pauses.longestMs() < 2000,
                 qPrintable(u"the event loop stood still for %1 ms"_s.arg(pauses.longestMs())));
    }

    QElapsedTimer appendClock;
    appendClock.start();
    auto refused = store->append(u"booking-3"_s, events(201, 1), ExpectedRevision::any());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), StoreError::Code::Unavailable);
    QVERIFY2(refused.error().message().contains(u"cannot be reached"_s),
             qPrintable(refused.error().message()));
    QVERIFY(appendClock.elapsed() < 200);
    QVERIFY(!store->isAvailable());

    // The link comes back: the store finds the server by itself.
    link.reset();
    auto started = m_server.startServer();
    QVERIFY2(!started, qPrintable(started.value_or(QString())));
    QTRY_VERIFY_WITH_TIMEOUT(store->isAvailable(), 20000);
    PG_VERIFY_OK(store->append(u"booking-3"_s, events(202, 1), ExpectedRevision::any()));
}

QTEST_GUILESS_MAIN(tst_PostgresOutage)
#include "tst_postgresoutage.moc"
