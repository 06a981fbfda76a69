#include "domain/Clock.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/booker/EventSourcedTableCatalog.h"
#include "domain/contracts/EventCodec.h"

#include "StoreFixtures.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;

namespace {

const QString Dinner = u"2026-12-01T19:00:00Z"_s;

BookingRequest request(const QString &tableId, const QString &start, int partySize,
                       const QString &guest = u"Ada Lovelace"_s)
{
    return BookingRequest {tableId,     at(start),   partySize, guest, u"+44 20 7946 0000"_s,
                           u"window"_s, std::nullopt};
}

} // namespace

class tst_Booker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void initiatingABooking_data();
    void initiatingABooking();
    void theQueryShowsTheBookingAsInitiated();
    void confirmingAndCancellingABooking();
    void confirmingAndCancellingAMissingBooking();
    void theWholeSeatingLifecycle();
    void refusedTransitions_data();
    void refusedTransitions();
    void aNoShowOnceTheStartHasCome();
    void aWalkInStartsNowEvenOutsideService();
    void aWalkInOnAnOccupiedTableIsRefused();
    void aRefusalNamesTheGuestWhoHoldsTheTable();
    void anIdCollisionRetriesWithANewId();
    void bookingsOfALocalDate();
    void settingsCommands_data();
    void settingsCommands();
    void aNewStoreHasTheDefaultSettings();
    void aStoreFromBeforeTheHorizonTakesBookingsAYearAhead();
    void listingAvailableSlots_data();
    void listingAvailableSlots();
    void availableSlotsFollowTheTablesEvents();

private:
    BookingId book(const BookingRequest &bookingRequest);
    void placeLock(const BookingId &id);
    QString statusOf(const BookingId &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<EventSourcedTableCatalog> m_catalog;
    std::unique_ptr<Booker> m_booker;
    std::unique_ptr<BookingSaga> m_saga;
};

// A restaurant in UTC on Tuesday 1 December 2026 at 10:00, with T1 for
// four, T2 for two, a removed T9, and T1 already locked 19:00-20:45.
void tst_Booker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore(*m_dir);
    m_clock = std::make_unique<ManualClock>(at(u"2026-12-01T10:00:00Z"_s));
    m_catalog = std::make_unique<EventSourcedTableCatalog>(*m_store);
    m_booker = std::make_unique<Booker>(*m_store, *m_catalog, *m_clock, TestContext);
    m_saga = std::make_unique<BookingSaga>(*m_store, TestContext);
    QVERIFY(m_booker->defineTimeZone(u"UTC"_s).ok());
    addTable(*m_store, u"T1"_s, 4);
    addTable(*m_store, u"T2"_s, 2);
    addTable(*m_store, u"T9"_s, 8);
    appendTableEvent(*m_store, table(u"T9"_s), TableRemoved {table(u"T9"_s)});
    appendTableEvent(*m_store, table(u"T1"_s),
                     TableLockPlaced {table(u"T1"_s), bookingId(u"b-jones"_s),
                                      span(Dinner, u"2026-12-01T20:45:00Z"_s), party(4)});
}

void tst_Booker::cleanup()
{
    m_saga.reset();
    m_booker.reset();
    m_catalog.reset();
    m_clock.reset();
    m_store.reset();
    m_dir.reset();
}

BookingId tst_Booker::book(const BookingRequest &bookingRequest)
{
    auto booked = m_booker->book(bookingRequest);
    if (!booked.ok())
        qFatal("booking failed: %s", qPrintable(booked.error().message()));
    return booked.value();
}

// What the table manager's saga would do, and the booking saga's answer.
void tst_Booker::placeLock(const BookingId &id)
{
    const Booking booking = valueOf(m_booker->booking(id));
    const RecordedEvent placed = appendTableEvent(
        *m_store, booking.tableId(),
        TableLockPlaced {booking.tableId(), id, booking.span(), booking.partySize()});
    QCOMPARE(m_saga->handle(placed).action, Disposition::Action::Ack);
}

QString tst_Booker::statusOf(const BookingId &id)
{
    return toString(valueOf(m_booker->booking(id)).status());
}

