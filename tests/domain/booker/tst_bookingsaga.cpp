#include "domain/Clock.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/booker/EventSourcedTableCatalog.h"
#include "domain/contracts/EventCodec.h"

#include "StoreFixtures.h"
#include "tests/support/InterposedEventStore.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;
using hoststand::test::InterposedEventStore;

namespace {

const QString Dinner = u"2026-12-01T19:00:00Z"_s;

QStringList typesOf(const QList<RecordedEvent> &events)
{
    QStringList types;
    for (const RecordedEvent &event : events)
        types.append(event.type);
    return types;
}

} // namespace

class tst_BookingSaga final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aLockPlacedConfirmsTheBooking();
    void aFailedPlacementRejectsWithTheLocksReason_data();
    void aFailedPlacementRejectsWithTheLocksReason();
    void redelivery_data();
    void redelivery();
    void aLockPlacedForACancelledBookingDoesNotConfirmIt();
    void aWalkInIsSeatedAtOnceByTheSaga();
    void poisonEventsAreParked_data();
    void poisonEventsAreParked();
    void aPoisonEventIsParkedByTheRunningSaga();
    void aStoreFailureIsRetried();
    void theSagaListensToTheTableManagersLockEventsOnly();

private:
    BookingId book(const QString &tableId = u"T2"_s);
    RecordedEvent lockPlaced(const BookingId &id);
    RecordedEvent lockFailed(const BookingId &id, LockFailureReason reason, const QString &message);
    QList<RecordedEvent> streamOfBooking(const BookingId &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<EventSourcedTableCatalog> m_catalog;
    std::unique_ptr<Booker> m_booker;
    std::unique_ptr<BookingSaga> m_saga;
};

void tst_BookingSaga::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore(*m_dir);
    m_clock = std::make_unique<ManualClock>(at(u"2026-12-01T10:00:00Z"_s));
    m_catalog = std::make_unique<EventSourcedTableCatalog>(*m_store);
    m_booker = std::make_unique<Booker>(*m_store, *m_catalog, *m_clock, TestContext);
    PersistentSubscription::Settings settings;
    settings.maxRetryCount = 2;
    m_saga = std::make_unique<BookingSaga>(*m_store, TestContext, settings);
    QVERIFY(m_booker->defineTimeZone(u"UTC"_s).ok());
    addTable(*m_store, u"T1"_s, 4);
    addTable(*m_store, u"T2"_s, 2);
}

void tst_BookingSaga::cleanup()
{
    m_saga.reset();
    m_booker.reset();
    m_catalog.reset();
    m_clock.reset();
    m_store.reset();
    m_dir.reset();
}

BookingId tst_BookingSaga::book(const QString &tableId)
{
    auto booked
        = m_booker->book(BookingRequest {tableId, at(Dinner), 2, u"Ada"_s, {}, {}, std::nullopt});
    if (!booked.ok())
        qFatal("booking failed: %s", qPrintable(booked.error().message()));
    return booked.value();
}

RecordedEvent tst_BookingSaga::lockPlaced(const BookingId &id)
{
    const Booking booking = valueOf(m_booker->booking(id));
    return appendTableEvent(
        *m_store, booking.tableId(),
        TableLockPlaced {booking.tableId(), id, booking.span(), booking.partySize()});
}

RecordedEvent tst_BookingSaga::lockFailed(const BookingId &id, LockFailureReason reason,
                                          const QString &message)
{
    const Booking booking = valueOf(m_booker->booking(id));
    return appendTableEvent(
        *m_store, booking.tableId(),
        TableLockPlacementFailed {
            booking.tableId(), id, booking.span(), booking.partySize(), reason, message, {}});
}

QList<RecordedEvent> tst_BookingSaga::streamOfBooking(const BookingId &id)
{
    return streamOf(*m_store, id.streamName());
}

void tst_BookingSaga::aLockPlacedConfirmsTheBooking()
{
    const BookingId id = book();
    const RecordedEvent placed = lockPlaced(id);

    QCOMPARE(m_saga->handle(placed).action, Disposition::Action::Ack);

    const QList<RecordedEvent> stream = streamOfBooking(id);
    QCOMPARE(typesOf(stream),
             (QStringList {u"table-booking-initiated"_s, u"table-booking-confirmed"_s}));
    const RecordedEvent &confirmed = stream.at(1);
    QCOMPARE(confirmed.id,
             EventSourcing::derivedEventId(placed.id,
                                           u"booking-confirmation/table-booking-confirmed"_s));
    const EventMetadata metadata = EventMetadata::fromJson(confirmed.metadataObject());
    QCOMPARE(metadata.correlationId, id.toString());
    QCOMPARE(metadata.causationId, placed.id.toString(QUuid::WithoutBraces));
    QCOMPARE(toString(valueOf(m_booker->booking(id)).status()), u"confirmed"_s);
}

