#include "eventstore/PostgresEventStore.h"
#include "tests/postgres/PostgresTestServer.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

// Events as another store recorded them: positions from 1, an exact
// revision per stream, creation times in the past with milliseconds.
QList<RecordedEvent> recorded(qint64 firstPosition, int count,
                              const QStringList &streams = {u"table-T1"_s, u"booking-b1"_s})
{
    QList<RecordedEvent> events;
    QHash<QString, qint64> revisions;
    for (int i = 0; i < count; ++i) {
        RecordedEvent event;
        event.position = firstPosition + i;
        event.stream = streams.at(int(event.position % streams.size()));
        event.revision = revisions.value(event.stream, (firstPosition - 1) / streams.size());
        revisions.insert(event.stream, event.revision + 1);
        event.id = QUuid::createUuid();
        event.type = u"guest-arrived"_s;
        event.data = "{\"n\":" + QByteArray::number(event.position) + "}";
        event.metadata = "{\"$correlationId\":\"b1\"}";
        event.created
            = QDateTime::fromMSecsSinceEpoch(1764615600123 + event.position * 1001, Qt::UTC);
        events.append(event);
    }
    return events;
}

bool sameEvent(const RecordedEvent &a, const RecordedEvent &b)
{
    return a.position == b.position && a.stream == b.stream && a.revision == b.revision
        && a.id == b.id && a.type == b.type && a.data == b.data && a.metadata == b.metadata
        && a.created == b.created;
}

} // namespace

// PostgresEventStore::importEvents: events recorded by another store are
// written as they are, or not at all.
class tst_PostgresImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importedEventsReadBackAsTheyWereRecorded();
    void anImportThatDoesNotContinueTheStoreWritesNothing_data();
    void anImportThatDoesNotContinueTheStoreWritesNothing();
    void appendsContinueAfterAnImport();

private:
    test::PostgresTestServer m_server;
    std::unique_ptr<PostgresEventStore> m_store;
};

void tst_PostgresImport::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_server.start());
}

void tst_PostgresImport::init()
{
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    auto store = PostgresEventStore::open(*url);
    PG_VERIFY_OK(store);
    m_store = std::move(store).value();
}

void tst_PostgresImport::cleanup()
{
    m_store.reset();
}

void tst_PostgresImport::importedEventsReadBackAsTheyWereRecorded()
{
    QSignalSpy appended(m_store.get(), &EventStore::appended);
    const QList<RecordedEvent> events = recorded(1, 250); // three INSERT statements
    auto first = m_store->importEvents(events.mid(0, 120));
    PG_VERIFY_OK(first);
    QCOMPARE(first.value(), 120);
    auto second = m_store->importEvents(events.mid(120));
    PG_VERIFY_OK(second);
    QCOMPARE(second.value(), 250);
    QCOMPARE(appended.size(), 2);

    auto read = m_store->readAll(0, 1000);
    PG_VERIFY_OK(read);
    QCOMPARE(read.value().size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        QVERIFY2(sameEvent(read.value().at(i), events.at(i)), qPrintable(QString::number(i)));
    auto revision = m_store->streamRevision(u"table-T1"_s);
    PG_VERIFY_OK(revision);
    QCOMPARE(revision.value(), 124);
}

void tst_PostgresImport::anImportThatDoesNotContinueTheStoreWritesNothing_data()
{
    QTest::addColumn<QList<RecordedEvent>>("events");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");

    const int invalid = int(StoreError::Code::InvalidArgument);
    const QList<RecordedEvent> next = recorded(11, 10);
    QTest::newRow("a first position past the store's next")
        << recorded(12, 5) << invalid << u"continues at position 11"_s;
    QTest::newRow("a first position the store holds already")
        << recorded(10, 5) << invalid << u"continues at position 11"_s;
    QList<RecordedEvent> gap = next;
    gap.removeAt(3);
    QTest::newRow("a gap in the positions") << gap << invalid << u"continues at position 14"_s;
    QList<RecordedEvent> skipped = next;
    for (RecordedEvent &event : skipped) {
        if (event.stream == u"booking-b1"_s && event.position > 12)
            ++event.revision;
    }
    QTest::newRow("a stream that skips a revision") << skipped << invalid << u"skips"_s;
    QTest::newRow("a stream that does not continue its stored revision")
        << recorded(11, 10, {u"table-T9"_s}) << invalid << u"has no events"_s;
    QList<RecordedEvent> duplicate = next;
    duplicate[4].id = QUuid::fromString(u"{00000000-0000-4000-8000-000000000001}"_s);
    QTest::newRow("an id stored already")
        << duplicate << int(StoreError::Code::DuplicateEventId) << u"stored already"_s;
}

void tst_PostgresImport::anImportThatDoesNotContinueTheStoreWritesNothing()
{
    QFETCH(QList<RecordedEvent>, events);
    QFETCH(int, code);
    QFETCH(QString, says);
    QList<RecordedEvent> stored = recorded(1, 10);
    stored[0].id = QUuid::fromString(u"{00000000-0000-4000-8000-000000000001}"_s);
    PG_VERIFY_OK(m_store->importEvents(stored));

    auto refused = m_store->importEvents(events);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.error().code()), code);
    QVERIFY2(refused.error().message().contains(says), qPrintable(refused.error().message()));
    QVERIFY2(refused.error().message().contains(u"nothing was written"_s),
             qPrintable(refused.error().message()));
    auto last = m_store->lastPosition();
    PG_VERIFY_OK(last);
    QCOMPARE(last.value(), 10);
}

void tst_PostgresImport::appendsContinueAfterAnImport()
{
    PG_VERIFY_OK(m_store->importEvents(recorded(1, 10)));
    auto appended = m_store->append(
        u"booking-b1"_s, {EventData::fromJson(u"party-left"_s, QJsonObject {{u"n"_s, 11}})},
        ExpectedRevision::exact(4));
    PG_VERIFY_OK(appended);
    QCOMPARE(appended.value().position, 11);
    QCOMPARE(appended.value().revision, 5);
}

QTEST_GUILESS_MAIN(tst_PostgresImport)
#include "tst_postgresimport.moc"