void tst_Booker::initiatingABooking_data()
{
    QTest::addColumn<QString>("tableId");
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("partySize");
    QTest::addColumn<QString>("guest");
    QTest::addColumn<int>("refusal"); // -1: initiated

    QTest::newRow("initiating a booking on a free slot")
        << u"T2"_s << Dinner << 2 << u"Ada"_s << -1;
    QTest::newRow("initiating a booking on a free table right after a lock")
        << u"T1"_s << u"2026-12-01T20:45:00Z"_s << 4 << u"Ada"_s << -1;
    QTest::newRow("initiating a booking on a slot already booked (locked)")
        << u"T1"_s << u"2026-12-01T18:30:00Z"_s << 4 << u"Ada"_s
        << int(DomainError::Code::LockOverlap);
    QTest::newRow("initiating a booking in the past")
        << u"T2"_s << u"2026-11-30T19:00:00Z"_s << 2 << u"Ada"_s
        << int(DomainError::Code::InThePast);
    QTest::newRow("initiating a booking outside service")
        << u"T2"_s << u"2026-12-01T16:00:00Z"_s << 2 << u"Ada"_s
        << int(DomainError::Code::OutsideService);
    QTest::newRow("initiating a booking off the slot grid")
        << u"T2"_s << u"2026-12-01T19:07:00Z"_s << 2 << u"Ada"_s
        << int(DomainError::Code::OffSlotGrid);
    QTest::newRow("initiating a booking for a party larger than the table")
        << u"T2"_s << Dinner << 3 << u"Ada"_s << int(DomainError::Code::PartyTooLarge);
    QTest::newRow("initiating a booking on a missing table")
        << u"T7"_s << Dinner << 2 << u"Ada"_s << int(DomainError::Code::TableMissing);
    QTest::newRow("initiating a booking on a removed table")
        << u"T9"_s << Dinner << 2 << u"Ada"_s << int(DomainError::Code::TableRemoved);
    QTest::newRow("initiating a booking without a guest name")
        << u"T2"_s << Dinner << 2 << u" "_s << int(DomainError::Code::InvalidInput);
    QTest::newRow("initiating a booking for a party of 51")
        << u"T2"_s << Dinner << 51 << u"Ada"_s << int(DomainError::Code::InvalidInput);
}

void tst_Booker::initiatingABooking()
{
    QFETCH(QString, tableId);
    QFETCH(QString, start);
    QFETCH(int, partySize);
    QFETCH(QString, guest);
    QFETCH(int, refusal);

    const qint64 before = lastPosition(*m_store);
    const auto booked = m_booker->book(request(tableId, start, partySize, guest));
    if (refusal >= 0) {
        QVERIFY(!booked.ok());
        QCOMPARE(int(booked.error().code()), refusal);
        QCOMPARE(lastPosition(*m_store), before); // a refusal writes nothing
        return;
    }
    QVERIFY2(booked.ok(), why(booked).constData());
    const BookingId id = booked.value();
    const QList<RecordedEvent> stream = streamOf(*m_store, id.streamName());
    QCOMPARE(stream.size(), 1);
    QCOMPARE(stream.constFirst().revision, 0);
    const auto decoded = EventCodec::decode(stream.constFirst());
    QVERIFY(decoded.ok());
    const auto &event = std::get<TableBookingInitiated>(decoded.value());
    QCOMPARE(event.bookingId, id);
    QCOMPARE(event.tableId.toString(), tableId);
    QCOMPARE(event.timeSlot.start(), at(start));
    QCOMPARE(event.timeSlot.minutes(), partySize <= 2 ? 90 : 105);
    QCOMPARE(event.guestName, guest);
    const EventMetadata metadata = EventMetadata::fromJson(stream.constFirst().metadataObject());
    QCOMPARE(metadata.correlationId, id.toString());
    QVERIFY(!metadata.causationId.isEmpty());
    QVERIFY(metadata.causationId != id.toString());
    QCOMPARE(metadata.user, u"host"_s);
    QCOMPARE(metadata.terminal, u"stand-1"_s);
}