void tst_BookingSaga::aFailedPlacementRejectsWithTheLocksReason_data()
{
    QTest::addColumn<LockFailureReason>("reason");
    QTest::addColumn<QString>("message");
    QTest::newRow("an overlapping lock rejects the booking")
        << LockFailureReason::Overlap << u"T2 is booked 19:00-20:30 by Jones."_s;
    QTest::newRow("a missing table rejects the booking")
        << LockFailureReason::TableMissing << u"There is no table T2."_s;
    QTest::newRow("a removed table rejects the booking")
        << LockFailureReason::TableRemoved << u"T2 was removed."_s;
    QTest::newRow("a party too large for the table rejects the booking")
        << LockFailureReason::PartyTooLarge << u"T2 seats 2."_s;
}

void tst_BookingSaga::aFailedPlacementRejectsWithTheLocksReason()
{
    QFETCH(LockFailureReason, reason);
    QFETCH(QString, message);
    const BookingId id = book();
    const RecordedEvent failed = lockFailed(id, reason, message);

    QCOMPARE(m_saga->handle(failed).action, Disposition::Action::Ack);

    const Booking booking = valueOf(m_booker->booking(id));
    QCOMPARE(toString(booking.status()), u"rejected"_s);
    QVERIFY(booking.rejectionReason().has_value());
    QCOMPARE(toString(*booking.rejectionReason()), toString(reason));
    QCOMPARE(booking.rejectionMessage(), message);
    const RecordedEvent rejected = streamOfBooking(id).at(1);
    QCOMPARE(EventMetadata::fromJson(rejected.metadataObject()).causationId,
             failed.id.toString(QUuid::WithoutBraces));
}

void tst_BookingSaga::redelivery_data()
{
    QTest::addColumn<bool>("placed");
    QTest::addColumn<QString>("status");
    QTest::newRow("a saga redelivered the same lock placed twice writes once")
        << true << u"confirmed"_s;
    QTest::newRow("a saga redelivered the same failed placement twice writes once")
        << false << u"rejected"_s;
}

void tst_BookingSaga::redelivery()
{
    QFETCH(bool, placed);
    QFETCH(QString, status);
    const BookingId id = book();
    const RecordedEvent event
        = placed ? lockPlaced(id) : lockFailed(id, LockFailureReason::Overlap, u"Taken."_s);

    QCOMPARE(m_saga->handle(event).action, Disposition::Action::Ack);
    const qint64 afterFirst = lastPosition(*m_store);
    QCOMPARE(m_saga->handle(event).action, Disposition::Action::Ack);

    QCOMPARE(lastPosition(*m_store), afterFirst);
    QCOMPARE(streamOfBooking(id).size(), 2);
    QCOMPARE(toString(valueOf(m_booker->booking(id)).status()), status);
}

void tst_BookingSaga::aLockPlacedForACancelledBookingDoesNotConfirmIt()
{
    const BookingId id = book();
    QVERIFY(m_booker->cancel(id).ok());
    const RecordedEvent placed = lockPlaced(id);
    const qint64 before = lastPosition(*m_store);

    QCOMPARE(m_saga->handle(placed).action, Disposition::Action::Ack);

    QCOMPARE(lastPosition(*m_store), before);
    QCOMPARE(toString(valueOf(m_booker->booking(id)).status()), u"cancelled"_s);
}

void tst_BookingSaga::aWalkInIsSeatedAtOnceByTheSaga()
{
    QSignalSpy idle(&m_saga->subscription(), &PersistentSubscription::idle);
    m_saga->start();
    QTRY_VERIFY(m_saga->subscription().holdsLease());

    m_clock->setNow(at(u"2026-12-01T16:07:00Z"_s));
    const auto walkedIn = m_booker->walkIn(WalkInRequest {u"T1"_s, 3, u"Grace"_s, {}, {}});
    QVERIFY2(walkedIn.ok(), why(walkedIn).constData());
    const BookingId id = walkedIn.value();
    const RecordedEvent placed = lockPlaced(id);

    QTRY_COMPARE(toString(valueOf(m_booker->booking(id)).status()), u"seated"_s);
    QCOMPARE(typesOf(streamOfBooking(id)),
             (QStringList {u"table-booking-initiated"_s, u"table-booking-confirmed"_s,
                           u"party-seated"_s}));
    QCOMPARE(valueOf(m_booker->booking(id)).seatedAt(), at(u"2026-12-01T16:07:00Z"_s));
    QTRY_COMPARE(valueOf(m_store->groupInfo(BookingSaga::GroupName)).checkpoint, placed.position);
    m_saga->stop();
}

