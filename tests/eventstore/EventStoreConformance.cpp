#include "tests/eventstore/EventStoreConformance.h"

#include "eventstore/CatchUpSubscription.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/PersistentSubscription.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(hoststand::EventLogFilter)
using namespace std::chrono_literals;

namespace hoststand::test {

namespace {

const QString Initiated = u"table-booking-initiated"_s;
const QString Confirmed = u"table-booking-confirmed"_s;

EventData makeEvent(int n, const QString &type = Initiated)
{
    const EventMetadata metadata {u"booking-%1"_s.arg(n), {}, u"host"_s, u"stand-1"_s};
    return EventData::fromJson(type, QJsonObject {{u"n"_s, n}}, metadata.toJson());
}

QList<EventData> makeEvents(int count, int first = 0)
{
    QList<EventData> events;
    for (int i = 0; i < count; ++i)
        events.append(makeEvent(first + i));
    return events;
}

ExpectedRevision expectation(const QString &kind, qint64 revision)
{
    if (kind == u"any")
        return ExpectedRevision::any();
    if (kind == u"no stream")
        return ExpectedRevision::noStream();
    if (kind == u"stream exists")
        return ExpectedRevision::streamExists();
    return ExpectedRevision::exact(revision);
}

QList<qint64> positionsOf(const QList<RecordedEvent> &events)
{
    QList<qint64> positions;
    for (const RecordedEvent &event : events)
        positions.append(event.position);
    return positions;
}

QList<qint64> revisionsOf(const QList<RecordedEvent> &events)
{
    QList<qint64> revisions;
    for (const RecordedEvent &event : events)
        revisions.append(event.revision);
    return revisions;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> values;
    for (qint64 value = first; value <= last; ++value)
        values.append(value);
    return values;
}

int codeOf(StoreError::Code code)
{
    return int(code);
}

PersistentSubscription::Settings fastSettings()
{
    PersistentSubscription::Settings settings;
    settings.maxRetryCount = 2;
    settings.renewInterval = 100ms;
    return settings;
}

} // namespace

EventStoreConformance::EventStoreConformance(Factory factory, Cleanup cleanup, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_cleanup(std::move(cleanup))
{ }

void EventStoreConformance::init()
{
    QString name = QString::fromLatin1(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag())
        name += u'-' + QString::fromUtf8(tag);
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() || c.unicode() > 127)
            c = u'_';
    }
    m_store = m_factory(name.left(80));
    QVERIFY2(m_store, "The factory yields no store.");
}

void EventStoreConformance::cleanup()
{
    m_store.reset();
    if (m_cleanup)
        m_cleanup();
}

// --- append ---

void EventStoreConformance::appendChecksTheExpectedRevision_data()
{
    QTest::addColumn<int>("existing");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("actual");

    QTest::newRow("any appends to a missing stream") << 0 << u"any"_s << 0LL << true << -1LL;
    QTest::newRow("any appends to an existing stream") << 2 << u"any"_s << 0LL << true << 1LL;
    QTest::newRow("no stream appends to a missing stream")
        << 0 << u"no stream"_s << 0LL << true << -1LL;
    QTest::newRow("no stream is refused on an existing stream")
        << 2 << u"no stream"_s << 0LL << false << 1LL;
    QTest::newRow("stream exists is refused on a missing stream")
        << 0 << u"stream exists"_s << 0LL << false << -1LL;
    QTest::newRow("stream exists appends to an existing stream")
        << 2 << u"stream exists"_s << 0LL << true << 1LL;
    QTest::newRow("the exact current revision appends") << 2 << u"exact"_s << 1LL << true << 1LL;
    QTest::newRow("an exact revision behind the stream is refused")
        << 2 << u"exact"_s << 0LL << false << 1LL;
    QTest::newRow("an exact revision ahead of the stream is refused")
        << 2 << u"exact"_s << 5LL << false << 1LL;
    QTest::newRow("an exact revision on a missing stream is refused")
        << 0 << u"exact"_s << 0LL << false << -1LL;
    QTest::newRow("the exact revision of no stream appends to a missing stream")
        << 0 << u"exact"_s << -1LL << true << -1LL;
}

void EventStoreConformance::appendChecksTheExpectedRevision()
{
    QFETCH(int, existing);
    QFETCH(QString, kind);
    QFETCH(qint64, revision);
    QFETCH(bool, accepted);
    QFETCH(qint64, actual);

    const QString stream = u"table-T1"_s;
    HS_VERIFY_OK(store().append(u"booking-B1"_s, makeEvents(1), ExpectedRevision::any()));
    if (existing > 0)
        HS_VERIFY_OK(store().append(stream, makeEvents(existing), ExpectedRevision::any()));
    const qint64 lastBefore = store().lastPosition().value();

    auto result = store().append(stream, makeEvents(2, 100), expectation(kind, revision));

    QCOMPARE(result.ok(), accepted);
    auto events = store().readStream(stream, ReadDirection::Forwards, 0, 100);
    HS_VERIFY_OK(events);
    if (accepted) {
        QCOMPARE(result.value().revision, actual + 2);
        QCOMPARE(result.value().position, lastBefore + 2);
        QCOMPARE(events.value().size(), existing + 2);
        return;
    }
    QCOMPARE(result.error().code(), StoreError::Code::WrongExpectedRevision);
    QCOMPARE(result.error().actualRevision(), actual);
    QVERIFY2(result.error().message().contains(stream), qPrintable(result.error().message()));
    QCOMPARE(events.value().size(), existing);
    QCOMPARE(store().lastPosition().value(), lastBefore);
}

void EventStoreConformance::appendWritesAllEventsOrNone_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("code");

    QTest::newRow("a batch of valid events writes them all") << u"none"_s << -1;
    QTest::newRow("a batch with an event without type writes none")
        << u"type"_s << codeOf(StoreError::Code::InvalidEventType);
    QTest::newRow("a batch with data that is not an object writes none")
        << u"data"_s << codeOf(StoreError::Code::InvalidEventData);
    QTest::newRow("a batch with malformed metadata writes none")
        << u"metadata"_s << codeOf(StoreError::Code::InvalidMetadata);
    QTest::newRow("a batch with the id of a stored event writes none")
        << u"stored id"_s << codeOf(StoreError::Code::DuplicateEventId);
    QTest::newRow("a batch holding one id twice writes none")
        << u"repeated id"_s << codeOf(StoreError::Code::DuplicateEventId);
}

