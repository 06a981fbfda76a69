#include "domain/booker/BookingSaga.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/EventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/support/CatalogueEvents.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

Q_DECLARE_METATYPE(booker::BookingChangeRequest)

// A booking's changes through both sagas on a real store: one booking id
// from start to end, the booking exactly as it was after every refusal, and
// never two locks of one table overlapping.
class tst_BookingChange final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void aChangeMakesTheBookingAsAsked_data();
    void aChangeMakesTheBookingAsAsked();
    void aRefusedChangeLeavesTheBookingExactlyAsItWas_data();
    void aRefusedChangeLeavesTheBookingExactlyAsItWas();
    void theNameAloneChangesAtOnceWithoutALock();
    void aChangeRejectedByTheTableManagerKeepsTheOldLock();
    void aSeatedPartyMovesTableFromNow();
    void cancellingWhileAChangeWaitsWithdrawsItsLock();
    void oneChangeWaitsAtATime();
    void aRedeliveredStepChangesNothing();
    void aStoreOfAnOlderVersionReadsOn();

private:
    QString storePath() const { return m_dir->filePath(u"restaurant.hoststand"_s); }
    std::unique_ptr<Restaurant> open(RestaurantOptions options);
    // Jones, 2 people, T1 at 19:00 on Friday 4 December, confirmed.
    BookingId bookJones(Restaurant &restaurant);
    // The same with that many tables, by a restaurant that is closed again.
    BookingId setUpAndBookJones(int tables);
    static QList<TableLock> locksOf(Restaurant &restaurant, const QString &table);
    // Every table's locks, checked for overlaps.
    static void verifyNoLocksOverlap(Restaurant &restaurant);
    static qint64 eventCount(Restaurant &restaurant);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
};

void tst_BookingChange::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(FixedNow);
}

std::unique_ptr<Restaurant> tst_BookingChange::open(RestaurantOptions options)
{
    return openRestaurant(std::move(options), *m_clock);
}

