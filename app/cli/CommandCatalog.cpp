#include "app/cli/CommandCatalog.h"

#include "app/cli/Commands.h"

using namespace Qt::StringLiterals;

namespace hoststand::cli::CommandCatalog {
namespace {

QCommandLineOption valued(const QString &name, const QString &description, const QString &value)
{
    return QCommandLineOption(name, description, value);
}

QCommandLineOption flag(const QString &name, const QString &description)
{
    return QCommandLineOption(name, description);
}

QList<CommandSpec> tableCommands()
{
    const auto x = valued(u"x"_s, u"Left of the table, in cm from the room's corner."_s, u"X"_s);
    const auto y = valued(u"y"_s, u"Top of the table, in cm from the room's corner."_s, u"Y"_s);
    const auto zone = valued(u"zone"_s, u"The room or area (\"Terrace\")."_s, u"Z"_s);
    return {
        {{u"tables"_s, u"add"_s},
         u"ID --seats N [--zone Z] [--shape round|square|rectangle] [--x X --y Y]"_s,
         u"Adds a table to the floor plan."_s,
         {valued(u"seats"_s, u"How many it seats."_s, u"N"_s), zone,
          valued(u"shape"_s, u"round, square or rectangle."_s, u"SHAPE"_s), x, y},
         1,
         1,
         &commands::tablesAdd},
        {{u"tables"_s, u"move"_s},
         u"ID --x X --y Y [--rotation R] [--zone Z]"_s,
         u"Moves, turns or rezones a table."_s,
         {x, y, valued(u"rotation"_s, u"Degrees clockwise, 0 to 359."_s, u"R"_s), zone},
         1,
         1,
         &commands::tablesMove},
        {{u"tables"_s, u"seats"_s},
         u"ID N"_s,
         u"Changes how many a table seats."_s,
         {},
         2,
         2,
         &commands::tablesSeats},
        {{u"tables"_s, u"remove"_s},
         u"ID"_s,
         u"Takes a table out of service (refused while it is booked)."_s,
         {},
         1,
         1,
         &commands::tablesRemove},
        {{u"tables"_s, u"list"_s},
         u"[--all]"_s,
         u"Lists the tables in service; --all adds removed ones."_s,
         {flag(u"all"_s, u"Include removed tables."_s)},
         0,
         0,
         &commands::tablesList},
    };
}

QList<CommandSpec> bookingCommands()
{
    const auto table = valued(u"table"_s, u"The table's id."_s, u"ID"_s);
    const auto party = valued(u"party"_s, u"How many people."_s, u"N"_s);
    const auto name = valued(u"name"_s, u"The guest's name."_s, u"NAME"_s);
    const auto byId = [](const QString &word, const QString &summary, auto run) {
        return CommandSpec {{u"bookings"_s, word}, u"ID"_s, summary, {}, 1, 1, run};
    };
    return {
        {{u"book"_s},
         u"--table ID --at TIME --party N --name NAME [--phone P] [--note T] [--minutes M]"_s,
         u"Books a table ahead and waits until it is confirmed or rejected."_s,
         {table,
          valued(u"at"_s, u"The start, ISO-8601 (local time without an offset)."_s, u"TIME"_s),
          party, name, valued(u"phone"_s, u"A phone number."_s, u"P"_s),
          valued(u"note"_s, u"A note for the staff."_s, u"T"_s),
          valued(u"minutes"_s, u"How long; the turn time by default."_s, u"M"_s)},
         0,
         0,
         &commands::book},
        {{u"walk-in"_s},
         u"--table ID --party N [--name NAME]"_s,
         u"Seats a party that came in without a booking, from now."_s,
         {table, party, name},
         0,
         0,
         &commands::walkIn},
        {{u"slots"_s},
         u"--from DATE --to DATE --people N"_s,
         u"Lists the free slots and the tables that fit a party."_s,
         {valued(u"from"_s, u"The first day, YYYY-MM-DD."_s, u"DATE"_s),
          valued(u"to"_s, u"The last day, YYYY-MM-DD."_s, u"DATE"_s),
          valued(u"people"_s, u"The party's size."_s, u"N"_s)},
         0,
         0,
         &commands::freeSlots},
        byId(u"show"_s, u"Shows one booking."_s, &commands::bookingsShow),
        {{u"bookings"_s, u"list"_s},
         u"[--date YYYY-MM-DD]"_s,
         u"Lists a day's bookings (today by default)."_s,
         {valued(u"date"_s, u"The local day, YYYY-MM-DD."_s, u"DATE"_s)},
         0,
         0,
         &commands::bookingsList},
        {{u"bookings"_s, u"change"_s},
         u"ID [--party N] [--at TIME] [--minutes M] [--table ID] [--name NAME] [--phone P] "
         u"[--note T]"_s,
         u"Changes a booking and waits until the change is made or refused; what is not "
         u"given stays."_s,
         {valued(u"party"_s, u"How many people."_s, u"N"_s),
          valued(u"at"_s, u"The new start, ISO-8601 (local time without an offset)."_s, u"TIME"_s),
          valued(u"minutes"_s, u"How long, from the start."_s, u"M"_s),
          valued(u"table"_s, u"The table to move to."_s, u"ID"_s),
          valued(u"name"_s, u"The guest's name."_s, u"NAME"_s),
          valued(u"phone"_s, u"A phone number; empty to remove it."_s, u"P"_s),
          valued(u"note"_s, u"A note for the staff; empty to remove it."_s, u"T"_s)},
         1,
         1,
         &commands::bookingsChange},
        byId(u"cancel"_s, u"Cancels a booking and frees its table."_s, &commands::bookingsCancel),
        byId(u"arrive"_s, u"Records that the guest arrived."_s, &commands::bookingsArrive),
        byId(u"seat"_s, u"Records that the party sat down."_s, &commands::bookingsSeat),
        byId(u"leave"_s, u"Records that the party left, which frees the table."_s,
             &commands::bookingsLeave),
        byId(u"no-show"_s, u"Records that the guest did not come, which frees the table."_s,
             &commands::bookingsNoShow),
    };
}

QList<CommandSpec> otherCommands()
{
    return {
        {{u"locks"_s, u"list"_s},
         u"[--table ID]"_s,
         u"Lists the locks held, until they are released."_s,
         {valued(u"table"_s, u"Only this table's."_s, u"ID"_s)},
         0,
         0,
         &commands::locksList},
        {{u"expire-locks"_s},
         {},
         u"Releases the locks whose time has passed, once."_s,
         {},
         0,
         0,
         &commands::expireLocks},
        {{u"sagas"_s, u"parked"_s},
         {},
         u"Lists the saga steps set aside after a failure, with why."_s,
         {},
         0,
         0,
         &commands::sagasParked},
        {{u"sagas"_s, u"retry"_s},
         u"GROUP/POSITION | --all"_s,
         u"Tries set-aside saga steps again and waits for them."_s,
         {flag(u"all"_s, u"Every step set aside."_s)},
         0,
         1,
         &commands::sagasRetry},
        {{u"sagas"_s, u"skip"_s},
         u"GROUP/POSITION --reason TEXT"_s,
         u"Gives a set-aside saga step up, recording why."_s,
         {valued(u"reason"_s, u"Why the step is given up."_s, u"TEXT"_s)},
         1,
         1,
         &commands::sagasSkip},
        {{u"settings"_s, u"show"_s},
         {},
         u"Shows the restaurant's settings."_s,
         {},
         0,
         0,
         &commands::settingsShow},
        {{u"settings"_s, u"service-periods"_s},
         u"--day mon|tue|wed|thu|fri|sat|sun|all (--period NAME=HH:MM-HH:MM ... | --closed)"_s,
         u"Sets the services of some weekdays (--day and --period repeat)."_s,
         {valued(u"day"_s, u"A weekday, a comma-separated list, or all."_s, u"DAY"_s),
          valued(u"period"_s, u"A service, e.g. dinner=18:30-22:30."_s, u"PERIOD"_s),
          flag(u"closed"_s, u"No service on those days."_s)},
         0,
         0,
         &commands::settingsServicePeriods},
        {{u"settings"_s, u"slot-length"_s},
         u"MINUTES"_s,
         u"Sets how often a booking may start."_s,
         {},
         1,
         1,
         &commands::settingsSlotLength},
        {{u"settings"_s, u"time-zone"_s},
         u"IANA"_s,
         u"Sets the restaurant's time zone."_s,
         {},
         1,
         1,
         &commands::settingsTimeZone},
        {{u"settings"_s, u"horizon"_s},
         u"DAYS"_s,
         u"Sets how many days ahead bookings are taken."_s,
         {},
         1,
         1,
         &commands::settingsHorizon},
        {{u"settings"_s, u"turn-times"_s},
         u"SIZE=MINUTES ... [--above MINUTES]"_s,
         u"Sets how long a party of up to SIZE keeps its table."_s,
         {valued(u"above"_s, u"For parties larger than every SIZE."_s, u"MINUTES"_s)},
         0,
         -1,
         &commands::settingsTurnTimes},
        {{u"events"_s},
         u"[--stream S] [--from POSITION] [--last N] [--type T] [--correlation ID]"_s,
         u"Shows the audit trail, with correlation and causation."_s,
         {valued(u"stream"_s, u"Only this stream (\"booking-3f9a0c7e21b4\")."_s, u"S"_s),
          valued(u"from"_s, u"From this position on."_s, u"POSITION"_s),
          valued(u"last"_s, u"Only the last N of them, oldest first."_s, u"N"_s),
          valued(u"type"_s, u"Only this event type."_s, u"T"_s),
          valued(u"correlation"_s, u"Only this booking's chain."_s, u"ID"_s)},
         0,
         0,
         &commands::events},
        {{u"rebuild"_s},
         {},
         u"Rebuilds the read model from the first event."_s,
         {},
         0,
         0,
         &commands::rebuild},
        {{u"verify"_s},
         {},
         u"Checks the store's integrity and that the read model matches a rebuild."_s,
         {},
         0,
         0,
         &commands::verify},
        {{u"migrate"_s},
         u"--from FILE --to URL"_s,
         u"Copies a SQLite store onto a PostgreSQL server, event for event, and verifies the "
         "copy."_s,
         {valued(u"from"_s, u"The SQLite store file to copy."_s, u"FILE"_s),
          valued(u"to"_s,
                 u"postgresql://user:password@host:port/database: empty, or a copy to "
                 "resume."_s,
                 u"URL"_s)},
         0,
         0,
         &commands::migrate},
    };
}

QString synopsisLine(const CommandSpec &command)
{
    return QString(command.name() + u' ' + command.synopsis).trimmed();
}

} // namespace

const QList<CommandSpec> &commands()
{
    static const QList<CommandSpec> all = tableCommands() + bookingCommands() + otherCommands();
    return all;
}

const QList<QCommandLineOption> &globalOptions()
{
    static const QList<QCommandLineOption> options {
        valued(u"store"_s,
               u"A SQLite file or a postgresql:// URL (default: "
               u"$XDG_DATA_HOME/Hoststand/restaurant.hoststand)."_s,
               u"PATH_OR_URL"_s),
        valued(u"now"_s, u"Fix the clock at this ISO-8601 time (for scripts and tests)."_s,
               u"TIME"_s),
        flag(u"json"_s, u"Answer in JSON."_s),
        valued(u"user"_s, u"Who issues the command (default: the login name)."_s, u"NAME"_s),
        valued(u"terminal"_s, u"From where (default: the host name)."_s, u"NAME"_s),
        QCommandLineOption({u"h"_s, u"help"_s}, u"Show this help."_s),
    };
    return options;
}

QStringList globalOptionsWithValue()
{
    QStringList names;
    for (const QCommandLineOption &option : globalOptions()) {
        if (!option.valueName().isEmpty())
            names.append(option.names());
    }
    return names;
}

QList<const CommandSpec *> startingWith(const QString &word)
{
    QList<const CommandSpec *> found;
    for (const CommandSpec &command : commands()) {
        if (command.words.constFirst() == word)
            found.append(&command);
    }
    return found;
}

QString usage()
{
    QString text = u"Usage: hoststand-cli [--store PATH_OR_URL] [--now TIME] [--json] "
                   u"[--user NAME] [--terminal NAME] COMMAND\n\nCommands:\n"_s;
    for (const CommandSpec &command : commands())
        text += u"  %1\n      %2\n"_s.arg(synopsisLine(command), command.summary);
    text += u"\nTimes are ISO-8601 (2026-12-04T19:00); without an offset they are the "
            u"restaurant's local time.\nExit status: 0 done, 1 refused by the restaurant "
            u"(the reason on stderr), 2 bad usage.\n"_s;
    return text;
}

QString usage(const CommandSpec &command)
{
    QString text = u"Usage: hoststand-cli [global options] %1\n  %2\n"_s.arg(synopsisLine(command),
                                                                             command.summary);
    if (!command.options.isEmpty())
        text += u"\nOptions:\n"_s;
    for (const QCommandLineOption &option : command.options) {
        const QString name = u"--"_s + option.names().constFirst()
            + (option.valueName().isEmpty() ? QString() : u' ' + option.valueName());
        text += u"  %1  %2\n"_s.arg(name.leftJustified(22), option.description());
    }
    return text
        + u"\nGlobal options: --store PATH_OR_URL, --now TIME, --json, --user NAME, "
          u"--terminal NAME.\n"_s;
}

} // namespace hoststand::cli::CommandCatalog
