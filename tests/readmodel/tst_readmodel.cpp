#include "domain/contracts/EventCodec.h"
#include "readmodel/QtSqlReadConnection.h"
#include "readmodel/ReadDialect.h"
#include "readmodel/ReadModel.h"
#include "readmodel/ReadQueries.h"
#include "tests/readmodel/ReadModelFixture.h"
#include "tests/support/HistoryGenerator.h"
#include "tests/support/InterposedEventStore.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

Q_DECLARE_METATYPE(hoststand::DomainEvent)
Q_DECLARE_METATYPE(hoststand::TableRow)
Q_DECLARE_METATYPE(hoststand::LockRow)
Q_DECLARE_METATYPE(hoststand::BookingRow)
Q_DECLARE_METATYPE(hoststand::RestaurantSettingsRow)
Q_DECLARE_METATYPE(hoststand::TableState)
Q_DECLARE_METATYPE(hoststand::StoreError::Code)
Q_DECLARE_METATYPE(hoststand::EventLogFilter)

using Events = QList<DomainEvent>;

namespace {

const QDateTime Seven = at(u"2026-12-01T19:00:00Z"_s);
const QDateTime HalfPastEight = at(u"2026-12-01T20:30:00Z"_s);

TableBookingInitiated dinner(const QString &booking = u"b1"_s, const QString &table = u"T1"_s)
{
    return bookingInitiated(booking, table, Seven, HalfPastEight, 2, u"Jones"_s,
                            u"+49 171 5550123"_s);
}

TableLayout terrace()
{
    return TableLayout {u"Terrace"_s, TableShape::Round, 300, 420, 70, 70, 45};
}

BookingRow dinnerRow()
{
    BookingRow row;
    row.id = u"b1"_s;
    row.tableId = u"T1"_s;
    row.start = Seven;
    row.end = HalfPastEight;
    row.partySize = 2;
    row.guestName = u"Jones"_s;
    row.phone = u"+49 171 5550123"_s;
    return row;
}

BookingRow withStatus(BookingRow row, BookingStatus status)
{
    row.status = status;
    return row;
}

// Records the read model's change signals in order, as sentences.
class SignalLog final : public QObject
{
public:
    explicit SignalLog(ReadModel &model)
    {
        connect(&model, &ReadModel::tableChanged, this,
                [this](const QString &id) { lines.append(u"table "_s + id); });
        connect(&model, &ReadModel::bookingChanged, this, [this](const BookingChange &change) {
            lines.append(
                u"booking %1 on %2"_s.arg(change.bookingId, change.localDay.toString(Qt::ISODate)));
        });
        connect(&model, &ReadModel::settingsChanged, this, [this] { lines.append(u"settings"_s); });
        connect(&model, &ReadModel::auditAppended, this,
                [this](qint64 position) { lines.append(u"audit up to %1"_s.arg(position)); });
    }
    QStringList lines;
};

} // namespace

class tst_ReadModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void tablesFollowTheirEvents_data();
    void tablesFollowTheirEvents();
    void locksFollowTheirEvents_data();
    void locksFollowTheirEvents();
    void bookingsFollowTheirEvents_data();
    void bookingsFollowTheirEvents();
    void aChangedBookingIsAtItsNewPlace_data();
    void aChangedBookingIsAtItsNewPlace();
    void settingsFollowTheirEvents_data();
    void settingsFollowTheirEvents();
    void settingsOfAStoreFromBeforeTheHorizonHaveTheDefaultOne();
    void theAuditLogRecordsEveryEventWithItsMetadata();
    void theAuditLogIsFiltered_data();
    void theAuditLogIsFiltered();
    void theAuditLogIsReadThroughAnIndexInEitherDirection_data();
    void theAuditLogIsReadThroughAnIndexInEitherDirection();
    void guestsAreFoundByNameOrPhone_data();
    void guestsAreFoundByNameOrPhone();
    void theViewsQueriesReadThroughAnIndexThatFits_data();
    void theViewsQueriesReadThroughAnIndexThatFits();
    void freeTablesFitTheSpanAndParty_data();
    void freeTablesFitTheSpanAndParty();
    void freeTablesOfOneSizeComeInNaturalOrder();
    void aTableHasAStateAtAMoment_data();
    void aTableHasAStateAtAMoment();
    void bookingsBelongToTheRestaurantsLocalDay_data();
    void bookingsBelongToTheRestaurantsLocalDay();

    void eventsOfOtherShapesAreReadAlike_data();
    void eventsOfOtherShapesAreReadAlike();

    void eachCommitSignalsWhatChanged_data();
    void eachCommitSignalsWhatChanged();
    void catchingUpEmitsNoChangeSignals();

    void projectionsResumeFromTheirCheckpoint();
    void manyBatchesMatchAFreshRebuild();
    void anOlderProjectionVersionIsRebuilt();
    void aReadFileOfANewerVersionIsRefusedUnchanged_data();
    void aReadFileOfANewerVersionIsRefusedUnchanged();
    void aFileThatIsNotASoundReadModelIsSetAsideAndBuiltAgain_data();
    void aFileThatIsNotASoundReadModelIsSetAsideAndBuiltAgain();
    void verifyReportsRowsThatDifferFromAFreshRebuild();
    void theRetiredAuditTablesAreDroppedOnOpening();
    void theReadFileLivesBesideTheStore();
    void aReadFileWhoseLogWasDeletedIsReportedNotWrittenOnSilently();
    void aReadFileFoundDamagedInUseIsSetAsideAndBuiltAgain();
    void anEmptyAnswerIsNoneNotAFailure();
    void whileTheStoreIsAwayEveryQueryAnswersThatItCannotRead();
    void theSameProjectionsAndQueriesRunThroughQtSql();
    void eachDialectWritesTheSchemaInItsWords_data();
    void eachDialectWritesTheSchemaInItsWords();
};

void tst_ReadModel::initTestCase()
{
    qRegisterMetaType<DomainEvent>();
}

// --- Tables -------------------------------------------------------------

void tst_ReadModel::tablesFollowTheirEvents_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<TableRow>("expected");

    const TableAdded added = tableAdded(u"T1"_s, 4, u"Main"_s, 120, 80);
    const TableRow row {u"T1"_s, 4, added.layout, true};
    QTest::newRow("an added table is in service with its seats and layout")
        << Events {added} << row;
    QTest::newRow("a moved table has its new layout")
        << Events {added, TableMoved {added.tableId, terrace()}}
        << TableRow {u"T1"_s, 4, terrace(), true};
    QTest::newRow("a table whose seats change has the new count")
        << Events {added, TableSeatsChanged {added.tableId, seatCount(6), added.seats}}
        << TableRow {u"T1"_s, 6, added.layout, true};
    QTest::newRow("a removed table stays, out of service")
        << Events {added, TableRemoved {added.tableId}}
        << TableRow {u"T1"_s, 4, added.layout, false};
    QTest::newRow("a removed table added again is back in service")
        << Events {added, TableRemoved {added.tableId}, tableAdded(u"T1"_s, 2, u"Bar"_s, 10, 10)}
        << TableRow {u"T1"_s, 2, tableAdded(u"T1"_s, 2, u"Bar"_s, 10, 10).layout, true};
}

void tst_ReadModel::tablesFollowTheirEvents()
{
    QFETCH(Events, events);
    QFETCH(TableRow, expected);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(events) > 0);

    QCOMPARE(fixture.model().table(u"T1"_s).value(), expected);
    QCOMPARE(fixture.model().tables(true).value(), QList<TableRow> {expected});
    QCOMPARE(fixture.model().tables(false).value().size(), expected.inService ? 1 : 0);
}

// --- Locks --------------------------------------------------------------

void tst_ReadModel::locksFollowTheirEvents_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<QList<LockRow>>("expected");

    const TableLockPlaced lock = lockPlaced(u"T1"_s, u"b1"_s, Seven, HalfPastEight, 2);
    const LockRow row {u"T1"_s, u"b1"_s, Seven, HalfPastEight, 2};
    QTest::newRow("a placed lock is in force") << Events {lock} << QList<LockRow> {row};
    QTest::newRow("a removed lock is deleted")
        << Events {lock,
                   TableLockRemoved {lock.tableId, lock.bookingId, LockRemovalReason::PartyLeft}}
        << QList<LockRow> {};
    QTest::newRow("a failed placement places no lock")
        << Events {TableLockPlacementFailed {lock.tableId,
                                             lock.bookingId,
                                             lock.span,
                                             lock.partySize,
                                             LockFailureReason::Overlap,
                                             u"T1 is booked."_s,
                                             {}}}
        << QList<LockRow> {};
    QTest::newRow("removing one lock of a table keeps the other")
        << Events {lock,
                   lockPlaced(u"T1"_s, u"b2"_s, HalfPastEight, HalfPastEight.addSecs(3600), 3),
                   TableLockRemoved {lock.tableId, lock.bookingId, LockRemovalReason::Cancelled}}
        << QList<LockRow> {{u"T1"_s, u"b2"_s, HalfPastEight, HalfPastEight.addSecs(3600), 3}};
}