BookingId tst_BookingChange::bookJones(Restaurant &restaurant)
{
    const auto outcome = valueOf(restaurant.book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z")));
    if (outcome.status != BookingStatus::Confirmed)
        qFatal("Jones's booking was not confirmed");
    return outcome.bookingId;
}

BookingId tst_BookingChange::setUpAndBookJones(int tables)
{
    auto sagas = open(optionsFor(storePath()));
    setUpRestaurant(*sagas, tables);
    return bookJones(*sagas);
}

QList<TableLock> tst_BookingChange::locksOf(Restaurant &restaurant, const QString &table)
{
    return valueOf(restaurant.tableManager().table(valueOf(TableId::create(table)))).locks();
}

void tst_BookingChange::verifyNoLocksOverlap(Restaurant &restaurant)
{
    const QList<TableLock> locks = valueOf(restaurant.tableManager().locks());
    for (qsizetype i = 0; i < locks.size(); ++i) {
        for (qsizetype j = i + 1; j < locks.size(); ++j) {
            const TableLock &a = locks.at(i);
            const TableLock &b = locks.at(j);
            QVERIFY2(a.tableId != b.tableId || !a.span.overlaps(b.span),
                     qPrintable(u"%1 holds overlapping locks for %2 and %3"_s.arg(
                         a.tableId.toString(), a.bookingId.toString(), b.bookingId.toString())));
        }
    }
}

qint64 tst_BookingChange::eventCount(Restaurant &restaurant)
{
    return valueOf(restaurant.store().readAll(0, 100000)).size();
}

namespace {

struct Expected
{
    QString table;
    QDateTime start;
    QDateTime end;
    int party = 2;
};

booker::BookingChangeRequest changeOf(std::optional<QString> table,
                                      std::optional<QDateTime> start = std::nullopt,
                                      std::optional<int> party = std::nullopt,
                                      std::optional<int> minutes = std::nullopt)
{
    booker::BookingChangeRequest request;
    request.tableId = std::move(table);
    request.start = std::move(start);
    request.partySize = party;
    request.durationMinutes = minutes;
    return request;
}

} // namespace

void tst_BookingChange::aChangeMakesTheBookingAsAsked_data()
{
    QTest::addColumn<booker::BookingChangeRequest>("request");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<int>("party");
    // Jones's booking: T1, 19:00 to 20:30 (the turn time of 2), 2 people.
    const QDateTime seven = utc("2026-12-04T19:00:00Z");
    const QDateTime half8 = utc("2026-12-04T20:30:00Z");
    QTest::newRow("19:00 to 19:15 on the same table, over its own lock")
        << changeOf(std::nullopt, utc("2026-12-04T19:15:00Z")) << u"T1"_s
        << utc("2026-12-04T19:15:00Z") << utc("2026-12-04T20:45:00Z") << 2;
    QTest::newRow("to another table") << changeOf(u"T2"_s) << u"T2"_s << seven << half8 << 2;
    QTest::newRow("to another table and time")
        << changeOf(u"T3"_s, utc("2026-12-04T21:00:00Z")) << u"T3"_s << utc("2026-12-04T21:00:00Z")
        << utc("2026-12-04T22:30:00Z") << 2;
    QTest::newRow("a larger party on the same table")
        << changeOf(std::nullopt, std::nullopt, 4) << u"T1"_s << seven << half8 << 4;
    QTest::newRow("staying longer") << changeOf(std::nullopt, std::nullopt, std::nullopt, 150)
                                    << u"T1"_s << seven << utc("2026-12-04T21:30:00Z") << 2;
    QTest::newRow("leaving earlier") << changeOf(std::nullopt, std::nullopt, std::nullopt, 60)
                                     << u"T1"_s << seven << utc("2026-12-04T20:00:00Z") << 2;
    QTest::newRow("everything at once") << changeOf(u"T2"_s, utc("2026-12-04T18:30:00Z"), 3, 120)
                                        << u"T2"_s << utc("2026-12-04T18:30:00Z") << half8 << 3;
}

void tst_BookingChange::aChangeMakesTheBookingAsAsked()
{
    QFETCH(booker::BookingChangeRequest, request);
    QFETCH(QString, table);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(int, party);
    auto restaurant = open(optionsFor(storePath()));
    setUpRestaurant(*restaurant, 3);
    const BookingId id = bookJones(*restaurant);

    auto changed = restaurant->change(id, request);

    HS_VERIFY_OK(changed);
    QVERIFY(changed.value().changed());
    QCOMPARE(changed.value().bookingId, id);
    QCOMPARE(changed.value().change, 1);
    const booker::Booking booking = valueOf(restaurant->booker().booking(id));
    QCOMPARE(toString(booking.status()), toString(BookingStatus::Confirmed));
    QCOMPARE(booking.tableId().toString(), table);
    QCOMPARE(booking.span().start(), start);
    QCOMPARE(booking.span().end(), end);
    QCOMPARE(booking.partySize().value(), party);
    QVERIFY(!booking.pendingChange());
    // The lock moved with it: one, of the new span, on the new table only.
    QTRY_COMPARE(valueOf(restaurant->tableManager().locks()).size(), 1);
    const QList<TableLock> held = locksOf(*restaurant, table);
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.constFirst().bookingId, id);
    QCOMPARE(held.constFirst().span, booking.span());
    QCOMPARE(held.constFirst().partySize.value(), party);
    verifyNoLocksOverlap(*restaurant);
    // The day's bookings list it once, at its new place.
    const auto day = valueOf(restaurant->booker().bookings(QDate(2026, 12, 4)));
    QCOMPARE(day.size(), 1);
    QCOMPARE(day.constFirst().span().start(), start);
    // The read model shows it at its new place, under the same id.
    const auto shown = [&] {
        const BookingRow row = *restaurant->readModel()->booking(id.toString()).value();
        return row.tableId == table && row.start == start && row.end == end
            && row.partySize == party;
    };
    QTRY_VERIFY(shown());
    const BookingRow row = *restaurant->readModel()->booking(id.toString()).value();
    QCOMPARE(row.tableId, table);
    QCOMPARE(row.start, start);
    QCOMPARE(row.end, end);
    QCOMPARE(row.partySize, party);
    QCOMPARE(toString(row.status), toString(BookingStatus::Confirmed));
    QTRY_COMPARE(restaurant->readModel()->locks(table).value().size(), 1);
}