void EventStoreConformance::appendWritesAllEventsOrNone()
{
    QFETCH(QString, fault);
    QFETCH(int, code);

    const EventData stored = makeEvent(0);
    HS_VERIFY_OK(store().append(u"booking-B1"_s, {stored}, ExpectedRevision::noStream()));
    QList<EventData> batch = makeEvents(3, 1);
    EventData &bad = batch[1];
    if (fault == u"type")
        bad.type.clear();
    else if (fault == u"data")
        bad.data = "[1,2]";
    else if (fault == u"metadata")
        bad.metadata = "{\"user\":";
    else if (fault == u"stored id")
        bad.id = stored.id;
    else if (fault == u"repeated id")
        bad.id = batch.at(0).id;

    auto result = store().append(u"table-T1"_s, batch, ExpectedRevision::any());

    if (code < 0) {
        HS_VERIFY_OK(result);
        QCOMPARE(store().readStream(u"table-T1"_s, ReadDirection::Forwards, 0, 10).value().size(),
                 3);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code()), code);
    QCOMPARE(store().streamRevision(u"table-T1"_s).value(), NoStreamRevision);
    QCOMPARE(store().lastPosition().value(), 1);
}

void EventStoreConformance::appendRefusesBadInput_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<bool>("withId");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("code");

    const QString stream = u"table-T1"_s;
    const QByteArray data = "{\"n\":1}";
    const QByteArray metadata = "{\"user\":\"host\"}";
    const int badStream = codeOf(StoreError::Code::InvalidStreamName);
    const int badData = codeOf(StoreError::Code::InvalidEventData);
    const int badMetadata = codeOf(StoreError::Code::InvalidMetadata);
    const int badArgument = codeOf(StoreError::Code::InvalidArgument);
    const auto row = [&](const char *name, const QString &streamName) -> QTestData & {
        return QTest::newRow(name) << streamName << Initiated << data << metadata << true << 1;
    };

    row("an empty stream name is refused", QString()) << badStream;
    row("a stream name with a space is refused", u"table T1"_s) << badStream;
    row("a stream name with a slash is refused", u"table/T1"_s) << badStream;
    row("a stream name that starts with a dash is refused", u"-T1"_s) << badStream;
    row("a stream name longer than 200 characters is refused", QString(201, u'a')) << badStream;
    row("a stream name with a letter outside ASCII is refused", u"tabl\u00e9-T1"_s) << badStream;
    QTest::newRow("an empty event type is refused")
        << stream << QString() << data << metadata << true << 1
        << codeOf(StoreError::Code::InvalidEventType);
    QTest::newRow("a blank event type is refused")
        << stream << u"  "_s << data << metadata << true << 1
        << codeOf(StoreError::Code::InvalidEventType);
    const auto dataRow = [&](const char *name, const QByteArray &bytes, int code) {
        QTest::newRow(name) << stream << Initiated << bytes << metadata << true << 1 << code;
    };
    dataRow("data that is a JSON array is refused", "[1,2]", badData);
    dataRow("data that is a number is refused", "42", badData);
    dataRow("data that is a string is refused", "\"text\"", badData);
    dataRow("data that is null is refused", "null", badData);
    dataRow("data that is garbage is refused", "{not json", badData);
    dataRow("empty data is refused", QByteArray(), badData);
    dataRow("data with a key twice is refused", R"({"n":1,"n":2})", badData);
    dataRow("data with a key twice in a nested object is refused",
            R"({"slot":{"from":"a","from":"b"}})", badData);
    dataRow("data that is not UTF-8 is refused", "{\"guest\":\"Andr\xe9\"}", badData);
    dataRow("data with an unpaired surrogate escape is refused", R"({"guest":"\ud83c"})", badData);
    dataRow("data with a number beyond a double is refused", R"({"n":1e400})", badData);
    dataRow("data with an integer beyond 64 bits is refused", R"({"n":18446744073709551616})",
            badData);
    dataRow("data with an unescaped control character is refused", "{\"note\":\"a\tb\"}", badData);
    dataRow("data nested more than 32 deep is refused",
            "{\"a\":" + QByteArray(32, '[') + QByteArray(32, ']') + "}", badData);
    QTest::newRow("metadata that is an array is refused")
        << stream << Initiated << data << QByteArray("[]") << true << 1 << badMetadata;
    QTest::newRow("metadata that is garbage is refused")
        << stream << Initiated << data << QByteArray("{\"a\":") << true << 1 << badMetadata;
    QTest::newRow("metadata with a key twice is refused")
        << stream << Initiated << data << QByteArray(R"({"user":"a","user":"b"})") << true << 1
        << badMetadata;
    QTest::newRow("an event without id is refused")
        << stream << Initiated << data << metadata << false << 1 << badArgument;
    QTest::newRow("an append of no events is refused")
        << stream << Initiated << data << metadata << true << 0 << badArgument;
}

void EventStoreConformance::appendRefusesBadInput()
{
    QFETCH(QString, stream);
    QFETCH(QString, type);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, metadata);
    QFETCH(bool, withId);
    QFETCH(int, count);
    QFETCH(int, code);

    QList<EventData> events;
    for (int i = 0; i < count; ++i)
        events.append(EventData {withId ? newEventId() : QUuid(), type, data, metadata});
    QSignalSpy appended(&store(), &EventStore::appended);

    auto result = store().append(stream, events, ExpectedRevision::any());

    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code()), code);
    QVERIFY(!result.error().message().isEmpty());
    QCOMPARE(store().lastPosition().value(), 0);
    QCOMPARE(appended.count(), 0);
}

void EventStoreConformance::reAppendingTheSameIdsIsIdempotent_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("existing");
    QTest::addColumn<bool>("laterAppends");

    QTest::newRow("a retry with the exact revision succeeds without writing")
        << u"exact"_s << 1 << false;
    QTest::newRow("a retry with no stream succeeds without writing")
        << u"no stream"_s << 0 << false;
    QTest::newRow("a retry with any succeeds without writing") << u"any"_s << 1 << false;
    QTest::newRow("a retry with stream exists succeeds without writing")
        << u"stream exists"_s << 1 << false;
    QTest::newRow("a retry with the exact revision after later appends still succeeds")
        << u"exact"_s << 1 << true;
    QTest::newRow("a retry with no stream after later appends still succeeds")
        << u"no stream"_s << 0 << true;
}

void EventStoreConformance::reAppendingTheSameIdsIsIdempotent()
{
    QFETCH(QString, kind);
    QFETCH(int, existing);
    QFETCH(bool, laterAppends);

    const QString stream = u"table-T1"_s;
    if (existing > 0)
        HS_VERIFY_OK(store().append(stream, makeEvents(existing), ExpectedRevision::any()));
    const QList<EventData> batch = makeEvents(3, 10);
    const ExpectedRevision expected = expectation(kind, existing - 1);
    auto first = store().append(stream, batch, expected);
    HS_VERIFY_OK(first);
    if (laterAppends)
        HS_VERIFY_OK(store().append(stream, makeEvents(2, 20), ExpectedRevision::any()));
    const qint64 lastBefore = store().lastPosition().value();
    QSignalSpy appended(&store(), &EventStore::appended);

    auto retry = store().append(stream, batch, expected);

    HS_VERIFY_OK(retry);
    QCOMPARE(retry.value().revision, first.value().revision);
    QCOMPARE(retry.value().position, first.value().position);
    QCOMPARE(store().lastPosition().value(), lastBefore);
    QCOMPARE(appended.count(), 0);
    const int expectedCount = existing + 3 + (laterAppends ? 2 : 0);
    QCOMPARE(store().readStream(stream, ReadDirection::Forwards, 0, 100).value().size(),
             expectedCount);
}

