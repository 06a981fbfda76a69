#include "tests/cli/CliRunner.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/support/TestSupport.h"

#include "domain/contracts/EventCodec.h"
#include "eventstore/EventStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

using Commands = QList<QStringList>;
Q_DECLARE_METATYPE(Commands)

namespace {

const QString Now = u"2026-12-01T10:00:00Z"_s;

// The restaurant most rows start from, made in this process: UTC, tables
// T1 to T3 (4 seats) in service and T9 removed, a confirmed booking of
// Jones on T1 and a cancelled one of Smith on T2, both Friday 4 December
// at 19:00. Returns the names the rows use for the bookings' ids ("{booking}").
QHash<QString, QString> setUpStandardRestaurant(const QString &store)
{
    ManualClock clock(FixedNow);
    RestaurantOptions options = optionsFor(store);
    options.readModel = RestaurantOptions::ReadModelUse::None;
    auto restaurant = openRestaurant(options, clock);
    setUpRestaurant(*restaurant, 3);
    const TableId removed = valueOf(TableId::create(u"T9"_s));
    valueOf(restaurant->tableManager().addTable(removed, valueOf(SeatCount::create(2)),
                                                TableLayout::forSeats(2, u"Bar"_s, 0, 0)));
    valueOf(restaurant->tableManager().removeTable(removed));
    const auto booking = valueOf(restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z")));
    const auto cancelled
        = valueOf(restaurant->book(bookingAt(u"T2"_s, "2026-12-04T19:00:00Z", 2, u"Smith"_s)));
    valueOf(restaurant->cancel(cancelled.bookingId));
    if (booking.status != BookingStatus::Confirmed)
        qFatal("the standard restaurant's booking was not confirmed");
    return {{u"{booking}"_s, booking.bookingId.toString()},
            {u"{cancelled}"_s, cancelled.bookingId.toString()}};
}

QString substituted(QString text, const QHash<QString, QString> &names)
{
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        text.replace(it.key(), it.value());
    return text;
}

QStringList substituted(QStringList texts, const QHash<QString, QString> &names)
{
    for (QString &text : texts)
        text = substituted(text, names);
    return texts;
}

QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

// What an older version stored without today's rules on text, or what
// anything that bypassed the domain could store.
const QString InjectedName = u"Line1\nBooking  fake\x1b[31mRED\u202Etxt"_s;
const QString InjectedNote = u"window\x1b[2J"_s;
const QString InjectedZone = u"Bar\x1b[2J"_s;
const QString InjectedUser = u"eve\x1b[31m"_s;
const QString InjectedBooking = u"c0ffee000001"_s;

// Appends to the standard restaurant, as the events of an older version: a
// booking of T2 on Friday at 19:00 with InjectedName and InjectedNote, by
// InjectedUser, and a table T7 in InjectedZone.
void storeTextAnOlderVersionAccepted(const QString &store)
{
    ManualClock clock(FixedNow);
    RestaurantOptions options = optionsFor(store);
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.runSagas = false; // the booking stays as written
    auto restaurant = openRestaurant(options, clock);
    const BookingId id = valueOf(BookingId::create(InjectedBooking));
    const EventMetadata metadata {id.toString(), id.toString(), InjectedUser, u"stand-1"_s};
    const TableBookingInitiated booking {
        id,
        valueOf(TableId::create(u"T2"_s)),
        valueOf(TimeSpan::create(utc("2026-12-04T19:00:00Z"), utc("2026-12-04T20:30:00Z"))),
        valueOf(PartySize::create(2)),
        InjectedName,
        u"555-0101"_s,
        InjectedNote,
        false};
    valueOf(restaurant->store().append(id.streamName(),
                                       {EventCodec::toEventData(booking, metadata).value()},
                                       ExpectedRevision::noStream()));
    const TableId t7 = valueOf(TableId::create(u"T7"_s));
    const TableAdded table {t7, valueOf(SeatCount::create(2)),
                            TableLayout::forSeats(2, InjectedZone, 0, 0)};
    valueOf(restaurant->store().append(t7.streamName(),
                                       {EventCodec::toEventData(table, metadata).value()},
                                       ExpectedRevision::noStream()));
}

// The first character of the output that a terminal would act on instead
// of printing (a control or a bidi override), as U+XXXX; empty when none.
QString firstActiveCharacter(const QByteArray &output)
{
    for (const char32_t c : QString::fromUtf8(output).toUcs4()) {
        const bool control = (c < 0x20 && c != u'\n') || (c >= 0x7f && c <= 0x9f);
        const bool bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        if (control || bidi || c == 0x2028 || c == 0x2029)
            return u"U+%1"_s.arg(uint(c), 4, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace

// hoststand-cli end to end: a real store file and a real process for each
// command, as a script would run it.
class tst_Cli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void badUsageExitsWith2AndShowsUsage_data();
    void badUsageExitsWith2AndShowsUsage();
    void refusalsExitWith1WithTheReason_data();
    void refusalsExitWith1WithTheReason();
    void everyCommandAnswers_data();
    void everyCommandAnswers();
    void anEveningFromTheCommandLine();
    void aBookingChangesFromTheCommandLine();
    void textIsForPeopleInLocalTime();
    void theRestaurantSetsHowFarAheadItBooks();
    void refusalsFromTheTableSideSpeakTheRestaurantsClock_data();
    void refusalsFromTheTableSideSpeakTheRestaurantsClock();
    void aBookingNoEventCouldHoldWritesNothing();
    void helpShowsTheUsageAndExitsWith0();
    void theDefaultStoreLivesInXdgDataHome();
    void rebuildReportsProgressOnStderr();
    void verifyFindsWhatIsWrong_data();
    void verifyFindsWhatIsWrong();
    void textShowsStoredControlCharactersEscaped_data();
    void textShowsStoredControlCharactersEscaped();
    void jsonCarriesStoredControlCharactersAsEscapes_data();
    void jsonCarriesStoredControlCharactersAsEscapes();
    void argumentsThatAreNotUtf8AreRefused_data();
    void argumentsThatAreNotUtf8AreRefused();
    void localTimesTheClocksSkipOrRepeat_data();
    void localTimesTheClocksSkipOrRepeat();

private:
    QString storePath() const { return m_dir->filePath(u"restaurant.hoststand"_s); }
    CliRunner runner() const { return CliRunner({u"--store"_s, storePath(), u"--now"_s, Now}); }
    // Runs a command that must succeed and returns its JSON.
    QJsonValue expectJson(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Cli::initTestCase()
{
    QVERIFY2(!executable(u"hoststand-cli"_s).isEmpty(), "hoststand-cli is not built");
}

void tst_Cli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QJsonValue tst_Cli::expectJson(const QStringList &arguments)
{
    const CliRun run = runner().run(QStringList {u"--json"_s} + arguments);
    if (run.exitCode != 0) {
        QTest::qFail(run.describe(arguments).constData(), __FILE__, __LINE__);
        return {};
    }
    return run.json();
}

void tst_Cli::badUsageExitsWith2AndShowsUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("problem");
    const auto row = [](const char *name, const char *arguments, const QString &problem) {
        QTest::newRow(name) << words(arguments) << problem;
    };
    row("no command at all", "", u"No command given."_s);
    row("a global option without its value", "--store", u"Missing value after '--store'"_s);
    row("an unknown command", "dance", u"Unknown command \"dance\"."_s);
    row("a group without its subcommand", "tables", u"\"tables\" needs one of: add, move"_s);
    row("an unknown subcommand", "bookings sing", u"Unknown command \"bookings sing\""_s);
    row("an unknown option", "tables list --colour red", u"Unknown option 'colour'"_s);
    row("an option without its value", "tables add T5 --seats", u"Missing value after '--seats'"_s);
    row("seats that are not a number", "tables add T5 --seats four",
        u"--seats: \"four\" is not a whole number."_s);
    row("a required option left out", "tables add T5", u"--seats is missing."_s);
    row("x without y", "tables add T5 --seats 4 --x 10", u"--x and --y go together."_s);
    row("a coordinate that is not a number", "tables move T1 --x left --y 3",
        u"--x: \"left\" is not a number."_s);
    row("an unknown shape", "tables add T5 --seats 4 --shape hexagon",
        u"--shape: \"hexagon\" is not round, square or rectangle."_s);
    row("a positional argument too many", "tables remove T1 T2",
        u"\"tables remove\" does not take \"T2\"."_s);
    row("a positional argument missing", "tables seats T1", u"\"tables seats\" needs ID N."_s);
    row("seats given as a word", "tables seats T1 many",
        u"seats: \"many\" is not a whole number."_s);
    row("a start that is not ISO-8601", "book --table T1 --at tomorrow --party 2 --name A",
        u"--at: \"tomorrow\" is not an ISO-8601 time"_s);
    row("a start on a day that does not exist",
        "book --table T1 --at 2026-02-30T19:00 --party 2 --name A",
        u"--at: \"2026-02-30T19:00\" is not an ISO-8601 time"_s);
    row("a booking without a name", "book --table T1 --at 2026-12-04T19:00 --party 2",
        u"--name is missing."_s);
    row("a party that is not a number", "walk-in --table T1 --party many",
        u"--party: \"many\" is not a whole number."_s);
    row("a date that is not YYYY-MM-DD", "bookings list --date 04.12.2026",
        u"--date: \"04.12.2026\" is not a date such as 2026-12-04."_s);
    row("slots without the party's size", "slots --from 2026-12-04 --to 2026-12-04",
        u"--people is missing."_s);
    row("a clock that is not a time", "--now yesterday tables list",
        u"--now: \"yesterday\" is not an ISO-8601 time"_s);
    row("an unknown weekday", "settings service-periods --day funday --closed",
        u"--day: \"funday\" is not mon, tue, wed, thu, fri, sat, sun or all."_s);
    row("a service period without its times", "settings service-periods --day mon --period dinner",
        u"--period: \"dinner\" is not NAME=HH:MM-HH:MM"_s);
    row("periods and closed at once",
        "settings service-periods --day mon --closed --period dinner=18:00-22:00",
        u"Give either --period (one or more) or --closed."_s);
    row("a slot length as a word", "settings slot-length quarter",
        u"slot length: \"quarter\" is not a whole number."_s);
    row("an unknown option beside a negative number", "settings slot-length -5 --colour red",
        u"Unknown option 'colour'"_s);
    row("a booking horizon in words", "settings horizon year",
        u"horizon: \"year\" is not a whole number."_s);
    row("a turn time with a colon", "settings turn-times 2:90",
        u"\"2:90\" is not SIZE=MINUTES, such as 4=105."_s);
    row("events from position 0", "events --from 0", u"--from: positions start at 1."_s);
    row("the last 0 events", "events --last 0", u"--last: give how many events, 1 or more."_s);
}

// Nothing is opened on bad usage: not even the store file is created.
void tst_Cli::badUsageExitsWith2AndShowsUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, problem);

    const CliRun text = runner().run(arguments);
    const CliRun json = runner().run(QStringList {u"--json"_s} + arguments);

    QVERIFY2(text.exitCode == 2, text.describe(arguments));
    QVERIFY2(text.err.contains(problem.toUtf8()), text.describe(arguments));
    QVERIFY2(text.err.contains("Usage: hoststand-cli"), text.describe(arguments));
    QVERIFY2(text.out.isEmpty(), text.describe(arguments));
    QVERIFY2(json.exitCode == 2, json.describe(arguments));
    QCOMPARE(jsonAt(json.json(), u"code"_s), u"usage"_s);
    QVERIFY2(jsonAt(json.json(), u"error"_s).contains(problem), json.describe(arguments));
    QVERIFY(!QFile::exists(storePath()));
}

void tst_Cli::refusalsExitWith1WithTheReason_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    const auto row
        = [](const char *name, const char *arguments, const char *code, const QString &reason) {
              QTest::newRow(name) << words(arguments) << QString::fromLatin1(code) << reason;
          };
    row("a table id that is in service already", "tables add T1 --seats 2", "already-exists",
        u"T1"_s);
    row("a table id with a slash", "tables add T/5 --seats 2", "invalid-input", u"T/5"_s);
    row("a table without seats", "tables add T5 --seats 0", "invalid-input",
        u"A table's seats must be 1 to 50, not 0."_s);
    row("a table turned past a full turn", "tables move T1 --x 1 --y 1 --rotation 400",
        "invalid-input", u"below 360 degrees"_s);
    row("moving a table that was never added", "tables move T7 --x 1 --y 1", "not-found", u"T7"_s);
    row("removing a table that is booked", "tables remove T1", "table-locked", u"{booking}"_s);
    row("fewer seats than a booked party", "tables seats T1 1", "table-locked", u"T1"_s);
    row("booking over another booking",
        "book --table T1 --at 2026-12-04T19:30 --party 2 --name Brown", "lock-overlap",
        u"by Jones."_s);
    row("booking in the past", "book --table T3 --at 2026-11-30T19:00 --party 2 --name Brown",
        "in-the-past", QString());
    row("booking when the restaurant is closed",
        "book --table T3 --at 2026-12-04T16:00 --party 2 --name Brown", "outside-service",
        u"dinner"_s);
    row("booking between two slots", "book --table T3 --at 2026-12-04T19:07 --party 2 --name Brown",
        "off-slot-grid", u"every 15 minutes"_s);
    row("a party larger than the table",
        "book --table T3 --at 2026-12-04T19:00 --party 9 --name Brown", "party-too-large", u"T3"_s);
    row("a table that does not exist",
        "book --table T8 --at 2026-12-04T19:00 --party 2 --name Brown", "table-missing", u"T8"_s);
    row("a table that was removed", "book --table T9 --at 2026-12-04T19:00 --party 2 --name Brown",
        "table-removed", u"T9"_s);
    row("a walk-in larger than the table", "walk-in --table T3 --party 9", "party-too-large",
        u"T3"_s);
    row("a booking that does not exist", "bookings show 0123456789ab", "not-found",
        u"0123456789ab"_s);
    row("a booking id in capitals", "bookings cancel NOT-AN-ID", "invalid-input", u"NOT-AN-ID"_s);
    row("seating a cancelled booking", "bookings seat {cancelled}", "invalid-transition",
        u"cancelled"_s);
    row("cancelling twice", "bookings cancel {cancelled}", "invalid-transition", u"cancelled"_s);
    row("a no-show before the booking starts", "bookings no-show {booking}", "invalid-transition",
        QString());
    row("an unknown time zone", "settings time-zone Mars/Olympus_Mons", "invalid-input",
        u"Mars/Olympus_Mons"_s);
    row("a slot length out of range", "settings slot-length 3", "invalid-input", u"3"_s);
    row("a service that ends before it starts",
        "settings service-periods --day mon --period dinner=22:00-18:00", "invalid-input",
        u"dinner"_s);
    row("a turn time out of range", "settings turn-times 2=5", "invalid-input", u"5"_s);
    row("a booking horizon of no days", "settings horizon 0", "invalid-input", u"not 0"_s);
    row("booking further ahead than the restaurant takes bookings",
        "book --table T3 --at 2027-12-03T19:00 --party 2 --name Brown", "beyond-horizon",
        u"up to 365 days ahead, until Wed 1 Dec 2027"_s);
    row("the issue's booking that would end after 9999-12-31",
        "book --table T3 --at 9999-12-31T22:15 --party 2 --name Brown --minutes 600",
        "beyond-horizon", u"365 days ahead"_s);
    row("a booking no event could hold, on a clock at the end of 9999",
        "--now 9999-12-31T10:00 book --table T3 --at 9999-12-31T22:15 --party 2 --name Brown "
        "--minutes 600",
        "invalid-input",
        u"timeSlot.to: 10000-01-01T08:15:00.000Z is outside the years 1 to 9999"_s);
    row("free slots over a month", "slots --from 2026-12-01 --to 2026-12-31 --people 2",
        "invalid-input", u"14"_s);
    row("a store that is not a store", "--store {notastore} tables list", "store-failure",
        u"{notastore}"_s);
    row("a guest name with a fake line and a terminal escape",
        "book --table T3 --at 2026-12-04T19:00 --party 2 --name Line1\nBooking\x1b[31mRED",
        "invalid-input",
        u"The guest's name contains a line break at character 6; it must be printable text on "
        u"one line."_s);
    row("a guest name with a right-to-left override",
        "book --table T3 --at 2026-12-04T19:00 --party 2 --name Ada\u202Eecalevol", "invalid-input",
        u"The guest's name contains an invisible formatting character (U+202E)"_s);
    row("a note with a terminal escape",
        "book --table T3 --at 2026-12-04T19:00 --party 2 --name Ada --note window\x1b[2J",
        "invalid-input", u"The note contains a control character (U+001B) at character 7"_s);
    row("a zone that would clear the screen", "tables add T5 --seats 2 --zone Bar\x1b[2J",
        "invalid-input", u"The zone's name contains a control character (U+001B) at character 4"_s);
    row("a service period named with a terminal escape",
        "settings service-periods --day mon --period dinner\x1b[31m=18:00-22:00", "invalid-input",
        u"The name of a service period on Monday contains a control character (U+001B)"_s);
    row("a time zone on two lines", "settings time-zone Europe/Paris\nfake", "invalid-input",
        u"The time zone's name contains a line break at character 13"_s);
    row("a negative slot length", "settings slot-length -5", "invalid-input",
        u"A slot is 5 to 120 minutes long, not -5."_s);
    row("a negative number of seats", "tables seats T1 -3", "invalid-input",
        u"A table's seats must be 1 to 50, not -3."_s);
}

void tst_Cli::refusalsExitWith1WithTheReason()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    QFETCH(QString, reason);
    QHash<QString, QString> names = setUpStandardRestaurant(storePath());
    const QString notAStore = m_dir->filePath(u"notes.txt"_s);
    QFile notes(notAStore);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("shopping: flour, eggs\n");
    notes.close();
    names.insert(u"{notastore}"_s, notAStore);
    arguments = substituted(arguments, names);
    reason = substituted(reason, names);

    const CliRun text = runner().run(arguments);
    const CliRun json = runner().run(QStringList {u"--json"_s} + arguments);

    QVERIFY2(text.exitCode == 1, text.describe(arguments));
    QVERIFY2(text.err.startsWith("hoststand-cli: "), text.describe(arguments));
    QVERIFY2(text.err.contains(reason.toUtf8()), text.describe(arguments));
    QVERIFY2(json.exitCode == 1, json.describe(arguments));
    QCOMPARE(jsonAt(json.json(), u"code"_s), code);
    QVERIFY2(jsonAt(json.json(), u"error"_s).contains(reason), json.describe(arguments));
    QVERIFY2(json.err.contains(reason.toUtf8()), json.describe(arguments));
    QCOMPARE(fileBytes(notAStore), QByteArray("shopping: flour, eggs\n"));
}

void tst_Cli::everyCommandAnswers_data()
{
    QTest::addColumn<Commands>("setup");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const Commands &setup, const char *arguments,
                        const QStringList &expected) {
        QTest::newRow(name) << setup << words(arguments) << expected;
    };
    row("tables add places a table", {},
        "tables add T5 --seats 6 --zone Terrace --shape round --x 300 --y 40",
        {u"id=T5"_s, u"seats=6"_s, u"zone=Terrace"_s, u"shape=round"_s, u"x=300"_s, u"y=40"_s,
         u"status=in-service"_s});
    row("tables add without coordinates places it beside the others", {}, "tables add T5 --seats 2",
        {u"x=440"_s, u"y=100"_s, u"zone=Main room"_s});
    row("tables move moves, turns and rezones", {},
        "tables move T2 --x 500 --y 60 --rotation 45 --zone Bar",
        {u"x=500"_s, u"y=60"_s, u"rotation=45"_s, u"zone=Bar"_s, u"seats=4"_s});
    row("tables seats changes the seats", {}, "tables seats T2 6", {u"seats=6"_s});
    row("tables remove takes a free table out", {}, "tables remove T3", {u"status=removed"_s});
    row("tables list lists the tables in service", {}, "tables list",
        {u"#=3"_s, u"0/id=T1"_s, u"2/id=T3"_s, u"0/seats=4"_s});
    row("tables list --all adds the removed ones", {}, "tables list --all",
        {u"#=4"_s, u"3/id=T9"_s, u"3/status=removed"_s});
    row("book confirms once the sagas have", {},
        "book --table T2 --at 2026-12-04T19:00 --party 3 --name Brown --phone 555-0101 "
        "--note window",
        {u"status=confirmed"_s, u"tableId=T2"_s, u"partySize=3"_s, u"guestName=Brown"_s,
         u"phone=555-0101"_s, u"note=window"_s, u"start=2026-12-04T19:00:00+00:00"_s,
         u"end=2026-12-04T20:45:00+00:00"_s, u"walkIn=false"_s});
    row("book for a given number of minutes", {},
        "book --table T2 --at 2026-12-04T19:00 --party 2 --name Brown --minutes 60",
        {u"status=confirmed"_s, u"end=2026-12-04T20:00:00+00:00"_s});
    row("book at a time with an offset", {},
        "book --table T2 --at 2026-12-04T20:00+01:00 --party 2 --name Brown",
        {u"status=confirmed"_s, u"start=2026-12-04T19:00:00+00:00"_s});
    row("walk-in seats the party from now", {}, "walk-in --table T3 --party 2 --name Lee",
        {u"status=seated"_s, u"walkIn=true"_s, u"guestName=Lee"_s,
         u"start=2026-12-01T10:00:00+00:00"_s, u"seatedAt=2026-12-01T10:00:00+00:00"_s});
    row("slots lists the free tables of each slot", {},
        "slots --from 2026-12-04 --to 2026-12-04 --people 2",
        {u"0/start=2026-12-04T12:00:00+00:00"_s, u"0/end=2026-12-04T13:30:00+00:00"_s,
         u"0/period=lunch"_s, u"0/tables=[\"T1\",\"T2\",\"T3\"]"_s,
         u"12/start=2026-12-04T19:00:00+00:00"_s, u"12/tables=[\"T2\",\"T3\"]"_s, u"#=26"_s});
    row("bookings show shows one booking", {}, "bookings show {booking}",
        {u"id={booking}"_s, u"status=confirmed"_s, u"guestName=Jones"_s, u"tableId=T1"_s});
    row("bookings list lists a day", {}, "bookings list --date 2026-12-04",
        {u"#=2"_s, u"0/id={booking}"_s, u"1/id={cancelled}"_s, u"1/status=cancelled"_s});
    row("bookings list is today by default", {}, "--now 2026-12-04T09:00 bookings list",
        {u"#=2"_s});
    row("bookings list of a day without bookings", {}, "bookings list --date 2026-12-05",
        {u"#=0"_s});
    row("bookings cancel cancels and frees the table", {}, "bookings cancel {booking}",
        {u"status=cancelled"_s});
    row("bookings arrive records the arrival", {},
        "--now 2026-12-04T18:50 bookings arrive {booking}",
        {u"status=arrived"_s, u"arrivedAt=2026-12-04T18:50:00+00:00"_s});
    row("bookings seat seats the party", {}, "--now 2026-12-04T19:05 bookings seat {booking}",
        {u"status=seated"_s, u"seatedAt=2026-12-04T19:05:00+00:00"_s});
    row("bookings leave records that the party left",
        {words("--now 2026-12-04T19:05 bookings seat {booking}")},
        "--now 2026-12-04T20:30 bookings leave {booking}",
        {u"status=left"_s, u"leftAt=2026-12-04T20:30:00+00:00"_s});
    row("bookings no-show records a guest who did not come", {},
        "--now 2026-12-04T19:30 bookings no-show {booking}", {u"status=no-show"_s});
    row("locks list lists the locks in force", {}, "locks list",
        {u"#=1"_s, u"0/tableId=T1"_s, u"0/bookingId={booking}"_s,
         u"0/start=2026-12-04T19:00:00+00:00"_s, u"0/partySize=2"_s});
    row("locks list of one table", {}, "locks list --table T2", {u"#=0"_s});
    row("locks list after a cancellation", {words("bookings cancel {booking}")}, "locks list",
        {u"#=0"_s});
    row("expire-locks releases what has passed", {}, "--now 2026-12-05T00:00 expire-locks",
        {u"#=1"_s, u"0/tableId=T1"_s, u"0/bookingId={booking}"_s});
    row("expire-locks before the end releases nothing", {}, "expire-locks", {u"#=0"_s});
    row("settings show shows the settings", {}, "settings show",
        {u"timeZone=UTC"_s, u"slotMinutes=15"_s, u"bookingHorizonDays=365"_s,
         u"servicePeriods/#=14"_s, u"servicePeriods/0/day=mon"_s, u"servicePeriods/0/start=12:00"_s,
         u"largerPartyMinutes=150"_s});
    row("settings service-periods sets some days", {},
        "settings service-periods --day mon,tue --period lunch=11:30-14:00 --period "
        "dinner=18:00-22:00",
        {u"servicePeriods/#=14"_s, u"servicePeriods/0/start=11:30"_s,
         u"servicePeriods/1/end=22:00"_s, u"servicePeriods/3/name=dinner"_s,
         u"servicePeriods/4/start=12:00"_s});
    row("settings service-periods closes a day", {}, "settings service-periods --day sun --closed",
        {u"servicePeriods/#=12"_s});
    row("settings service-periods sets the whole week", {},
        "settings service-periods --day all --period dinner=18:00-23:00",
        {u"servicePeriods/#=7"_s, u"servicePeriods/6/day=sun"_s, u"servicePeriods/6/end=23:00"_s});
    row("settings slot-length", {}, "settings slot-length 30", {u"slotMinutes=30"_s});
    row("settings time-zone", {}, "settings time-zone Europe/Berlin",
        {u"timeZone=Europe/Berlin"_s});
    row("settings horizon", {}, "settings horizon 30",
        {u"bookingHorizonDays=30"_s, u"timeZone=UTC"_s, u"slotMinutes=15"_s});
    row("settings turn-times", {}, "settings turn-times 2=60 4=90 --above 120",
        {u"turnTimes/#=2"_s, u"turnTimes/1/maxPartySize=4"_s, u"turnTimes/1/minutes=90"_s,
         u"largerPartyMinutes=120"_s});
    row("settings turn-times for larger parties only", {}, "settings turn-times --above 180",
        {u"turnTimes/#=3"_s, u"largerPartyMinutes=180"_s});
    row("events lists the audit trail", {}, "events",
        {u"0/position=1"_s, u"0/type=service-periods-defined"_s, u"0/user=host"_s,
         u"0/terminal=stand-1"_s});
    row("events of one stream", {}, "events --stream booking-{booking}",
        {u"#=2"_s, u"0/type=table-booking-initiated"_s, u"1/type=table-booking-confirmed"_s});
    row("events of one type", {}, "events --type table-added", {u"#=4"_s, u"3/stream=table-T9"_s});
    row("events of one booking's chain", {}, "events --correlation {booking}",
        {u"#=3"_s, u"1/type=table-lock-placed"_s, u"1/correlationId={booking}"_s});
    row("events from a position", {}, "events --from 3", {u"0/position=3"_s});
    row("the last events, oldest first", {}, "events --last 3",
        {u"#=3"_s, u"0/position=12"_s, u"2/position=14"_s});
    row("the last events of one type", {}, "events --type table-added --last 2",
        {u"#=2"_s, u"0/stream=table-T3"_s, u"1/stream=table-T9"_s});
    row("the last events after a position", {}, "events --from 13 --last 5",
        {u"#=2"_s, u"0/position=13"_s, u"1/position=14"_s});
    row("rebuild rebuilds the read model", {}, "rebuild", {u"position=14"_s});
    row("verify finds nothing wrong", {}, "verify",
        {u"events=14"_s, u"integrityChecked=true"_s, u"integrityProblems/#=0"_s,
         u"sequenceProblems/#=0"_s, u"readModelDifferences/#=0"_s});
}

