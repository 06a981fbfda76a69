#include "domain/EventSourcing.h"
#include "domain/tablemanager/TableManager.h"
#include "tests/domain/tablemanager/StoreFixtures.h"
#include "tests/domain/tablemanager/TableFixtures.h"
#include "tests/support/InterposedEventStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

// A step of a row's history, done through the manager; false when it did
// not come out as the row needs.
using Step = std::function<bool(TableManager &)>;
// The command under test; its refusal, if any.
using Command = std::function<std::optional<DomainError>(TableManager &)>;
using Refusal = std::optional<DomainError::Code>;
Q_DECLARE_METATYPE(Step)
Q_DECLARE_METATYPE(Command)
Q_DECLARE_METATYPE(Refusal)

namespace {

const TimeSpan Dinner = span("19:00", "20:30");
const QString T4Stream = T4.streamName();

template<typename T>
std::optional<DomainError> refusalOf(const DomainResult<T> &result)
{
    return result.ok() ? std::nullopt : std::optional(result.error());
}

// --- History --------------------------------------------------------------

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

Step lockPlaced(const BookingId &booking, const TimeSpan &slot, int size = 2)
{
    return [=](TableManager &m) {
        return m.placeLock(T4, booking, slot, party(size)).ok();
    };
}

Step lockRefused(const BookingId &booking, const TimeSpan &slot, int size = 2)
{
    return [=](TableManager &m) {
        return !m.placeLock(T4, booking, slot, party(size)).ok();
    };
}

// --- Commands ---------------------------------------------------------------

Command adding(int seatCount, const TableLayout &layout = terrace())
{
    return [=](TableManager &m) {
        return refusalOf(m.addTable(T4, seats(seatCount), layout));
    };
}

Command moving(const TableLayout &layout)
{
    return [=](TableManager &m) {
        return refusalOf(m.moveTable(T4, layout));
    };
}

Command changingSeats(int seatCount)
{
    return [=](TableManager &m) {
        return refusalOf(m.changeSeats(T4, seats(seatCount)));
    };
}

Command removing()
{
    return [](TableManager &m) {
        return refusalOf(m.removeTable(T4));
    };
}

Command locking(const BookingId &booking, const TimeSpan &slot, int size = 2)
{
    return [=](TableManager &m) {
        return refusalOf(m.placeLock(T4, booking, slot, party(size)));
    };
}

Command unlocking(const BookingId &booking, LockRemovalReason reason)
{
    return [=](TableManager &m) {
        return refusalOf(m.removeLock(T4, booking, reason));
    };
}

const QString Added = TableAdded::Type.toString();
const QString Moved = TableMoved::Type.toString();
const QString SeatsChanged = TableSeatsChanged::Type.toString();
const QString Removed = TableRemoved::Type.toString();
const QString Placed = TableLockPlaced::Type.toString();
const QString Failed = TableLockPlacementFailed::Type.toString();
const QString Released = TableLockRemoved::Type.toString();

} // namespace

// The table manager's commands and queries against a real SQLite store.
class tst_TableManager final : public QObject
{
    Q_OBJECT

public:
    static void initMain() { qputenv("TZ", "UTC"); }

private Q_SLOTS:
    void init();
    void cleanup();

    void commands_data();
    void commands();
    void aRefusalWritesNothing_data();
    void aRefusalWritesNothing();
    void aRaceIsDecidedOnTheFreshStream_data();
    void aRaceIsDecidedOnTheFreshStream();
    void aPlainCommandCorrelatesToItsOwnCommandId();
    void aLockCommandBelongsToItsBooking();
    void aSagaStepCarriesItsCauseAndDerivedEventId();
    void aRepeatedLockRequestReturnsTheLockAndWritesNothing();
    void aRefusedLockRequestAskedAgainRecordsNoSecondFailure();
    void expiringReleasesOnlyLocksWhoseSlotHasPassed();
    void tablesListsTheTablesEverAdded();
    void locksListsTheLocksNotReleased();
    void aStoreFailureIsReportedAndWritesNothing_data();
    void aStoreFailureIsReportedAndWritesNothing();
    void refusalsSpeakTheRestaurantsClock_data();
    void refusalsSpeakTheRestaurantsClock();
    void aTableKeptInMemoryDecidesOnTheStoresNewerEvents();
    void aFailedAppendLeavesNoTableInMemoryAhead();

private:
    static void columns();
    void given(const QList<Step> &steps);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TableManager> m_manager;
    const CommandContext m_context {u"maria"_s, u"front-desk"_s};
};

