#include "ui/common/ServiceCalendar.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

ServiceCalendar::ServiceCalendar() = default;

ServiceCalendar::ServiceCalendar(const RestaurantSettingsRow &row)
{
    m_settings.apply(ServicePeriodsDefined {row.periods, row.slotMinutes, row.timeZone});
    m_settings.apply(TurnTimesDefined {row.turnTimes, row.largerPartyMinutes});
}

QStringList ServiceCalendar::servicesOn(const QDate &date) const
{
    QStringList names;
    for (const ServicePeriod &period : m_settings.servicePeriodsOn(date.dayOfWeek()))
        names.append(period.name);
    return names;
}

QList<QDateTime> ServiceCalendar::slotsOf(const QDate &date, const QString &service) const
{
    QList<QDateTime> starts;
    for (const booker::ServiceSlot &slot : m_settings.slotsOn(date)) {
        if (slot.period == service)
            starts.append(slot.start);
    }
    return starts;
}

QList<booker::ServiceSlot> ServiceCalendar::slotsOn(const QDate &date) const
{
    return m_settings.slotsOn(date);
}

QString ServiceCalendar::serviceAt(const QDateTime &moment) const
{
    const QDate date = localDate(moment);
    const QList<ServicePeriod> periods = m_settings.servicePeriodsOn(date.dayOfWeek());
    for (const ServicePeriod &period : periods) {
        if (moment < localMoment(date, period.end))
            return period.name;
    }
    return periods.isEmpty() ? QString() : periods.constLast().name;
}

int ServiceCalendar::slotMinutes() const
{
    return m_settings.slotMinutes();
}

int ServiceCalendar::turnMinutesFor(int partySize) const
{
    return m_settings.turns().minutesFor(partySize);
}

int ServiceCalendar::longestTurnMinutes() const
{
    int longest = m_settings.largerPartyMinutes();
    for (const TurnTime &turn : m_settings.turnTimes())
        longest = std::max(longest, turn.minutes);
    return longest;
}

QDate ServiceCalendar::localDate(const QDateTime &moment) const
{
    return m_settings.localDate(moment);
}

QDateTime ServiceCalendar::localMoment(const QDate &date, const QTime &time) const
{
    return m_settings.localMoment(date, time);
}

QString ServiceCalendar::timeText(const QDateTime &moment) const
{
    return moment.toTimeZone(m_settings.timeZone()).toString(u"HH:mm"_s);
}

QString ServiceCalendar::dayText(const QDate &day, const QDate &today)
{
    return QLocale::c().toString(day,
                                 day.year() == today.year() ? u"ddd d MMM"_s : u"ddd d MMM yyyy"_s);
}

QString ServiceCalendar::momentText(const QDateTime &moment) const
{
    const QDateTime local = moment.toTimeZone(m_settings.timeZone());
    return dayText(local.date(), localDate(QDateTime::currentDateTimeUtc())) + u' '
        + local.toString(u"HH:mm:ss"_s);
}

} // namespace hoststand::ui