void tst_Booker::theQueryShowsTheBookingAsInitiated()
{
    const BookingId id = book(request(u"T2"_s, Dinner, 2));
    const Booking booking = valueOf(m_booker->booking(id));
    QCOMPARE(booking.id(), id);
    QCOMPARE(booking.tableId(), table(u"T2"_s));
    QCOMPARE(booking.span(), span(Dinner, u"2026-12-01T20:30:00Z"_s));
    QCOMPARE(booking.partySize().value(), 2);
    QCOMPARE(booking.guestName(), u"Ada Lovelace"_s);
    QCOMPARE(booking.phone(), u"+44 20 7946 0000"_s);
    QCOMPARE(booking.note(), u"window"_s);
    QCOMPARE(toString(booking.status()), u"initiated"_s);
    QVERIFY(!booking.isWalkIn());
    QVERIFY(!booking.rejectionReason());
}

void tst_Booker::confirmingAndCancellingABooking()
{
    const BookingId id = book(request(u"T2"_s, Dinner, 2));
    placeLock(id);
    QCOMPARE(statusOf(id), u"confirmed"_s);

    const auto cancelled = m_booker->cancel(id);
    QVERIFY2(cancelled.ok(), why(cancelled).constData());
    QCOMPARE(statusOf(id), u"cancelled"_s);
    const QList<RecordedEvent> stream = streamOf(*m_store, id.streamName());
    QCOMPARE(stream.size(), 3);
    QCOMPARE(stream.at(1).type, u"table-booking-confirmed"_s);
    QCOMPARE(stream.at(2).type, u"table-booking-cancelled"_s);
    const EventMetadata metadata = EventMetadata::fromJson(stream.at(2).metadataObject());
    QCOMPARE(metadata.correlationId, id.toString());
}

void tst_Booker::confirmingAndCancellingAMissingBooking()
{
    const BookingId missing = bookingId(u"0000deadbeef"_s);
    const RecordedEvent placed
        = appendTableEvent(*m_store, table(u"T2"_s),
                           TableLockPlaced {table(u"T2"_s), missing,
                                            span(Dinner, u"2026-12-01T20:30:00Z"_s), party(2)});
    const qint64 before = lastPosition(*m_store);

    QCOMPARE(m_saga->handle(placed).action, Disposition::Action::Park);
    const auto cancelled = m_booker->cancel(missing);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code(), DomainError::Code::NotFound);
    const auto found = m_booker->booking(missing);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().code(), DomainError::Code::NotFound);
    QCOMPARE(lastPosition(*m_store), before);
    QVERIFY(streamOf(*m_store, missing.streamName()).isEmpty());
}

void tst_Booker::theWholeSeatingLifecycle()
{
    const BookingId id = book(request(u"T2"_s, Dinner, 2));
    QCOMPARE(statusOf(id), u"initiated"_s);
    placeLock(id);
    QCOMPARE(statusOf(id), u"confirmed"_s);

    m_clock->setNow(at(u"2026-12-01T18:55:00Z"_s));
    QVERIFY(m_booker->arrive(id).ok());
    QCOMPARE(statusOf(id), u"arrived"_s);
    m_clock->setNow(at(u"2026-12-01T19:01:00Z"_s));
    QVERIFY(m_booker->seat(id).ok());
    QCOMPARE(statusOf(id), u"seated"_s);
    m_clock->setNow(at(u"2026-12-01T20:20:00Z"_s));
    QVERIFY(m_booker->leave(id).ok());
    QCOMPARE(statusOf(id), u"left"_s);

    const Booking booking = valueOf(m_booker->booking(id));
    QCOMPARE(booking.arrivedAt(), at(u"2026-12-01T18:55:00Z"_s));
    QCOMPARE(booking.seatedAt(), at(u"2026-12-01T19:01:00Z"_s));
    QCOMPARE(booking.leftAt(), at(u"2026-12-01T20:20:00Z"_s));
    QCOMPARE(streamOf(*m_store, id.streamName()).size(), 5);
}