void EventStoreConformance::storedIdsElsewhereAreRefused_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("code");

    const int duplicate = codeOf(StoreError::Code::DuplicateEventId);
    QTest::newRow("an id stored in another stream is refused") << u"other stream"_s << duplicate;
    QTest::newRow("an id stored earlier in the stream is refused at a new revision")
        << u"earlier"_s << duplicate;
    QTest::newRow("stored ids in another order are refused") << u"reordered"_s << duplicate;
    QTest::newRow("a stored id together with a new one is refused") << u"mixed"_s << duplicate;
    QTest::newRow("stored ids at another exact revision are refused")
        << u"other revision"_s << duplicate;
    QTest::newRow("a stored id with a wrong expectation reports the expectation")
        << u"wrong expectation"_s << codeOf(StoreError::Code::WrongExpectedRevision);
}

void EventStoreConformance::storedIdsElsewhereAreRefused()
{
    QFETCH(QString, scenario);
    QFETCH(int, code);

    const QString stream = u"table-T1"_s;
    const EventData a = makeEvent(1);
    const EventData b = makeEvent(2);
    QList<EventData> batch;
    ExpectedRevision expected = ExpectedRevision::any();
    if (scenario == u"other stream") {
        HS_VERIFY_OK(store().append(u"booking-B1"_s, {a}, ExpectedRevision::any()));
        batch = {a};
    } else if (scenario == u"earlier") {
        HS_VERIFY_OK(store().append(stream, {a, b}, ExpectedRevision::any()));
        batch = {a};
        expected = ExpectedRevision::exact(1);
    } else if (scenario == u"reordered") {
        HS_VERIFY_OK(store().append(stream, {a, b}, ExpectedRevision::any()));
        batch = {b, a};
    } else if (scenario == u"mixed") {
        HS_VERIFY_OK(store().append(stream, {a}, ExpectedRevision::any()));
        batch = {a, makeEvent(3)};
    } else if (scenario == u"other revision") {
        HS_VERIFY_OK(store().append(stream, {a}, ExpectedRevision::noStream()));
        batch = {a};
        expected = ExpectedRevision::exact(0);
    } else {
        HS_VERIFY_OK(store().append(stream, {a, b}, ExpectedRevision::any()));
        batch = {a};
        expected = ExpectedRevision::exact(5);
    }
    const qint64 lastBefore = store().lastPosition().value();

    auto result = store().append(stream, batch, expected);

    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code()), code);
    QVERIFY(!result.error().message().isEmpty());
    QCOMPARE(store().lastPosition().value(), lastBefore);
}

// --- reads ---

void EventStoreConformance::readStreamReadsARange_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<bool>("forwards");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("maxCount");
    QTest::addColumn<QList<qint64>>("revisions");

    const QString stream = u"table-T1"_s;
    QTest::newRow("forwards from the start reads every event")
        << stream << true << 0LL << 100LL << range(0, 9);
    QTest::newRow("forwards from revision 3 with at most 4 reads 3 to 6")
        << stream << true << 3LL << 4LL << range(3, 6);
    QTest::newRow("forwards from the last revision reads one")
        << stream << true << 9LL << 100LL << QList<qint64> {9};
    QTest::newRow("forwards past the end reads nothing")
        << stream << true << 10LL << 100LL << QList<qint64> {};
    QTest::newRow("backwards from the end reads every event in reverse")
        << stream << false << EndOfStream << 100LL << QList<qint64> {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    QTest::newRow("backwards from revision 5 with at most 3 reads 5 4 3")
        << stream << false << 5LL << 3LL << QList<qint64> {5, 4, 3};
    QTest::newRow("backwards from past the end starts at the last event")
        << stream << false << 50LL << 2LL << QList<qint64> {9, 8};
    QTest::newRow("a count of zero reads nothing")
        << stream << true << 0LL << 0LL << QList<qint64> {};
    QTest::newRow("an unknown stream reads as empty")
        << u"table-T9"_s << true << 0LL << 100LL << QList<qint64> {};
    QTest::newRow("an unknown stream reads as empty backwards")
        << u"table-T9"_s << false << EndOfStream << 100LL << QList<qint64> {};
}

void EventStoreConformance::readStreamReadsARange()
{
    QFETCH(QString, stream);
    QFETCH(bool, forwards);
    QFETCH(qint64, from);
    QFETCH(qint64, maxCount);
    QFETCH(QList<qint64>, revisions);

    // Another stream in between, so that positions and revisions differ.
    QList<EventData> written;
    for (int i = 0; i < 10; ++i) {
        written.append(makeEvent(i));
        HS_VERIFY_OK(store().append(u"table-T1"_s, {written.constLast()}, ExpectedRevision::any()));
        HS_VERIFY_OK(store().append(u"booking-B1"_s, makeEvents(1), ExpectedRevision::any()));
    }

    auto events = store().readStream(
        stream, forwards ? ReadDirection::Forwards : ReadDirection::Backwards, from, maxCount);

    HS_VERIFY_OK(events);
    QCOMPARE(revisionsOf(events.value()), revisions);
    for (const RecordedEvent &event : events.value()) {
        QCOMPARE(event.stream, stream);
        QCOMPARE(event.position, 2 * event.revision + 1);
        QCOMPARE(event.id, written.at(event.revision).id);
        QCOMPARE(event.data, written.at(event.revision).data);
    }
}

void EventStoreConformance::readStreamRefusesBadArguments_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<bool>("forwards");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("maxCount");
    QTest::addColumn<int>("code");

    QTest::newRow("an invalid stream name is refused")
        << u"table T1"_s << true << 0LL << 10LL << codeOf(StoreError::Code::InvalidStreamName);
    QTest::newRow("a negative count is refused")
        << u"table-T1"_s << true << 0LL << -1LL << codeOf(StoreError::Code::InvalidArgument);
    QTest::newRow("a negative revision forwards is refused")
        << u"table-T1"_s << true << -1LL << 10LL << codeOf(StoreError::Code::InvalidArgument);
    QTest::newRow("a revision below the end of the stream backwards is refused")
        << u"table-T1"_s << false << -2LL << 10LL << codeOf(StoreError::Code::InvalidArgument);
}

void EventStoreConformance::readStreamRefusesBadArguments()
{
    QFETCH(QString, stream);
    QFETCH(bool, forwards);
    QFETCH(qint64, from);
    QFETCH(qint64, maxCount);
    QFETCH(int, code);

    auto events = store().readStream(
        stream, forwards ? ReadDirection::Forwards : ReadDirection::Backwards, from, maxCount);

    QVERIFY(!events.ok());
    QCOMPARE(int(events.error().code()), code);
}