void tst_Cli::everyCommandAnswers()
{
    QFETCH(Commands, setup);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const QHash<QString, QString> names = setUpStandardRestaurant(storePath());
    for (const QStringList &command : std::as_const(setup)) {
        expectJson(substituted(command, names));
        if (QTest::currentTestFailed())
            return;
    }

    arguments = substituted(arguments, names);
    const CliRun run = runner().run(QStringList {u"--json"_s} + arguments);

    QVERIFY2(run.exitCode == 0, run.describe(arguments));
    for (const QString &expectation : std::as_const(expected)) {
        const QString path = expectation.section(u'=', 0, 0);
        const QString value = substituted(expectation.section(u'=', 1), names);
        QVERIFY2(jsonAt(run.json(), path) == value,
                 qPrintable(u"%1: %2 instead of %3\n"_s.arg(path, jsonAt(run.json(), path), value)
                            + QString::fromUtf8(run.describe(arguments))));
    }
}

// A whole evening as a script runs it, one process per command.
void tst_Cli::anEveningFromTheCommandLine()
{
    expectJson(words("settings time-zone UTC"));
    expectJson(words("tables add T1 --seats 4"));
    expectJson(words("--user maria --terminal bar-2 tables add T2 --seats 2 --zone Terrace"));
    const QJsonValue added = expectJson(words("events --stream table-T2"));
    QCOMPARE(jsonAt(added, u"0/user"_s), u"maria"_s);
    QCOMPARE(jsonAt(added, u"0/terminal"_s), u"bar-2"_s);
    const QJsonValue jones
        = expectJson(words("book --table T1 --at 2026-12-04T19:00 --party 4 --name Jones"));
    const QString booking = jsonAt(jones, u"id"_s);
    QCOMPARE(jsonAt(jones, u"status"_s), u"confirmed"_s);
    const QJsonValue lee
        = expectJson(words("book --table T2 --at 2026-12-04T19:00 --party 2 --name Lee"));
    QCOMPARE(jsonAt(lee, u"status"_s), u"confirmed"_s);
    const CliRun clash = runner().run(
        words("--json book --table T1 --at 2026-12-04T20:00 --party 2 --name Smith"));
    QCOMPARE(clash.exitCode, 1);
    QCOMPARE(jsonAt(clash.json(), u"code"_s), u"lock-overlap"_s);

    QCOMPARE(jsonAt(expectJson(words("bookings list --date 2026-12-04")), u"#"_s), u"2"_s);
    QCOMPARE(jsonAt(expectJson({u"bookings"_s, u"show"_s, booking}), u"guestName"_s), u"Jones"_s);
    const QJsonValue freeSlots
        = expectJson(words("slots --from 2026-12-04 --to 2026-12-04 --people 2"));
    for (const QJsonValue &slot : freeSlots.toArray()) {
        if (slot[u"start"_s].toString() == u"2026-12-04T19:00:00+00:00"_s)
            QVERIFY2(slot[u"tables"_s].toArray().isEmpty(), "both tables are booked at 19:00");
    }

    const QStringList at1850 {u"--now"_s, u"2026-12-04T18:50"_s};
    QCOMPARE(
        jsonAt(expectJson(at1850 + QStringList {u"bookings"_s, u"arrive"_s, booking}), u"status"_s),
        u"arrived"_s);
    QCOMPARE(
        jsonAt(expectJson(at1850 + QStringList {u"bookings"_s, u"seat"_s, booking}), u"status"_s),
        u"seated"_s);
    const QStringList at2040 {u"--now"_s, u"2026-12-04T20:40"_s};
    QCOMPARE(
        jsonAt(expectJson(at2040 + QStringList {u"bookings"_s, u"leave"_s, booking}), u"status"_s),
        u"left"_s);
    QCOMPARE(jsonAt(expectJson(words("locks list --table T1")), u"#"_s), u"0"_s);

    const QString saturday = jsonAt(
        expectJson(words("book --table T1 --at 2026-12-05T19:00 --party 2 --name Brown")), u"id"_s);
    QCOMPARE(jsonAt(expectJson({u"bookings"_s, u"cancel"_s, saturday}), u"status"_s),
             u"cancelled"_s);
    const QString sunday = jsonAt(
        expectJson(words("book --table T1 --at 2026-12-06T12:00 --party 2 --name Green")), u"id"_s);
    QCOMPARE(
        jsonAt(expectJson({u"--now"_s, u"2026-12-06T12:20"_s, u"bookings"_s, u"no-show"_s, sunday}),
               u"status"_s),
        u"no-show"_s);
    QCOMPARE(jsonAt(expectJson(words("locks list")), u"#"_s), u"1"_s);

    const QJsonValue expired = expectJson(words("--now 2026-12-05T08:00 expire-locks"));
    QCOMPARE(jsonAt(expired, u"#"_s), u"1"_s);
    QCOMPARE(jsonAt(expired, u"0/tableId"_s), u"T2"_s);
    QCOMPARE(jsonAt(expectJson(words("locks list")), u"#"_s), u"0"_s);

    // The audit trail of Jones's booking: each step caused by the one before.
    const QJsonArray chain = expectJson({u"events"_s, u"--correlation"_s, booking}).toArray();
    QStringList types;
    for (const QJsonValue &event : chain)
        types.append(event[u"type"_s].toString());
    QCOMPARE(types,
             (QStringList {u"table-booking-initiated"_s, u"table-lock-placed"_s,
                           u"table-booking-confirmed"_s, u"guest-arrived"_s, u"party-seated"_s,
                           u"party-left"_s, u"table-lock-removed"_s}));
    QCOMPARE(chain[1][u"causationId"_s], chain[0][u"eventId"_s]);
    QCOMPARE(chain[2][u"causationId"_s], chain[1][u"eventId"_s]);
    QCOMPARE(chain[6][u"causationId"_s], chain[5][u"eventId"_s]);

    const CliRun verified = runner().run({u"verify"_s});
    QVERIFY2(verified.exitCode == 0, verified.describe({u"verify"_s}).constData());
}