void tst_BookingSaga::poisonEventsAreParked_data()
{
    QTest::addColumn<QString>("poison");
    QTest::newRow("a lock event this version cannot read is parked") << u"unreadable"_s;
    QTest::newRow("a lock for a booking that does not exist is parked") << u"missing"_s;
    QTest::newRow("a lock on another table than the booking's is parked") << u"table"_s;
}

void tst_BookingSaga::poisonEventsAreParked()
{
    QFETCH(QString, poison);
    const BookingId id = book(u"T2"_s);
    RecordedEvent event;
    if (poison == u"unreadable") {
        QVERIFY(m_store
                    ->append(u"table-T2"_s,
                             {EventData::fromJson(u"table-lock-placed"_s, {{u"tableId"_s, 7}})},
                             ExpectedRevision::any())
                    .ok());
        event = valueOf(m_store->readAll(lastPosition(*m_store) - 1, 1)).constFirst();
    } else {
        const Booking booking = valueOf(m_booker->booking(id));
        const BookingId named = poison == u"missing" ? bookingId(u"nobody"_s) : id;
        event = appendTableEvent(
            *m_store, table(u"T1"_s),
            TableLockPlaced {table(u"T1"_s), named, booking.span(), booking.partySize()});
    }
    const qint64 before = lastPosition(*m_store);

    const Disposition disposition = m_saga->handle(event);

    QCOMPARE(disposition.action, Disposition::Action::Park);
    QVERIFY(!disposition.reason.isEmpty());
    QCOMPARE(lastPosition(*m_store), before);
    QCOMPARE(toString(valueOf(m_booker->booking(id)).status()), u"initiated"_s);
}

void tst_BookingSaga::aPoisonEventIsParkedByTheRunningSaga()
{
    QVERIFY(m_store
                ->append(u"table-T2"_s, {EventData::fromJson(u"table-lock-placed"_s, {})},
                         ExpectedRevision::any())
                .ok());
    const qint64 poison = lastPosition(*m_store);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Skipping the table event"_s));
    const BookingId id = book();
    lockPlaced(id);

    m_saga->start();

    QTRY_COMPARE(toString(valueOf(m_booker->booking(id)).status()), u"confirmed"_s);
    const QList<ParkedEvent> parked = valueOf(m_store->parkedEvents(BookingSaga::GroupName));
    QCOMPARE(parked.size(), 1);
    QCOMPARE(parked.constFirst().position, poison);
    m_saga->stop();
}

void tst_BookingSaga::aStoreFailureIsRetried()
{
    const BookingId id = book();
    const RecordedEvent placed = lockPlaced(id);
    InterposedEventStore failing(*m_store);
    BookingSaga saga(failing, TestContext);
    const qint64 before = lastPosition(*m_store);

    failing.failingReads = true;
    const Disposition disposition = saga.handle(placed);
    QCOMPARE(disposition.action, Disposition::Action::Retry);
    QVERIFY(disposition.reason.contains(u"disk"_s));
    QCOMPARE(lastPosition(*m_store), before);

    failing.failingReads = false;
    QCOMPARE(saga.handle(placed).action, Disposition::Action::Ack);
    QCOMPARE(toString(valueOf(m_booker->booking(id)).status()), u"confirmed"_s);
}

void tst_BookingSaga::theSagaListensToTheTableManagersLockEventsOnly()
{
    QCOMPARE(BookingSaga::GroupName, u"booking-confirmation"_s);
    const ReadAllFilter filter = BookingSaga::filter();
    QCOMPARE(filter.categories, QStringList {u"table"_s});
    QCOMPARE(filter.eventTypes,
             (QStringList {u"table-lock-placed"_s, u"table-lock-placement-failed"_s}));
    const RecordedEvent added = addTable(*m_store, u"T5"_s, 4);
    QCOMPARE(m_saga->handle(added).action, Disposition::Action::Skip);
}

QTEST_GUILESS_MAIN(tst_BookingSaga)
#include "tst_bookingsaga.moc"
