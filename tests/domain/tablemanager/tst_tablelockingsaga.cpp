#include "domain/EventSourcing.h"
#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "domain/tablemanager/TableManager.h"
#include "tests/domain/tablemanager/StoreFixtures.h"
#include "tests/domain/tablemanager/TableFixtures.h"
#include "tests/support/InterposedEventStore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

using Step = std::function<bool(TableManager &)>;
Q_DECLARE_METATYPE(Step)
Q_DECLARE_METATYPE(hoststand::DomainEvent)

namespace {

const TimeSpan Dinner = span("19:00", "20:30");
const QString T4Stream = T4.streamName();

Step tableAdded(int seatCount = 4)
{
    return [=](TableManager &m) {
        return m.addTable(T4, seats(seatCount), terrace()).ok();
    };
}

Step tableRemoved()
{
    return [](TableManager &m) {
        return m.removeTable(T4).ok();
    };
}

Step lockPlaced(const BookingId &booking, const TimeSpan &slot)
{
    return [=](TableManager &m) {
        return m.placeLock(T4, booking, slot, party(2)).ok();
    };
}

DomainEvent initiated(const BookingId &booking, const TimeSpan &slot = Dinner, int size = 2)
{
    return TableBookingInitiated {
        booking, T4, slot, party(size), u"Jones"_s, u"+44 20 7946 0000"_s, u"window"_s, false};
}

DomainEvent cancelled(const BookingId &booking)
{
    return TableBookingCancelled {booking, T4};
}

DomainEvent noShow(const BookingId &booking)
{
    return BookingNoShow {booking, T4};
}

DomainEvent partyLeft(const BookingId &booking)
{
    return PartyLeft {booking, T4, at("20:10")};
}

// A table event as its type and, where it has one, its reason.
QStringList describeTableEvents(const QList<RecordedEvent> &events)
{
    QStringList lines;
    for (const RecordedEvent &event : events) {
        const QString reason = event.dataObject().value(u"reason"_s).toString();
        lines.append(reason.isEmpty() ? event.type : event.type + u' ' + reason);
    }
    return lines;
}

} // namespace

// The table-locking saga: its handler called directly with the booker's
// events, and its persistent subscription following the store.
class tst_TableLockingSaga final : public QObject
{
    Q_OBJECT

public:
    static void initMain() { qputenv("TZ", "UTC"); }

private Q_SLOTS:
    void init();
    void cleanup();

    void aBookerEventTakesItsStep_data();
    void aBookerEventTakesItsStep();
    void aSagaRedeliveredTheSameEventTwiceWritesOnce_data();
    void aSagaRedeliveredTheSameEventTwiceWritesOnce();
    void aRedeliveryAfterLaterWritesStillWritesNothing();
    void aStepBelongsToTheBookingAndIsCausedByItsEvent();
    void aPoisonEventIsParked_data();
    void aPoisonEventIsParked();
    void aStoreFailureIsRetried_data();
    void aStoreFailureIsRetried();
    void anEventTheSagaDoesNotFollowIsSkipped();
    void theSagaFollowsTheStoreThroughItsGroup();
    void aPoisonEventDoesNotHoldUpTheGroup();

private:
    // Appends a booker event as the booker would and returns it as stored.
    RecordedEvent book(const DomainEvent &event);
    RecordedEvent appendRaw(const QString &type, const QByteArray &data,
                            const QByteArray &metadata);
    void given(const QList<Step> &steps);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TableManager> m_manager;
    std::unique_ptr<TableLockingSaga> m_saga;
};

void tst_TableLockingSaga::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_store = openStore(m_dir->filePath(u"hoststand.db"_s));
    m_clock = std::make_unique<ManualClock>(at("12:00"));
    m_manager = std::make_unique<TableManager>(*m_store, *m_clock,
                                               CommandContext {u"saga"_s, u"kitchen"_s});
    PersistentSubscription::Settings settings;
    settings.maxRetryCount = 2;
    m_saga = std::make_unique<TableLockingSaga>(*m_manager, settings);
}