void tst_ReadModel::locksFollowTheirEvents()
{
    QFETCH(Events, events);
    QFETCH(QList<LockRow>, expected);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(Events {tableAdded(u"T1"_s, 4), tableAdded(u"T2"_s, 4)} + events) > 0);

    QCOMPARE(fixture.model().locks().value(), expected);
    QCOMPARE(fixture.model().locks(u"T1"_s).value(), expected);
    QCOMPARE(fixture.model().locks(u"T2"_s).value(), QList<LockRow> {});
}

// --- Bookings -----------------------------------------------------------

void tst_ReadModel::bookingsFollowTheirEvents_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<BookingRow>("expected");

    const TableBookingInitiated initiated = dinner();
    const BookingId b = initiated.bookingId;
    const TableId t = initiated.tableId;
    const TableBookingConfirmed confirmed {b, t};
    const QDateTime arrival = Seven.addSecs(-120);
    const QDateTime seating = Seven.addSecs(60);
    const QDateTime leaving = HalfPastEight.addSecs(-600);

    QTest::newRow("an initiated booking waits for its table")
        << Events {initiated} << withStatus(dinnerRow(), BookingStatus::Initiated);
    QTest::newRow("a confirmed booking is confirmed")
        << Events {initiated, confirmed} << withStatus(dinnerRow(), BookingStatus::Confirmed);
    BookingRow rejected = withStatus(dinnerRow(), BookingStatus::Rejected);
    rejected.rejectionReason = u"T1 is booked 19:00-20:30 by Smith."_s;
    QTest::newRow("a rejected booking keeps the table manager's reason")
        << Events {initiated,
                   TableBookingRejected {b, t, LockFailureReason::Overlap,
                                         rejected.rejectionReason}}
        << rejected;
    QTest::newRow("a cancelled booking is cancelled")
        << Events {initiated, confirmed, TableBookingCancelled {b, t}}
        << withStatus(dinnerRow(), BookingStatus::Cancelled);
    BookingRow arrived = withStatus(dinnerRow(), BookingStatus::Arrived);
    arrived.arrivedAt = arrival;
    QTest::newRow("an arrived guest has the arrival time")
        << Events {initiated, confirmed, GuestArrived {b, t, arrival}} << arrived;
    BookingRow seated = withStatus(arrived, BookingStatus::Seated);
    seated.seatedAt = seating;
    QTest::newRow("a seated party has the seating time")
        << Events {initiated, confirmed, GuestArrived {b, t, arrival}, PartySeated {b, t, seating}}
        << seated;
    BookingRow left = withStatus(seated, BookingStatus::Left);
    left.leftAt = leaving;
    QTest::newRow("a party that left has all three times")
        << Events {initiated, confirmed, GuestArrived {b, t, arrival}, PartySeated {b, t, seating},
                   PartyLeft {b, t, leaving}}
        << left;
    QTest::newRow("a no-show is a no-show") << Events {initiated, confirmed, BookingNoShow {b, t}}
                                            << withStatus(dinnerRow(), BookingStatus::NoShow);
    BookingRow walkIn = dinnerRow();
    walkIn.walkIn = true;
    QTest::newRow("a walk-in is marked as one") << Events {bookingInitiated(
        u"b1"_s, u"T1"_s, Seven, HalfPastEight, 2, u"Jones"_s, u"+49 171 5550123"_s, true)}
                                                << walkIn;
}

void tst_ReadModel::bookingsFollowTheirEvents()
{
    QFETCH(Events, events);
    QFETCH(BookingRow, expected);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(events) > 0);

    std::optional<BookingRow> actual = fixture.model().booking(u"b1"_s).value();
    QVERIFY(actual);
    QVERIFY(actual->createdAt.isValid());
    expected.createdAt = actual->createdAt; // the store's clock
    QCOMPARE(*actual, expected);
    QCOMPARE(fixture.model().booking(u"b2"_s).value(), std::nullopt);
}

void tst_ReadModel::aChangedBookingIsAtItsNewPlace_data()
{
    QTest::addColumn<bool>("inOneCommit");
    QTest::newRow("changed in a later batch") << false;
    QTest::newRow("initiated and changed in one batch") << true;
}

// The booking's row takes what booking-changed and booking-details-changed
// say; a change requested or rejected leaves it as it was.
void tst_ReadModel::aChangedBookingIsAtItsNewPlace()
{
    QFETCH(bool, inOneCommit);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    const TableBookingInitiated initiated = dinner();
    const BookingId b = initiated.bookingId;
    const TableId t1 = initiated.tableId;
    const TableId t2 = tableId(u"T2"_s);
    // Five hours: longer than any span so far, so a day's query must widen.
    const TimeSpan late = span(Seven.addSecs(3600), Seven.addSecs(6 * 3600));
    const PartySize six = partySize(6);
    Events history {initiated, TableBookingConfirmed {b, t1}};
    const Events change {
        BookingChangeRequested {b, 1, t2, t1, late, six, u"Jones"_s, u"+49 171 5550123"_s, {}},
        BookingChangeRejected {b, 1, t2, ChangeRejectionReason::Overlap, u"Taken."_s},
        BookingChangeRequested {b, 2, t2, t1, late, six, u"Jones"_s, u"+49 171 5550123"_s, {}},
        BookingChanged {b, 2, t2, t1, late, six, u"Jones"_s, u"+49 171 5550123"_s, {}},
        BookingDetailsChanged {b, t2, u"Müller"_s, u"030 1234"_s, u"window"_s}};
    if (inOneCommit) {
        QVERIFY(fixture.appendInOneCommit(history + change) > 0);
    } else {
        QVERIFY(fixture.append(history) > 0);
        QCOMPARE(fixture.model().booking(u"b1"_s).value()->tableId, u"T1"_s);
        QVERIFY(fixture.append(change) > 0);
    }

    const BookingRow row = *fixture.model().booking(u"b1"_s).value();
    QCOMPARE(row.tableId, u"T2"_s);
    QCOMPARE(row.start, late.start());
    QCOMPARE(row.end, late.end());
    QCOMPARE(row.partySize, 6);
    QCOMPARE(row.guestName, u"Müller"_s);
    QCOMPARE(row.phone, u"030 1234"_s);
    QCOMPARE(row.note, u"window"_s);
    QCOMPARE(toString(row.status), toString(BookingStatus::Confirmed));
    const auto found = fixture.model().searchGuests(u"MÜLLER"_s).value();
    QCOMPARE(found.size(), 1);
    QCOMPARE(fixture.model().searchGuests(u"1234"_s).value().size(), 1);
    QCOMPARE(fixture.model().searchGuests(u"Jones"_s).value().size(), 0);
    // Found on its day by its new span, which outlasts every span before.
    const auto day = fixture.model().bookingsOn(Seven.date()).value();
    QCOMPARE(day.size(), 1);
    QCOMPARE(day.constFirst().tableId, u"T2"_s);
}

// --- Settings -----------------------------------------------------------

void tst_ReadModel::settingsFollowTheirEvents_data()
{
    QTest::addColumn<Events>("events");
    QTest::addColumn<RestaurantSettingsRow>("expected");

    const ServicePeriodsDefined periodDefaults = ServicePeriodsDefined::defaults();
    const TurnTimesDefined turnDefaults = TurnTimesDefined::defaults();
    const RestaurantSettingsRow defaults {periodDefaults.periods, periodDefaults.slotMinutes,
                                          periodDefaults.timeZone, turnDefaults.turnTimes,
                                          turnDefaults.largerPartyMinutes};
    const ServicePeriodsDefined brunch {
        {{Qt::Sunday, u"brunch"_s, QTime(10, 0), QTime(14, 0)}}, 30, u"Europe/Lisbon"_s};
    const TurnTimesDefined quick {{{4, 60}}, 75};

    QTest::newRow("without settings events the defaults hold")
        << Events {tableAdded(u"T1"_s, 2)} << defaults;
    RestaurantSettingsRow periods = defaults;
    periods.periods = brunch.periods;
    periods.slotMinutes = 30;
    periods.timeZone = u"Europe/Lisbon"_s;
    QTest::newRow("defined service periods replace the default ones") << Events {brunch} << periods;
    RestaurantSettingsRow turns = defaults;
    turns.turnTimes = quick.turnTimes;
    turns.largerPartyMinutes = 75;
    QTest::newRow("defined turn times replace the default ones") << Events {quick} << turns;
    RestaurantSettingsRow both = periods;
    both.turnTimes = quick.turnTimes;
    both.largerPartyMinutes = 75;
    QTest::newRow("the last definition of each setting wins")
        << Events {periodDefaults, quick, brunch} << both;
    ServicePeriodsDefined monthAhead = periodDefaults;
    monthAhead.bookingHorizonDays = 30;
    RestaurantSettingsRow horizon = defaults;
    horizon.bookingHorizonDays = 30;
    QTest::newRow("a defined booking horizon replaces the default one")
        << Events {monthAhead} << horizon;
}