void EventStoreConformance::readAllFiltersByCategoryAndType_data()
{
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<qint64>("maxCount");
    QTest::addColumn<QList<qint64>>("positions");

    const QStringList none;
    QTest::newRow("no filter reads every event in position order")
        << none << none << 0LL << 100LL << range(1, 8);
    QTest::newRow("a page after a position holds at most the count")
        << none << none << 3LL << 2LL << QList<qint64> {4, 5};
    QTest::newRow("the table category holds the table streams only")
        << QStringList {u"table"_s} << none << 0LL << 100LL << QList<qint64> {1, 2, 4, 6};
    QTest::newRow("two categories read both in position order")
        << QStringList {u"table"_s, u"booking"_s} << none << 0LL << 100LL
        << QList<qint64> {1, 2, 4, 5, 6, 8};
    QTest::newRow("a category is the whole prefix before the first dash")
        << QStringList {u"tablemanager"_s} << none << 0LL << 100LL << QList<qint64> {3};
    QTest::newRow("a category may hold a dot")
        << QStringList {u"table.x"_s} << none << 0LL << 100LL << QList<qint64> {7};
    QTest::newRow("an event type filter reads those types only")
        << none << QStringList {u"table-created"_s} << 0LL << 100LL << QList<qint64> {1, 2, 4, 7};
    QTest::newRow("two event types read both")
        << none << QStringList {u"table-renamed"_s, u"booking-confirmed"_s} << 0LL << 100LL
        << QList<qint64> {6, 8};
    QTest::newRow("a category and a type filter combine")
        << QStringList {u"table"_s} << QStringList {u"table-renamed"_s} << 0LL << 100LL
        << QList<qint64> {6};
    QTest::newRow("a filtered page starts after the position")
        << QStringList {u"table"_s} << none << 2LL << 2LL << QList<qint64> {4, 6};
    QTest::newRow("an unknown category reads nothing")
        << QStringList {u"guest"_s} << none << 0LL << 100LL << QList<qint64> {};
    QTest::newRow("a category holding a dash reads nothing")
        << QStringList {u"table-T1"_s} << none << 0LL << 100LL << QList<qint64> {};
    QTest::newRow("a read after the last position reads nothing")
        << none << none << 8LL << 100LL << QList<qint64> {};
}

void EventStoreConformance::readAllFiltersByCategoryAndType()
{
    QFETCH(QStringList, categories);
    QFETCH(QStringList, types);
    QFETCH(qint64, after);
    QFETCH(qint64, maxCount);
    QFETCH(QList<qint64>, positions);

    const std::pair<QString, QString> fixture[] = {
        {u"table-T1"_s, u"table-created"_s},        {u"table-T2"_s, u"table-created"_s},
        {u"tablemanager-X"_s, u"layout-changed"_s}, {u"table"_s, u"table-created"_s},
        {u"booking-B1"_s, u"booking-initiated"_s},  {u"table-T1"_s, u"table-renamed"_s},
        {u"table.x-1"_s, u"table-created"_s},       {u"booking-B2"_s, u"booking-confirmed"_s},
    };
    for (const auto &[stream, type] : fixture)
        HS_VERIFY_OK(store().append(stream, {makeEvent(0, type)}, ExpectedRevision::any()));
    const ReadAllFilter filter {categories, types};

    auto events = store().readAll(after, maxCount, filter);

    HS_VERIFY_OK(events);
    QCOMPARE(positionsOf(events.value()), positions);
    // The store's filter agrees with ReadAllFilter::matches on every event.
    QList<qint64> matching;
    for (const RecordedEvent &event : store().readAll(after, 100).value()) {
        if (filter.matches(event) && matching.size() < maxCount)
            matching.append(event.position);
    }
    QCOMPARE(positionsOf(events.value()), matching);
}

void EventStoreConformance::readLogPagesByStreamTypeAndCorrelation_data()
{
    QTest::addColumn<EventLogFilter>("filter");
    QTest::addColumn<QList<qint64>>("positions");

    // 1 T1 created (b1), 2 B1 initiated (b1), 3 T2 created (b2), 4 T1 renamed (b1),
    // 5 B2 initiated (b2, a name with control characters), 6 B1 confirmed (b1).
    const QString b2 = u"b2\u0001\n\t"_s;
    QTest::newRow("every event, oldest first") << EventLogFilter {} << range(1, 6);
    QTest::newRow("every event, newest first, a page")
        << EventLogFilter {.limit = 2, .newestFirst = true} << QList<qint64> {6, 5};
    QTest::newRow("between two positions, newest first")
        << EventLogFilter {.afterPosition = 1, .beforePosition = 5, .newestFirst = true}
        << QList<qint64> {4, 3, 2};
    QTest::newRow("by stream, in the stream's order")
        << EventLogFilter {.stream = u"table-T1"_s} << QList<qint64> {1, 4};
    QTest::newRow("by stream, newest first before a position")
        << EventLogFilter {.stream = u"booking-B1"_s, .beforePosition = 6, .newestFirst = true}
        << QList<qint64> {2};
    QTest::newRow("by type") << EventLogFilter {.type = u"table-created"_s} << QList<qint64> {1, 3};
    QTest::newRow("by correlation, across streams")
        << EventLogFilter {.correlationId = u"b1"_s} << QList<qint64> {1, 2, 4, 6};
    QTest::newRow("by correlation with control characters")
        << EventLogFilter {.correlationId = b2} << QList<qint64> {3, 5};
    QTest::newRow("by correlation, newest first, after a position")
        << EventLogFilter {.correlationId = u"b1"_s, .afterPosition = 2, .newestFirst = true}
        << QList<qint64> {6, 4};
    QTest::newRow("by stream and type")
        << EventLogFilter {.stream = u"table-T1"_s, .type = u"table-renamed"_s}
        << QList<qint64> {4};
    QTest::newRow("by type and correlation")
        << EventLogFilter {.type = u"booking-initiated"_s, .correlationId = b2}
        << QList<qint64> {5};
    QTest::newRow("by all three, none match")
        << EventLogFilter {.stream = u"table-T1"_s, .type = u"table-created"_s, .correlationId = b2}
        << QList<qint64> {};
    QTest::newRow("a stream nobody wrote")
        << EventLogFilter {.stream = u"table-T9"_s} << QList<qint64> {};
    QTest::newRow("a limit of 0") << EventLogFilter {.limit = 0} << QList<qint64> {};
}