// One booking from start to end: moved, refused, changed again, each time
// after the sagas had their say.
void tst_Cli::aBookingChangesFromTheCommandLine()
{
    expectJson(words("settings time-zone UTC"));
    expectJson(words("tables add T1 --seats 4"));
    expectJson(words("tables add T2 --seats 2"));
    const QString booking = jsonAt(
        expectJson(words("book --table T1 --at 2026-12-04T19:00 --party 2 --name Jones")), u"id"_s);
    expectJson(words("book --table T2 --at 2026-12-04T21:00 --party 2 --name Lee"));
    const QStringList change {u"bookings"_s, u"change"_s, booking};

    const QJsonValue later = expectJson(change + words("--at 2026-12-04T19:15"));
    QCOMPARE(jsonAt(later, u"id"_s), booking);
    QCOMPARE(jsonAt(later, u"status"_s), u"confirmed"_s);
    QCOMPARE(jsonAt(later, u"start"_s), u"2026-12-04T19:15:00+00:00"_s);
    QCOMPARE(jsonAt(later, u"end"_s), u"2026-12-04T20:45:00+00:00"_s);

    const CliRun tooLong
        = runner().run(QStringList {u"--json"_s} + change + words("--table T2 --minutes 150"));
    QCOMPARE(tooLong.exitCode, 1);
    QCOMPARE(jsonAt(tooLong.json(), u"code"_s), u"lock-overlap"_s);
    QVERIFY2(jsonAt(tooLong.json(), u"error"_s).contains(u"by Lee"_s),
             tooLong.describe(change).constData());
    const QJsonValue unchanged = expectJson({u"bookings"_s, u"show"_s, booking});
    QCOMPARE(jsonAt(unchanged, u"tableId"_s), u"T1"_s);
    QCOMPARE(jsonAt(unchanged, u"end"_s), u"2026-12-04T20:45:00+00:00"_s);

    const QJsonValue moved
        = expectJson(change + words("--table T2 --name Jones-Smith --note window"));
    QCOMPARE(jsonAt(moved, u"tableId"_s), u"T2"_s);
    QCOMPARE(jsonAt(moved, u"guestName"_s), u"Jones-Smith"_s);
    QCOMPARE(jsonAt(moved, u"note"_s), u"window"_s);
    QCOMPARE(jsonAt(expectJson(words("locks list --table T1")), u"#"_s), u"0"_s);
    QCOMPARE(jsonAt(expectJson(words("locks list --table T2")), u"#"_s), u"2"_s);

    const CliRun tooMany = runner().run(QStringList {u"--json"_s} + change + words("--party 3"));
    QCOMPARE(tooMany.exitCode, 1);
    QCOMPARE(jsonAt(tooMany.json(), u"code"_s), u"party-too-large"_s);
    const CliRun nothing = runner().run(change);
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY2(nothing.err.contains("Say what changes"), nothing.describe(change).constData());

    QCOMPARE(jsonAt(expectJson(words("bookings list --date 2026-12-04")), u"#"_s), u"2"_s);
    const QJsonArray chain = expectJson({u"events"_s, u"--correlation"_s, booking}).toArray();
    QStringList types;
    for (const QJsonValue &event : chain)
        types.append(event[u"type"_s].toString());
    QCOMPARE(
        types,
        (QStringList {u"table-booking-initiated"_s, u"table-lock-placed"_s,
                      u"table-booking-confirmed"_s, u"booking-change-requested"_s,
                      u"table-lock-placed"_s, u"booking-changed"_s, u"booking-change-requested"_s,
                      u"table-lock-placed"_s, u"booking-changed"_s, u"table-lock-removed"_s}));
    QCOMPARE(chain[4][u"causationId"_s], chain[3][u"eventId"_s]);
    QCOMPARE(chain[5][u"causationId"_s], chain[4][u"eventId"_s]);
    QCOMPARE(chain[9][u"causationId"_s], chain[8][u"eventId"_s]);

    const CliRun verified = runner().run({u"verify"_s});
    QVERIFY2(verified.exitCode == 0, verified.describe({u"verify"_s}).constData());
}