void tst_TableManager::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_store = openStore(m_dir->filePath(u"hoststand.db"_s));
    m_clock = std::make_unique<ManualClock>(at("12:00"));
    m_manager = std::make_unique<TableManager>(*m_store, *m_clock, m_context);
}

void tst_TableManager::cleanup()
{
    m_manager.reset();
    m_clock.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_TableManager::given(const QList<Step> &steps)
{
    for (qsizetype i = 0; i < steps.size(); ++i)
        QVERIFY2(steps.at(i)(*m_manager), qPrintable(u"history step %1 failed"_s.arg(i + 1)));
}

void tst_TableManager::columns()
{
    QTest::addColumn<QList<Step>>("history");
    QTest::addColumn<Command>("command");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QStringList>("bookings");
    QTest::addColumn<QStringList>("written");
}

void tst_TableManager::commands_data()
{
    columns();
    using C = DomainError::Code;
    const QStringList jones {Jones.toString()};
    const QStringList none;
    QTest::newRow("adding a table")
        << QList<Step> {} << adding(4) << Refusal() << none << QStringList {Added};
    QTest::newRow("adding a duplicate id") << QList<Step> {tableAdded()} << adding(6)
                                           << Refusal(C::AlreadyExists) << none << QStringList {};
    QTest::newRow("re-adding a removed id")
        << QList<Step> {tableAdded(), tableRemoved()} << adding(6) << Refusal() << none
        << QStringList {Added};
    QTest::newRow("adding a table that a booking failed to lock before")
        << QList<Step> {lockRefused(Jones, Dinner)} << adding(4) << Refusal() << none
        << QStringList {Added};
    QTest::newRow("moving a table") << QList<Step> {tableAdded()} << moving(mainRoom()) << Refusal()
                                    << none << QStringList {Moved};
    QTest::newRow("changing seats") << QList<Step> {tableAdded(4)} << changingSeats(6) << Refusal()
                                    << none << QStringList {SeatsChanged};
    QTest::newRow("seats reduced below a locked party")
        << QList<Step> {tableAdded(8), lockPlaced(Jones, Dinner, 6)} << changingSeats(4)
        << Refusal(C::TableLocked) << jones << QStringList {};
    QTest::newRow("removing a table")
        << QList<Step> {tableAdded()} << removing() << Refusal() << none << QStringList {Removed};
    QTest::newRow("removing a missing table")
        << QList<Step> {} << removing() << Refusal(C::NotFound) << none << QStringList {};
    QTest::newRow("removing a locked table")
        << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner)} << removing()
        << Refusal(C::TableLocked) << jones << QStringList {};
    QTest::newRow("locking a table") << QList<Step> {tableAdded()} << locking(Jones, Dinner)
                                     << Refusal() << none << QStringList {Placed};
    QTest::newRow("locking a missing table")
        << QList<Step> {} << locking(Jones, Dinner) << Refusal(C::TableMissing) << none
        << QStringList {Failed};
    QTest::newRow("locking a removed table")
        << QList<Step> {tableAdded(), tableRemoved()} << locking(Jones, Dinner)
        << Refusal(C::TableRemoved) << none << QStringList {Failed};
    QTest::newRow("locking an already locked table for an overlapping span")
        << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner)}
        << locking(Smith, span("20:00", "21:30")) << Refusal(C::LockOverlap) << jones
        << QStringList {Failed};
    QTest::newRow("adjacent spans do not overlap")
        << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner)}
        << locking(Smith, span("20:30", "22:00")) << Refusal() << none << QStringList {Placed};
    QTest::newRow("party larger than the table")
        << QList<Step> {tableAdded(4)} << locking(Jones, Dinner, 6) << Refusal(C::PartyTooLarge)
        << none << QStringList {Failed};
    QTest::newRow("locking again for the same booking")
        << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner)} << locking(Jones, Dinner)
        << Refusal() << none << QStringList {};
    QTest::newRow("removing a lock") << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner)}
                                     << unlocking(Jones, LockRemovalReason::Cancelled) << Refusal()
                                     << none << QStringList {Released};
    QTest::newRow("removing a lock on a missing table")
        << QList<Step> {} << unlocking(Jones, LockRemovalReason::Cancelled)
        << Refusal(C::TableMissing) << none << QStringList {};
    QTest::newRow("removing a lock twice")
        << QList<Step> {tableAdded(), lockPlaced(Jones, Dinner),
                        [](TableManager &m) {
                            return m.removeLock(T4, Jones, LockRemovalReason::NoShow).ok();
                        }}
        << unlocking(Jones, LockRemovalReason::NoShow) << Refusal() << none << QStringList {};
}

