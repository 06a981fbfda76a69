#include "domain/tablemanager/Table.h"
#include "tests/domain/tablemanager/TableFixtures.h"

#include <QtTest>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

using When = std::function<LockPlacementDecision(const Table &)>;
using Refusal = std::optional<DomainError::Code>;
Q_DECLARE_METATYPE(hoststand::DomainEvent)
Q_DECLARE_METATYPE(When)
Q_DECLARE_METATYPE(Refusal)

namespace {

const QString Overlap = u"Table T4 is already booked 19:00–20:30 (booking 3f9a0c7e21b4)."_s;
const QString NoTable = u"There is no table T4."_s;
const QString Removed = u"Table T4 has been removed."_s;
const QString TooLarge = u"Table T4 seats 4; a party of 6 does not fit."_s;

LockPlacementDecision outcomeOf(const DomainResult<QList<DomainEvent>> &result)
{
    if (result.ok())
        return {result.value(), std::nullopt};
    return {{}, result.error()};
}

// --- Commands, as the test rows name them -----------------------------------

When adding(int seatCount, const TableLayout &layout = terrace())
{
    return [=](const Table &t) {
        return outcomeOf(t.add(seats(seatCount), layout));
    };
}

When moving(const TableLayout &layout)
{
    return [=](const Table &t) {
        return outcomeOf(t.move(layout));
    };
}

When changingSeats(int seatCount, const char *now)
{
    return [=](const Table &t) {
        return outcomeOf(t.changeSeats(seats(seatCount), at(now), wordsInUtc(now)));
    };
}

When removing(const char *now)
{
    return [=](const Table &t) {
        return outcomeOf(t.remove(at(now), wordsInUtc(now)));
    };
}

When locking(const BookingId &booking, const TimeSpan &slot, int size)
{
    return [=](const Table &t) {
        return t.placeLock(booking, slot, party(size), wordsInUtc());
    };
}

When unlocking(const BookingId &booking, LockRemovalReason reason,
               LockScope scope = LockScope::any())
{
    return [=](const Table &t) {
        return outcomeOf(t.removeLock(booking, reason, scope));
    };
}

// For the booking's change n.
When lockingFor(int change, const BookingId &booking, const TimeSpan &slot, int size)
{
    return [=](const Table &t) {
        return t.placeLock(booking, slot, party(size), wordsInUtc(), change);
    };
}

// --- Events -------------------------------------------------------------------

DomainEvent added(int seatCount = 4, const TableLayout &layout = terrace())
{
    return TableAdded {T4, seats(seatCount), layout};
}

DomainEvent removed()
{
    return TableRemoved {T4};
}

DomainEvent locked(const BookingId &booking, const TimeSpan &slot, int size)
{
    return TableLockPlaced {T4, booking, slot, party(size)};
}

DomainEvent lockFailed(const BookingId &booking, const TimeSpan &slot, int size,
                       LockFailureReason reason, const QString &message,
                       const QStringList &conflicting = {})
{
    return TableLockPlacementFailed {T4, booking, slot, party(size), reason, message, conflicting};
}

DomainEvent lockedFor(int change, const BookingId &booking, const TimeSpan &slot, int size)
{
    return TableLockPlaced {T4, booking, slot, party(size), change};
}

DomainEvent unlocked(const BookingId &booking, LockRemovalReason reason)
{
    return TableLockRemoved {T4, booking, reason};
}

const TimeSpan Dinner = span("19:00", "20:30");

// --- Rows -----------------------------------------------------------------------

void accepted(const char *name, const QList<DomainEvent> &given, const When &when,
              const QList<DomainEvent> &expected)
{
    QTest::newRow(name) << given << when << expected << Refusal() << QStringList() << QString();
}

void refused(const char *name, const QList<DomainEvent> &given, const When &when,
             DomainError::Code code, const QStringList &bookings = {}, const QString &message = {})
{
    QTest::newRow(name) << given << when << QList<DomainEvent>() << Refusal(code) << bookings
                        << message;
}

// A failed lock placement is refused and recorded.
void recorded(const char *name, const QList<DomainEvent> &given, const When &when,
              const DomainEvent &failure, DomainError::Code code)
{
    const auto &failed = std::get<TableLockPlacementFailed>(failure);
    QTest::newRow(name) << given << when << QList<DomainEvent> {failure} << Refusal(code)
                        << failed.conflictingBookings << failed.message;
}

} // namespace