// Times in text are the restaurant's wall clock; in JSON they carry its offset.
void tst_Cli::textIsForPeopleInLocalTime()
{
    expectJson(words("settings time-zone Europe/Berlin"));
    expectJson(words("tables add T1 --seats 4"));
    expectJson(words("tables add Terrace-12 --seats 2"));
    const QJsonValue booked
        = expectJson(words("book --table T1 --at 2026-12-04T19:00 --party 4 --name Jones"));
    QCOMPARE(jsonAt(booked, u"start"_s), u"2026-12-04T19:00:00+01:00"_s);

    const CliRun list = runner().run(words("bookings list --date 2026-12-04"));
    const CliRun tables = runner().run(words("tables list"));

    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("2026-12-04 19:00-20:45"), list.out.constData());
    QVERIFY2(list.out.contains("Jones"), list.out.constData());
    const QList<QByteArray> lines = tables.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const qsizetype seatsColumn = lines[0].indexOf("SEATS");
    QVERIFY(seatsColumn > 0);
    QCOMPARE(lines[1].mid(seatsColumn, 2), QByteArray("4 "));
    QCOMPARE(lines[2].mid(seatsColumn, 2), QByteArray("2 "));
    QVERIFY(lines[2].startsWith("Terrace-12"));
}

void tst_Cli::theRestaurantSetsHowFarAheadItBooks()
{
    setUpStandardRestaurant(storePath());
    const CliRun set = runner().run(words("settings horizon 30"));
    QVERIFY2(set.exitCode == 0, set.describe(words("settings horizon 30")));
    QVERIFY2(set.out.contains("Bookings     up to 30 days ahead\n"), set.out.constData());

    const QJsonValue lastDay
        = expectJson(words("book --table T3 --at 2026-12-31T19:00 --party 2 --name Brown"));
    QCOMPARE(jsonAt(lastDay, u"status"_s), u"confirmed"_s);
    const QStringList beyond = words("--json book --table T3 --at 2027-01-01T19:00 --party 2 "
                                     "--name Green");
    const CliRun refused = runner().run(beyond);
    QVERIFY2(refused.exitCode == 1, refused.describe(beyond));
    QCOMPARE(jsonAt(refused.json(), u"code"_s), u"beyond-horizon"_s);
    QVERIFY2(jsonAt(refused.json(), u"error"_s).contains(u"until Thu 31 Dec 2026"_s),
             refused.describe(beyond));
    QCOMPARE(jsonAt(expectJson(words("settings show")), u"bookingHorizonDays"_s), u"30"_s);
}