void tst_BookingChange::aRefusedChangeLeavesTheBookingExactlyAsItWas_data()
{
    QTest::addColumn<booker::BookingChangeRequest>("request");
    QTest::addColumn<DomainError::Code>("code");
    QTest::newRow("onto a table another booking holds")
        << changeOf(u"T2"_s, utc("2026-12-04T19:30:00Z")) << DomainError::Code::LockOverlap;
    QTest::newRow("a party the table cannot seat")
        << changeOf(std::nullopt, std::nullopt, 5) << DomainError::Code::PartyTooLarge;
    QTest::newRow("a table that does not exist")
        << changeOf(u"T9"_s) << DomainError::Code::TableMissing;
    QTest::newRow("a start that has passed")
        << changeOf(std::nullopt, utc("2026-12-01T09:00:00Z")) << DomainError::Code::InThePast;
    QTest::newRow("a start off the slots")
        << changeOf(std::nullopt, utc("2026-12-04T19:07:00Z")) << DomainError::Code::OffSlotGrid;
    QTest::newRow("a duration of 5 minutes")
        << changeOf(std::nullopt, std::nullopt, std::nullopt, 5) << DomainError::Code::InvalidInput;
    QTest::newRow("a party of none")
        << changeOf(std::nullopt, std::nullopt, 0) << DomainError::Code::InvalidInput;
    booker::BookingChangeRequest badName;
    badName.guestName = u"Jo\u202Ees"_s;
    QTest::newRow("a name with a control character") << badName << DomainError::Code::InvalidInput;
}

void tst_BookingChange::aRefusedChangeLeavesTheBookingExactlyAsItWas()
{
    QFETCH(booker::BookingChangeRequest, request);
    QFETCH(DomainError::Code, code);
    auto restaurant = open(optionsFor(storePath()));
    setUpRestaurant(*restaurant, 2);
    const BookingId id = bookJones(*restaurant);
    valueOf(restaurant->book(bookingAt(u"T2"_s, "2026-12-04T20:00:00Z", 2, u"Smith"_s)));
    const booker::Booking before = valueOf(restaurant->booker().booking(id));
    const QList<TableLock> locksBefore = valueOf(restaurant->tableManager().locks());
    const qint64 events = eventCount(*restaurant);

    auto changed = restaurant->change(id, request);

    QVERIFY(!changed.ok());
    QCOMPARE(DomainError::codeName(changed.error().code()), DomainError::codeName(code));
    QCOMPARE(eventCount(*restaurant), events);
    const booker::Booking after = valueOf(restaurant->booker().booking(id));
    QVERIFY(after.details() == before.details());
    QCOMPARE(toString(after.status()), toString(before.status()));
    QVERIFY(valueOf(restaurant->tableManager().locks()) == locksBefore);
}