// The table aggregate without a store: given its history, when a command is
// decided, then these events (or this refusal) come out.
class tst_Table final : public QObject
{
    Q_OBJECT

public:
    // Messages show times on the terminal's clock; the rows expect UTC.
    static void initMain() { qputenv("TZ", "UTC"); }

private Q_SLOTS:
    void tableCommands_data();
    void tableCommands() { decide(); }
    void lockCommands_data();
    void lockCommands() { decide(); }
    void lockChanges_data();
    void lockChanges() { decide(); }
    void aChangesLockReplacesTheBookingsOwn();
    void replayingRebuildsTheState();
    void locksAreKeptInOrderOfTheirStart();
    void aRemovedTableCanBeAddedAgain();
    void locksInForceAndEndedLocksSplitAtNow_data();
    void locksInForceAndEndedLocksSplitAtNow();
    void refusalsSpeakTheRestaurantsClock_data();
    void refusalsSpeakTheRestaurantsClock();

private:
    static void columns();
    static void decide();
};

void tst_Table::columns()
{
    QTest::addColumn<QList<DomainEvent>>("given");
    QTest::addColumn<When>("when");
    QTest::addColumn<QList<DomainEvent>>("expected");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QStringList>("bookings");
    QTest::addColumn<QString>("message");
}

void tst_Table::decide()
{
    QFETCH(QList<DomainEvent>, given);
    QFETCH(When, when);
    QFETCH(QList<DomainEvent>, expected);
    QFETCH(Refusal, refusal);
    QFETCH(QStringList, bookings);
    QFETCH(QString, message);

    const LockPlacementDecision decision = when(Table::fromHistory(T4, given));

    QCOMPARE(describe(decision.events), describe(expected));
    QVERIFY(decision.events == expected);
    QCOMPARE(decision.refusal.has_value(), refusal.has_value());
    if (!refusal)
        return;
    QCOMPARE(DomainError::codeName(decision.refusal->code()), DomainError::codeName(*refusal));
    QCOMPARE(decision.refusal->bookingIds(), bookings);
    if (!message.isEmpty())
        QCOMPARE(decision.refusal->message(), message);
}

