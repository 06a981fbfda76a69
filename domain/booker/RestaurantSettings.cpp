#include "domain/booker/RestaurantSettings.h"

#include "domain/booker/SettingsRules.h"
#include "domain/contracts/TextField.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::booker {
namespace {

DomainError invalid(const QString &message)
{
    return DomainError(DomainError::Code::InvalidInput, message);
}

QString dayName(int weekday)
{
    return QLocale::c().dayName(weekday);
}

QString hhmm(const QTime &time)
{
    return time.toString(u"HH:mm"_s);
}

bool byWeekdayAndStart(const ServicePeriod &a, const ServicePeriod &b)
{
    return a.weekday != b.weekday ? a.weekday < b.weekday : a.start < b.start;
}

std::optional<DomainError> validatePeriod(const ServicePeriod &period)
{
    if (period.weekday < 1 || period.weekday > 7)
        return invalid(u"A weekday is 1 (Monday) to 7 (Sunday), not %1."_s.arg(period.weekday));
    if (period.name.isEmpty())
        return invalid(u"Every service period on %1 needs a name (\"lunch\", \"dinner\")."_s.arg(
            dayName(period.weekday)));
    const TextField name(u"The name of a service period on %1"_s.arg(dayName(period.weekday)),
                         RestaurantSettings::MaxPeriodNameLength);
    if (auto checked = name.check(period.name); !checked.ok())
        return checked.error();
    if (!period.start.isValid() || !period.end.isValid())
        return invalid(u"The service period %1 on %2 needs a valid start and end time."_s.arg(
            period.name, dayName(period.weekday)));
    if (period.start.second() != 0 || period.end.second() != 0 || period.start.msec() != 0
        || period.end.msec() != 0)
        return invalid(u"The service period %1 on %2 must start and end on whole minutes."_s.arg(
            period.name, dayName(period.weekday)));
    if (!SettingsRules::endsAfterStart(period))
        return invalid(u"The service period %1 on %2 must end after it starts (%3 to %4)."_s.arg(
            period.name, dayName(period.weekday), hhmm(period.start), hhmm(period.end)));
    return std::nullopt;
}

// Trims the names, checks each period and that none overlaps another on
// its weekday; returns them sorted.
DomainResult<QList<ServicePeriod>> validatePeriods(QList<ServicePeriod> periods)
{
    for (ServicePeriod &period : periods) {
        period.name = period.name.trimmed();
        if (auto error = validatePeriod(period))
            return *error;
    }
    std::sort(periods.begin(), periods.end(), byWeekdayAndStart);
    for (qsizetype i = 1; i < periods.size(); ++i) {
        const ServicePeriod &previous = periods.at(i - 1);
        const ServicePeriod &next = periods.at(i);
        if (previous.weekday == next.weekday && SettingsRules::overlap(previous, next))
            return invalid(u"On %1, %2 (%3 to %4) overlaps %5 (%6 to %7)."_s.arg(
                dayName(next.weekday), previous.name, hhmm(previous.start), hhmm(previous.end),
                next.name, hhmm(next.start), hhmm(next.end)));
    }
    return periods;
}

std::optional<DomainError> validateTurnMinutes(int minutes, const QString &forWhom)
{
    if (minutes < RestaurantSettings::MinTurnMinutes
        || minutes > RestaurantSettings::MaxTurnMinutes)
        return invalid(u"The turn time %1 must be %2 to %3 minutes, not %4."_s.arg(forWhom)
                           .arg(RestaurantSettings::MinTurnMinutes)
                           .arg(RestaurantSettings::MaxTurnMinutes)
                           .arg(minutes));
    return std::nullopt;
}

std::optional<DomainError> validateTurnTimes(const QList<TurnTime> &turnTimes)
{
    int previousParty = 0;
    for (const TurnTime &turn : turnTimes) {
        if (turn.maxPartySize < PartySize::Min || turn.maxPartySize > PartySize::Max)
            return invalid(u"A turn time is for parties of %1 to %2, not %3."_s.arg(PartySize::Min)
                               .arg(PartySize::Max)
                               .arg(turn.maxPartySize));
        if (turn.maxPartySize <= previousParty)
            return invalid(
                u"Turn times go by ascending party size, each size once; %1 follows %2."_s
                    .arg(turn.maxPartySize)
                    .arg(previousParty));
        if (auto error
            = validateTurnMinutes(turn.minutes, u"for parties up to %1"_s.arg(turn.maxPartySize)))
            return error;
        previousParty = turn.maxPartySize;
    }
    return std::nullopt;
}

} // namespace