void tst_TableManager::commands()
{
    QFETCH(QList<Step>, history);
    QFETCH(Command, command);
    QFETCH(Refusal, refusal);
    QFETCH(QStringList, bookings);
    QFETCH(QStringList, written);
    given(history);
    const qint64 revisionBefore = revisionOf(*m_store, T4Stream);
    const qint64 positionBefore = lastPositionOf(*m_store);

    const std::optional<DomainError> error = command(*m_manager);

    QCOMPARE(error.has_value(), refusal.has_value());
    if (error) {
        QCOMPARE(DomainError::codeName(error->code()), DomainError::codeName(*refusal));
        QCOMPARE(error->bookingIds(), bookings);
        QVERIFY(!error->message().isEmpty());
    }
    QCOMPARE(typesOf(eventsOf(*m_store, T4Stream, revisionBefore + 1)), written);
    QCOMPARE(lastPositionOf(*m_store), positionBefore + written.size());
}

void tst_TableManager::aRefusalWritesNothing_data()
{
    QTest::addColumn<QList<Step>>("history");
    QTest::addColumn<Command>("command");
    const QList<Step> locked {tableAdded(8), lockPlaced(Jones, Dinner, 6)};
    QTest::newRow("adding a duplicate id") << QList<Step> {tableAdded()} << adding(4);
    QTest::newRow("adding a table with an invalid layout")
        << QList<Step> {} << adding(4, TableLayout {u" "_s, TableShape::Round, 0, 0, 70, 70, 0});
    QTest::newRow("moving a missing table") << QList<Step> {} << moving(mainRoom());
    QTest::newRow("moving a removed table")
        << QList<Step> {tableAdded(), tableRemoved()} << moving(mainRoom());
    QTest::newRow("seats reduced below a locked party") << locked << changingSeats(4);
    QTest::newRow("removing a missing table") << QList<Step> {} << removing();
    QTest::newRow("removing a removed table")
        << QList<Step> {tableAdded(), tableRemoved()} << removing();
    QTest::newRow("removing a locked table") << locked << removing();
    QTest::newRow("removing a lock on a missing table")
        << QList<Step> {} << unlocking(Jones, LockRemovalReason::Cancelled);
    QTest::newRow("removing a lock the booking never had")
        << locked << unlocking(Smith, LockRemovalReason::Cancelled);
    QTest::newRow("a refused booking asking for its lock again")
        << QList<Step> {tableAdded(4), lockRefused(Jones, Dinner, 6)} << locking(Jones, Dinner, 6);
    const QDateTime lastSlot(QDate(9999, 12, 31), QTime(22, 15), Qt::UTC);
    QTest::newRow("a lock that would end after 9999-12-31, which no event can hold")
        << QList<Step> {tableAdded()}
        << locking(Jones, valueOf(TimeSpan::create(lastSlot, lastSlot.addSecs(600 * 60))));
}

void tst_TableManager::aRefusalWritesNothing()
{
    QFETCH(QList<Step>, history);
    QFETCH(Command, command);
    given(history);
    const qint64 revisionBefore = revisionOf(*m_store, T4Stream);
    const qint64 positionBefore = lastPositionOf(*m_store);

    QVERIFY(command(*m_manager).has_value());

    QCOMPARE(revisionOf(*m_store, T4Stream), revisionBefore);
    QCOMPARE(lastPositionOf(*m_store), positionBefore);
}