// A store written before the horizon existed: its settings are read with
// the default horizon, by the projection as by the booker.
void tst_ReadModel::settingsOfAStoreFromBeforeTheHorizonHaveTheDefaultOne()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    const EventData old {QUuid::createUuid(), ServicePeriodsDefined::Type.toString(),
                         R"({"periods":[],"slotMinutes":20,"timeZone":"Europe/Lisbon"})",
                         R"({"schemaVersion":1})"};
    auto appended = fixture.store().append(SettingsStream, {old}, ExpectedRevision::any());
    QVERIFY(appended.ok());
    QVERIFY(fixture.settle(appended.value().position));

    QCOMPARE(fixture.model().settings().slotMinutes, 20);
    QCOMPARE(fixture.model().settings().timeZone, u"Europe/Lisbon"_s);
    QCOMPARE(fixture.model().settings().bookingHorizonDays, 365);
    QCOMPARE(fixture.model().settings().periods, QList<ServicePeriod>());
}

void tst_ReadModel::settingsFollowTheirEvents()
{
    QFETCH(Events, events);
    QFETCH(RestaurantSettingsRow, expected);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(events) > 0);
    QCOMPARE(fixture.model().settings(), expected);

    fixture.closeReadModel(); // and read from the tables, not the model's memory
    QCOMPARE(fixture.open(), QString());
    QCOMPARE(fixture.model().settings(), expected);
}

// --- Audit log ----------------------------------------------------------

void tst_ReadModel::theAuditLogRecordsEveryEventWithItsMetadata()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    const Events events {tableAdded(u"T1"_s, 4), dinner(),
                         lockPlaced(u"T1"_s, u"b1"_s, Seven, HalfPastEight, 2)};
    QCOMPARE(fixture.append(events), 3);

    const QList<AuditRow> rows = fixture.model().audit({}).value();
    QCOMPARE(rows.size(), 3);
    auto stored = fixture.store().readAll(0, 10);
    HS_VERIFY_OK(stored);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const RecordedEvent &event = stored.value().at(i);
        const EventMetadata metadata = EventMetadata::fromJson(event.metadataObject());
        const AuditRow expected {event.position,
                                 event.stream,
                                 event.revision,
                                 event.type,
                                 event.created,
                                 u"test"_s,
                                 u"terminal-1"_s,
                                 metadata.correlationId,
                                 metadata.causationId,
                                 event.id.toString(QUuid::WithoutBraces),
                                 event.data};
        QCOMPARE(rows.at(i), expected);
    }
    QCOMPARE(rows.at(1).correlationId, u"b1"_s);
    QCOMPARE(rows.at(2).correlationId, u"b1"_s);
    QCOMPARE(rows.at(2).causationId, rows.at(1).eventId); // the causation chain
    QCOMPARE(rows.at(0).correlationId, QString());
}

void tst_ReadModel::theAuditLogIsFiltered_data()
{
    QTest::addColumn<EventLogFilter>("filter");
    QTest::addColumn<QList<qint64>>("positions");

    // Positions: 1 T1 added, 2 T2 added, 3 b1 initiated, 4 b1 lock, 5 b2 initiated,
    // 6 b1 confirmed.
    QTest::newRow("by stream") << EventLogFilter {u"table-T1"_s, {}, {}, 0, 1000}
                               << QList<qint64> {1, 4};
    QTest::newRow("by type") << EventLogFilter {{}, u"table-booking-initiated"_s, {}, 0, 1000}
                             << QList<qint64> {3, 5};
    QTest::newRow("by correlation, across the booking's and the table's streams")
        << EventLogFilter {{}, {}, u"b1"_s, 0, 1000} << QList<qint64> {3, 4, 6};
    QTest::newRow("by stream and type together")
        << EventLogFilter {u"booking-b1"_s, u"table-booking-confirmed"_s, {}, 0, 1000}
        << QList<qint64> {6};
    QTest::newRow("after a position, at most a limit")
        << EventLogFilter {{}, {}, {}, 2, 3} << QList<qint64> {3, 4, 5};
    QTest::newRow("a correlation nobody has")
        << EventLogFilter {{}, {}, u"b9"_s, 0, 1000} << QList<qint64> {};

    QTest::newRow("newest first, the last page")
        << EventLogFilter {{}, {}, {}, 0, 4, 0, true} << QList<qint64> {6, 5, 4, 3};
    QTest::newRow("newest first before a position: the page older than it")
        << EventLogFilter {{}, {}, {}, 0, 2, 5, true} << QList<qint64> {4, 3};
    QTest::newRow("newest first between two positions")
        << EventLogFilter {{}, {}, {}, 2, 1000, 6, true} << QList<qint64> {5, 4, 3};
    QTest::newRow("oldest first before a position")
        << EventLogFilter {{}, {}, {}, 0, 1000, 4} << QList<qint64> {1, 2, 3};
    QTest::newRow("before the first position there is nothing")
        << EventLogFilter {{}, {}, {}, 0, 1000, 1, true} << QList<qint64> {};
    QTest::newRow("by stream, newest first")
        << EventLogFilter {u"table-T1"_s, {}, {}, 0, 1000, 0, true} << QList<qint64> {4, 1};
    QTest::newRow("by stream before a position")
        << EventLogFilter {u"table-T1"_s, {}, {}, 0, 1000, 4, true} << QList<qint64> {1};
    QTest::newRow("by type, newest first, at most a limit")
        << EventLogFilter {{}, u"table-booking-initiated"_s, {}, 0, 1, 0, true}
        << QList<qint64> {5};
    QTest::newRow("by type before a position")
        << EventLogFilter {{}, u"table-booking-initiated"_s, {}, 0, 1000, 5, true}
        << QList<qint64> {3};
    QTest::newRow("by correlation, newest first")
        << EventLogFilter {{}, {}, u"b1"_s, 0, 1000, 0, true} << QList<qint64> {6, 4, 3};
    QTest::newRow("by correlation before a position")
        << EventLogFilter {{}, {}, u"b1"_s, 0, 1000, 6, true} << QList<qint64> {4, 3};
    QTest::newRow("by stream and type together, newest first")
        << EventLogFilter {u"booking-b1"_s, u"table-booking-initiated"_s, {}, 0, 1000, 0, true}
        << QList<qint64> {3};
}

void tst_ReadModel::theAuditLogIsFiltered()
{
    QFETCH(EventLogFilter, filter);
    QFETCH(QList<qint64>, positions);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QCOMPARE(fixture.append({tableAdded(u"T1"_s, 4), tableAdded(u"T2"_s, 4), dinner(),
                             lockPlaced(u"T1"_s, u"b1"_s, Seven, HalfPastEight, 2),
                             dinner(u"b2"_s, u"T2"_s),
                             TableBookingConfirmed {bookingId(u"b1"_s), tableId(u"T1"_s)}}),
             6);
    QList<qint64> actual;
    for (const AuditRow &row : fixture.model().audit(filter).value())
        actual.append(row.position);
    QCOMPARE(actual, positions);
}

void tst_ReadModel::theAuditLogIsReadThroughAnIndexInEitherDirection_data()
{
    QTest::addColumn<EventLogFilter>("filter");
    QTest::addColumn<QString>("index"); // what the plan searches the store's events by

    const QString byPosition = u"USING INTEGER PRIMARY KEY"_s;
    const QString byStream = u"(stream=?)"_s; // the table's own (stream, revision)
    for (bool newestFirst : {true, false}) {
        for (qint64 before : {qint64(0), qint64(5)}) {
            const QString page = (newestFirst ? u"newest first"_s : u"oldest first"_s)
                + (before > 0 ? u" before a position"_s : QString());
            const auto row = [&](const QString &by) -> QTestData & {
                return QTest::addRow("%s, %s", qPrintable(by), qPrintable(page));
            };
            row(u"every event"_s) << EventLogFilter {{}, {}, {}, 0, 500, before, newestFirst}
                                  << byPosition;
            row(u"by stream"_s) << EventLogFilter {u"table-T1"_s, {},     {},         0,
                                                   500,           before, newestFirst}
                                << byStream;
            row(u"by type"_s) << EventLogFilter {{},  u"table-added"_s, {},         0,
                                                 500, before,           newestFirst}
                              << u"events_by_type"_s;
            row(u"by correlation"_s)
                << EventLogFilter {{}, {}, u"b1"_s, 0, 500, before, newestFirst}
                << u"events_by_correlation"_s;
            row(u"by stream and type"_s)
                << EventLogFilter {u"table-T1"_s, u"table-added"_s, {}, 0, 500, before, newestFirst}
                << byStream;
            row(u"by type and correlation"_s)
                << EventLogFilter {{}, u"table-added"_s, u"b1"_s, 0, 500, before, newestFirst}
                << u"events_by_correlation"_s;
        }
    }
}