void tst_BookingChange::theNameAloneChangesAtOnceWithoutALock()
{
    auto restaurant = open(optionsFor(storePath()));
    setUpRestaurant(*restaurant, 1);
    const BookingId id = bookJones(*restaurant);
    const QList<TableLock> locks = valueOf(restaurant->tableManager().locks());
    booker::BookingChangeRequest request;
    request.guestName = u"  Jones-Smith "_s;
    request.phone = u"+44 20 7946 0000"_s;
    request.note = u"window"_s;

    auto changed = restaurant->change(id, request);

    HS_VERIFY_OK(changed);
    QVERIFY(changed.value().changed());
    QCOMPARE(changed.value().change, 0);
    const booker::Booking booking = valueOf(restaurant->booker().booking(id));
    QCOMPARE(booking.guestName(), u"Jones-Smith"_s);
    QCOMPARE(booking.phone(), u"+44 20 7946 0000"_s);
    QCOMPARE(booking.note(), u"window"_s);
    QCOMPARE(booking.lastChange(), 0);
    QVERIFY(valueOf(restaurant->tableManager().locks()) == locks);
    QTRY_COMPARE(restaurant->readModel()->booking(id.toString()).value()->guestName,
                 u"Jones-Smith"_s);
    QCOMPARE(valueOf(restaurant->readModel()->searchGuests(u"7946"_s, 10)).size(), 1);

    // The same again writes nothing.
    const qint64 events = eventCount(*restaurant);
    HS_VERIFY_OK(restaurant->change(id, request));
    QCOMPARE(eventCount(*restaurant), events);
}

// The up-front check passes while no saga runs; another booking then takes
// the table; the sagas reject the change, and the booking keeps its lock.
void tst_BookingChange::aChangeRejectedByTheTableManagerKeepsTheOldLock()
{
    RestaurantOptions withoutSagas = optionsFor(storePath());
    withoutSagas.runSagas = false;
    withoutSagas.settleTimeout = 100ms;
    const BookingId id = setUpAndBookJones(2);
    auto desk = open(withoutSagas);
    auto asked = desk->change(id, changeOf(u"T2"_s));
    HS_VERIFY_OK(asked);
    QCOMPARE(int(asked.value().state), int(BookingChangeOutcome::State::Waiting));
    auto rival = desk->book(bookingAt(u"T2"_s, "2026-12-04T19:30:00Z", 2, u"Smith"_s));
    HS_VERIFY_OK(rival);
    QCOMPARE(valueOf(desk->booker().booking(id)).pendingChange()->change, 1);

    // The sagas take the events in their order: the change first.
    auto sagas = open(optionsFor(storePath()));
    QTRY_VERIFY(!valueOf(sagas->booker().booking(id)).pendingChange());
    const booker::Booking booking = valueOf(sagas->booker().booking(id));
    QCOMPARE(booking.tableId().toString(), u"T2"_s);
    QTRY_COMPARE(toString(valueOf(sagas->booker().booking(rival.value().bookingId)).status()),
                 toString(BookingStatus::Rejected));
    verifyNoLocksOverlap(*sagas);

    // Now the other way: a change onto a table another booking takes after
    // the check, while no saga runs.
    sagas.reset();
    auto moveBack = desk->change(id, changeOf(u"T1"_s, utc("2026-12-04T21:00:00Z")));
    HS_VERIFY_OK(moveBack);
    QCOMPARE(int(moveBack.value().state), int(BookingChangeOutcome::State::Waiting));
    valueOf(desk->tableManager().placeLock(
        valueOf(TableId::create(u"T1"_s)), valueOf(BookingId::create(u"aa11bb22cc33"_s)),
        valueOf(TimeSpan::create(utc("2026-12-04T21:30:00Z"), utc("2026-12-04T22:00:00Z"))),
        valueOf(PartySize::create(2))));
    sagas = open(optionsFor(storePath()));
    QTRY_VERIFY(!valueOf(sagas->booker().booking(id)).pendingChange());
    const booker::Booking after = valueOf(sagas->booker().booking(id));
    QVERIFY(after.lastChangeRejection());
    QCOMPARE(after.lastChangeRejection()->change, 2);
    QVERIFY(after.lastChangeRejection()->reason == ChangeRejectionReason::Overlap);
    QVERIFY(after.details() == booking.details());
    const QList<TableLock> kept = locksOf(*sagas, u"T2"_s);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().span, booking.span());
    verifyNoLocksOverlap(*sagas);
    RestaurantOptions patient = withoutSagas;
    patient.settleTimeout = 5s;
    auto asking = open(patient);
    auto outcome = asking->change(id, changeOf(u"T1"_s, utc("2026-12-04T21:00:00Z")));
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code(), DomainError::Code::LockOverlap);
}