// Another terminal writes to the table's stream after our command loaded
// it and before it appends: the append fails on the revision, and the
// command is decided again on what the other terminal wrote.
void tst_TableManager::aRaceIsDecidedOnTheFreshStream_data()
{
    QTest::addColumn<QList<Step>>("history");
    QTest::addColumn<Step>("otherTerminal");
    QTest::addColumn<Command>("command");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QStringList>("stream");
    // 1: the first append was refused on the revision and the fresh
    // decision writes nothing; 2: the fresh decision was appended.
    QTest::addColumn<int>("appendAttempts");

    QTest::newRow("two terminals adding the same id: the second is refused")
        << QList<Step> {} << tableAdded(6) << adding(4) << Refusal(DomainError::Code::AlreadyExists)
        << QStringList {Added} << 1;
    QTest::newRow("two bookings racing for one slot: the second lock is an overlap")
        << QList<Step> {tableAdded()} << lockPlaced(Smith, span("20:00", "21:00"))
        << locking(Jones, Dinner) << Refusal(DomainError::Code::LockOverlap)
        << QStringList {Added, Placed, Failed} << 2;
    QTest::newRow("a table locked while it is being removed stays")
        << QList<Step> {tableAdded()} << lockPlaced(Jones, Dinner) << removing()
        << Refusal(DomainError::Code::TableLocked) << QStringList {Added, Placed} << 1;
    QTest::newRow("a table removed while it is being locked refuses the lock")
        << QList<Step> {tableAdded()} << tableRemoved() << locking(Jones, Dinner)
        << Refusal(DomainError::Code::TableRemoved) << QStringList {Added, Removed, Failed} << 2;
    QTest::newRow("a lock placed by another terminal is not placed twice")
        << QList<Step> {tableAdded()} << lockPlaced(Jones, Dinner) << locking(Jones, Dinner)
        << Refusal() << QStringList {Added, Placed} << 1;
    QTest::newRow("seats changed while a party is being locked decide the fit")
        << QList<Step> {tableAdded(8)}
        << Step([](TableManager &m) { return m.changeSeats(T4, seats(4)).ok(); })
        << locking(Jones, Dinner, 6) << Refusal(DomainError::Code::PartyTooLarge)
        << QStringList {Added, SeatsChanged, Failed} << 2;
}

void tst_TableManager::aRaceIsDecidedOnTheFreshStream()
{
    QFETCH(QList<Step>, history);
    QFETCH(Step, otherTerminal);
    QFETCH(Command, command);
    QFETCH(Refusal, refusal);
    QFETCH(QStringList, stream);
    QFETCH(int, appendAttempts);
    given(history);
    auto otherStore = openStore(m_dir->filePath(u"hoststand.db"_s));
    TableManager other(*otherStore, *m_clock, CommandContext {u"tom"_s, u"bar"_s});
    InterposedEventStore racing(*m_store);
    TableManager manager(racing, *m_clock, m_context);
    bool otherWrote = false;
    racing.beforeNextAppend = [&] {
        otherWrote = otherTerminal(other);
    };

    const std::optional<DomainError> error = command(manager);

    QVERIFY(otherWrote);
    QCOMPARE(racing.appendAttempts, appendAttempts);
    QCOMPARE(error ? std::optional(error->code()) : std::nullopt, refusal);
    QCOMPARE(typesOf(eventsOf(*m_store, T4Stream)), stream);
}

void tst_TableManager::aPlainCommandCorrelatesToItsOwnCommandId()
{
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    QVERIFY(m_manager->moveTable(T4, mainRoom()).ok());

    const QList<RecordedEvent> events = eventsOf(*m_store, T4Stream);
    QCOMPARE(events.size(), 2);
    const EventMetadata added = EventMetadata::fromJson(events.at(0).metadataObject());
    const EventMetadata moved = EventMetadata::fromJson(events.at(1).metadataObject());
    QVERIFY(!QUuid::fromString(added.correlationId).isNull());
    QCOMPARE(added.causationId, added.correlationId);
    QVERIFY(moved.correlationId != added.correlationId);
    QCOMPARE(added.user, u"maria"_s);
    QCOMPARE(added.terminal, u"front-desk"_s);
}

void tst_TableManager::aLockCommandBelongsToItsBooking()
{
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    QVERIFY(m_manager->placeLock(T4, Jones, Dinner, party(2)).ok());

    const EventMetadata placed
        = EventMetadata::fromJson(eventsOf(*m_store, T4Stream).at(1).metadataObject());
    QCOMPARE(placed.correlationId, Jones.toString());
    QVERIFY(!QUuid::fromString(placed.causationId).isNull());
}