// A page of a million events costs what a page of six does only when the
// plan walks an index in the page's order and sorts nothing. The trail is
// the store's log: the plan is the store's.
void tst_ReadModel::theAuditLogIsReadThroughAnIndexInEitherDirection()
{
    QFETCH(EventLogFilter, filter);
    QFETCH(QString, index);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append({tableAdded(u"T1"_s, 4), dinner()}) > 0);
    // The plan of the statement with the filter's values in place of its parameters.
    QString sql = QString::fromUtf8(SqliteEventStore::readLogSql(filter.shape()));
    sql.replace(u"?6"_s, u"'b1'"_s)
        .replace(u"?5"_s, u"'table-added'"_s)
        .replace(u"?4"_s, u"'table-T1'"_s)
        .replace(u"?3"_s, u"500"_s)
        .replace(u"?2"_s, QString::number(filter.upperBound()))
        .replace(u"?1"_s, u"0"_s);
    const QStringList plan = fixture.queryPlan(sql, fixture.storePath());
    QVERIFY(!plan.isEmpty());
    const QString steps = plan.join(u" | "_s);
    QVERIFY2(plan.constFirst().startsWith(u"SEARCH events "_s), qPrintable(steps));
    QVERIFY2(plan.constFirst().contains(index), qPrintable(steps));
    QVERIFY2(!steps.contains(u"TEMP B-TREE"_s), qPrintable(steps));
}

// --- Guest search -------------------------------------------------------

void tst_ReadModel::guestsAreFoundByNameOrPhone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("bookings");

    // b1 Jones (+49 171 5550123) at 19:00, b2 Müller-Lüdenscheidt (030/8812 44) at 20:30,
    // b3 Jonas 100% (no phone) the next day: newest first.
    QTest::newRow("part of a name in another case") << u"JON"_s << QStringList {u"b3"_s, u"b1"_s};
    QTest::newRow("a name with umlauts in another case")
        << u"müller-LÜD"_s << QStringList {u"b2"_s};
    QTest::newRow("a phone number written with other spacing")
        << u"171 55 501"_s << QStringList {u"b1"_s};
    QTest::newRow("the digits of a phone without its punctuation")
        << u"881244"_s << QStringList {u"b2"_s};
    QTest::newRow("a phone as it was written") << u"030/8812"_s << QStringList {u"b2"_s};
    QTest::newRow("a percent sign is a literal, not a wildcard") << u"%"_s << QStringList {u"b3"_s};
    QTest::newRow("a name nobody has") << u"Smith"_s << QStringList {};
    QTest::newRow("an empty text finds nothing") << u"  "_s << QStringList {};
}

void tst_ReadModel::guestsAreFoundByNameOrPhone()
{
    QFETCH(QString, text);
    QFETCH(QStringList, bookings);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(
                {dinner(),
                 bookingInitiated(u"b2"_s, u"T2"_s, HalfPastEight, HalfPastEight.addSecs(5400), 4,
                                  u"Müller-Lüdenscheidt"_s, u"030/8812 44"_s),
                 bookingInitiated(u"b3"_s, u"T1"_s, Seven.addDays(1), HalfPastEight.addDays(1), 2,
                                  u"Jonas 100%"_s)})
            > 0);
    QStringList actual;
    for (const BookingRow &row : fixture.model().searchGuests(text).value())
        actual.append(row.id);
    QCOMPARE(actual, bookings);
}

void tst_ReadModel::theViewsQueriesReadThroughAnIndexThatFits_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("searches");

    QTest::newRow("a day's bookings, by table, read the bookings of its span")
        << ReadQueries::bookingsBetweenSql()
        << QStringList {
               u"SEARCH bookings USING INDEX bookings_by_span (start_ms>? AND start_ms<?)"_s};
    QTest::newRow("a table's bookings at a moment read that table's of the span")
        << ReadQueries::tableBookingsBetweenSql()
        << QStringList {
               u"SEARCH bookings USING INDEX bookings_by_table (table_id=? AND start_ms>? AND start_ms<?)"_s};
    QTest::newRow("a table's locks at a moment read that table's")
        << ReadQueries::tableLocksBetweenSql()
        << QStringList {
               u"SEARCH table_locks USING INDEX table_locks_by_span (table_id=? AND start_ms<?)"_s};
    QTest::newRow("a table's next booking reads that table's from the moment")
        << ReadQueries::nextBookingSql()
        << QStringList {
               u"SEARCH bookings USING INDEX bookings_by_table (table_id=? AND start_ms>?)"_s};
    QTest::newRow("free tables look up each table's locks and bookings of the span")
        << ReadQueries::freeTablesSql()
        << QStringList {
               u"SEARCH l USING INDEX table_locks_by_span (table_id=? AND start_ms<?)"_s,
               u"SEARCH b USING INDEX bookings_by_table (table_id=? AND start_ms>? AND start_ms<?)"_s};
}

// Each query a view runs reads the bookings and locks it needs through an
// index, never the whole history: the plan names the index and scans none
// of those tables (a scan of the few dining tables is fine).
void tst_ReadModel::theViewsQueriesReadThroughAnIndexThatFits()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, searches);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append({tableAdded(u"T1"_s, 4), dinner()}) > 0);
    const QStringList plan = fixture.queryPlan(sql);
    QVERIFY(!plan.isEmpty());
    const QString steps = plan.join(u" | "_s);
    for (const QString &search : searches)
        QVERIFY2(steps.contains(search), qPrintable(steps));
    for (const QString &step : plan)
        QVERIFY2(!step.startsWith(u"SCAN "_s) || step == u"SCAN t"_s, qPrintable(steps));
}

// --- Free tables --------------------------------------------------------

// The smallest first, and T5 before T26 as people read them, not as text.
void tst_ReadModel::freeTablesOfOneSizeComeInNaturalOrder()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append({tableAdded(u"T26"_s, 2), tableAdded(u"T10"_s, 4),
                            tableAdded(u"T5"_s, 2), tableAdded(u"T9"_s, 4), tableAdded(u"t7"_s, 2)})
            > 0);
    QCOMPARE(fixture.model().freeTables(Seven, HalfPastEight, 2).value(),
             (QStringList {u"T5"_s, u"t7"_s, u"T26"_s, u"T9"_s, u"T10"_s}));
}

void tst_ReadModel::freeTablesFitTheSpanAndParty_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<int>("party");
    QTest::addColumn<QString>("except");
    QTest::addColumn<QStringList>("expected");

    // T1 2 seats, T2 4 seats locked 19:00-20:30, T3 6 seats with a pending booking
    // 21:00-22:30, T4 4 seats removed; a cancelled booking on T1 at 19:00.
    const QDateTime nine = at(u"2026-12-01T21:00:00Z"_s);
    QTest::newRow("a couple at seven finds the two-seater, then the six-seater")
        << Seven << HalfPastEight << 2 << QString() << QStringList {u"T1"_s, u"T3"_s};
    QTest::newRow("a party of five finds only the six-seater")
        << Seven << HalfPastEight << 5 << QString() << QStringList {u"T3"_s};
    QTest::newRow("a span ending as a lock begins is free of it")
        << Seven.addSecs(-5400) << Seven << 3 << QString() << QStringList {u"T2"_s, u"T3"_s};
    QTest::newRow("a booking waiting for its lock keeps its table")
        << nine.addSecs(1800) << nine.addSecs(7200) << 2 << QString()
        << QStringList {u"T1"_s, u"T2"_s};
    QTest::newRow("a party larger than every table finds none")
        << Seven << HalfPastEight << 8 << QString() << QStringList {};
    QTest::newRow("a booking that changes finds its own lock's table free")
        << Seven.addSecs(900) << HalfPastEight.addSecs(900) << 4 << u"b2"_s
        << QStringList {u"T2"_s, u"T3"_s};
    QTest::newRow("a booking that changes finds its own table free while it waits")
        << nine.addSecs(1800) << nine.addSecs(7200) << 5 << u"b3"_s << QStringList {u"T3"_s};
}

void tst_ReadModel::freeTablesFitTheSpanAndParty()
{
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(int, party);
    QFETCH(QString, except);
    QFETCH(QStringList, expected);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    const QDateTime nine = at(u"2026-12-01T21:00:00Z"_s);
    QVERIFY(
        fixture.append({tableAdded(u"T1"_s, 2), tableAdded(u"T2"_s, 4), tableAdded(u"T3"_s, 6),
                        tableAdded(u"T4"_s, 4), TableRemoved {tableId(u"T4"_s)},
                        lockPlaced(u"T2"_s, u"b2"_s, Seven, HalfPastEight, 4),
                        bookingInitiated(u"b3"_s, u"T3"_s, nine, nine.addSecs(5400), 5, u"Late"_s),
                        dinner(u"b1"_s, u"T1"_s),
                        TableBookingCancelled {bookingId(u"b1"_s), tableId(u"T1"_s)}})
        > 0);
    QCOMPARE(fixture.model().freeTables(start, end, party, except).value(), expected);
}