void tst_Booker::refusedTransitions_data()
{
    QTest::addColumn<QStringList>("steps"); // what happens first
    QTest::addColumn<QString>("command");

    QTest::newRow("arriving for a booking not yet confirmed is refused")
        << QStringList {} << u"arrive"_s;
    QTest::newRow("seating a booking not yet confirmed is refused") << QStringList {} << u"seat"_s;
    QTest::newRow("a party cannot leave before it is seated")
        << QStringList {u"confirm"_s} << u"leave"_s;
    QTest::newRow("cancelling a seated booking is refused")
        << QStringList {u"confirm"_s, u"seat"_s} << u"cancel"_s;
    QTest::newRow("a seated party cannot be a no-show")
        << QStringList {u"confirm"_s, u"seat"_s} << u"no-show"_s;
    QTest::newRow("guests who arrived cannot be a no-show")
        << QStringList {u"confirm"_s, u"arrive"_s} << u"no-show"_s;
    QTest::newRow("guests cannot arrive twice")
        << QStringList {u"confirm"_s, u"arrive"_s} << u"arrive"_s;
    QTest::newRow("a party that left cannot be seated again")
        << QStringList {u"confirm"_s, u"seat"_s, u"leave"_s} << u"seat"_s;
    QTest::newRow("a party that left cannot leave again")
        << QStringList {u"confirm"_s, u"seat"_s, u"leave"_s} << u"leave"_s;
    QTest::newRow("cancelling a cancelled booking is refused")
        << QStringList {u"cancel"_s} << u"cancel"_s;
    QTest::newRow("seating a cancelled booking is refused")
        << QStringList {u"confirm"_s, u"cancel"_s} << u"seat"_s;
    QTest::newRow("cancelling a no-show is refused")
        << QStringList {u"confirm"_s, u"no-show"_s} << u"cancel"_s;
    QTest::newRow("a no-show before the booking's start is refused")
        << QStringList {u"confirm"_s, u"early"_s} << u"no-show"_s;
}

void tst_Booker::refusedTransitions()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, command);

    const BookingId id = book(request(u"T2"_s, Dinner, 2));
    m_clock->setNow(at(u"2026-12-01T19:30:00Z"_s));
    auto run = [&](const QString &what) -> DomainResult<void> {
        if (what == u"cancel")
            return m_booker->cancel(id);
        if (what == u"arrive")
            return m_booker->arrive(id);
        if (what == u"seat")
            return m_booker->seat(id);
        if (what == u"leave")
            return m_booker->leave(id);
        return m_booker->noShow(id);
    };
    for (const QString &step : std::as_const(steps)) {
        if (step == u"confirm")
            placeLock(id);
        else if (step == u"early")
            m_clock->setNow(at(u"2026-12-01T18:59:00Z"_s));
        else
            QVERIFY2(run(step).ok(), qPrintable(step));
    }
    const qint64 before = lastPosition(*m_store);
    const QString statusBefore = statusOf(id);

    const auto refused = run(command);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), DomainError::Code::InvalidTransition);
    QVERIFY2(refused.error().message().contains(id.toString()),
             qPrintable(refused.error().message()));
    QCOMPARE(lastPosition(*m_store), before);
    QCOMPARE(statusOf(id), statusBefore);
}

void tst_Booker::aNoShowOnceTheStartHasCome()
{
    const BookingId id = book(request(u"T2"_s, Dinner, 2));
    placeLock(id);
    m_clock->setNow(at(Dinner));
    const auto marked = m_booker->noShow(id);
    QVERIFY2(marked.ok(), why(marked).constData());
    QCOMPARE(statusOf(id), u"no-show"_s);
}

void tst_Booker::aWalkInStartsNowEvenOutsideService()
{
    m_clock->setNow(at(u"2026-12-01T16:07:00Z"_s)); // between lunch and dinner
    const auto walkedIn = m_booker->walkIn(WalkInRequest {u"T1"_s, 3, u"Grace"_s, {}, {}});
    QVERIFY2(walkedIn.ok(), why(walkedIn).constData());
    const Booking booking = valueOf(m_booker->booking(walkedIn.value()));
    QVERIFY(booking.isWalkIn());
    QCOMPARE(booking.span(), span(u"2026-12-01T16:07:00Z"_s, u"2026-12-01T17:52:00Z"_s));
    QCOMPARE(toString(booking.status()), u"initiated"_s);
}