// The issue's Paris restaurant on a UTC machine: `tables remove` and
// `tables seats` name the booking's time in Paris, with its date unless it
// is today in Paris. (A lost race, refused by the table manager rather
// than by the booker's check, is tst_tablemanager's.)
void tst_Cli::refusalsFromTheTableSideSpeakTheRestaurantsClock_data()
{
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("spoken");
    QTest::newRow("on the day of the booking") << u"2026-12-04T10:00Z"_s << u"19:00–20:45"_s;
    QTest::newRow("three days before it")
        << u"2026-12-01T10:00Z"_s << u"Fri 4 Dec 2026, 19:00–20:45"_s;
    QTest::newRow("half past midnight in Paris, still the day before in UTC")
        << u"2026-12-03T23:30Z"_s << u"19:00–20:45"_s;
}

void tst_Cli::refusalsFromTheTableSideSpeakTheRestaurantsClock()
{
    QFETCH(QString, now);
    QFETCH(QString, spoken);
    CliRunner paris({u"--store"_s, storePath(), u"--now"_s, now});
    QProcessEnvironment utcMachine = QProcessEnvironment::systemEnvironment();
    utcMachine.insert(u"TZ"_s, u"UTC"_s);
    paris.setEnvironment(utcMachine);
    const auto refusal = [&](const char *command) {
        const QStringList arguments = QStringList {u"--json"_s} + words(command);
        const CliRun run = paris.run(arguments);
        if (run.exitCode != 1)
            QTest::qFail(run.describe(arguments).constData(), __FILE__, __LINE__);
        return jsonAt(run.json(), u"error"_s);
    };
    for (const char *setup : {"settings time-zone Europe/Paris", "tables add T1 --seats 4",
                              "book --table T1 --at 2026-12-04T19:00 --party 4 --name Jones"})
        QCOMPARE(paris.run(words(setup)).exitCode, 0);

    const QString removal = refusal("tables remove T1");
    QVERIFY2(removal.contains(u"it is booked %1 (booking"_s.arg(spoken)), qPrintable(removal));
    const QString fewerSeats = refusal("tables seats T1 2");
    QVERIFY2(fewerSeats.contains(u"it is booked %1 for a party of 4"_s.arg(spoken)),
             qPrintable(fewerSeats));
}