// --- A table's state at a moment ----------------------------------------

void tst_ReadModel::aTableHasAStateAtAMoment_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QDateTime>("moment");
    QTest::addColumn<TableState>("state");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");

    // T1: b1 confirmed 19:00-20:30 with its lock. T2: removed. T3: b3 19:00-20:30,
    // arrived 18:58 and seated. T4: b4 12:00-13:30, seated 12:05, left 13:20.
    QTest::newRow("free long before a booking")
        << u"T1"_s << at(u"2026-12-01T12:00:00Z"_s) << TableState::Free << QString() << u"b1"_s;
    QTest::newRow("booked soon within the hour before it")
        << u"T1"_s << at(u"2026-12-01T18:15:00Z"_s) << TableState::BookedSoon << QString()
        << u"b1"_s;
    QTest::newRow("locked during the booking before the party comes")
        << u"T1"_s << at(u"2026-12-01T19:10:00Z"_s) << TableState::Locked << u"b1"_s << QString();
    QTest::newRow("free again after the booking's span")
        << u"T1"_s << at(u"2026-12-01T20:30:00Z"_s) << TableState::Free << QString() << QString();
    QTest::newRow("occupied once the guests arrived")
        << u"T3"_s << at(u"2026-12-01T19:30:00Z"_s) << TableState::Occupied << u"b3"_s << QString();
    QTest::newRow("occupied while the party sits")
        << u"T4"_s << at(u"2026-12-01T12:30:00Z"_s) << TableState::Occupied << u"b4"_s << QString();
    QTest::newRow("free once the party left, before its span ends")
        << u"T4"_s << at(u"2026-12-01T13:25:00Z"_s) << TableState::Free << QString() << QString();
    QTest::newRow("out of service once removed")
        << u"T2"_s << at(u"2026-12-01T19:10:00Z"_s) << TableState::OutOfService << QString()
        << QString();
}

void tst_ReadModel::aTableHasAStateAtAMoment()
{
    QFETCH(QString, table);
    QFETCH(QDateTime, moment);
    QFETCH(TableState, state);
    QFETCH(QString, current);
    QFETCH(QString, next);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    const BookingId b3 = bookingId(u"b3"_s);
    const BookingId b4 = bookingId(u"b4"_s);
    const QDateTime noon = at(u"2026-12-01T12:00:00Z"_s);
    QVERIFY(fixture.append(
                {tableAdded(u"T1"_s, 4), tableAdded(u"T2"_s, 4), tableAdded(u"T3"_s, 4),
                 tableAdded(u"T4"_s, 4), TableRemoved {tableId(u"T2"_s)}, dinner(),
                 lockPlaced(u"T1"_s, u"b1"_s, Seven, HalfPastEight, 2),
                 TableBookingConfirmed {bookingId(u"b1"_s), tableId(u"T1"_s)},
                 dinner(u"b3"_s, u"T3"_s), lockPlaced(u"T3"_s, u"b3"_s, Seven, HalfPastEight, 2),
                 TableBookingConfirmed {b3, tableId(u"T3"_s)},
                 GuestArrived {b3, tableId(u"T3"_s), Seven.addSecs(-120)},
                 PartySeated {b3, tableId(u"T3"_s), Seven.addSecs(60)},
                 bookingInitiated(u"b4"_s, u"T4"_s, noon, noon.addSecs(5400), 2, u"Lunch"_s),
                 TableBookingConfirmed {b4, tableId(u"T4"_s)},
                 PartySeated {b4, tableId(u"T4"_s), noon.addSecs(300)},
                 PartyLeft {b4, tableId(u"T4"_s), noon.addSecs(4800)}})
            > 0);

    const TableStatusRow status = fixture.model().tableAt(table, moment).value();
    QCOMPARE(status.table.id, table);
    QCOMPARE(status.state, state);
    QCOMPARE(status.current ? status.current->id : QString(), current);
    QCOMPARE(status.next ? status.next->id : QString(), next);
    const QList<TableStatusRow> floor = fixture.model().floorAt(moment).value();
    QCOMPARE(floor.size(), 3); // the tables in service
}

// --- Local days ---------------------------------------------------------

void tst_ReadModel::bookingsBelongToTheRestaurantsLocalDay_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QStringList>("bookings");

    // New York, UTC-5 in December: "late" is 23:30-23:55 on Dec 1 (04:30Z on Dec 2),
    // "early" at 00:15 on Dec 2, "across" from 23:00 on Dec 1 to 00:30 on Dec 2.
    QTest::newRow("half past eleven at night is on that local day, not the UTC one")
        << QDate(2026, 12, 1) << QStringList {u"across"_s, u"late"_s};
    QTest::newRow("a quarter past midnight is on the next local day")
        << QDate(2026, 12, 2) << QStringList {u"across"_s, u"early"_s};
    QTest::newRow("the day before has none") << QDate(2026, 11, 30) << QStringList {};
}

void tst_ReadModel::bookingsBelongToTheRestaurantsLocalDay()
{
    QFETCH(QDate, day);
    QFETCH(QStringList, bookings);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    ServicePeriodsDefined periods = ServicePeriodsDefined::defaults();
    periods.timeZone = u"America/New_York"_s;
    QVERIFY(fixture.append({periods,
                            bookingInitiated(u"across"_s, u"T1"_s, at(u"2026-12-02T04:00:00Z"_s),
                                             at(u"2026-12-02T05:30:00Z"_s), 2, u"A"_s),
                            bookingInitiated(u"late"_s, u"T2"_s, at(u"2026-12-02T04:30:00Z"_s),
                                             at(u"2026-12-02T04:55:00Z"_s), 2, u"L"_s),
                            bookingInitiated(u"early"_s, u"T3"_s, at(u"2026-12-02T05:15:00Z"_s),
                                             at(u"2026-12-02T06:45:00Z"_s), 2, u"E"_s)})
            > 0);
    QStringList actual;
    for (const BookingRow &row : fixture.model().bookingsOn(day).value())
        actual.append(row.id);
    QCOMPARE(actual, bookings);
    QCOMPARE(fixture.model().localDate(at(u"2026-12-02T04:30:00Z"_s)), QDate(2026, 12, 1));
}

// --- Events as other writers or versions wrote them ---------------------

void tst_ReadModel::eventsOfOtherShapesAreReadAlike_data()
{
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<QString>("guest"); // of booking b1; empty: no booking
    QTest::addColumn<QString>("zone"); // of table T7; empty: no table
    QTest::addColumn<QString>("user"); // in the audit log

    const QByteArray booking
        = R"({"walkIn":false,"tableId":"T1","phone":"","partySize":2,"note":"",)"
          R"("guestName":"Jones","timeSlot":{"to":"2026-12-01T20:30:00Z",)"
          R"("from":"2026-12-01T19:00:00Z"},"bookingId":"b1"})";
    const QByteArray metadata = R"({"$correlationId":"b1","schemaVersion":1,"user":"anna"})";
    const QString initiated = u"table-booking-initiated"_s;

    QTest::newRow("a booking whose fields come in another order")
        << u"booking-b1"_s << initiated << booking << metadata << u"Jones"_s << QString()
        << u"anna"_s;
    QByteArray quoted = booking;
    quoted.replace("\"Jones\"", R"("Jo \"Ace\" Jones\u00e9")");
    QTest::newRow("a guest name with escaped characters")
        << u"booking-b1"_s << initiated << quoted << metadata << u"Jo \"Ace\" Jones\u00e9"_s
        << QString() << u"anna"_s;
    QTest::newRow("metadata written on several lines with spaces")
        << u"booking-b1"_s << initiated << booking
        << QByteArray("{\n  \"$correlationId\" : \"b1\",\n  \"schemaVersion\" : 1,\n  "
                      "\"user\" : \"ben\"\n}\n")
        << u"Jones"_s << QString() << u"ben"_s;
    QTest::newRow("a table added in version 1 gets the upcaster's layout")
        << u"table-T7"_s << u"table-added"_s << QByteArray(R"({"tableId":"T7","seats":6})")
        << QByteArray(R"({"schemaVersion":1,"user":"anna"})") << QString() << u"Main room"_s
        << u"anna"_s;
    QTest::newRow("a booking of a version newer than this code is only audited")
        << u"booking-b1"_s << initiated << booking
        << QByteArray(R"({"$correlationId":"b1","schemaVersion":2,"user":"anna"})") << QString()
        << QString() << u"anna"_s;
    QTest::newRow("an event type this version does not know is only audited")
        << u"booking-b1"_s << u"booking-gift-voucher-added"_s << QByteArray(R"({"amount":50})")
        << metadata << QString() << QString() << u"anna"_s;
}