RestaurantSettings::RestaurantSettings()
    : m_turns(TurnTimesDefined::defaults())
{
    applyService(ServicePeriodsDefined::defaults());
}

RestaurantSettings RestaurantSettings::fromEvents(const QList<DomainEvent> &events)
{
    RestaurantSettings settings;
    for (const DomainEvent &event : events)
        settings.apply(event);
    return settings;
}

void RestaurantSettings::apply(const DomainEvent &event)
{
    if (const auto *service = std::get_if<ServicePeriodsDefined>(&event))
        applyService(*service);
    else if (const auto *turns = std::get_if<TurnTimesDefined>(&event))
        m_turns = *turns;
}

// A zone another terminal stored but this machine does not know is read as
// UTC rather than breaking every conversion; the id is kept as stored.
void RestaurantSettings::applyService(ServicePeriodsDefined service)
{
    std::sort(service.periods.begin(), service.periods.end(), byWeekdayAndStart);
    if (service.timeZone != m_service.timeZone || !m_timeZone.isValid()) {
        m_timeZone = QTimeZone(service.timeZone.toUtf8());
        if (!m_timeZone.isValid())
            m_timeZone = QTimeZone::utc();
    }
    m_service = std::move(service);
}

DomainResult<ServicePeriodsDefined> RestaurantSettings::defineServicePeriods(
    QList<ServicePeriod> periods) const
{
    auto valid = validatePeriods(std::move(periods));
    if (!valid.ok())
        return valid.error();
    ServicePeriodsDefined event = m_service;
    event.periods = std::move(valid).value();
    return event;
}

DomainResult<ServicePeriodsDefined> RestaurantSettings::defineServicePeriodsOn(
    int weekday, QList<ServicePeriod> periods) const
{
    if (weekday < 1 || weekday > 7)
        return invalid(u"A weekday is 1 (Monday) to 7 (Sunday), not %1."_s.arg(weekday));
    for (const ServicePeriod &period : periods) {
        if (period.weekday != weekday)
            return invalid(u"The period %1 is for %2, not %3."_s.arg(
                period.name, dayName(period.weekday), dayName(weekday)));
    }
    QList<ServicePeriod> week = m_service.periods;
    week.removeIf([weekday](const ServicePeriod &p) { return p.weekday == weekday; });
    week.append(periods);
    return defineServicePeriods(std::move(week));
}

DomainResult<ServicePeriodsDefined> RestaurantSettings::defineSlotLength(int minutes) const
{
    if (minutes < MinSlotMinutes || minutes > MaxSlotMinutes)
        return invalid(u"A slot is %1 to %2 minutes long, not %3."_s.arg(MinSlotMinutes)
                           .arg(MaxSlotMinutes)
                           .arg(minutes));
    ServicePeriodsDefined event = m_service;
    event.slotMinutes = minutes;
    return event;
}

DomainResult<ServicePeriodsDefined> RestaurantSettings::defineTimeZone(const QString &ianaId) const
{
    auto checked
        = TextField(u"The time zone's name"_s, MaxTimeZoneIdLength).check(ianaId.trimmed());
    if (!checked.ok())
        return checked.error();
    const QString id = checked.value();
    if (!SettingsRules::isKnownTimeZone(id))
        return invalid(
            u"\"%1\" is not a time zone this system knows; use an IANA id such as Europe/Berlin."_s
                .arg(id));
    ServicePeriodsDefined event = m_service;
    event.timeZone = id;
    return event;
}

DomainResult<ServicePeriodsDefined> RestaurantSettings::defineBookingHorizon(int days) const
{
    if (days < ServicePeriodsDefined::MinHorizonDays
        || days > ServicePeriodsDefined::MaxHorizonDays)
        return invalid(u"Bookings can be taken %1 to %2 days ahead, not %3."_s
                           .arg(ServicePeriodsDefined::MinHorizonDays)
                           .arg(ServicePeriodsDefined::MaxHorizonDays)
                           .arg(days));
    ServicePeriodsDefined event = m_service;
    event.bookingHorizonDays = days;
    return event;
}