void tst_Booker::aWalkInOnAnOccupiedTableIsRefused()
{
    m_clock->setNow(at(u"2026-12-01T19:30:00Z"_s)); // T1 is locked until 20:45
    const qint64 before = lastPosition(*m_store);
    const auto walkedIn = m_booker->walkIn(WalkInRequest {u"T1"_s, 2, u"Grace"_s, {}, {}});
    QVERIFY(!walkedIn.ok());
    QCOMPARE(walkedIn.error().code(), DomainError::Code::LockOverlap);
    QCOMPARE(walkedIn.error().bookingIds(), QStringList {u"b-jones"_s});
    QCOMPARE(lastPosition(*m_store), before);
}

// The host is told who holds the table and when, not a booking's id; a
// holder whose booking cannot be found is still named by its id.
void tst_Booker::aRefusalNamesTheGuestWhoHoldsTheTable()
{
    const BookingId ada = book(request(u"T2"_s, Dinner, 2, u"Ada Lovelace"_s));
    placeLock(ada);
    const auto refused = m_booker->book(request(u"T2"_s, u"2026-12-01T19:30:00Z"_s, 2, u"Grace"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), DomainError::Code::LockOverlap);
    QCOMPARE(refused.error().message(),
             u"Table T2 is already booked from Tue 1 Dec 2026, 19:00 to 20:30 by Ada Lovelace."_s);
    QCOMPARE(refused.error().bookingIds(), QStringList {ada.toString()});

    const auto unknown = m_booker->book(request(u"T1"_s, Dinner, 2, u"Grace"_s));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().message().endsWith(u"(booking b-jones)."_s),
             qPrintable(unknown.error().message()));
}

void tst_Booker::anIdCollisionRetriesWithANewId()
{
    const BookingId taken = book(request(u"T2"_s, Dinner, 2));
    QList<BookingId> ids {taken, bookingId(u"fresh0000001"_s)};
    m_booker->setIdGenerator([&ids] { return ids.takeFirst(); });

    const auto booked = m_booker->book(request(u"T2"_s, u"2026-12-01T12:00:00Z"_s, 2));
    QVERIFY2(booked.ok(), why(booked).constData());
    QCOMPARE(booked.value(), bookingId(u"fresh0000001"_s));
    QCOMPARE(streamOf(*m_store, taken.streamName()).size(), 1);
    QCOMPARE(valueOf(m_booker->booking(taken)).span().start(), at(Dinner));
}

void tst_Booker::bookingsOfALocalDate()
{
    QVERIFY(m_booker->defineTimeZone(u"America/New_York"_s).ok());
    // 19:00 in New York on 1 December is 00:00 UTC on 2 December.
    const BookingId late = book(request(u"T2"_s, u"2026-12-02T00:00:00Z"_s, 2));
    const BookingId lunch = book(request(u"T2"_s, u"2026-12-01T17:00:00Z"_s, 2));
    const BookingId nextDay = book(request(u"T2"_s, u"2026-12-02T17:00:00Z"_s, 2));

    auto idsOn = [this](const QDate &date) {
        QList<BookingId> found;
        for (const Booking &booking : valueOf(m_booker->bookings(date)))
            found.append(booking.id());
        return found;
    };
    QCOMPARE(idsOn(QDate(2026, 12, 1)), (QList<BookingId> {lunch, late}));
    QCOMPARE(idsOn(QDate(2026, 12, 2)), QList<BookingId> {nextDay});
    QVERIFY(idsOn(QDate(2026, 12, 3)).isEmpty());

    QVERIFY(m_booker->cancel(lunch).ok());
    const QList<Booking> first = valueOf(m_booker->bookings(QDate(2026, 12, 1)));
    QCOMPARE(toString(first.constFirst().status()), u"cancelled"_s);
}

void tst_Booker::settingsCommands_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("valid service periods are saved") << u"periods"_s << true;
    QTest::newRow("a period that ends before it starts is refused") << u"reversed"_s << false;
    QTest::newRow("overlapping periods are refused") << u"overlapping"_s << false;
    QTest::newRow("Monday's periods are saved alone") << u"monday"_s << true;
    QTest::newRow("a slot of 30 minutes is saved") << u"slot30"_s << true;
    QTest::newRow("a slot of 121 minutes is refused") << u"slot121"_s << false;
    QTest::newRow("a known time zone is saved") << u"berlin"_s << true;
    QTest::newRow("an unknown time zone is refused") << u"atlantis"_s << false;
    QTest::newRow("turn times are saved") << u"turns"_s << true;
    QTest::newRow("descending turn times are refused") << u"descending"_s << false;
    QTest::newRow("a horizon of 30 days is saved") << u"horizon30"_s << true;
    QTest::newRow("a horizon of 0 days is refused") << u"horizon0"_s << false;
    QTest::newRow("a horizon of 3651 days is refused") << u"horizon3651"_s << false;
}