void tst_TableManager::aSagaStepCarriesItsCauseAndDerivedEventId()
{
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    const QUuid trigger = QUuid::createUuid();
    const QUuid derived = EventSourcing::derivedEventId(trigger, u"table-locking:lock"_s);
    const Causation cause {Jones.toString(), trigger.toString(QUuid::WithoutBraces), derived};

    QVERIFY(m_manager->placeLock(T4, Jones, Dinner, party(2), cause).ok());

    const RecordedEvent placed = eventsOf(*m_store, T4Stream).at(1);
    const EventMetadata metadata = EventMetadata::fromJson(placed.metadataObject());
    QCOMPARE(placed.id, derived);
    QCOMPARE(metadata.correlationId, Jones.toString());
    QCOMPARE(metadata.causationId, trigger.toString(QUuid::WithoutBraces));
}

void tst_TableManager::aRepeatedLockRequestReturnsTheLockAndWritesNothing()
{
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    auto first = m_manager->placeLock(T4, Jones, Dinner, party(2));
    QVERIFY(first.ok());
    const qint64 revision = revisionOf(*m_store, T4Stream);

    auto again = m_manager->placeLock(T4, Jones, Dinner, party(2));

    QVERIFY(again.ok());
    QVERIFY(again.value() == first.value());
    QVERIFY(first.value() == (TableLock {T4, Jones, Dinner, party(2)}));
    QCOMPARE(revisionOf(*m_store, T4Stream), revision);
}

void tst_TableManager::aRefusedLockRequestAskedAgainRecordsNoSecondFailure()
{
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    QVERIFY(m_manager->placeLock(T4, Jones, Dinner, party(2)).ok());
    auto first = m_manager->placeLock(T4, Smith, Dinner, party(2));
    QVERIFY(!first.ok());
    const qint64 revision = revisionOf(*m_store, T4Stream);

    auto again = m_manager->placeLock(T4, Smith, Dinner, party(2));

    QVERIFY(!again.ok());
    QCOMPARE(again.error().code(), DomainError::Code::LockOverlap);
    QCOMPARE(again.error().message(),
             u"Table T4 is already booked 19:00–20:30 (booking 3f9a0c7e21b4)."_s);
    QCOMPARE(again.error().bookingIds(), QStringList {Jones.toString()});
    QCOMPARE(revisionOf(*m_store, T4Stream), revision);
}

void tst_TableManager::expiringReleasesOnlyLocksWhoseSlotHasPassed()
{
    QVERIFY(m_manager->addTable(T4, seats(4), terrace()).ok());
    QVERIFY(m_manager->placeLock(T4, Jones, Dinner, party(2)).ok());
    QVERIFY(m_manager->placeLock(T4, Smith, span("20:30", "22:00"), party(2)).ok());
    m_clock->setNow(at("20:30"));

    auto released = m_manager->expireLocks(T4);

    QVERIFY(released.ok());
    QCOMPARE(released.value().size(), 1);
    QCOMPARE(released.value().constFirst().bookingId, Jones);
    const RecordedEvent removal = eventsOf(*m_store, T4Stream).constLast();
    QCOMPARE(removal.type, Released);
    QCOMPARE(removal.dataObject().value(u"reason"_s).toString(), u"slot-passed"_s);
    QCOMPARE(EventMetadata::fromJson(removal.metadataObject()).correlationId, Jones.toString());
    auto again = m_manager->expireLocks(T4);
    QVERIFY(again.ok());
    QVERIFY(again.value().isEmpty());
    QCOMPARE(typesOf(eventsOf(*m_store, T4Stream)),
             (QStringList {Added, Placed, Placed, Released}));
}

void tst_TableManager::tablesListsTheTablesEverAdded()
{
    const TableId t1 = tableId("T1");
    const TableId t2 = tableId("terrace-2");
    QVERIFY(m_manager->addTable(t1, seats(2), terrace()).ok());
    QVERIFY(m_manager->addTable(t2, seats(4), terrace()).ok());
    QVERIFY(m_manager->addTable(T4, seats(6), mainRoom()).ok());
    QVERIFY(m_manager->removeTable(t2).ok());
    QVERIFY(!m_manager->placeLock(tableId("T9"), Jones, Dinner, party(2)).ok());

    auto inService = m_manager->tables();
    auto everAdded = m_manager->tables(true);

    QVERIFY(inService.ok());
    QVERIFY(everAdded.ok());
    auto ids = [](const QList<Table> &tables) {
        QStringList result;
        for (const Table &table : tables)
            result.append(table.id().toString());
        return result;
    };
    QCOMPARE(ids(inService.value()), (QStringList {u"T1"_s, u"T4"_s}));
    QCOMPARE(ids(everAdded.value()), (QStringList {u"T1"_s, u"terrace-2"_s, u"T4"_s}));
    QCOMPARE(everAdded.value().at(1).status(), Table::Status::Removed);
    QCOMPARE(inService.value().at(1).seats(), seats(6));
    QVERIFY(inService.value().at(1).layout() == mainRoom());
    auto missing = m_manager->table(tableId("T9"));
    QVERIFY(missing.ok());
    QCOMPARE(missing.value().status(), Table::Status::Missing);

    QVERIFY(m_manager->addTable(t2, seats(4), terrace()).ok());
    QCOMPARE(ids(m_manager->tables().value()), (QStringList {u"T1"_s, u"terrace-2"_s, u"T4"_s}));
}