DomainResult<TurnTimesDefined> RestaurantSettings::defineTurnTimes(QList<TurnTime> turnTimes,
                                                                   int largerPartyMinutes) const
{
    if (auto error = validateTurnTimes(turnTimes))
        return *error;
    const QString larger = turnTimes.isEmpty()
        ? u"for every party"_s
        : u"for parties over %1"_s.arg(turnTimes.constLast().maxPartySize);
    if (auto error = validateTurnMinutes(largerPartyMinutes, larger))
        return *error;
    return TurnTimesDefined {std::move(turnTimes), largerPartyMinutes};
}

QList<ServicePeriod> RestaurantSettings::servicePeriodsOn(int weekday) const
{
    QList<ServicePeriod> periods;
    for (const ServicePeriod &period : m_service.periods) {
        if (period.weekday == weekday)
            periods.append(period);
    }
    return periods;
}

QList<ServiceSlot> RestaurantSettings::slotsOn(const QDate &localDate) const
{
    QList<ServiceSlot> found;
    const qint64 slotSeconds = qint64(m_service.slotMinutes) * 60;
    for (const ServicePeriod &period : servicePeriodsOn(localDate.dayOfWeek())) {
        const QDateTime end = localMoment(localDate, period.end);
        for (QDateTime start = localMoment(localDate, period.start);
             start.addSecs(slotSeconds) <= end; start = start.addSecs(slotSeconds))
            found.append({start, period.name});
    }
    return found;
}

std::optional<DomainError> RestaurantSettings::checkSlotStart(const QDateTime &start) const
{
    const QDate date = localDate(start);
    const qint64 slotSeconds = qint64(m_service.slotMinutes) * 60;
    QStringList offered;
    for (const ServicePeriod &period : servicePeriodsOn(date.dayOfWeek())) {
        const QDateTime periodStart = localMoment(date, period.start);
        const QDateTime lastStart = localMoment(date, period.end).addSecs(-slotSeconds);
        if (periodStart <= start && start <= lastStart) {
            if (periodStart.secsTo(start) % slotSeconds == 0)
                return std::nullopt;
            return DomainError(DomainError::Code::OffSlotGrid,
                               u"Bookings for %1 start every %2 minutes from %3; %4 is between "
                               u"two slots."_s.arg(period.name)
                                   .arg(m_service.slotMinutes)
                                   .arg(describeTime(periodStart), describeTime(start)));
        }
        offered.append(
            u"%1 %2 to %3"_s.arg(period.name, describeTime(periodStart), describeTime(lastStart)));
    }
    const QString when = describe(start);
    if (offered.isEmpty())
        return DomainError(DomainError::Code::OutsideService,
                           u"The restaurant has no service on %1; %2 is outside service."_s.arg(
                               dayName(date.dayOfWeek()), when));
    return DomainError(DomainError::Code::OutsideService,
                       u"%1 is outside service; on %2, bookings start during %3."_s.arg(
                           when, dayName(date.dayOfWeek()), offered.join(u", "_s)));
}

std::optional<DomainError> RestaurantSettings::checkHorizon(const QDateTime &start,
                                                            const QDateTime &now) const
{
    const QDate lastDay = localDate(now).addDays(bookingHorizonDays());
    if (localDate(start) <= lastDay)
        return std::nullopt;
    return DomainError(DomainError::Code::BeyondHorizon,
                       u"The restaurant takes bookings up to %1 days ahead, until %2; %3 is "
                       u"further ahead."_s.arg(bookingHorizonDays())
                           .arg(lastDay.toString(u"ddd d MMM yyyy"_s), describe(start)));
}

QDate RestaurantSettings::localDate(const QDateTime &moment) const
{
    return moment.toTimeZone(m_timeZone).date();
}

QDateTime RestaurantSettings::localMoment(const QDate &date, const QTime &time) const
{
    const QDateTime moment(date, time, m_timeZone);
    if (moment.isValid())
        return moment.toUTC();
    // Skipped by a DST change: a day earlier is surely before the change.
    const QDateTime wallClock(date, time, Qt::UTC);
    const int offsetBefore = m_timeZone.offsetFromUtc(wallClock.addDays(-1));
    return wallClock.addSecs(-offsetBefore);
}

QString RestaurantSettings::describe(const QDateTime &moment) const
{
    return wallClock().format(moment, u"ddd d MMM yyyy, HH:mm"_s);
}

QString RestaurantSettings::describeTime(const QDateTime &moment) const
{
    return wallClock().format(moment, u"HH:mm"_s);
}

} // namespace hoststand::booker