void tst_Table::tableCommands_data()
{
    columns();
    using C = DomainError::Code;
    const DomainEvent lockedForSix = locked(Jones, Dinner, 6);

    accepted("adding a table writes table-added", {}, adding(4), {added(4)});
    refused("adding a duplicate id is refused", {added()}, adding(6), C::AlreadyExists, {},
            u"Table T4 is already in service."_s);
    accepted("re-adding a removed id adds the table again", {added(2), removed()},
             adding(6, mainRoom()), {added(6, mainRoom())});
    accepted("adding a table whose stream holds only failed locks adds it",
             {lockFailed(Jones, Dinner, 2, LockFailureReason::TableMissing, NoTable)}, adding(4),
             {added(4)});
    refused("adding a table with a rotation of 360 degrees is refused", {},
            adding(4, TableLayout {u"Terrace"_s, TableShape::Round, 0, 0, 70, 70, 360}),
            C::InvalidInput);

    accepted("moving a table writes its whole new layout", {added()}, moving(mainRoom()),
             {TableMoved {T4, mainRoom()}});
    accepted("moving a table to where it stands writes nothing", {added()}, moving(terrace()), {});
    refused("moving a missing table is refused", {}, moving(mainRoom()), C::NotFound, {}, NoTable);
    refused("moving a removed table is refused", {added(), removed()}, moving(mainRoom()),
            C::TableRemoved, {}, Removed);
    refused("moving a table into an empty zone name is refused", {added()},
            moving(TableLayout {QString(), TableShape::Round, 0, 0, 70, 70, 0}), C::InvalidInput);
    refused("adding a table in a zone whose name holds a terminal escape is refused", {},
            adding(4, TableLayout {u"Bar\x1b[2J"_s, TableShape::Round, 0, 0, 70, 70, 0}),
            C::InvalidInput, {},
            u"The zone's name contains a control character (U+001B) at character 4; it must be "
            u"printable text on one line."_s);
    refused("moving a table into a zone whose name has a line break is refused", {added()},
            moving(TableLayout {u"Bar\nTerrace"_s, TableShape::Round, 0, 0, 70, 70, 0}),
            C::InvalidInput, {},
            u"The zone's name contains a line break at character 4; it must be printable text on "
            u"one line."_s);
    accepted("moving a table whose zone was named with an escape before this rule keeps the zone",
             {added(4, TableLayout {u"Bar\x1b"_s, TableShape::Round, 0, 0, 70, 70, 0})},
             moving(TableLayout {u"Bar\x1b"_s, TableShape::Round, 50, 0, 70, 70, 0}),
             {TableMoved {T4, TableLayout {u"Bar\x1b"_s, TableShape::Round, 50, 0, 70, 70, 0}}});

    accepted("changing seats writes the new and the previous seats", {added(4)},
             changingSeats(6, "12:00"), {TableSeatsChanged {T4, seats(6), seats(4)}});
    accepted("changing seats to the same number writes nothing", {added(4)},
             changingSeats(4, "12:00"), {});
    refused("seats reduced below a locked party are refused, naming the booking",
            {added(8), lockedForSix}, changingSeats(4, "12:00"), C::TableLocked, {Jones.toString()},
            u"Table T4 cannot go down to 4 seats: it is booked 19:00–20:30 for a party of 6 "
            u"(booking 3f9a0c7e21b4)."_s);
    accepted("seats reduced but still fitting the locked party are allowed",
             {added(8), lockedForSix}, changingSeats(6, "12:00"),
             {TableSeatsChanged {T4, seats(6), seats(8)}});
    accepted("seats reduced below a party whose slot has passed are allowed",
             {added(8), lockedForSix}, changingSeats(4, "20:30"),
             {TableSeatsChanged {T4, seats(4), seats(8)}});
    refused("changing the seats of a missing table is refused", {}, changingSeats(4, "12:00"),
            C::NotFound);

    accepted("removing a table writes table-removed", {added()}, removing("12:00"), {removed()});
    refused("removing a missing table is refused", {}, removing("12:00"), C::NotFound, {}, NoTable);
    refused("removing a removed table is refused", {added(), removed()}, removing("12:00"),
            C::TableRemoved);
    refused("removing a locked table is refused, naming the booking",
            {added(), locked(Jones, Dinner, 2)}, removing("12:00"), C::TableLocked,
            {Jones.toString()},
            u"Table T4 cannot be removed: it is booked 19:00–20:30 (booking 3f9a0c7e21b4)."_s);
    refused("removing a table while its party sits at it is refused, naming the booking",
            {added(), locked(Jones, Dinner, 2)}, removing("20:29"), C::TableLocked,
            {Jones.toString()});
    refused("removing a table locked twice names both bookings",
            {added(), locked(Jones, Dinner, 2), locked(Smith, span("21:00", "22:00"), 2)},
            removing("12:00"), C::TableLocked, {Jones.toString(), Smith.toString()},
            u"Table T4 cannot be removed: it is booked 19:00–20:30 (booking 3f9a0c7e21b4) and "
            u"21:00–22:00 (booking a1b2c3d4e5f6)."_s);
    accepted("removing a table whose locks have ended releases them with it",
             {added(), locked(Jones, Dinner, 2)}, removing("20:30"),
             {unlocked(Jones, LockRemovalReason::SlotPassed), removed()});
}