// The issue's booking on a clock where the horizon lets it through: the
// codec refuses the event, so nothing is written and nothing is parked.
void tst_Cli::aBookingNoEventCouldHoldWritesNothing()
{
    setUpStandardRestaurant(storePath());
    const QString eventsBefore = jsonAt(expectJson(words("events")), u"#"_s);
    const QStringList booking = words("--json --now 9999-12-31T10:00 book --table T3 --at "
                                      "9999-12-31T22:15 --party 2 --name Brown --minutes 600");

    const CliRun run = runner().run(booking);

    QVERIFY2(run.exitCode == 1, run.describe(booking));
    QCOMPARE(jsonAt(run.json(), u"code"_s), u"invalid-input"_s);
    QVERIFY2(jsonAt(run.json(), u"error"_s).contains(u"Nothing was saved"_s),
             run.describe(booking));
    QCOMPARE(jsonAt(expectJson(words("events")), u"#"_s), eventsBefore);
    QCOMPARE(jsonAt(expectJson(words("bookings list --date 9999-12-31")), u"#"_s), u"0"_s);
    const CliRun verify = runner().run(words("verify"));
    QVERIFY2(verify.exitCode == 0, verify.describe(words("verify")));
}

void tst_Cli::helpShowsTheUsageAndExitsWith0()
{
    const CliRun general = runner().run({u"--help"_s});
    const CliRun command = runner().run(words("tables add --help"));

    QCOMPARE(general.exitCode, 0);
    for (const char *name :
         {"tables add", "bookings no-show", "settings turn-times", "expire-locks", "verify"})
        QVERIFY2(general.out.contains(name), name);
    QCOMPARE(command.exitCode, 0);
    QVERIFY(command.out.contains("--seats N"));
    QVERIFY(!QFile::exists(storePath()));
}