void tst_TableManager::locksListsTheLocksNotReleased()
{
    const TableId t1 = tableId("T1");
    QVERIFY(m_manager->addTable(t1, seats(2), terrace()).ok());
    QVERIFY(m_manager->addTable(T4, seats(6), mainRoom()).ok());
    QVERIFY(m_manager->placeLock(T4, Jones, Dinner, party(2)).ok());
    QVERIFY(m_manager->placeLock(t1, Smith, Dinner, party(2)).ok());
    QVERIFY(m_manager->placeLock(t1, Lee, span("21:00", "22:00"), party(2)).ok());
    QVERIFY(m_manager->removeLock(t1, Smith, LockRemovalReason::Cancelled).ok());

    auto all = m_manager->locks();
    auto ofT4 = m_manager->locks(T4);

    QVERIFY(all.ok());
    QVERIFY(ofT4.ok());
    QCOMPARE(all.value().size(), 2);
    QCOMPARE(all.value().at(0).bookingId, Lee);
    QCOMPARE(all.value().at(1).bookingId, Jones);
    QCOMPARE(ofT4.value().size(), 1);
    QVERIFY(ofT4.value().constFirst() == (TableLock {T4, Jones, Dinner, party(2)}));
}

void tst_TableManager::aStoreFailureIsReportedAndWritesNothing_data()
{
    QTest::addColumn<bool>("failingReads");
    QTest::addColumn<Command>("command");
    QTest::newRow("a failing append while adding a table") << false << adding(4);
    QTest::newRow("a failing append while locking a table") << false << locking(Jones, Dinner);
    QTest::newRow("a failing read while locking a table") << true << locking(Jones, Dinner);
    QTest::newRow("a failing read while removing a lock")
        << true << unlocking(Jones, LockRemovalReason::Cancelled);
}

void tst_TableManager::aStoreFailureIsReportedAndWritesNothing()
{
    QFETCH(bool, failingReads);
    QFETCH(Command, command);
    InterposedEventStore broken(*m_store);
    broken.failingReads = failingReads;
    broken.failingAppends = failingReads ? 0 : 1;
    TableManager manager(broken, *m_clock, m_context);

    const std::optional<DomainError> error = command(manager);

    QVERIFY(error);
    QCOMPARE(error->code(), DomainError::Code::StoreFailure);
    QCOMPARE(error->message(), u"The disk failed (simulated by the test)."_s);
    QCOMPARE(lastPositionOf(*m_store), 0);
}

// The restaurant's zone is the one its settings stream names last; the
// machine runs in UTC (initMain). A lost race stores its words in the event.
void tst_TableManager::refusalsSpeakTheRestaurantsClock_data()
{
    QTest::addColumn<QStringList>("zones"); // each defined in turn
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("words");
    const QDateTime dinnerDay = at("12:00");
    QTest::newRow("a new store speaks the zone it would be made with (this machine's)")
        << QStringList {} << dinnerDay << u"19:00–20:30"_s;
    QTest::newRow("a Paris restaurant, on the day")
        << QStringList {u"Europe/Paris"_s} << dinnerDay << u"20:00–21:30"_s;
    QTest::newRow("a Paris restaurant, the day before, names the date")
        << QStringList {u"Europe/Paris"_s} << dinnerDay.addDays(-1)
        << u"Tue 1 Dec 2026, 20:00–21:30"_s;
    QTest::newRow("the zone defined last counts")
        << QStringList {u"Europe/Paris"_s, u"America/New_York"_s} << dinnerDay << u"14:00–15:30"_s;
    QTest::newRow("a zone this machine does not know is read as UTC")
        << QStringList {u"Mars/Olympus_Mons"_s} << dinnerDay << u"19:00–20:30"_s;
}

