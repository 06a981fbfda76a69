#include "readmodel/ProjectedEvent.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

// How the projections read an event's metadata and data: each field by the
// same rules as the codec, one event at a time with one reader.
class tst_ProjectedEvent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsAreReadAsWritten();
    void fieldsOfAnotherTypeOrMissingReadAsNothing();
    void anOlderVersionIsReadAsTheCurrentOne();
    void metadataIsReadForTheAuditTrail_data();
    void metadataIsReadForTheAuditTrail();
    void oneReaderReadsEventAfterEvent();
};

static RecordedEvent recorded(const QString &type, const QByteArray &data,
                              const QByteArray &metadata = R"({"schemaVersion":1})")
{
    RecordedEvent event;
    event.type = type;
    event.data = data;
    event.metadata = metadata;
    return event;
}

void tst_ProjectedEvent::fieldsAreReadAsWritten()
{
    const RecordedEvent event = recorded(
        u"table-booking-initiated"_s,
        R"({"bookingId":"b1","tableId":"T1","timeSlot":{"from":"2026-12-04T19:00:00Z",)"
        R"("to":"2026-12-04T21:00:00+01:00"},"partySize":4,"guestName":"Zo\u00eb \"Z\"",)"
        R"("phone":"","note":"\ufeffwindow","walkIn":true})");
    EventReader reader;
    const ProjectedEvent projected(event, reader);
    QCOMPARE(projected.kind(), EventKind::BookingInitiated);
    QCOMPARE(projected.text("bookingId"), u"b1"_s);
    QCOMPARE(projected.text("guestName"), u"Zoë \"Z\""_s);
    QCOMPARE(projected.text("note"), QChar(0xFEFF) + u"window"_s);
    QCOMPARE(projected.integer("partySize"), std::optional<qint64>(4));
    QVERIFY(projected.boolean("walkIn"));
    const auto slot = projected.timeSlot();
    QVERIFY(slot);
    QCOMPARE(slot->first, QDateTime(QDate(2026, 12, 4), QTime(19, 0), QTimeZone::utc()));
    QCOMPARE(slot->second, QDateTime(QDate(2026, 12, 4), QTime(20, 0), QTimeZone::utc()));
}

void tst_ProjectedEvent::fieldsOfAnotherTypeOrMissingReadAsNothing()
{
    const RecordedEvent event
        = recorded(u"table-booking-initiated"_s,
                   R"({"bookingId":7,"partySize":2.0,"walkIn":"yes","at":"2026-12-04T19:00:00",)"
                   R"("timeSlot":{"from":"2026-12-04T19:00:00Z","to":"2026-12-04T18:00:00Z"}})");
    EventReader reader;
    const ProjectedEvent projected(event, reader);
    QCOMPARE(projected.text("bookingId"), QString());
    QCOMPARE(projected.text("missing"), QString());
    QCOMPARE(projected.integer("partySize"), std::nullopt);
    QVERIFY(!projected.boolean("walkIn"));
    QVERIFY2(!projected.moment("at").isValid(), "a moment without an offset");
    QVERIFY2(!projected.timeSlot(), "a slot that ends before it starts");

    for (const QByteArray &data : {QByteArray("[1]"), QByteArray("{"), QByteArray()}) {
        const RecordedEvent bad = recorded(u"table-booking-confirmed"_s, data);
        const ProjectedEvent unread(bad, reader);
        QCOMPARE(unread.text("bookingId"), QString());
    }
}

// Version 1 of table-added had no layout; its upcaster gives the default.
void tst_ProjectedEvent::anOlderVersionIsReadAsTheCurrentOne()
{
    const RecordedEvent event = recorded(u"table-added"_s, R"({"tableId":"T7","seats":6})");
    EventReader reader;
    const ProjectedEvent projected(event, reader);
    QCOMPARE(projected.metadata().schemaVersion, 1);
    QCOMPARE(projected.text("tableId"), u"T7"_s);
    QVERIFY(projected.decoded());

    const RecordedEvent newer
        = recorded(u"table-added"_s, R"({"tableId":"T7","seats":6})", R"({"schemaVersion":9})");
    const ProjectedEvent unreadable(newer, reader);
    QCOMPARE(unreadable.text("tableId"), QString());
    QVERIFY(!unreadable.decoded());
}

void tst_ProjectedEvent::metadataIsReadForTheAuditTrail_data()
{
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<QByteArray>("correlation");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<int>("version");
    QTest::newRow("every field") << QByteArray(
        R"({"$correlationId":"booking-b1","$causationId":"c","user":"Ana",)"
        R"("terminal":"bar","schemaVersion":2})")
                                 << QByteArray("booking-b1") << QByteArray("Ana") << 2;
    QTest::newRow("an escaped name")
        << QByteArray(R"({"user":"Jos\u00e9\n"})") << QByteArray() << QByteArray("José\n") << 1;
    QTest::newRow("a version written 2.0")
        << QByteArray(R"({"schemaVersion":2.0})") << QByteArray() << QByteArray() << 2;
    QTest::newRow("a version that is not whole")
        << QByteArray(R"({"schemaVersion":1.5})") << QByteArray() << QByteArray() << 0;
    QTest::newRow("a version written as text")
        << QByteArray(R"({"schemaVersion":"1"})") << QByteArray() << QByteArray() << 0;
    QTest::newRow("a version twice, as an older store may hold it: the first, as the codec")
        << QByteArray(R"({"schemaVersion":2,"schemaVersion":1})") << QByteArray() << QByteArray()
        << 2;
    QTest::newRow("fields of another type")
        << QByteArray(R"({"user":7,"$correlationId":null})") << QByteArray() << QByteArray() << 1;
    QTest::newRow("metadata that is not JSON")
        << QByteArray(R"({"user":"Ana")") << QByteArray() << QByteArray() << 1;
    QTest::newRow("no metadata") << QByteArray() << QByteArray() << QByteArray() << 1;
}

void tst_ProjectedEvent::metadataIsReadForTheAuditTrail()
{
    QFETCH(QByteArray, metadata);
    QFETCH(QByteArray, correlation);
    QFETCH(QByteArray, user);
    QFETCH(int, version);
    EventReader reader;
    const EventReader::Metadata &read = reader.readMetadata(metadata);
    QCOMPARE(read.correlationId, correlation);
    QCOMPARE(read.user, user);
    QCOMPARE(read.schemaVersion, version);
}

// The reader's documents are reused: each event reads its own fields, and
// the metadata's views stay right while its event is read.
void tst_ProjectedEvent::oneReaderReadsEventAfterEvent()
{
    EventReader reader;
    for (int i = 0; i < 300; ++i) {
        const QByteArray id = "b" + QByteArray::number(i) + QByteArray(i % 90, 'x');
        const RecordedEvent event = recorded(
            u"table-booking-confirmed"_s,
            QByteArray(R"({"bookingId":")" + id + R"(","tableId":"T1"})"),
            QByteArray(R"({"$correlationId":"booking-)" + id + R"(","schemaVersion":1})"));
        const ProjectedEvent projected(event, reader);
        QCOMPARE(projected.text("bookingId"), QString::fromLatin1(id));
        QCOMPARE(projected.metadata().correlationId, "booking-" + id);
    }
}

QTEST_GUILESS_MAIN(tst_ProjectedEvent)
#include "tst_projectedevent.moc"