void tst_Booker::settingsCommands()
{
    QFETCH(QString, command);
    QFETCH(bool, accepted);

    const ServicePeriod lunch {3, u"lunch"_s, QTime(11, 0), QTime(15, 0)};
    const ServicePeriod dinner {3, u"dinner"_s, QTime(18, 0), QTime(23, 0)};
    const ServicePeriod early {1, u"early"_s, QTime(17, 0), QTime(19, 0)};
    const RestaurantSettings before = valueOf(m_booker->settings());
    const qint64 position = lastPosition(*m_store);
    DomainResult<void> result;
    if (command == u"periods")
        result = m_booker->defineServicePeriods({dinner, lunch});
    else if (command == u"reversed")
        result = m_booker->defineServicePeriods({{3, u"dinner"_s, QTime(23, 0), QTime(18, 0)}});
    else if (command == u"overlapping")
        result = m_booker->defineServicePeriods({lunch, {3, u"tea"_s, QTime(14, 0), QTime(17, 0)}});
    else if (command == u"monday")
        result = m_booker->defineServicePeriodsOn(1, {early});
    else if (command == u"slot30")
        result = m_booker->defineSlotLength(30);
    else if (command == u"slot121")
        result = m_booker->defineSlotLength(121);
    else if (command == u"berlin")
        result = m_booker->defineTimeZone(u"Europe/Berlin"_s);
    else if (command == u"atlantis")
        result = m_booker->defineTimeZone(u"Atlantis/Capital"_s);
    else if (command == u"turns")
        result = m_booker->defineTurnTimes({{2, 60}, {6, 100}}, 140);
    else if (command.startsWith(u"horizon"))
        result = m_booker->defineBookingHorizon(command.mid(7).toInt());
    else
        result = m_booker->defineTurnTimes({{6, 100}, {2, 60}}, 140);

    const RestaurantSettings after = valueOf(m_booker->settings());
    if (!accepted) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), DomainError::Code::InvalidInput);
        QCOMPARE(lastPosition(*m_store), position);
        QCOMPARE(after.service(), before.service());
        QCOMPARE(after.turns(), before.turns());
        return;
    }
    QVERIFY2(result.ok(), why(result).constData());
    QCOMPARE(lastPosition(*m_store), position + 1);
    if (command == u"periods")
        QCOMPARE(after.servicePeriods(), (QList<ServicePeriod> {lunch, dinner}));
    else if (command == u"monday")
        QCOMPARE(after.servicePeriodsOn(1), QList<ServicePeriod> {early});
    else if (command == u"slot30")
        QCOMPARE(after.slotMinutes(), 30);
    else if (command == u"berlin")
        QCOMPARE(after.timeZoneId(), u"Europe/Berlin"_s);
    else if (command == u"turns")
        QCOMPARE(after.turnMinutesFor(party(7)), 140);
    else if (command == u"horizon30")
        QCOMPARE(after.bookingHorizonDays(), 30);
    if (command != u"horizon30")
        QCOMPARE(after.bookingHorizonDays(), before.bookingHorizonDays());
}

// A store written before the horizon existed holds version 1 of
// service-periods-defined: its settings stay, and bookings are taken up to
// a year ahead.
void tst_Booker::aStoreFromBeforeTheHorizonTakesBookingsAYearAhead()
{
    const QByteArray v1 = R"({"periods":[{"weekday":2,"name":"dinner","start":"18:00",)"
                          R"("end":"23:00"}],"slotMinutes":30,"timeZone":"Europe/Paris"})";
    const EventData old {QUuid::createUuid(), ServicePeriodsDefined::Type.toString(), v1,
                         R"({"schemaVersion":1})"};
    QVERIFY(m_store->append(SettingsStream, {old}, ExpectedRevision::any()).ok());

    const RestaurantSettings settings = valueOf(m_booker->settings());
    QCOMPARE(settings.timeZoneId(), u"Europe/Paris"_s);
    QCOMPARE(settings.slotMinutes(), 30);
    QCOMPARE(settings.bookingHorizonDays(), 365);

    // Tuesdays at 19:00 in Paris: 364 days ahead, then 371.
    QVERIFY(m_booker->book(request(u"T1"_s, u"2027-11-30T18:00:00Z"_s, 2)).ok());
    const auto beyond = m_booker->book(request(u"T1"_s, u"2027-12-07T18:00:00Z"_s, 2));
    QVERIFY(!beyond.ok());
    QCOMPARE(beyond.error().code(), DomainError::Code::BeyondHorizon);
}