void tst_TableLockingSaga::cleanup()
{
    m_saga.reset();
    m_manager.reset();
    m_clock.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_TableLockingSaga::given(const QList<Step> &steps)
{
    for (qsizetype i = 0; i < steps.size(); ++i)
        QVERIFY2(steps.at(i)(*m_manager), qPrintable(u"history step %1 failed"_s.arg(i + 1)));
}

RecordedEvent tst_TableLockingSaga::book(const DomainEvent &event)
{
    const QString booking = encoded(event).value(u"bookingId"_s).toString();
    const EventMetadata metadata {booking, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                  u"maria"_s, u"front-desk"_s};
    const QString stream = u"booking-"_s + booking;
    auto appended = m_store->append(stream, {eventData(event, metadata)}, ExpectedRevision::any());
    if (!appended.ok())
        qFatal("cannot append the booker's event: %s", qPrintable(appended.error().message()));
    return eventsOf(*m_store, stream).constLast();
}

RecordedEvent tst_TableLockingSaga::appendRaw(const QString &type, const QByteArray &data,
                                              const QByteArray &metadata)
{
    const QString stream = u"booking-"_s + Jones.toString();
    auto appended = m_store->append(stream, {EventData {newEventId(), type, data, metadata}},
                                    ExpectedRevision::any());
    if (!appended.ok())
        qFatal("cannot append the raw event: %s", qPrintable(appended.error().message()));
    return eventsOf(*m_store, stream).constLast();
}

void tst_TableLockingSaga::aBookerEventTakesItsStep_data()
{
    QTest::addColumn<QList<Step>>("history");
    QTest::addColumn<QList<DomainEvent>>("delivered");
    QTest::addColumn<QStringList>("written");

    const QString placed = TableLockPlaced::Type.toString();
    const QString failed = TableLockPlacementFailed::Type.toString() + u' ';
    const QString removed = TableLockRemoved::Type.toString() + u' ';

    QTest::newRow("a booking initiated on a free table locks it")
        << QList<Step> {tableAdded()} << QList<DomainEvent> {initiated(Jones)}
        << QStringList {placed};
    QTest::newRow("a booking initiated on a missing table records table-missing")
        << QList<Step> {} << QList<DomainEvent> {initiated(Jones)}
        << QStringList {failed + u"table-missing"_s};
    QTest::newRow("a booking initiated on a removed table records table-removed")
        << QList<Step> {tableAdded(), tableRemoved()} << QList<DomainEvent> {initiated(Jones)}
        << QStringList {failed + u"table-removed"_s};
    QTest::newRow("a booking initiated for a span already locked records the overlap")
        << QList<Step> {tableAdded(), lockPlaced(Smith, span("20:00", "21:00"))}
        << QList<DomainEvent> {initiated(Jones)} << QStringList {failed + u"overlap"_s};
    QTest::newRow("a booking initiated for a party larger than the table records party-too-large")
        << QList<Step> {tableAdded(4)} << QList<DomainEvent> {initiated(Jones, Dinner, 6)}
        << QStringList {failed + u"party-too-large"_s};
    QTest::newRow("a cancelled booking's lock is removed as cancelled")
        << QList<Step> {tableAdded()} << QList<DomainEvent> {initiated(Jones), cancelled(Jones)}
        << QStringList {placed, removed + u"cancelled"_s};
    QTest::newRow("a no-show's lock is removed as no-show")
        << QList<Step> {tableAdded()} << QList<DomainEvent> {initiated(Jones), noShow(Jones)}
        << QStringList {placed, removed + u"no-show"_s};
    QTest::newRow("a party leaving removes its lock as party-left")
        << QList<Step> {tableAdded()} << QList<DomainEvent> {initiated(Jones), partyLeft(Jones)}
        << QStringList {placed, removed + u"party-left"_s};
    QTest::newRow("a cancellation of a booking that holds no lock writes nothing")
        << QList<Step> {tableAdded(), lockPlaced(Smith, Dinner)}
        << QList<DomainEvent> {cancelled(Jones)} << QStringList {};
    QTest::newRow("a cancellation of a booking whose lock failed writes nothing")
        << QList<Step> {tableAdded(4)}
        << QList<DomainEvent> {initiated(Jones, Dinner, 6), cancelled(Jones)}
        << QStringList {failed + u"party-too-large"_s};
    QTest::newRow("a cancellation on a missing table writes nothing")
        << QList<Step> {} << QList<DomainEvent> {cancelled(Jones)} << QStringList {};
}

void tst_TableLockingSaga::aBookerEventTakesItsStep()
{
    QFETCH(QList<Step>, history);
    QFETCH(QList<DomainEvent>, delivered);
    QFETCH(QStringList, written);
    given(history);
    const qint64 revisionBefore = revisionOf(*m_store, T4Stream);

    for (const DomainEvent &event : delivered)
        QCOMPARE(m_saga->handle(book(event)).action, Disposition::Action::Ack);

    QCOMPARE(describeTableEvents(eventsOf(*m_store, T4Stream, revisionBefore + 1)), written);
}

void tst_TableLockingSaga::aSagaRedeliveredTheSameEventTwiceWritesOnce_data()
{
    QTest::addColumn<QList<Step>>("history");
    QTest::addColumn<DomainEvent>("event");
    QTest::newRow("a booking initiated, delivered twice, locks once")
        << QList<Step> {tableAdded()} << initiated(Jones);
    QTest::newRow("a booking initiated on a missing table, delivered twice, fails once")
        << QList<Step> {} << initiated(Jones);
    QTest::newRow("an overlapping booking, delivered twice, fails once")
        << QList<Step> {tableAdded(), lockPlaced(Smith, Dinner)} << initiated(Jones);
    QTest::newRow("a cancellation, delivered twice, removes the lock once")
        << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner)} << cancelled(Jones);
}