void tst_ReadModel::eventsOfOtherShapesAreReadAlike()
{
    QFETCH(QString, stream);
    QFETCH(QString, type);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, metadata);
    QFETCH(QString, guest);
    QFETCH(QString, zone);
    QFETCH(QString, user);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    auto appended = fixture.store().append(stream, {EventData {newEventId(), type, data, metadata}},
                                           ExpectedRevision::any());
    HS_VERIFY_OK(appended);
    QVERIFY(fixture.settle(appended.value().position));

    const std::optional<BookingRow> booking = fixture.model().booking(u"b1"_s).value();
    QCOMPARE(booking ? booking->guestName : QString(), guest);
    if (booking)
        QCOMPARE(booking->start, Seven);
    const std::optional<TableRow> table = fixture.model().table(u"T7"_s).value();
    QCOMPARE(table ? table->layout.zone : QString(), zone);
    const QList<AuditRow> audit = fixture.model().audit({}).value();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.constFirst().user, user);
    QCOMPARE(audit.constFirst().data, data);
}

// --- Change signals -----------------------------------------------------

void tst_ReadModel::eachCommitSignalsWhatChanged_data()
{
    QTest::addColumn<Events>("before");
    QTest::addColumn<Events>("commit"); // appended to one stream in one append
    QTest::addColumn<QStringList>("expected");

    const TableAdded t1 = tableAdded(u"T1"_s, 4);
    const TableBookingInitiated b1 = dinner();
    const BookingId b = b1.bookingId;
    const TableId t = t1.tableId;
    const TableLockPlaced lock = lockPlaced(u"T1"_s, u"b1"_s, Seven, HalfPastEight, 2);
    const QString day = u"2026-12-01"_s;

    QTest::newRow("an added table")
        << Events {} << Events {t1} << QStringList {u"table T1"_s, u"audit up to 1"_s};
    QTest::newRow("a moved table") << Events {t1} << Events {TableMoved {t, terrace()}}
                                   << QStringList {u"table T1"_s, u"audit up to 2"_s};
    QTest::newRow("a table moved and then removed in one commit signals it once")
        << Events {t1} << Events {TableMoved {t, terrace()}, TableRemoved {t}}
        << QStringList {u"table T1"_s, u"audit up to 3"_s};
    QTest::newRow("a placed lock changes its table")
        << Events {t1} << Events {lock} << QStringList {u"table T1"_s, u"audit up to 2"_s};
    QTest::newRow("a removed lock changes its table")
        << Events {t1, lock} << Events {TableLockRemoved {t, b, LockRemovalReason::Cancelled}}
        << QStringList {u"table T1"_s, u"audit up to 3"_s};
    QTest::newRow("a failed lock placement changes only the audit log")
        << Events {t1}
        << Events {TableLockPlacementFailed {
               t, b, lock.span, lock.partySize, LockFailureReason::Overlap, u"Taken."_s, {}}}
        << QStringList {u"audit up to 2"_s};
    QTest::newRow("an initiated booking, with its local day")
        << Events {} << Events {b1} << QStringList {u"booking b1 on "_s + day, u"audit up to 1"_s};
    QTest::newRow("three events of one booking in one commit signal it once")
        << Events {b1}
        << Events {TableBookingConfirmed {b, t}, GuestArrived {b, t, Seven},
                   PartySeated {b, t, Seven}}
        << QStringList {u"booking b1 on "_s + day, u"audit up to 4"_s};
    QTest::newRow("a cancelled booking")
        << Events {b1} << Events {TableBookingCancelled {b, t}}
        << QStringList {u"booking b1 on "_s + day, u"audit up to 2"_s};
    QTest::newRow("defined settings")
        << Events {} << Events {ServicePeriodsDefined::defaults(), TurnTimesDefined::defaults()}
        << QStringList {u"settings"_s, u"audit up to 2"_s};
}

void tst_ReadModel::eachCommitSignalsWhatChanged()
{
    QFETCH(Events, before);
    QFETCH(Events, commit);
    QFETCH(QStringList, expected);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    if (!before.isEmpty())
        QVERIFY(fixture.append(before) > 0);
    SignalLog log(fixture.model());
    QVERIFY(fixture.appendInOneCommit(commit) > 0);
    QCOMPARE(log.lines, expected);
}

void tst_ReadModel::catchingUpEmitsNoChangeSignals()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    fixture.closeReadModel();
    QVERIFY(appendAll(fixture.store(), {tableAdded(u"T1"_s, 4), dinner()}) > 0);
    auto model = ReadModel::open(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(model);
    SignalLog log(*model.value());
    QSignalSpy caughtUp(model.value().get(), &ReadModel::caughtUp);
    HS_VERIFY_OK(model.value()->start());
    QCOMPARE(caughtUp.size(), 1);
    QCOMPARE(log.lines, QStringList()); // start() returns caught up: views read afresh
    QVERIFY(model.value()->booking(u"b1"_s).value());
}

// --- Checkpoints, versions, files ---------------------------------------

static Events someBookings(int first, int count)
{
    Events events;
    for (int i = first; i < first + count; ++i) {
        const QString b = u"b%1"_s.arg(i);
        const QString t = u"T%1"_s.arg(i % 4 + 1);
        const QDateTime start = Seven.addDays(i);
        events.append(bookingInitiated(b, t, start, start.addSecs(5400), 2, u"Guest %1"_s.arg(i)));
        events.append(lockPlaced(t, b, start, start.addSecs(5400), 2));
        events.append(TableBookingConfirmed {bookingId(b), tableId(t)});
        if (i % 3 == 0)
            events.append(
                TableLockRemoved {tableId(t), bookingId(b), LockRemovalReason::Cancelled});
    }
    return events;
}

void tst_ReadModel::projectionsResumeFromTheirCheckpoint()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    const qint64 first = fixture.append(someBookings(1, 30));
    QVERIFY(first > 0);
    fixture.closeReadModel();
    const qint64 last = appendAll(fixture.store(), someBookings(31, 30));
    QVERIFY(last > first);

    auto model = ReadModel::open(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(model);
    QCOMPARE(model.value()->position(), first); // where it stopped
    QSignalSpy progress(model.value().get(), &ReadModel::rebuildProgress);
    HS_VERIFY_OK(model.value()->start());
    QCOMPARE(progress.size(), 0); // resumed, not rebuilt
    QCOMPARE(model.value()->position(), last);
    QCOMPARE(model.value()->audit({}).value().size(), last); // each event once
    model.value().reset();

    auto differences = ReadModel::verifyAgainstFreshRebuild(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(differences);
    QCOMPARE(differences.value(), QStringList());
}

void tst_ReadModel::manyBatchesMatchAFreshRebuild()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    HistoryOptions options;
    options.events = 9000; // more than two batches
    options.tables = 6;
    auto history = generateHistory(fixture.store(), options);
    HS_VERIFY_OK(history);
    QVERIFY(fixture.settle(history.value().events));
    QCOMPARE(fixture.model().audit({{}, {}, {}, 0, 100000}).value().size(), history.value().events);

    QSignalSpy progress(&fixture.model(), &ReadModel::rebuildProgress);
    const QStringList live = fixture.model().dump().value();
    HS_VERIFY_OK(fixture.model().rebuild());
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.constLast().at(0).toLongLong(), history.value().events);
    QCOMPARE(progress.constLast().at(1).toLongLong(), history.value().events);
    QCOMPARE(fixture.model().dump().value(), live);
    QVERIFY(!fixture.model().bookingsOn(options.firstDay).value().isEmpty());
}

void tst_ReadModel::anOlderProjectionVersionIsRebuilt()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(someBookings(1, 20)) > 0);
    const QStringList expected = fixture.model().dump().value();
    fixture.closeReadModel();
    QVERIFY(fixture.tamper(u"UPDATE projections SET version = %1 WHERE name = 'bookings'"_s.arg(
        ReadModel::ProjectionVersion - 1)));
    QVERIFY(fixture.tamper(u"UPDATE bookings SET guest_name = 'stale'"_s));

    auto model = ReadModel::open(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(model);
    QSignalSpy progress(model.value().get(), &ReadModel::rebuildProgress);
    HS_VERIFY_OK(model.value()->start());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(model.value()->dump().value(), expected);
}

void tst_ReadModel::aReadFileOfANewerVersionIsRefusedUnchanged_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("a projection of a newer version")
        << u"UPDATE projections SET version = %1 WHERE name = 'bookings'"_s.arg(
               ReadModel::ProjectionVersion + 1);
    QTest::newRow("a newer format of the read file") << u"PRAGMA user_version = 99"_s;
}

