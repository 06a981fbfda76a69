#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"

#include <QRegularExpression>

#include <set>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {
namespace {

using ReadModelUse = RestaurantOptions::ReadModelUse;

int showSettings(CommandRun &run, Restaurant &restaurant)
{
    auto settings = restaurant.booker().settings();
    if (!settings.ok())
        return run.refuse(settings.error());
    run.out().result(run.presenter().json(settings.value()),
                     run.presenter().text(settings.value()));
    return ExitOk;
}

// Runs a settings change, then shows the settings as they are now.
int change(CommandRun &run, const std::function<DomainResult<void>(booker::Booker &)> &define)
{
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    if (auto defined = define(restaurant->booker()); !defined.ok())
        return run.refuse(defined.error());
    return showSettings(run, *restaurant);
}

// --day mon --day tue,wed --day all: the weekdays, 1 = Monday.
std::set<int> weekdays(CommandRun &run)
{
    std::set<int> days;
    for (const QString &list : run.texts(u"day"_s)) {
        for (const QString &name : list.split(u',', Qt::SkipEmptyParts)) {
            const QString day = name.trimmed().toLower();
            if (day == u"all"_s) {
                for (int weekday = 1; weekday <= 7; ++weekday)
                    days.insert(weekday);
                continue;
            }
            int weekday = 1;
            while (weekday <= 7 && Presenter::weekdayName(weekday) != day)
                ++weekday;
            if (weekday > 7)
                run.problem(
                    u"--day: \"%1\" is not mon, tue, wed, thu, fri, sat, sun or all."_s.arg(name));
            else
                days.insert(weekday);
        }
    }
    return days;
}

// --period dinner=18:30-22:30, for weekday 0 until the days are known.
QList<ServicePeriod> periods(CommandRun &run)
{
    static const QRegularExpression pattern(u"^([^=]+)=(\\d{2}:\\d{2})-(\\d{2}:\\d{2})$"_s);
    QList<ServicePeriod> found;
    for (const QString &text : run.texts(u"period"_s)) {
        const QRegularExpressionMatch match = pattern.match(text);
        const auto start = DateTimeInput::parseClock(match.captured(2));
        const auto end = DateTimeInput::parseClock(match.captured(3));
        if (!match.hasMatch() || !start || !end) {
            run.problem(u"--period: \"%1\" is not NAME=HH:MM-HH:MM, such as "
                        u"dinner=18:30-22:30."_s.arg(text));
            continue;
        }
        found.append(ServicePeriod {0, match.captured(1).trimmed(), *start, *end});
    }
    return found;
}

QList<ServicePeriod> onDay(QList<ServicePeriod> periods, int weekday)
{
    for (ServicePeriod &period : periods)
        period.weekday = weekday;
    return periods;
}

} // namespace

int settingsShow(CommandRun &run)
{
    Restaurant *restaurant = run.openToRead(ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    return showSettings(run, *restaurant);
}

int settingsServicePeriods(CommandRun &run)
{
    run.require({u"day"_s});
    const std::set<int> days = weekdays(run);
    const QList<ServicePeriod> given = periods(run);
    if (run.isSet(u"closed"_s) == run.isSet(u"period"_s))
        run.problem(u"Give either --period (one or more) or --closed."_s);
    return change(run, [&](booker::Booker &booker) -> DomainResult<void> {
        if (days.size() == 7) {
            QList<ServicePeriod> week;
            for (int weekday : days)
                week.append(onDay(given, weekday));
            return booker.defineServicePeriods(week);
        }
        for (int weekday : days) {
            if (auto defined = booker.defineServicePeriodsOn(weekday, onDay(given, weekday));
                !defined.ok())
                return defined;
        }
        return {};
    });
}

int settingsSlotLength(CommandRun &run)
{
    const auto minutes = run.integerArgument(0, u"slot length"_s);
    return change(run, [&](booker::Booker &booker) { return booker.defineSlotLength(*minutes); });
}

int settingsTimeZone(CommandRun &run)
{
    const QString zone = run.argument(0);
    return change(run, [&](booker::Booker &booker) { return booker.defineTimeZone(zone); });
}

int settingsHorizon(CommandRun &run)
{
    const auto days = run.integerArgument(0, u"horizon"_s);
    return change(run, [&](booker::Booker &booker) { return booker.defineBookingHorizon(*days); });
}

int settingsTurnTimes(CommandRun &run)
{
    static const QRegularExpression pattern(u"^(\\d{1,3})=(\\d{1,4})$"_s);
    QList<TurnTime> turns;
    for (const QString &text : run.arguments()) {
        const QRegularExpressionMatch match = pattern.match(text);
        if (match.hasMatch())
            turns.append(TurnTime {match.captured(1).toInt(), match.captured(2).toInt()});
        else
            run.problem(u"\"%1\" is not SIZE=MINUTES, such as 4=105."_s.arg(text));
    }
    const auto above = run.integer(u"above"_s);
    if (run.arguments().isEmpty() && !run.isSet(u"above"_s))
        run.problem(u"Give turn times (SIZE=MINUTES) and/or --above MINUTES."_s);
    return change(run, [&](booker::Booker &booker) -> DomainResult<void> {
        auto current = booker.settings();
        if (!current.ok())
            return current.error();
        return booker.defineTurnTimes(turns.isEmpty() ? current.value().turnTimes() : turns,
                                      above.value_or(current.value().largerPartyMinutes()));
    });
}

} // namespace hoststand::cli::commands