void tst_TableLockingSaga::aSagaRedeliveredTheSameEventTwiceWritesOnce()
{
    QFETCH(QList<Step>, history);
    QFETCH(DomainEvent, event);
    given(history);
    const qint64 revisionBefore = revisionOf(*m_store, T4Stream);
    const RecordedEvent delivered = book(event);

    QCOMPARE(m_saga->handle(delivered).action, Disposition::Action::Ack);
    const qint64 revisionAfterFirst = revisionOf(*m_store, T4Stream);
    QCOMPARE(m_saga->handle(delivered).action, Disposition::Action::Ack);

    QCOMPARE(revisionAfterFirst, revisionBefore + 1);
    QCOMPARE(revisionOf(*m_store, T4Stream), revisionAfterFirst);
}

// The state of the table, not the event id, keeps a late redelivery from
// writing: by then the stream has moved on and the id would not collide.
void tst_TableLockingSaga::aRedeliveryAfterLaterWritesStillWritesNothing()
{
    given({tableAdded()});
    const RecordedEvent jones = book(initiated(Jones));
    QCOMPARE(m_saga->handle(jones).action, Disposition::Action::Ack);
    QCOMPARE(m_saga->handle(book(initiated(Smith, span("21:00", "22:00")))).action,
             Disposition::Action::Ack);
    QCOMPARE(m_saga->handle(book(cancelled(Jones))).action, Disposition::Action::Ack);
    const qint64 revision = revisionOf(*m_store, T4Stream);

    QCOMPARE(m_saga->handle(jones).action, Disposition::Action::Ack);

    QCOMPARE(revisionOf(*m_store, T4Stream), revision);
    QVERIFY(!m_manager->table(T4).value().lockOf(Jones));
}

void tst_TableLockingSaga::aStepBelongsToTheBookingAndIsCausedByItsEvent()
{
    given({tableAdded()});
    const RecordedEvent trigger = book(initiated(Jones));

    QCOMPARE(m_saga->handle(trigger).action, Disposition::Action::Ack);

    const RecordedEvent placed = eventsOf(*m_store, T4Stream).constLast();
    const EventMetadata metadata = EventMetadata::fromJson(placed.metadataObject());
    QCOMPARE(placed.type, TableLockPlaced::Type.toString());
    QCOMPARE(metadata.correlationId, Jones.toString());
    QCOMPARE(metadata.causationId, trigger.id.toString(QUuid::WithoutBraces));
    QCOMPARE(placed.id, EventSourcing::derivedEventId(trigger.id, u"table-locking:lock"_s));
    QCOMPARE(metadata.user, u"saga"_s);
}

void tst_TableLockingSaga::aPoisonEventIsParked_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<QString>("because");
    const QByteArray good = QJsonDocument(encoded(initiated(Jones))).toJson(QJsonDocument::Compact);
    const QString type = TableBookingInitiated::Type.toString();
    QTest::newRow("an event without its table is parked")
        << type << QByteArray(R"({"bookingId":"3f9a0c7e21b4"})") << QByteArray("{}")
        << u"tableId"_s;
    QTest::newRow("an event with a party size in words is parked")
        << type << QByteArray(good).replace("\"partySize\":2", "\"partySize\":\"two\"")
        << QByteArray("{}") << u"partySize"_s;
    QTest::newRow("an event written by a newer version is parked")
        << type << good << QByteArray(R"({"schemaVersion":99})") << u"newer"_s;
    QTest::newRow("a cancellation naming a malformed table is parked")
        << TableBookingCancelled::Type.toString()
        << QByteArray(R"({"bookingId":"3f9a0c7e21b4","tableId":"T 4"})") << QByteArray("{}")
        << u"tableId"_s;
}