void tst_ReadModel::aReadFileOfANewerVersionIsRefusedUnchanged()
{
    QFETCH(QString, sql);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(someBookings(1, 5)) > 0);
    fixture.closeReadModel();
    QVERIFY(fixture.tamper(sql));
    const QByteArray before = fileBytes(fixture.readPath());
    QVERIFY(!before.isEmpty());

    auto model = ReadModel::open(fixture.store(), fixture.readPath());
    QVERIFY(!model.ok());
    QCOMPARE(model.error().code(), StoreError::Code::NewerSchema);
    QVERIFY2(model.error().message().contains(u"newer Hoststand"_s),
             qPrintable(model.error().message()));
    QCOMPARE(fileBytes(fixture.readPath()), before);
}

void tst_ReadModel::aFileThatIsNotASoundReadModelIsSetAsideAndBuiltAgain_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("says");
    QTest::newRow("a text file") << u"text"_s << u"not a SQLite database"_s;
    QTest::newRow("another application's database") << u"foreign"_s << u"another application"_s;
    QTest::newRow("a read file whose schema page is damaged") << u"damaged"_s << u"damaged"_s;
    QTest::newRow("a read file whose bookings are damaged") << u"bookings"_s << u"damaged"_s;
}

// The read tables are derived: a file in their place that is not a sound
// read model is renamed (never deleted, never changed) and a new one is
// built from the events, and the read model says so.
void tst_ReadModel::aFileThatIsNotASoundReadModelIsSetAsideAndBuiltAgain()
{
    QFETCH(QString, kind);
    QFETCH(QString, says);
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(someBookings(1, 5)) > 0);
    const QStringList expected = fixture.model().dump().value();
    int bookingsRoot = 0;
    fixture.closeReadModel(); // the last connection copies its log into the file
    QFile file(fixture.readPath());
    if (kind == u"text"_s) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("Shopping list: eggs, flour\n");
    } else if (kind == u"foreign"_s) {
        QVERIFY(file.remove());
        QVERIFY(fixture.tamper(u"CREATE TABLE recipes(name TEXT)"_s));
    } else if (kind == u"bookings"_s) {
        bookingsRoot = sqliteRootPage(fixture.readPath(), u"bookings"_s);
        QVERIFY(bookingsRoot > 1);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(qint64(bookingsRoot - 1) * 4096));
        file.write(QByteArray(4096, '\x5a'));
    } else {
        // The first page holds the schema: garbage there damages every table.
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(100));
        file.write(QByteArray(3000, '\x5a'));
    }
    file.close();
    const QByteArray before = fileBytes(fixture.readPath());

    auto model = ReadModel::open(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(model);
    const QString notice = model.value()->notice();
    QVERIFY2(notice.contains(says), qPrintable(notice));
    QVERIFY2(notice.contains(u"set aside as"_s), qPrintable(notice));
    const QStringList aside
        = QFileInfo(fixture.readPath())
              .dir()
              .entryList({QFileInfo(fixture.readPath()).fileName() + u".damaged-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(fileBytes(QFileInfo(fixture.readPath()).dir().filePath(aside.constFirst())), before);
    HS_VERIFY_OK(model.value()->start());
    QCOMPARE(model.value()->dump().value(), expected);
}

void tst_ReadModel::verifyReportsRowsThatDifferFromAFreshRebuild()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(someBookings(1, 5)) > 0);
    fixture.closeReadModel();
    auto same = ReadModel::verifyAgainstFreshRebuild(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(same);
    QCOMPARE(same.value(), QStringList());

    QVERIFY(fixture.tamper(u"UPDATE bookings SET party_size = 9 WHERE id = 'b3'"_s));
    QVERIFY(fixture.tamper(u"DELETE FROM bookings WHERE id = 'b2'"_s));
    auto differences = ReadModel::verifyAgainstFreshRebuild(fixture.store(), fixture.readPath());
    HS_VERIFY_OK(differences);
    const QString report = differences.value().join(u'\n');
    QVERIFY2(report.contains(u"- bookings: id=b3"_s) && report.contains(u"party_size=9"_s),
             qPrintable(report));
    QVERIFY2(report.contains(u"+ bookings: id=b2"_s), qPrintable(report));
}

// A read file of the version that copied every event into an audit log
// loses those tables and that projection's checkpoint when it is opened:
// the store's own log is the trail now.
void tst_ReadModel::theRetiredAuditTablesAreDroppedOnOpening()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(someBookings(1, 3)) > 0);
    fixture.closeReadModel();
    QVERIFY(fixture.tamper(QStringList {
        u"CREATE TABLE audit_log(position INTEGER PRIMARY KEY, stream TEXT)"_s,
        u"CREATE TABLE audit_data(position INTEGER PRIMARY KEY, data BLOB)"_s,
        u"INSERT INTO audit_log VALUES(1, 'table-T1')"_s,
        u"INSERT INTO projections(name, version, position) VALUES('audit', 1, 1)"_s,
    }));

    QCOMPARE(fixture.open(), QString());

    const QStringList tables
        = fixture.queryRows(u"SELECT name FROM sqlite_master WHERE name LIKE 'audit%' "
                            "UNION ALL SELECT name FROM projections WHERE name = 'audit'"_s);
    QCOMPARE(tables, QStringList());
    QCOMPARE(fixture.model().audit({}).value().size(), fixture.store().lastPosition().value());
}

void tst_ReadModel::theReadFileLivesBesideTheStore()
{
    QCOMPARE(ReadModel::defaultLocationFor(u"/var/lib/hoststand/store.sqlite"_s),
             u"/var/lib/hoststand/store.sqlite.read"_s);
    QCOMPARE(ReadModel::defaultLocationFor(u"postgresql://host@db.example/hoststand"_s),
             u"postgresql://host@db.example/hoststand?schema=hoststand_read"_s);
}

// The read file's log and index deleted under an open read model (after a
// checkpoint, as a process that wrongly took itself for the last one would
// do it): its next batch would go into the deleted log, where no other
// process reads, so it is refused and reported instead.
void tst_ReadModel::aReadFileWhoseLogWasDeletedIsReportedNotWrittenOnSilently()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append({tableAdded(u"T1"_s, 4)}) > 0);
    QVERIFY(fixture.tamper(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    QVERIFY(QFile::remove(fixture.readPath() + u"-wal"_s));
    QVERIFY(QFile::remove(fixture.readPath() + u"-shm"_s));

    QSignalSpy failed(&fixture.model(), &ReadModel::failed);
    QVERIFY(appendAll(fixture.store(), {tableAdded(u"T2"_s, 4)}) > 0);
    QTRY_VERIFY(!failed.isEmpty());
    const QString message = failed.constFirst().constFirst().toString();
    QVERIFY2(message.contains(u"changed under it"_s), qPrintable(message));
    QVERIFY2(message.contains(u"was deleted"_s), qPrintable(message));
}

// Damage a query meets while the read model is in use (here: the bookings
// table's and its indexes' pages swapped for another index's by another
// connection): the query answers the error, never "none" or wrong rows;
// the queries after it answer that the read tables cannot be read now,
// without touching the file; the read model counts as unavailable
// meanwhile, sets the file aside, builds the read tables again and says so.
void tst_ReadModel::aReadFileFoundDamagedInUseIsSetAsideAndBuiltAgain()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(Events {tableAdded(u"T1"_s, 4), dinner()} + someBookings(1, 5)) > 0);
    const QStringList expected = fixture.model().dump().value();
    QVERIFY(fixture.tamper(QStringList {
        u"PRAGMA writable_schema = ON"_s,
        u"UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master WHERE "
        "type = 'index' AND tbl_name = 'audit' LIMIT 1) WHERE tbl_name = 'bookings'"_s,
        u"PRAGMA schema_version = 100000"_s})); // other connections read the schema again

    QSignalSpy noticed(&fixture.model(), &ReadModel::noticed);
    QSignalSpy failed(&fixture.model(), &ReadModel::failed);
    QSignalSpy availability(&fixture.model(), &ReadModel::availabilityChanged);
    const QDateTime from = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
    const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
    const auto bookings = fixture.model().bookingsBetween(from, to);
    QVERIFY2(!bookings.ok(), "a damaged table must not answer none");
    QCOMPARE(bookings.error().code(), StoreError::Code::CorruptStore);
    const auto tables = fixture.model().tables();
    QVERIFY(!tables.ok());
    QCOMPARE(tables.error().code(), StoreError::Code::Unavailable);
    QVERIFY(!fixture.model().isAvailable());
    QCOMPARE(failed.size(), 0); // reported on the next turn, not from inside a query

    QTRY_COMPARE(noticed.size(), 1);
    QVERIFY2(noticed.constFirst().constFirst().toString().contains(u"set aside as"_s),
             qPrintable(noticed.constFirst().constFirst().toString()));
    QVERIFY(!failed.isEmpty());
    QCOMPARE(availability.size(), 2);
    QCOMPARE(availability.at(0).constFirst().toBool(), false);
    QCOMPARE(availability.at(1).constFirst().toBool(), true);
    QVERIFY(fixture.model().isAvailable());
    QCOMPARE(fixture.model().dump().value(), expected);
    QCOMPARE(fixture.model().bookingsBetween(from, to).value().size(), 5);
}