void tst_BookingChange::aSeatedPartyMovesTableFromNow()
{
    auto restaurant = open(optionsFor(storePath()));
    setUpRestaurant(*restaurant, 2);
    const BookingId id = bookJones(*restaurant);
    m_clock->setNow(utc("2026-12-04T19:05:00Z"));
    HS_VERIFY_OK(restaurant->booker().seat(id));
    m_clock->setNow(utc("2026-12-04T19:40:00Z"));

    auto moved = restaurant->change(id, changeOf(u"T2"_s));

    HS_VERIFY_OK(moved);
    QVERIFY(moved.value().changed());
    const booker::Booking booking = valueOf(restaurant->booker().booking(id));
    QCOMPARE(toString(booking.status()), toString(BookingStatus::Seated));
    QCOMPARE(booking.tableId().toString(), u"T2"_s);
    QCOMPARE(booking.span().start(), utc("2026-12-04T19:40:00Z"));
    QCOMPARE(booking.span().end(), utc("2026-12-04T20:30:00Z"));
    QTRY_VERIFY(locksOf(*restaurant, u"T1"_s).isEmpty());
    QCOMPARE(locksOf(*restaurant, u"T2"_s).size(), 1);
    // A seated party cannot change its start.
    auto refused = restaurant->change(id, changeOf(std::nullopt, utc("2026-12-04T20:00:00Z")));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), DomainError::Code::InvalidTransition);
    // When the party leaves, the table it sits at is freed.
    HS_VERIFY_OK(restaurant->leave(id));
    QVERIFY(valueOf(restaurant->tableManager().locks()).isEmpty());
}

void tst_BookingChange::cancellingWhileAChangeWaitsWithdrawsItsLock()
{
    const BookingId id = setUpAndBookJones(2);
    RestaurantOptions withoutSagas = optionsFor(storePath());
    withoutSagas.runSagas = false;
    withoutSagas.settleTimeout = 100ms;
    auto desk = open(withoutSagas);
    HS_VERIFY_OK(desk->change(id, changeOf(u"T2"_s)));
    HS_VERIFY_OK(desk->booker().cancel(id));
    const booker::Booking cancelled = valueOf(desk->booker().booking(id));
    QCOMPARE(toString(cancelled.status()), toString(BookingStatus::Cancelled));
    QVERIFY(!cancelled.pendingChange());
    QVERIFY(cancelled.lastChangeRejection()->reason == ChangeRejectionReason::BookingEnded);
    QCOMPARE(cancelled.tableId().toString(), u"T1"_s);

    auto sagas = open(optionsFor(storePath()));
    QTRY_VERIFY(valueOf(sagas->tableManager().locks()).isEmpty());
    QTRY_VERIFY(sagas->isQuiet());
    QVERIFY(valueOf(sagas->tableManager().locks()).isEmpty());
    QCOMPARE(valueOf(sagas->store().parkedEvents(u"table-locking"_s)).size(), 0);
    QCOMPARE(valueOf(sagas->store().parkedEvents(u"booking-confirmation"_s)).size(), 0);
}

void tst_BookingChange::oneChangeWaitsAtATime()
{
    const BookingId id = setUpAndBookJones(3);
    RestaurantOptions withoutSagas = optionsFor(storePath());
    withoutSagas.runSagas = false;
    withoutSagas.settleTimeout = 100ms;
    auto desk = open(withoutSagas);
    HS_VERIFY_OK(desk->change(id, changeOf(u"T2"_s)));

    auto second = desk->change(id, changeOf(u"T3"_s));

    QVERIFY(!second.ok());
    QCOMPARE(second.error().code(), DomainError::Code::InvalidTransition);
    QVERIFY2(second.error().message().contains(u"change waiting"_s),
             qPrintable(second.error().message()));
    // The name may not change either while the table is asked for: one
    // change at a time, so that a rejection leaves exactly what was.
    booker::BookingChangeRequest name;
    name.guestName = u"Smith"_s;
    QVERIFY(!desk->change(id, name).ok());
}