void tst_Table::lockCommands_data()
{
    columns();
    using C = DomainError::Code;
    using R = LockFailureReason;
    const DomainEvent jonesAtDinner = locked(Jones, Dinner, 2);

    accepted("locking a table places the lock", {added()}, locking(Jones, Dinner, 2),
             {jonesAtDinner});
    recorded("locking a missing table records table-missing", {}, locking(Jones, Dinner, 2),
             lockFailed(Jones, Dinner, 2, R::TableMissing, NoTable), C::TableMissing);
    recorded("locking a removed table records table-removed", {added(), removed()},
             locking(Jones, Dinner, 2), lockFailed(Jones, Dinner, 2, R::TableRemoved, Removed),
             C::TableRemoved);
    recorded("locking an already locked table for an overlapping span records the overlap",
             {added(), jonesAtDinner}, locking(Smith, span("20:00", "21:30"), 2),
             lockFailed(Smith, span("20:00", "21:30"), 2, R::Overlap, Overlap, {Jones.toString()}),
             C::LockOverlap);
    recorded("locking a span inside another lock records the overlap", {added(), jonesAtDinner},
             locking(Smith, span("19:15", "19:45"), 2),
             lockFailed(Smith, span("19:15", "19:45"), 2, R::Overlap, Overlap, {Jones.toString()}),
             C::LockOverlap);
    recorded("locking a span across two locks names both bookings",
             {added(), jonesAtDinner, locked(Lee, span("21:00", "22:00"), 2)},
             locking(Smith, span("20:00", "21:30"), 2),
             lockFailed(Smith, span("20:00", "21:30"), 2, R::Overlap,
                        u"Table T4 is already booked 19:00–20:30 (booking 3f9a0c7e21b4) and "
                        u"21:00–22:00 (booking 0c0ffee00001)."_s,
                        {Jones.toString(), Lee.toString()}),
             C::LockOverlap);
    accepted("adjacent spans do not overlap: a lock may start when another ends",
             {added(), jonesAtDinner}, locking(Smith, span("20:30", "22:00"), 2),
             {locked(Smith, span("20:30", "22:00"), 2)});
    accepted("adjacent spans do not overlap: a lock may end when another starts",
             {added(), jonesAtDinner}, locking(Smith, span("17:30", "19:00"), 2),
             {locked(Smith, span("17:30", "19:00"), 2)});
    recorded("a party larger than the table records party-too-large", {added(4)},
             locking(Jones, Dinner, 6), lockFailed(Jones, Dinner, 6, R::PartyTooLarge, TooLarge),
             C::PartyTooLarge);
    accepted("a party as large as the table fits", {added(4)}, locking(Jones, Dinner, 4),
             {locked(Jones, Dinner, 4)});
    accepted("a released lock's span can be locked for another booking",
             {added(), jonesAtDinner, unlocked(Jones, LockRemovalReason::Cancelled)},
             locking(Smith, Dinner, 2), {locked(Smith, Dinner, 2)});

    accepted("locking again for the same booking writes nothing", {added(), jonesAtDinner},
             locking(Jones, Dinner, 2), {});
    refused("a refused booking asking again gets the same refusal and writes nothing",
            {added(), jonesAtDinner,
             lockFailed(Smith, Dinner, 2, R::Overlap, Overlap, {Jones.toString()})},
            locking(Smith, Dinner, 2), C::LockOverlap, {Jones.toString()}, Overlap);
    refused("a booking whose lock was released asking again writes nothing",
            {added(), jonesAtDinner, unlocked(Jones, LockRemovalReason::Cancelled)},
            locking(Jones, Dinner, 2), C::InvalidTransition);

    accepted("removing a lock writes table-lock-removed with its reason", {added(), jonesAtDinner},
             unlocking(Jones, LockRemovalReason::NoShow),
             {unlocked(Jones, LockRemovalReason::NoShow)});
    accepted("removing a released lock again writes nothing",
             {added(), jonesAtDinner, unlocked(Jones, LockRemovalReason::PartyLeft)},
             unlocking(Jones, LockRemovalReason::SlotPassed), {});
    refused("removing a lock on a missing table is refused", {},
            unlocking(Jones, LockRemovalReason::Cancelled), C::TableMissing, {}, NoTable);
    refused("removing a lock the booking never had is refused", {added(), jonesAtDinner},
            unlocking(Smith, LockRemovalReason::Cancelled), C::NotFound, {},
            u"Table T4 holds no lock for booking a1b2c3d4e5f6."_s);
    refused("removing the lock of a refused booking is refused",
            {added(), lockFailed(Smith, Dinner, 6, R::PartyTooLarge, TooLarge)},
            unlocking(Smith, LockRemovalReason::Cancelled), C::NotFound);
}