// "None" is an answer of its own: an empty day, an unknown booking or table,
// a table with no locks read as empty rows, never as an error.
void tst_ReadModel::anEmptyAnswerIsNoneNotAFailure()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(Events {tableAdded(u"T1"_s, 4)}) > 0);
    const auto day = fixture.model().bookingsOn(QDate(2026, 12, 4));
    HS_VERIFY_OK(day);
    QVERIFY(day.value().isEmpty());
    const auto booking = fixture.model().booking(u"nobody"_s);
    HS_VERIFY_OK(booking);
    QCOMPARE(booking.value(), std::nullopt);
    const auto table = fixture.model().table(u"T9"_s);
    HS_VERIFY_OK(table);
    QCOMPARE(table.value(), std::nullopt);
    const auto missing = fixture.model().tableAt(u"T9"_s, Seven);
    HS_VERIFY_OK(missing);
    QCOMPARE(missing.value().state, TableState::OutOfService);
    const auto free = fixture.model().tableAt(u"T1"_s, Seven);
    HS_VERIFY_OK(free);
    QCOMPARE(free.value().state, TableState::Free);
    const auto locks = fixture.model().locks(u"T1"_s);
    HS_VERIFY_OK(locks);
    QVERIFY(locks.value().isEmpty());
    const auto found = fixture.model().searchGuests(u"nobody"_s);
    HS_VERIFY_OK(found);
    QVERIFY(found.value().isEmpty());
    QVERIFY(fixture.model().isAvailable());
}

// While the store cannot be reached the read model counts as unavailable,
// and every query answers so, for the host, without reading the file (no
// read fails); once the store is back it says so and reads again.
void tst_ReadModel::whileTheStoreIsAwayEveryQueryAnswersThatItCannotRead()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    QVERIFY(fixture.append(Events {tableAdded(u"T1"_s, 4), dinner()}) > 0);
    test::InterposedEventStore store(fixture.store());
    QTemporaryDir dir;
    auto opened = ReadModel::open(store, dir.filePath(u"away.read"_s));
    HS_VERIFY_OK(opened);
    ReadModel &model = *opened.value();
    HS_VERIFY_OK(model.start());
    QSignalSpy availability(&model, &ReadModel::availabilityChanged);
    QSignalSpy failed(&model, &ReadModel::failed);

    store.setAvailable(false);
    QCOMPARE(availability.size(), 1);
    QCOMPARE(availability.constLast().constFirst().toBool(), false);
    QVERIFY(!model.isAvailable());
    const QDate day = model.localDate(Seven);
    const QList<std::optional<StoreError>> answers {
        model.tables().ok() ? std::nullopt : std::optional(model.tables().error()),
        model.table(u"T1"_s).ok() ? std::nullopt : std::optional(model.table(u"T1"_s).error()),
        model.booking(u"b1"_s).ok() ? std::nullopt : std::optional(model.booking(u"b1"_s).error()),
        model.bookingsOn(day).ok() ? std::nullopt : std::optional(model.bookingsOn(day).error()),
        model.floorAt(Seven).ok() ? std::nullopt : std::optional(model.floorAt(Seven).error()),
        model.tableAt(u"T1"_s, Seven).ok() ? std::nullopt
                                           : std::optional(model.tableAt(u"T1"_s, Seven).error()),
        model.freeTables(Seven, HalfPastEight, 2).ok()
            ? std::nullopt
            : std::optional(model.freeTables(Seven, HalfPastEight, 2).error()),
        model.searchGuests(u"Jones"_s).ok() ? std::nullopt
                                            : std::optional(model.searchGuests(u"Jones"_s).error()),
        model.locks().ok() ? std::nullopt : std::optional(model.locks().error()),
        model.audit({}).ok() ? std::nullopt : std::optional(model.audit({}).error()),
        model.dump().ok() ? std::nullopt : std::optional(model.dump().error()),
    };
    for (const std::optional<StoreError> &answer : answers) {
        QVERIFY2(answer, "a query answered while the store was away");
        QCOMPARE(answer->code(), StoreError::Code::Unavailable);
        QVERIFY2(answer->message().contains(u"cannot be reached"_s), qPrintable(answer->message()));
    }
    QCoreApplication::processEvents();
    QCOMPARE(failed.size(), 0); // nothing was read, so nothing failed

    store.setAvailable(true);
    QCOMPARE(availability.constLast().constFirst().toBool(), true);
    QVERIFY(model.isAvailable());
    const auto bookings = model.bookingsOn(day);
    HS_VERIFY_OK(bookings);
    QCOMPARE(bookings.value().size(), 1);
}

// Through QSqlQuery, as the PostgreSQL read schema will be reached: the same
// SQL gives the same rows and answers as the SQLite read file's statements.
void tst_ReadModel::theSameProjectionsAndQueriesRunThroughQtSql()
{
    ReadModelFixture fixture;
    QCOMPARE(fixture.open(), QString());
    ServicePeriodsDefined periods = ServicePeriodsDefined::defaults();
    periods.timeZone = u"Europe/Berlin"_s;
    QVERIFY(fixture.append(Events {periods, tableAdded(u"T1"_s, 2), tableAdded(u"T2"_s, 4),
                                   tableAdded(u"T3"_s, 6), tableAdded(u"T4"_s, 4)}
                           + someBookings(1, 40))
            > 0);
    QTemporaryDir dir;
    auto connection = QtSqlReadConnection::open(u"QSQLITE"_s, dir.filePath(u"qtsql.read"_s),
                                                ReadDialect(ReadDialect::Kind::Sqlite));
    HS_VERIFY_OK(connection);
    auto opened = ReadModel::openOn(fixture.store(), std::move(connection).value());
    HS_VERIFY_OK(opened);
    ReadModel &qtSql = *opened.value();
    HS_VERIFY_OK(qtSql.start());
    ReadModel &sqlite = fixture.model();

    QCOMPARE(qtSql.dump().value(), sqlite.dump().value());
    const QDate day = sqlite.localDate(Seven.addDays(3));
    QVERIFY(!sqlite.bookingsOn(day).value().isEmpty());
    QCOMPARE(qtSql.bookingsOn(day).value(), sqlite.bookingsOn(day).value());
    QCOMPARE(qtSql.searchGuests(u"guest 1"_s).value(), sqlite.searchGuests(u"guest 1"_s).value());
    QCOMPARE(qtSql.freeTables(Seven.addDays(3), HalfPastEight.addDays(3), 2).value(),
             sqlite.freeTables(Seven.addDays(3), HalfPastEight.addDays(3), 2).value());
    QCOMPARE(qtSql.locks().value(), sqlite.locks().value());
    QCOMPARE(qtSql.settings(), sqlite.settings());
    QCOMPARE(qtSql.tableAt(u"T4"_s, Seven.addDays(3)).value().state,
             sqlite.tableAt(u"T4"_s, Seven.addDays(3)).value().state);
}

void tst_ReadModel::eachDialectWritesTheSchemaInItsWords_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("marked");
    QTest::addColumn<QString>("written");

    const QString table = u"CREATE TABLE t(a {BIGINT}, b {REAL}, c {BLOB}, d {INT}, e {TEXT})"_s;
    const QString index = u"CREATE INDEX i ON t(e{+a})"_s;
    const int sqlite = int(ReadDialect::Kind::Sqlite);
    const int postgres = int(ReadDialect::Kind::Postgres);
    QTest::newRow("SQLite's column types")
        << sqlite << table << u"CREATE TABLE t(a INTEGER, b REAL, c BLOB, d INTEGER, e TEXT)"_s;
    QTest::newRow("PostgreSQL's column types")
        << postgres << table
        << u"CREATE TABLE t(a BIGINT, b DOUBLE PRECISION, c BYTEA, d INTEGER, e TEXT COLLATE \"C\")"_s;
    QTest::newRow("SQLite leaves the rowid out of an index")
        << sqlite << index << u"CREATE INDEX i ON t(e)"_s;
    QTest::newRow("PostgreSQL names the position in an index")
        << postgres << index << u"CREATE INDEX i ON t(e, a)"_s;
}

void tst_ReadModel::eachDialectWritesTheSchemaInItsWords()
{
    QFETCH(int, kind);
    QFETCH(QString, marked);
    QFETCH(QString, written);
    QCOMPARE(ReadDialect(ReadDialect::Kind(kind)).ddl(marked), written);
}

QTEST_GUILESS_MAIN(tst_ReadModel)
#include "tst_readmodel.moc"