void tst_Cli::theDefaultStoreLivesInXdgDataHome()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    CliRunner withoutStore({u"--now"_s, Now});
    withoutStore.setEnvironment(environment);

    const CliRun added = withoutStore.run(words("tables add T1 --seats 2"));
    const CliRun listed = withoutStore.run(words("--json tables list"));

    QVERIFY2(added.exitCode == 0, added.err.constData());
    QVERIFY(QFile::exists(m_dir->filePath(u"data/Hoststand/restaurant.hoststand"_s)));
    QCOMPARE(jsonAt(listed.json(), u"0/id"_s), u"T1"_s);
}

void tst_Cli::rebuildReportsProgressOnStderr()
{
    setUpStandardRestaurant(storePath());

    const CliRun run = runner().run({u"rebuild"_s});

    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("Rebuilding the read model: 14 of 14 events (100%)"),
             run.err.constData());
    QVERIFY2(run.out.contains("up to position 14"), run.out.constData());
}

void tst_Cli::verifyFindsWhatIsWrong_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("problems");
    QTest::addColumn<QString>("finding");
    QTest::newRow("a read model that differs from a rebuild")
        << u".read"_s << u"UPDATE dining_tables SET seats = 9 WHERE id = 'T1'"_s
        << u"readModelDifferences"_s << u"seats=9"_s;
    QTest::newRow("an event missing from the store")
        << QString() << u"DELETE FROM events WHERE position = 5"_s << u"sequenceProblems"_s
        << u"position 6 follows 4"_s;
}

void tst_Cli::verifyFindsWhatIsWrong()
{
    QFETCH(QString, file);
    QFETCH(QString, damage);
    QFETCH(QString, problems);
    QFETCH(QString, finding);
    setUpStandardRestaurant(storePath());
    expectJson({u"tables"_s, u"list"_s}); // builds the read model
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
        database.setDatabaseName(storePath() + file);
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY2(query.exec(damage), qPrintable(damage));
    }
    QSqlDatabase::removeDatabase(u"damage"_s);

    const CliRun text = runner().run({u"verify"_s});
    const CliRun json = runner().run({u"--json"_s, u"verify"_s});

    QVERIFY2(text.exitCode == 1, text.describe({u"verify"_s}));
    QVERIFY2(text.out.contains(finding.toUtf8()), text.out.constData());
    QVERIFY2(text.err.contains("failed verification"), text.err.constData());
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(jsonAt(json.json(), u"code"_s), u"verification-failed"_s);
    QVERIFY2(jsonAt(json.json(), problems).contains(finding), json.out.constData());
}