void EventStoreConformance::readLogPagesByStreamTypeAndCorrelation()
{
    QFETCH(EventLogFilter, filter);
    QFETCH(QList<qint64>, positions);

    const QString b2 = u"b2\u0001\n\t"_s;
    const std::tuple<QString, QString, QString> fixture[] = {
        {u"table-T1"_s, u"table-created"_s, u"b1"_s},
        {u"booking-B1"_s, u"booking-initiated"_s, u"b1"_s},
        {u"table-T2"_s, u"table-created"_s, b2},
        {u"table-T1"_s, u"table-renamed"_s, u"b1"_s},
        {u"booking-B2"_s, u"booking-initiated"_s, b2},
        {u"booking-B1"_s, u"booking-confirmed"_s, u"b1"_s},
    };
    for (const auto &[stream, type, correlation] : fixture) {
        const EventMetadata metadata {correlation, {}, u"host"_s, u"stand-1"_s};
        const EventData event
            = EventData::fromJson(type, QJsonObject {{u"n"_s, 1}}, metadata.toJson());
        HS_VERIFY_OK(store().append(stream, {event}, ExpectedRevision::any()));
    }

    auto events = store().readLog(filter);

    HS_VERIFY_OK(events);
    QCOMPARE(positionsOf(events.value()), positions);
    // Each event is read whole, with its stream.
    const auto all = store().readAll(0, 100);
    HS_VERIFY_OK(all);
    for (const RecordedEvent &event : events.value()) {
        const RecordedEvent &stored = all.value().at(event.position - 1);
        QCOMPARE(event.id, stored.id);
        QCOMPARE(event.stream, stored.stream);
        QCOMPARE(event.revision, stored.revision);
        QCOMPARE(event.type, stored.type);
        QCOMPARE(event.data, stored.data);
        QCOMPARE(event.metadata, stored.metadata);
        QCOMPARE(event.created, stored.created);
    }
}

void EventStoreConformance::readLogRefusesBadArguments()
{
    for (const EventLogFilter &filter :
         {EventLogFilter {.afterPosition = -1}, EventLogFilter {.limit = -1},
          EventLogFilter {.beforePosition = -1}}) {
        auto events = store().readLog(filter);
        QVERIFY(!events.ok());
        QCOMPARE(codeOf(events.error().code()), codeOf(StoreError::Code::InvalidArgument));
    }
}

void EventStoreConformance::positionsAreGapFreeAndIncreasing()
{
    QList<qint64> returned;
    for (int i = 0; i < 5; ++i) {
        auto single = store().append(u"table-T1"_s, makeEvents(1, i), ExpectedRevision::any());
        HS_VERIFY_OK(single);
        returned.append(single.value().position);
        auto batch
            = store().append(u"booking-B%1"_s.arg(i), makeEvents(3), ExpectedRevision::any());
        HS_VERIFY_OK(batch);
        returned.append(batch.value().position);
        // Refused appends must not use up positions.
        QVERIFY(!store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::noStream()).ok());
        QVERIFY(!store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::exact(99)).ok());
    }

    auto events = store().readAll(0, 100);

    HS_VERIFY_OK(events);
    QCOMPARE(positionsOf(events.value()), range(1, 20));
    QCOMPARE(returned, (QList<qint64> {1, 4, 5, 8, 9, 12, 13, 16, 17, 20}));
    QCOMPARE(store().lastPosition().value(), 20);
}

void EventStoreConformance::eventsRoundTrip_data()
{
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QJsonObject>("metadata");

    const EventMetadata full {u"booking-42"_s, u"command-7"_s, u"host"_s, u"stand-1"_s};
    QTest::newRow("correlation and causation ids, user and terminal survive")
        << QJsonObject {{u"partySize"_s, 4}} << full.toJson();
    QTest::newRow("empty metadata reads as an empty object")
        << QJsonObject {{u"partySize"_s, 2}} << QJsonObject();
    QTest::newRow("text outside ASCII survives")
        << QJsonObject {{u"guestName"_s, u"Zo\u00eb \u6771\u4eac"_s}}
        << EventMetadata {u"booking-1"_s, {}, u"Zo\u00eb"_s, {}}.toJson();
    QTest::newRow("nested data survives")
        << QJsonObject {{u"timeSlot"_s,
                         QJsonObject {{u"from"_s, u"2026-12-01T19:00:00Z"_s},
                                      {u"to"_s, u"2026-12-01T20:30:00Z"_s}}},
                        {u"tables"_s, QJsonArray {u"T1"_s, u"T2"_s}}}
        << full.toJson();
}

void EventStoreConformance::eventsRoundTrip()
{
    QFETCH(QJsonObject, data);
    QFETCH(QJsonObject, metadata);

    EventData event = EventData::fromJson(Initiated, data, metadata);
    if (metadata.isEmpty())
        event.metadata.clear();
    HS_VERIFY_OK(store().append(u"booking-B1"_s, {event}, ExpectedRevision::noStream()));

    auto events = store().readStream(u"booking-B1"_s, ReadDirection::Forwards, 0, 10);

    HS_VERIFY_OK(events);
    QCOMPARE(events.value().size(), 1);
    const RecordedEvent &read = events.value().constFirst();
    QCOMPARE(read.id, event.id);
    QCOMPARE(read.type, Initiated);
    QCOMPARE(read.data, event.data);
    QCOMPARE(read.dataObject(), data);
    QCOMPARE(read.metadataObject(), metadata);
    QCOMPARE(EventMetadata::fromJson(read.metadataObject()), EventMetadata::fromJson(metadata));
    QCOMPARE(read.category(), u"booking"_s);
}

void EventStoreConformance::createdTimeIsUtc()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::any()));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

    const RecordedEvent event = store().readAll(0, 1).value().constFirst();

    QCOMPARE(event.created.timeSpec(), Qt::UTC);
    QVERIFY2(event.created >= before && event.created <= after,
             qPrintable(event.created.toString(Qt::ISODateWithMs)));
}

void EventStoreConformance::appendedFiresRightAfterTheCommit()
{
    QList<qint64> signalled;
    qsizetype visibleInSlot = -1;
    connect(&store(), &EventStore::appended, this, [&](qint64 lastPosition) {
        signalled.append(lastPosition);
        visibleInSlot = store().readAll(0, 100).value().size();
    });

    auto result = store().append(u"table-T1"_s, makeEvents(2), ExpectedRevision::any());

    HS_VERIFY_OK(result);
    // Synchronously, before append() returned, and the events were readable.
    QCOMPARE(signalled, QList<qint64> {result.value().position});
    QCOMPARE(visibleInSlot, 2);
    QVERIFY(!store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::noStream()).ok());
    QCOMPARE(signalled.size(), 1);
    disconnect(&store(), nullptr, this, nullptr);
}

// --- catch-up subscriptions ---

void EventStoreConformance::catchUpDeliversHistoryThenLiveEvents_data()
{
    QTest::addColumn<qint64>("after");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QList<qint64>>("history");
    QTest::addColumn<QList<qint64>>("live");

    QTest::newRow("from the start it delivers every event")
        << 0LL << QStringList() << range(1, 3) << QList<qint64> {4, 5};
    QTest::newRow("after a position it delivers the later events")
        << 2LL << QStringList() << QList<qint64> {3} << QList<qint64> {4, 5};
    QTest::newRow("with a category it delivers that category only")
        << 0LL << QStringList {u"table"_s} << QList<qint64> {1, 3} << QList<qint64> {4};
}