void tst_Booker::aNewStoreHasTheDefaultSettings()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    EventSourcedTableCatalog catalog(*store);
    Booker booker(*store, catalog, *m_clock, TestContext);
    const RestaurantSettings settings = valueOf(booker.settings());
    QCOMPARE(settings.service(), ServicePeriodsDefined::defaults());
    QCOMPARE(settings.turns(), TurnTimesDefined::defaults());
    QCOMPARE(settings.slotMinutes(), 15);
    QCOMPARE(lastPosition(*store), 0);
}

void tst_Booker::listingAvailableSlots_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("partySize");
    QTest::addColumn<int>("slotCount"); // -1: refused

    const QDate day(2026, 12, 1);
    QTest::newRow("listing one day's slots for a couple") << day << day << 2 << 26;
    QTest::newRow("listing fourteen days' slots") << day << day.addDays(13) << 2 << 14 * 26;
    QTest::newRow("listing a range over fourteen days is refused")
        << day << day.addDays(14) << 2 << -1;
    QTest::newRow("listing a reversed range is refused") << day << day.addDays(-1) << 2 << -1;
    QTest::newRow("listing slots for a party of 0 is refused") << day << day << 0 << -1;
    QTest::newRow("listing slots for a party of 51 is refused") << day << day << 51 << -1;
}

void tst_Booker::listingAvailableSlots()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, partySize);
    QFETCH(int, slotCount);

    const auto listed = m_booker->availableSlots(from, to, partySize);
    if (slotCount < 0) {
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().code(), DomainError::Code::InvalidInput);
        return;
    }
    QVERIFY2(listed.ok(), why(listed).constData());
    QCOMPARE(listed.value().size(), slotCount);
    const AvailableSlot &first = listed.value().constFirst();
    QCOMPARE(first.span, span(u"2026-12-01T12:00:00Z"_s, u"2026-12-01T13:30:00Z"_s));
    // The smallest table first.
    QCOMPARE(first.tables, (QList<TableId> {table(u"T2"_s), table(u"T1"_s)}));
}

void tst_Booker::availableSlotsFollowTheTablesEvents()
{
    const QDate day(2026, 12, 1);
    auto tablesAt = [&](const QString &start) {
        const QList<AvailableSlot> listed = valueOf(m_booker->availableSlots(day, day, 3));
        for (const AvailableSlot &slot : listed) {
            if (slot.span.start() == at(start))
                return slot.tables;
        }
        return QList<TableId> {};
    };
    QCOMPARE(tablesAt(Dinner), QList<TableId> {});
    QCOMPARE(tablesAt(u"2026-12-01T21:00:00Z"_s), QList<TableId> {table(u"T1"_s)});

    appendTableEvent(
        *m_store, table(u"T1"_s),
        TableLockRemoved {table(u"T1"_s), bookingId(u"b-jones"_s), LockRemovalReason::Cancelled});
    addTable(*m_store, u"T3"_s, 6, u"Terrace"_s);
    QCOMPARE(tablesAt(Dinner), (QList<TableId> {table(u"T1"_s), table(u"T3"_s)}));

    appendTableEvent(*m_store, table(u"T3"_s),
                     TableSeatsChanged {table(u"T3"_s), valueOf(SeatCount::create(2)),
                                        valueOf(SeatCount::create(6))});
    QCOMPARE(tablesAt(Dinner), QList<TableId> {table(u"T1"_s)});
}

QTEST_GUILESS_MAIN(tst_Booker)
#include "tst_booker.moc"