void tst_Cli::textShowsStoredControlCharactersEscaped_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<int>("lines");
    const auto row = [](const char *name, const char *arguments, const QString &shown, int lines) {
        QTest::newRow(name) << words(arguments) << shown << lines;
    };
    row("bookings list shows a guest name with a fake line on its own line, escaped",
        "bookings list --date 2026-12-04", u"Line1\\nBooking  fake\\x1b[31mRED\\u202etxt"_s, 4);
    row("bookings show shows the guest's name escaped", "bookings show {injected}",
        u"Line1\\nBooking  fake\\x1b[31mRED\\u202etxt"_s, 8);
    row("bookings show shows the note escaped", "bookings show {injected}", u"window\\x1b[2J"_s, 8);
    row("tables list shows a zone escaped", "tables list", u"Bar\\x1b[2J"_s, 5);
    row("events show who wrote them escaped", "events --stream booking-{injected}",
        u"eve\\x1b[31m@stand-1"_s, 2);
}

// Text written before the rules on text, or past them, can neither fake a
// line nor act on the terminal that shows it.
void tst_Cli::textShowsStoredControlCharactersEscaped()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, shown);
    QFETCH(int, lines);
    QHash<QString, QString> names = setUpStandardRestaurant(storePath());
    storeTextAnOlderVersionAccepted(storePath());
    names.insert(u"{injected}"_s, InjectedBooking);
    arguments = substituted(arguments, names);

    const CliRun run = runner().run(arguments);

    QVERIFY2(run.exitCode == 0, run.describe(arguments));
    QVERIFY2(firstActiveCharacter(run.out).isEmpty(),
             qPrintable(firstActiveCharacter(run.out) + u" in "_s
                        + QString::fromUtf8(run.describe(arguments))));
    QVERIFY2(run.out.contains(shown.toUtf8()), run.describe(arguments));
    QCOMPARE(run.out.count('\n'), lines);
}

void tst_Cli::jsonCarriesStoredControlCharactersAsEscapes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::newRow("a guest's name")
        << words("bookings show {injected}") << u"guestName"_s << InjectedName;
    QTest::newRow("a note") << words("bookings show {injected}") << u"note"_s << InjectedNote;
    QTest::newRow("a zone") << words("tables list") << u"3/zone"_s << InjectedZone;
    QTest::newRow("who wrote an event")
        << words("events --stream booking-{injected}") << u"0/user"_s << InjectedUser;
}

// JSON keeps the stored text as it is, every character of it that would
// act on a terminal written as a \u escape.
void tst_Cli::jsonCarriesStoredControlCharactersAsEscapes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QHash<QString, QString> names = setUpStandardRestaurant(storePath());
    storeTextAnOlderVersionAccepted(storePath());
    names.insert(u"{injected}"_s, InjectedBooking);
    arguments = substituted(QStringList {u"--json"_s} + arguments, names);

    const CliRun run = runner().run(arguments);

    QVERIFY2(run.exitCode == 0, run.describe(arguments));
    QVERIFY2(firstActiveCharacter(run.out).isEmpty(),
             qPrintable(firstActiveCharacter(run.out) + u" in "_s
                        + QString::fromUtf8(run.describe(arguments))));
    QCOMPARE(jsonAt(run.json(), path), value);
}

void tst_Cli::argumentsThatAreNotUtf8AreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("last");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a name in Latin-1 names its option")
        << words("book --table T1 --at 2026-12-04T19:00 --party 2 --name") << QByteArray("Caf\xe9")
        << u"The value of --name is not UTF-8 text"_s;
    QTest::newRow("a zone cut inside a character names its option")
        << words("tables add T5 --seats 2 --zone") << QByteArray("Terrasse \xc3")
        << u"The value of --zone is not UTF-8 text"_s;
    QTest::newRow("an option given with = names the option")
        << words("book --table T1 --at 2026-12-04T19:00 --party 2") << QByteArray("--name=\xff")
        << u"The value of --name is not UTF-8 text"_s;
    QTest::newRow("a time zone given as an argument names its place")
        << words("settings time-zone") << QByteArray("Europe/\xff") << u"Argument 7 is not UTF-8"_s;
}

// Qt would read each such byte as U+FFFD and the booking would keep it.
void tst_Cli::argumentsThatAreNotUtf8AreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, last);
    QFETCH(QString, problem);

    const CliRun run = runner().runWithRawLastArgument(arguments, last);

    QVERIFY2(run.exitCode == 2, run.describe(arguments));
    QVERIFY2(run.err.contains(problem.toUtf8()), run.describe(arguments));
    QVERIFY2(!run.err.contains("\xef\xbf\xbd"), run.describe(arguments)); // U+FFFD
    QVERIFY(!QFile::exists(storePath()));
}

void tst_Cli::localTimesTheClocksSkipOrRepeat_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said"); // on stdout when done, on stderr when refused
    const auto row
        = [](const char *name, const char *arguments, int exitCode, const QString &said) {
              QTest::newRow(name) << words(arguments) << exitCode << said;
          };
    row("a time the clocks skip is refused with the reason",
        "book --table T1 --at 2027-03-28T02:30 --party 2 --name Brown", 1,
        u"2:30 does not exist on 28 March 2027 in Europe/Paris: the clocks go from 2:00 to "
        u"3:00."_s);
    row("a time the clocks show twice is refused without its offset",
        "--now 2026-10-01T10:00 book --table T1 --at 2026-10-25T02:30 --party 2 --name Brown", 1,
        u"2:30 happens twice on 25 October 2026 in Europe/Paris: the clocks go back from 3:00 to "
        u"2:00. Give the offset: +02:00 for the first 2:30, +01:00 for the second."_s);
    row("the first of a time the clocks show twice is booked and shown with its offset",
        "--now 2026-10-01T10:00 book --table T1 --at 2026-10-25T02:30+02:00 --party 2 --name "
        "Brown",
        0, u"2026-10-25 02:30 +02:00-03:00"_s);
    row("the second of a time the clocks show twice is booked and shown with its offset",
        "--now 2026-10-01T10:00 book --table T1 --at 2026-10-25T02:30+01:00 --party 2 --name "
        "Brown",
        0, u"2026-10-25 02:30 +01:00-04:00"_s);
    row("a clock fixed at a time the clocks skip is refused", "--now 2027-03-28T02:30 tables list",
        1, u"--now: 2:30 does not exist on 28 March 2027"_s);
}

void tst_Cli::localTimesTheClocksSkipOrRepeat()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    expectJson(words("settings time-zone Europe/Paris"));
    expectJson(words("settings service-periods --day sun --period night=00:00-06:00"));
    expectJson(words("tables add T1 --seats 4"));

    const CliRun run = runner().run(arguments);

    QVERIFY2(run.exitCode == exitCode, run.describe(arguments));
    QVERIFY2((exitCode == 0 ? run.out : run.err).contains(said.toUtf8()), run.describe(arguments));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