void EventStoreConformance::catchUpDeliversHistoryThenLiveEvents()
{
    QFETCH(qint64, after);
    QFETCH(QStringList, categories);
    QFETCH(QList<qint64>, history);
    QFETCH(QList<qint64>, live);

    for (const QString &stream : {u"table-T1"_s, u"booking-B1"_s, u"table-T2"_s})
        HS_VERIFY_OK(store().append(stream, makeEvents(1), ExpectedRevision::any()));
    CatchUpSubscription subscription(store(), after, ReadAllFilter::byCategory(categories));
    constexpr qint64 CaughtUp = -1;
    QList<qint64> sequence;
    connect(&subscription, &CatchUpSubscription::eventAppeared, this,
            [&](const RecordedEvent &event) { sequence.append(event.position); });
    connect(&subscription, &CatchUpSubscription::caughtUp, this,
            [&] { sequence.append(CaughtUp); });

    subscription.start();
    QCOMPARE(sequence, history + QList<qint64> {CaughtUp});
    QVERIFY(subscription.isCaughtUp());
    for (const QString &stream : {u"table-T1"_s, u"booking-B1"_s})
        HS_VERIFY_OK(store().append(stream, makeEvents(1), ExpectedRevision::any()));

    QTRY_COMPARE(sequence, history + QList<qint64> {CaughtUp} + live);
    QTest::qWait(20);
    QCOMPARE(sequence, history + QList<qint64> {CaughtUp} + live);
    // Events a filter left out are read past too.
    QCOMPARE(subscription.position(), 5);
}

void EventStoreConformance::catchUpDropsOnStop()
{
    CatchUpSubscription subscription(store(), 0);
    QSignalSpy delivered(&subscription, &CatchUpSubscription::eventAppeared);
    QSignalSpy dropped(&subscription, &CatchUpSubscription::dropped);
    subscription.start();
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::any()));
    QTRY_COMPARE(delivered.count(), 1);

    subscription.stop();

    QCOMPARE(dropped.count(), 1);
    QVERIFY(!subscription.isRunning());
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::any()));
    QTest::qWait(20);
    QCOMPARE(delivered.count(), 1);
    QCOMPARE(dropped.count(), 1);
}

// A handler that appends while an event is delivered (a saga reacting) must
// not see events twice, out of order, or miss the ones it appended.
void EventStoreConformance::catchUpHandlerThatAppendsGetsEverythingOnce()
{
    constexpr int Rounds = 20;
    HS_VERIFY_OK(store().append(u"table-T1"_s, {makeEvent(0)}, ExpectedRevision::any()));
    CatchUpSubscription subscription(store(), 0);
    QList<qint64> delivered;
    connect(&subscription, &CatchUpSubscription::eventAppeared, this,
            [&](const RecordedEvent &event) {
                delivered.append(event.position);
                const int n = event.dataObject().value(u"n"_s).toInt();
                if (event.type != Initiated || n >= Rounds)
                    return;
                (void)store().append(u"table-T1"_s, {makeEvent(n + 1)}, ExpectedRevision::any());
                (void)store().append(u"booking-B1"_s, {makeEvent(n, Confirmed)},
                                     ExpectedRevision::any());
            });

    subscription.start();

    const qint64 total = 2 * Rounds + 1;
    QTRY_COMPARE(delivered.size(), total);
    QTest::qWait(20);
    QCOMPARE(delivered, range(1, total));
    QCOMPARE(store().lastPosition().value(), total);
}

// --- persistent subscription groups: the store's bookkeeping ---

void EventStoreConformance::groupCreationKeepsAnExistingCheckpoint()
{
    HS_VERIFY_OK(store().createGroup(u"sagas"_s, 5));
    HS_VERIFY_OK(store().createGroup(u"sagas"_s, 0));

    auto info = store().groupInfo(u"sagas"_s);

    HS_VERIFY_OK(info);
    QCOMPARE(info.value().name, u"sagas"_s);
    QCOMPARE(info.value().checkpoint, 5);
    QVERIFY(info.value().leaseOwner.isEmpty());
}

void EventStoreConformance::unknownGroupsAreNotFound()
{
    auto info = store().groupInfo(u"nobody"_s);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code(), StoreError::Code::NotFound);

    auto lease = store().acquireLease(u"nobody"_s, u"me"_s, 1s);
    QVERIFY(!lease.ok());
    QCOMPARE(lease.error().code(), StoreError::Code::NotFound);
}

void EventStoreConformance::leaseIsHeldByOneOwnerUntilItExpires()
{
    const QString group = u"sagas"_s;
    HS_VERIFY_OK(store().createGroup(group, 0));
    QCOMPARE(store().acquireLease(group, u"a"_s, 1500ms).value(), true);
    QElapsedTimer sinceRenewal;
    sinceRenewal.start();

    QCOMPARE(store().acquireLease(group, u"b"_s, 1500ms).value(), false);
    QCOMPARE(store().groupInfo(group).value().leaseOwner, u"a"_s);
    QVERIFY(store().groupInfo(group).value().leaseExpires > QDateTime::currentDateTimeUtc());
    QCOMPARE(store().acquireLease(group, u"a"_s, 1500ms).value(), true);
    sinceRenewal.restart();

    QTRY_VERIFY_WITH_TIMEOUT(store().acquireLease(group, u"b"_s, 1500ms).value(), 10000);
    QVERIFY2(sinceRenewal.elapsed() >= 1400, qPrintable(QString::number(sinceRenewal.elapsed())));
    QCOMPARE(store().groupInfo(group).value().leaseOwner, u"b"_s);
    auto fenced = store().advanceCheckpoint(group, u"a"_s, 1);
    QVERIFY(!fenced.ok());
    QCOMPARE(fenced.error().code(), StoreError::Code::LeaseNotHeld);
}

void EventStoreConformance::releasedLeaseCanBeTakenAtOnce()
{
    const QString group = u"sagas"_s;
    HS_VERIFY_OK(store().createGroup(group, 0));
    QCOMPARE(store().acquireLease(group, u"a"_s, 30s).value(), true);

    HS_VERIFY_OK(store().releaseLease(group, u"a"_s));

    QCOMPARE(store().acquireLease(group, u"b"_s, 30s).value(), true);
    // Only the holder can release.
    HS_VERIFY_OK(store().releaseLease(group, u"a"_s));
    QCOMPARE(store().acquireLease(group, u"a"_s, 30s).value(), false);
    QCOMPARE(store().groupInfo(group).value().leaseOwner, u"b"_s);
}

void EventStoreConformance::fencedWritesNeedTheLease_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("holder");

    for (const char *operation : {"advancing the checkpoint", "counting a retry",
                                  "parking an event", "unparking an event"}) {
        QTest::addRow("%s is refused when nobody holds the lease", operation)
            << QString::fromLatin1(operation) << QString();
        QTest::addRow("%s is refused while another consumer holds the lease", operation)
            << QString::fromLatin1(operation) << u"other"_s;
        QTest::addRow("%s is refused when the consumer's own lease has expired", operation)
            << QString::fromLatin1(operation) << u"expired"_s;
    }
}