void tst_Table::lockChanges_data()
{
    columns();
    using C = DomainError::Code;
    using R = LockFailureReason;
    const DomainEvent jonesAtDinner = locked(Jones, Dinner, 2);
    const TimeSpan later = span("19:15", "20:45");

    accepted("a change may overlap the booking's own lock: 19:00 to 19:15 on T4",
             {added(), jonesAtDinner}, lockingFor(1, Jones, later, 2),
             {lockedFor(1, Jones, later, 2)});
    accepted("a larger party for the same span", {added(6), jonesAtDinner},
             lockingFor(1, Jones, Dinner, 6), {lockedFor(1, Jones, Dinner, 6)});
    recorded("a change may not overlap another booking's lock",
             {added(), jonesAtDinner, locked(Smith, span("21:00", "22:00"), 2)},
             lockingFor(1, Jones, span("20:00", "21:30"), 2),
             TableLockPlacementFailed {T4,
                                       Jones,
                                       span("20:00", "21:30"),
                                       party(2),
                                       R::Overlap,
                                       u"Table T4 is already booked 21:00–22:00 (booking "
                                       u"a1b2c3d4e5f6)."_s,
                                       {Smith.toString()},
                                       1},
             C::LockOverlap);
    accepted("the same change asked again writes nothing",
             {added(), jonesAtDinner, lockedFor(1, Jones, later, 2)},
             lockingFor(1, Jones, later, 2), {});
    accepted("a change older than the one decided writes nothing",
             {added(), jonesAtDinner, lockedFor(2, Jones, later, 2)},
             lockingFor(1, Jones, Dinner, 2), {});
    accepted("a change to a table the booking left is placed again",
             {added(), jonesAtDinner, unlocked(Jones, LockRemovalReason::Moved)},
             lockingFor(2, Jones, Dinner, 2), {lockedFor(2, Jones, Dinner, 2)});
    accepted(
        "a change after a refused one is decided anew",
        {added(4), jonesAtDinner,
         TableLockPlacementFailed {T4, Jones, Dinner, party(6), R::PartyTooLarge, TooLarge, {}, 1}},
        lockingFor(2, Jones, Dinner, 3), {lockedFor(2, Jones, Dinner, 3)});

    accepted("the lock a booking moved away from is released", {added(), jonesAtDinner},
             unlocking(Jones, LockRemovalReason::Moved, LockScope::before(1)),
             {unlocked(Jones, LockRemovalReason::Moved)});
    accepted("a late release cannot free the lock a newer change placed",
             {added(), lockedFor(3, Jones, Dinner, 2)},
             unlocking(Jones, LockRemovalReason::Moved, LockScope::before(2)), {});
    accepted("a withdrawn change releases its own lock",
             {added(), jonesAtDinner, lockedFor(1, Jones, later, 2)},
             unlocking(Jones, LockRemovalReason::ChangeWithdrawn, LockScope::of(1)),
             {unlocked(Jones, LockRemovalReason::ChangeWithdrawn)});
    accepted("a withdrawn change releases no lock it did not place", {added(), jonesAtDinner},
             unlocking(Jones, LockRemovalReason::ChangeWithdrawn, LockScope::of(1)), {});
}

void tst_Table::aChangesLockReplacesTheBookingsOwn()
{
    const Table table = Table::fromHistory(T4,
                                           {added(), locked(Jones, Dinner, 2),
                                            locked(Smith, span("21:00", "22:00"), 2),
                                            lockedFor(1, Jones, span("19:15", "20:45"), 3)});
    QCOMPARE(table.locks().size(), 2);
    const TableLock *jones = table.lockOf(Jones);
    QVERIFY(jones);
    QCOMPARE(jones->span, span("19:15", "20:45"));
    QCOMPARE(jones->partySize.value(), 3);
    QCOMPARE(jones->change, 1);
    QCOMPARE(table.lockState(Jones), Table::LockState::Held);
    QCOMPARE(table.locks().constFirst().bookingId, Jones);
}