void tst_TableManager::refusalsSpeakTheRestaurantsClock()
{
    QFETCH(QStringList, zones);
    QFETCH(QDateTime, now);
    QFETCH(QString, words);
    for (const QString &zone : std::as_const(zones)) {
        ServicePeriodsDefined service = ServicePeriodsDefined::defaults();
        service.timeZone = zone;
        QVERIFY(
            m_store->append(SettingsStream, {eventData(service)}, ExpectedRevision::any()).ok());
    }
    given({tableAdded(), lockPlaced(Jones, Dinner)});
    m_clock->setNow(now);

    const auto removal = m_manager->removeTable(T4);
    QVERIFY(!removal.ok());
    QCOMPARE(removal.error().message(),
             u"Table T4 cannot be removed: it is booked %1 (booking 3f9a0c7e21b4)."_s.arg(words));

    const auto lostRace = m_manager->placeLock(T4, Smith, span("20:00", "21:30"), party(2));
    const QString overlap = u"Table T4 is already booked %1 (booking 3f9a0c7e21b4)."_s.arg(words);
    QVERIFY(!lostRace.ok());
    QCOMPARE(lostRace.error().message(), overlap);
    const RecordedEvent stored = eventsOf(*m_store, T4Stream).constLast();
    QCOMPARE(stored.type, Failed);
    const auto failure = EventCodec::decode(stored);
    QVERIFY(failure.ok());
    QCOMPARE(std::get<TableLockPlacementFailed>(failure.value()).message, overlap);
}

QTEST_GUILESS_MAIN(tst_TableManager)
#include "tst_tablemanager.moc"

// The manager keeps each table as last read or written, and reads only the
// events after it: what another terminal wrote since is read before the
// manager decides, not found out by a conflict at the append.
void tst_TableManager::aTableKeptInMemoryDecidesOnTheStoresNewerEvents()
{
    InterposedEventStore counted(*m_store);
    TableManager here(counted, *m_clock, m_context);
    QVERIFY(here.addTable(T4, seats(4), terrace()).ok());
    QVERIFY(here.placeLock(T4, Smith, span("17:00", "18:30"), party(2)).ok());
    const int attemptsBefore = counted.appendAttempts;

    auto elsewhere = openStore(m_dir->filePath(u"hoststand.db"_s));
    TableManager otherTerminal(*elsewhere, *m_clock, m_context);
    QVERIFY(otherTerminal.placeLock(T4, Jones, Dinner, party(2)).ok());

    auto refused = here.placeLock(T4, Lee, span("19:30", "21:00"), party(2));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), DomainError::Code::LockOverlap);
    QCOMPARE(counted.appendAttempts - attemptsBefore, 1); // its refusal, recorded once
    auto table = here.table(T4);
    QVERIFY(table.ok());
    QVERIFY(table.value().lockState(Jones) == Table::LockState::Held);
    QVERIFY(table.value().lockState(Smith) == Table::LockState::Held);

    QVERIFY(otherTerminal.removeLock(T4, Jones, LockRemovalReason::Cancelled).ok());
    const BookingId nextGuest = bookingId("0c0ffee00002");
    QVERIFY(here.placeLock(T4, nextGuest, span("19:30", "21:00"), party(2)).ok());
    auto whole = TableManager(*m_store, *m_clock, m_context).table(T4);
    QVERIFY(whole.ok());
    QVERIFY(whole.value().lockState(nextGuest) == Table::LockState::Held);
    QVERIFY(whole.value().lockState(Jones) != Table::LockState::Held);
}

// An append that failed is not applied to the table kept in memory: the
// next command decides on the stream as stored.
void tst_TableManager::aFailedAppendLeavesNoTableInMemoryAhead()
{
    InterposedEventStore failing(*m_store);
    TableManager here(failing, *m_clock, m_context);
    QVERIFY(here.addTable(T4, seats(4), terrace()).ok());
    failing.failingAppends = 1;
    QVERIFY(!here.placeLock(T4, Smith, Dinner, party(2)).ok());

    auto table = here.table(T4);
    QVERIFY(table.ok());
    QVERIFY(!table.value().lockState(Smith).has_value());
    QVERIFY(here.placeLock(T4, Jones, Dinner, party(2)).ok());
}