void EventStoreConformance::fencedWritesNeedTheLease()
{
    QFETCH(QString, operation);
    QFETCH(QString, holder);

    const QString group = u"sagas"_s;
    const QString me = u"me"_s;
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    HS_VERIFY_OK(store().createGroup(group, 0));
    QCOMPARE(store().acquireLease(group, me, 30s).value(), true);
    HS_VERIFY_OK(store().parkEvent(group, me, 1, u"kept aside"_s));
    HS_VERIFY_OK(store().releaseLease(group, me));
    if (holder == u"other") {
        QCOMPARE(store().acquireLease(group, holder, 30s).value(), true);
    } else if (holder == u"expired") {
        QCOMPARE(store().acquireLease(group, me, 50ms).value(), true);
        QTest::qWait(150);
    }
    const qint64 checkpoint = store().groupInfo(group).value().checkpoint;

    StoreError::Code code = StoreError::Code::Database;
    if (operation == u"advancing the checkpoint") {
        auto result = store().advanceCheckpoint(group, me, 3);
        QVERIFY(!result.ok());
        code = result.error().code();
    } else if (operation == u"counting a retry") {
        auto result = store().recordRetry(group, me, 2);
        QVERIFY(!result.ok());
        code = result.error().code();
    } else if (operation == u"parking an event") {
        auto result = store().parkEvent(group, me, 3, u"no"_s);
        QVERIFY(!result.ok());
        code = result.error().code();
    } else {
        auto result = store().unparkEvent(group, me, 1);
        QVERIFY(!result.ok());
        code = result.error().code();
    }

    QCOMPARE(code, StoreError::Code::LeaseNotHeld);
    QCOMPARE(store().groupInfo(group).value().checkpoint, checkpoint);
    const auto parked = store().parkedEvents(group);
    HS_VERIFY_OK(parked);
    QCOMPARE(parked.value().size(), 1);
    QCOMPARE(parked.value().constFirst().position, 1);
}

void EventStoreConformance::checkpointOnlyMovesForward()
{
    const QString group = u"sagas"_s;
    HS_VERIFY_OK(store().createGroup(group, 0));
    QCOMPARE(store().acquireLease(group, u"me"_s, 30s).value(), true);

    HS_VERIFY_OK(store().advanceCheckpoint(group, u"me"_s, 5));
    HS_VERIFY_OK(store().advanceCheckpoint(group, u"me"_s, 3));
    QCOMPARE(store().groupInfo(group).value().checkpoint, 5);
    HS_VERIFY_OK(store().advanceCheckpoint(group, u"me"_s, 7));
    QCOMPARE(store().groupInfo(group).value().checkpoint, 7);
}

// An operator's retry or skip of one step (hoststand-cli sagas retry, skip)
// touches that step alone, needs no lease, and says whether it was parked.
void EventStoreConformance::oneParkedEventIsReplayedOrDiscardedAlone()
{
    const QString group = u"sagas"_s;
    const QString me = u"me"_s;
    HS_VERIFY_OK(store().createGroup(group, 0));
    QCOMPARE(store().acquireLease(group, me, 30s).value(), true);
    HS_VERIFY_OK(store().parkEvent(group, me, 2, u"a handler failed"_s));
    HS_VERIFY_OK(store().parkEvent(group, me, 4, u"another"_s));
    QCOMPARE(store().recordRetry(group, me, 4).value(), 1);
    HS_VERIFY_OK(store().releaseLease(group, me));

    QCOMPARE(store().replayParkedEvent(group, 4).value(), true);
    auto parked = store().parkedEvents(group).value();
    QCOMPARE(parked.size(), 2);
    QVERIFY(!parked.at(0).replayRequested);
    QVERIFY(parked.at(1).replayRequested);
    QCOMPARE(store().replayParkedEvent(group, 3).value(), false);

    QCOMPARE(store().discardParkedEvent(group, 2).value(), true);
    parked = store().parkedEvents(group).value();
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked.constFirst().position, 4);
    QCOMPARE(store().discardParkedEvent(group, 2).value(), false);
    QCOMPARE(store().groupInfo(group).value().checkpoint, 4);
}

void EventStoreConformance::parkingMovesTheCheckpointAndReplayResetsRetries()
{
    const QString group = u"sagas"_s;
    const QString me = u"me"_s;
    HS_VERIFY_OK(store().createGroup(group, 0));
    QCOMPARE(store().acquireLease(group, me, 30s).value(), true);
    QCOMPARE(store().recordRetry(group, me, 2).value(), 1);
    QCOMPARE(store().recordRetry(group, me, 2).value(), 2);
    const QDateTime beforeParking = QDateTime::currentDateTimeUtc().addSecs(-1);

    HS_VERIFY_OK(store().parkEvent(group, me, 2, u"the table is gone"_s));

    QCOMPARE(store().groupInfo(group).value().checkpoint, 2);
    auto parked = store().parkedEvents(group).value();
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked.constFirst().position, 2);
    QCOMPARE(parked.constFirst().attempts, 2);
    QCOMPARE(parked.constFirst().reason, u"the table is gone"_s);
    QVERIFY(parked.constFirst().parkedAt >= beforeParking);
    QVERIFY(!parked.constFirst().replayRequested);

    QCOMPARE(store().replayParkedEvents(group).value(), 1);
    QVERIFY(store().parkedEvents(group).value().constFirst().replayRequested);
    QCOMPARE(store().recordRetry(group, me, 2).value(), 1);

    // Parking again (the replay failed too) clears the replay request.
    HS_VERIFY_OK(store().parkEvent(group, me, 2, u"still gone"_s));
    parked = store().parkedEvents(group).value();
    QCOMPARE(parked.size(), 1);
    QVERIFY(!parked.constFirst().replayRequested);
    QCOMPARE(parked.constFirst().reason, u"still gone"_s);

    HS_VERIFY_OK(store().parkEvent(group, me, 6, u"later"_s));
    QCOMPARE(store().groupInfo(group).value().checkpoint, 6);
    HS_VERIFY_OK(store().unparkEvent(group, me, 2));
    parked = store().parkedEvents(group).value();
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked.constFirst().position, 6);
    QCOMPARE(store().groupInfo(group).value().checkpoint, 6);
}

// --- persistent subscription groups: a consumer in this process ---

void EventStoreConformance::consumerAcksMoveTheCheckpoint()
{
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    QList<qint64> delivered;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &event) {
            delivered.append(event.position);
            return Disposition::ack();
        },
        fastSettings());
    QSignalSpy idle(&consumer, &PersistentSubscription::idle);

    consumer.start();

    QTRY_COMPARE(delivered, range(1, 3));
    QVERIFY(consumer.holdsLease());
    QCOMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 3);
    QCOMPARE(consumer.checkpoint(), 3);
    QVERIFY(idle.count() > 0);
    HS_VERIFY_OK(store().append(u"table-T2"_s, makeEvents(1), ExpectedRevision::any()));
    QTRY_COMPARE(delivered, range(1, 4));
    QCOMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 4);
    consumer.stop();
    QVERIFY(store().groupInfo(u"sagas"_s).value().leaseOwner.isEmpty());
}