void tst_Table::replayingRebuildsTheState()
{
    const Table table = Table::fromHistory(
        T4,
        {added(4), TableMoved {T4, mainRoom()}, TableSeatsChanged {T4, seats(6), seats(4)},
         locked(Jones, Dinner, 2),
         lockFailed(Smith, Dinner, 2, LockFailureReason::Overlap, Overlap, {Jones.toString()}),
         locked(Lee, span("21:00", "22:00"), 6), unlocked(Lee, LockRemovalReason::Cancelled)});

    QCOMPARE(table.status(), Table::Status::InService);
    QCOMPARE(table.seats(), seats(6));
    QVERIFY(table.layout() == mainRoom());
    QCOMPARE(table.locks().size(), 1);
    QVERIFY(table.locks().constFirst() == (TableLock {T4, Jones, Dinner, party(2)}));
    QCOMPARE(table.lockState(Jones), Table::LockState::Held);
    QCOMPARE(table.lockState(Smith), Table::LockState::Refused);
    QCOMPARE(table.lockState(Lee), Table::LockState::Released);
    QCOMPARE(table.lockState(bookingId("ffff")), std::nullopt);
    QVERIFY(table.lockOf(Jones));
    QVERIFY(!table.lockOf(Lee));
}

void tst_Table::locksAreKeptInOrderOfTheirStart()
{
    const Table table
        = Table::fromHistory(T4,
                             {added(), locked(Lee, span("21:00", "22:00"), 2),
                              locked(Jones, Dinner, 2), locked(Smith, span("17:00", "18:00"), 2)});
    QList<QString> order;
    for (const TableLock &lock : table.locks())
        order.append(lock.bookingId.toString());
    QCOMPARE(order, (QStringList {Smith.toString(), Jones.toString(), Lee.toString()}));
}

void tst_Table::aRemovedTableCanBeAddedAgain()
{
    Table table(T4);
    QCOMPARE(table.status(), Table::Status::Missing);
    QCOMPARE(table.seats(), std::nullopt);
    table.apply(added(2));
    QCOMPARE(table.status(), Table::Status::InService);
    table.apply(removed());
    QCOMPARE(table.status(), Table::Status::Removed);
    QVERIFY(!table.isInService());
    table.apply(added(8, mainRoom()));
    QVERIFY(table.isInService());
    QCOMPARE(table.seats(), seats(8));
    QVERIFY(table.layout() == mainRoom());
}

void tst_Table::locksInForceAndEndedLocksSplitAtNow_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QStringList>("inForce");
    QTest::addColumn<QStringList>("ended");
    const QString jones = Jones.toString();
    const QString smith = Smith.toString();
    QTest::newRow("before both slots both locks are in force")
        << at("12:00") << QStringList {jones, smith} << QStringList {};
    QTest::newRow("during the first slot both locks are in force")
        << at("20:29") << QStringList {jones, smith} << QStringList {};
    QTest::newRow("at the end of the first slot its lock has ended")
        << at("20:30") << QStringList {smith} << QStringList {jones};
    QTest::newRow("after both slots both locks have ended")
        << at("23:00") << QStringList {} << QStringList {jones, smith};
}

void tst_Table::locksInForceAndEndedLocksSplitAtNow()
{
    QFETCH(QDateTime, now);
    QFETCH(QStringList, inForce);
    QFETCH(QStringList, ended);
    const Table table = Table::fromHistory(
        T4, {added(), locked(Jones, Dinner, 2), locked(Smith, span("21:00", "22:00"), 2)});
    auto ids = [](const QList<TableLock> &locks) {
        QStringList result;
        for (const TableLock &lock : locks)
            result.append(lock.bookingId.toString());
        return result;
    };
    QCOMPARE(ids(table.locksInForce(now)), inForce);
    QCOMPARE(ids(table.locksEnded(now)), ended);
}