// Every step of the choreography delivered twice: the second writes nothing.
void tst_BookingChange::aRedeliveredStepChangesNothing()
{
    auto restaurant = open(optionsFor(storePath()));
    setUpRestaurant(*restaurant, 2);
    const BookingId id = bookJones(*restaurant);
    HS_VERIFY_OK(restaurant->change(id, changeOf(u"T2"_s)));
    QTRY_VERIFY(restaurant->isQuiet());
    const qint64 events = eventCount(*restaurant);
    const booker::Booking before = valueOf(restaurant->booker().booking(id));

    const QList<RecordedEvent> all = valueOf(restaurant->store().readAll(0, 100000));
    TableLockingSaga locking(restaurant->tableManager());
    booker::BookingSaga confirming(restaurant->store());
    for (const RecordedEvent &event : all) {
        if (TableLockingSaga::filter().matches(event))
            QCOMPARE(int(locking.handle(event).action), int(Disposition::Action::Ack));
        if (booker::BookingSaga::filter().matches(event))
            QCOMPARE(int(confirming.handle(event).action), int(Disposition::Action::Ack));
    }

    QCOMPARE(eventCount(*restaurant), events);
    QVERIFY(valueOf(restaurant->booker().booking(id)).details() == before.details());
    QCOMPARE(locksOf(*restaurant, u"T2"_s).size(), 1);
    QVERIFY(locksOf(*restaurant, u"T1"_s).isEmpty());
}

// A store written before bookings could change (locks of version 1) is
// read on: its lock is the booking's as initiated, and the booking changes.
void tst_BookingChange::aStoreOfAnOlderVersionReadsOn()
{
    auto restaurant = open(optionsFor(storePath()));
    setUpRestaurant(*restaurant, 2);
    const BookingId id = valueOf(BookingId::create(u"0ld0ld0ld0ld"_s));
    const QDateTime start = utc("2026-12-04T19:00:00Z");
    const QDateTime end = utc("2026-12-04T20:30:00Z");
    EventData initiated = eventData(TableBookingInitiated {id,
                                                           valueOf(TableId::create(u"T1"_s)),
                                                           valueOf(TimeSpan::create(start, end)),
                                                           valueOf(PartySize::create(2)),
                                                           u"Old"_s,
                                                           {},
                                                           {},
                                                           false});
    HS_VERIFY_OK(restaurant->store().append(id.streamName(), {initiated}, ExpectedRevision::any()));
    QTRY_VERIFY(valueOf(restaurant->booker().booking(id)).status() == BookingStatus::Confirmed);
    // Rewrite nothing: append a version-1 lock as an older version did, on T2.
    EventData oldLock;
    oldLock.id = QUuid::createUuid();
    oldLock.type = u"table-lock-placed"_s;
    oldLock.data = R"({"tableId":"T2","bookingId":"aa11bb22cc33","partySize":2,)"
                   R"("timeSlot":{"from":"2026-12-05T19:00:00Z","to":"2026-12-05T20:30:00Z"}})";
    oldLock.metadata = R"({"schemaVersion":1})";
    HS_VERIFY_OK(restaurant->store().append(u"table-T2"_s, {oldLock}, ExpectedRevision::any()));
    const QList<TableLock> t2 = locksOf(*restaurant, u"T2"_s);
    QCOMPARE(t2.size(), 1);
    QCOMPARE(t2.constFirst().change, 0);

    auto changed = restaurant->change(id, changeOf(u"T2"_s));
    HS_VERIFY_OK(changed);
    QVERIFY(changed.value().changed());
    QCOMPARE(locksOf(*restaurant, u"T2"_s).size(), 2);
    verifyNoLocksOverlap(*restaurant);
}

QTEST_GUILESS_MAIN(tst_BookingChange)
#include "tst_bookingchange.moc"