// A saga or a projection runs after the append that woke it has returned,
// never inside the appender's commit or on its call stack: the booking
// dialog's OK returns before any saga's transaction starts.
void EventStoreConformance::handlersRunAfterTheAppendReturns()
{
    HS_VERIFY_OK(store().createGroup(u"sagas"_s, 0));
    bool appending = false;
    QList<bool> sagaSawAppending;
    QList<bool> readerSawAppending;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &) {
            sagaSawAppending.append(appending);
            return Disposition::ack();
        },
        fastSettings());
    CatchUpSubscription reader(store(), 0);
    connect(&reader, &CatchUpSubscription::eventAppeared, this,
            [&](const RecordedEvent &) { readerSawAppending.append(appending); });
    consumer.start();
    reader.start();
    QTRY_VERIFY(consumer.holdsLease());
    QVERIFY(!consumer.hasWorkPending());

    for (int round = 0; round < 3; ++round) {
        appending = true;
        HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(1), ExpectedRevision::any()));
        appending = false;
    }
    QVERIFY(consumer.hasWorkPending());

    QTRY_COMPARE(sagaSawAppending, (QList<bool> {false, false, false}));
    QTRY_COMPARE(readerSawAppending, (QList<bool> {false, false, false}));
    QTRY_VERIFY(!consumer.hasWorkPending());
}

void EventStoreConformance::consumerRetryRedelivers()
{
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    QList<qint64> delivered;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &event) {
            delivered.append(event.position);
            if (event.position == 2 && delivered.count(2) <= 2)
                return Disposition::retry(u"the table is locked"_s);
            return Disposition::ack();
        },
        fastSettings());

    consumer.start();

    QTRY_COMPARE(delivered, (QList<qint64> {1, 2, 2, 2, 3}));
    QTRY_COMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 3);
    QVERIFY(store().parkedEvents(u"sagas"_s).value().isEmpty());
}

void EventStoreConformance::consumerParksAfterMaxRetries()
{
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    QList<qint64> delivered;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &event) {
            delivered.append(event.position);
            if (event.position == 2)
                return Disposition::retry(u"the table is locked"_s);
            return Disposition::ack();
        },
        fastSettings());
    QSignalSpy parkedSignal(&consumer, &PersistentSubscription::eventParked);

    consumer.start();

    // The first attempt and maxRetryCount (2) retries, then parked.
    QTRY_COMPARE(delivered, (QList<qint64> {1, 2, 2, 2, 3}));
    QTRY_COMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 3);
    QCOMPARE(parkedSignal.count(), 1);
    QCOMPARE(parkedSignal.constFirst().constFirst().toLongLong(), 2);
    const auto parked = store().parkedEvents(u"sagas"_s).value();
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked.constFirst().position, 2);
    QCOMPARE(parked.constFirst().attempts, 3);
    QVERIFY2(parked.constFirst().reason.contains(u"the table is locked"_s),
             qPrintable(parked.constFirst().reason));
}

// A handler that meets a store failing for now (a full disk, a lost
// connection) waits: the event comes again after growing pauses, as often as
// it takes, and is never parked however many times that is.
void EventStoreConformance::consumerWaitsOutAFailingStoreWithoutParking()
{
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    QList<qint64> delivered;
    int failures = 8; // more than maxRetryCount (2)
    PersistentSubscription::Settings settings = fastSettings();
    settings.waitDelay = 5ms;
    settings.maxWaitDelay = 20ms;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &event) {
            delivered.append(event.position);
            if (event.position == 2 && failures-- > 0)
                return Disposition::wait(u"the disk is full"_s);
            return Disposition::ack();
        },
        settings);
    QSignalSpy waiting(&consumer, &PersistentSubscription::waiting);
    QSignalSpy parked(&consumer, &PersistentSubscription::eventParked);

    consumer.start();

    QTRY_COMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 3);
    QCOMPARE(delivered, (QList<qint64> {1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3}));
    QCOMPARE(waiting.count(), 8);
    QCOMPARE(waiting.constFirst().at(1).toString(), u"the disk is full"_s);
    QCOMPARE(parked.count(), 0);
    QVERIFY(store().parkedEvents(u"sagas"_s).value().isEmpty());
    QVERIFY(consumer.waitingFor().isEmpty());
}

void EventStoreConformance::consumerSkipsAndParks_data()
{
    QTest::addColumn<bool>("park");

    QTest::newRow("a skipped event moves the checkpoint without parking") << false;
    QTest::newRow("a parked event is kept aside with its reason") << true;
}

void EventStoreConformance::consumerSkipsAndParks()
{
    QFETCH(bool, park);

    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    QList<qint64> delivered;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &event) {
            delivered.append(event.position);
            if (event.position != 2)
                return Disposition::ack();
            return park ? Disposition::park(u"no such table"_s)
                        : Disposition::skip(u"not for us"_s);
        },
        fastSettings());

    consumer.start();

    QTRY_COMPARE(delivered, range(1, 3));
    QTRY_COMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 3);
    const auto parked = store().parkedEvents(u"sagas"_s).value();
    QCOMPARE(parked.size(), park ? 1 : 0);
    if (park) {
        QCOMPARE(parked.constFirst().position, 2);
        QCOMPARE(parked.constFirst().reason, u"no such table"_s);
    }
}

void EventStoreConformance::replayedParkedEventIsDeliveredAgainAndUnparkedOnAck()
{
    HS_VERIFY_OK(store().append(u"table-T1"_s, makeEvents(3), ExpectedRevision::any()));
    QList<qint64> delivered;
    PersistentSubscription consumer(
        store(), u"sagas"_s, {},
        [&](const RecordedEvent &event) {
            delivered.append(event.position);
            if (event.position == 2 && delivered.count(2) == 1)
                return Disposition::park(u"the table is gone"_s);
            return Disposition::ack();
        },
        fastSettings());
    consumer.start();
    QTRY_COMPARE(delivered, range(1, 3));
    QCOMPARE(store().parkedEvents(u"sagas"_s).value().size(), 1);

    QCOMPARE(store().replayParkedEvents(u"sagas"_s).value(), 1);

    QTRY_COMPARE(delivered, (QList<qint64> {1, 2, 3, 2}));
    QTRY_VERIFY(store().parkedEvents(u"sagas"_s).value().isEmpty());
    QCOMPARE(store().groupInfo(u"sagas"_s).value().checkpoint, 3);
    QTest::qWait(300); // a few renewals: the replay is not delivered again
    QCOMPARE(delivered, (QList<qint64> {1, 2, 3, 2}));
}

} // namespace hoststand::test