// Times in refusals (and in the failure a lost race records) are on the
// restaurant's clock, whatever this machine's zone (UTC here: initMain),
// with the date unless the booking is on the restaurant's today.
void tst_Table::refusalsSpeakTheRestaurantsClock_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<QString>("words");
    const auto utc = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    };
    const auto row = [&](const char *name, const char *zone, const char *now, const char *start,
                         const char *end, const QString &words) {
        QTest::newRow(name) << QString::fromLatin1(zone) << utc(now) << utc(start) << utc(end)
                            << words;
    };
    row("a UTC restaurant's booking today", "UTC", "2026-12-19T09:00:00Z", "2026-12-19T19:00:00Z",
        "2026-12-19T20:30:00Z", u"19:00–20:30"_s);
    row("a Paris restaurant's booking today, in winter (UTC+1)", "Europe/Paris",
        "2026-12-19T09:00:00Z", "2026-12-19T18:00:00Z", "2026-12-19T19:30:00Z", u"19:00–20:30"_s);
    row("a Paris restaurant's booking tomorrow, with its date", "Europe/Paris",
        "2026-12-18T09:00:00Z", "2026-12-19T18:00:00Z", "2026-12-19T19:30:00Z",
        u"Sat 19 Dec 2026, 19:00–20:30"_s);
    row("a Paris restaurant's booking today, in summer (UTC+2)", "Europe/Paris",
        "2026-07-10T08:00:00Z", "2026-07-10T17:00:00Z", "2026-07-10T18:30:00Z", u"19:00–20:30"_s);
    row("a Paris restaurant's booking tonight, when the clocks went back since the morning",
        "Europe/Paris", "2026-10-25T00:00:00Z", "2026-10-25T18:00:00Z", "2026-10-25T19:30:00Z",
        u"19:00–20:30"_s);
    row("a New York restaurant's booking tonight, when UTC is on the next day already",
        "America/New_York", "2026-12-19T23:00:00Z", "2026-12-20T01:00:00Z", "2026-12-20T02:30:00Z",
        u"20:00–21:30"_s);
    row("a Tokyo restaurant's booking after midnight, on UTC's day still", "Asia/Tokyo",
        "2026-12-19T10:00:00Z", "2026-12-19T15:00:00Z", "2026-12-19T16:30:00Z",
        u"Sun 20 Dec 2026, 00:00–01:30"_s);
}

void tst_Table::refusalsSpeakTheRestaurantsClock()
{
    QFETCH(QString, zone);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(QString, words);
    const TimeInWords inWords(QTimeZone(zone.toUtf8()), now);
    QVERIFY(inWords.zone().isValid());
    const TimeSpan booked = valueOf(TimeSpan::create(start, end));
    const Table table = Table::fromHistory(T4, {added(8), locked(Jones, booked, 6)});

    const auto removal = table.remove(now, inWords);
    QVERIFY(!removal.ok());
    QCOMPARE(removal.error().message(),
             u"Table T4 cannot be removed: it is booked %1 (booking 3f9a0c7e21b4)."_s.arg(words));

    const auto fewerSeats = table.changeSeats(seats(4), now, inWords);
    QVERIFY(!fewerSeats.ok());
    QCOMPARE(fewerSeats.error().message(),
             u"Table T4 cannot go down to 4 seats: it is booked %1 for a party of 6 (booking "
             u"3f9a0c7e21b4)."_s.arg(words));

    const LockPlacementDecision lostRace = table.placeLock(Smith, booked, party(2), inWords);
    const QString overlap = u"Table T4 is already booked %1 (booking 3f9a0c7e21b4)."_s.arg(words);
    QVERIFY(lostRace.refusal);
    QCOMPARE(lostRace.refusal->message(), overlap);
    QCOMPARE(lostRace.events.size(), 1);
    QCOMPARE(std::get<TableLockPlacementFailed>(lostRace.events.constFirst()).message, overlap);
}

QTEST_GUILESS_MAIN(tst_Table)
#include "tst_table.moc"