void tst_TableLockingSaga::aPoisonEventIsParked()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, metadata);
    QFETCH(QString, because);
    given({tableAdded()});
    const qint64 revision = revisionOf(*m_store, T4Stream);

    const Disposition disposition = m_saga->handle(appendRaw(type, data, metadata));

    QCOMPARE(disposition.action, Disposition::Action::Park);
    QVERIFY2(disposition.reason.contains(because), qPrintable(disposition.reason));
    QVERIFY(disposition.reason.contains(type));
    QCOMPARE(revisionOf(*m_store, T4Stream), revision);
}

void tst_TableLockingSaga::aStoreFailureIsRetried_data()
{
    QTest::addColumn<bool>("failingReads");
    QTest::newRow("a failing append is retried") << false;
    QTest::newRow("a failing read is retried") << true;
}

void tst_TableLockingSaga::aStoreFailureIsRetried()
{
    QFETCH(bool, failingReads);
    given({tableAdded()});
    const RecordedEvent event = book(initiated(Jones));
    InterposedEventStore broken(*m_store);
    TableManager manager(broken, *m_clock);
    TableLockingSaga saga(manager);
    broken.failingReads = failingReads;
    broken.failingAppends = failingReads ? 0 : 1;

    const Disposition first = saga.handle(event);
    broken.failingReads = false;
    const Disposition second = saga.handle(event);

    QCOMPARE(first.action, Disposition::Action::Retry);
    QVERIFY(first.reason.contains(u"disk failed"_s));
    QCOMPARE(second.action, Disposition::Action::Ack);
    QVERIFY(m_manager->table(T4).value().lockOf(Jones));
}

void tst_TableLockingSaga::anEventTheSagaDoesNotFollowIsSkipped()
{
    given({tableAdded()});
    const qint64 revision = revisionOf(*m_store, T4Stream);
    const Disposition disposition = m_saga->handle(book(GuestArrived {Jones, T4, at("19:02")}));
    QCOMPARE(disposition.action, Disposition::Action::Skip);
    QCOMPARE(revisionOf(*m_store, T4Stream), revision);
    QVERIFY(!TableLockingSaga::filter().eventTypes.contains(GuestArrived::Type.toString()));
}

void tst_TableLockingSaga::theSagaFollowsTheStoreThroughItsGroup()
{
    given({tableAdded()});
    (void)book(initiated(Smith, span("17:00", "18:30")));
    m_saga->start();
    QTRY_VERIFY(m_saga->subscription().holdsLease());
    QTRY_VERIFY(m_manager->table(T4).value().lockOf(Smith));

    (void)book(initiated(Jones));
    QTRY_VERIFY(m_manager->table(T4).value().lockOf(Jones));
    const RecordedEvent cancellation = book(cancelled(Jones));
    QTRY_VERIFY(!m_manager->table(T4).value().lockOf(Jones));

    auto group = m_store->groupInfo(TableLockingSaga::GroupName);
    QVERIFY(group.ok());
    QTRY_COMPARE(m_store->groupInfo(TableLockingSaga::GroupName).value().checkpoint,
                 cancellation.position);
    m_saga->stop();
    QVERIFY(!m_saga->subscription().holdsLease());
}

void tst_TableLockingSaga::aPoisonEventDoesNotHoldUpTheGroup()
{
    given({tableAdded()});
    const RecordedEvent poison = appendRaw(TableBookingInitiated::Type.toString(),
                                           R"({"bookingId":"3f9a0c7e21b4"})", "{}");
    (void)book(initiated(Smith));
    QSignalSpy parked(&m_saga->subscription(), &PersistentSubscription::eventParked);

    m_saga->start();

    QTRY_VERIFY(m_manager->table(T4).value().lockOf(Smith));
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked.at(0).at(0).toLongLong(), poison.position);
    auto stored = m_store->parkedEvents(TableLockingSaga::GroupName);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().size(), 1);
    QCOMPARE(stored.value().constFirst().position, poison.position);
    QVERIFY(stored.value().constFirst().reason.contains(u"cannot read"_s));
}

QTEST_GUILESS_MAIN(tst_TableLockingSaga)
#include "tst_tablelockingsaga.moc"
