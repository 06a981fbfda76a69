#include "domain/booker/WallClock.h"

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace hoststand::booker {
namespace {

QString offsetText(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return (seconds < 0 ? u"-"_s : u"+"_s)
        + u"%1:%2"_s.arg(minutes / 60, 2, 10, QLatin1Char('0'))
              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString hourText(const QTime &time)
{
    return time.toString(u"H:mm"_s);
}

} // namespace

QList<QDateTime> WallClock::momentsOf(const QDate &date, const QTime &time) const
{
    // Each moment is the wall-clock time less an offset the zone has near
    // it; no zone changes its offset more than once in two days.
    const QDateTime asUtc(date, time, QTimeZone::utc());
    QList<QDateTime> moments;
    for (int days : {-1, 0, 1}) {
        const QDateTime candidate = asUtc.addSecs(-m_zone.offsetFromUtc(asUtc.addDays(days)));
        const QDateTime local = candidate.toTimeZone(m_zone);
        if (local.date() == date && local.time() == time && !moments.contains(candidate))
            moments.append(candidate);
    }
    std::sort(moments.begin(), moments.end());
    return moments;
}

DomainResult<QDateTime> WallClock::moment(const QDate &date, const QTime &time) const
{
    const QList<QDateTime> moments = momentsOf(date, time);
    if (moments.size() == 1)
        return moments.constFirst();
    const QDateTime asUtc(date, time, QTimeZone::utc());
    const QString hour = hourText(time);
    const QString day = u"on %1 in %2"_s.arg(date.toString(u"d MMMM yyyy"_s), zoneName());
    if (moments.isEmpty())
        return DomainError(DomainError::Code::InvalidInput,
                           u"%1 does not exist %2: %3."_s.arg(hour, day, clockChange(asUtc)));
    return DomainError(
        DomainError::Code::InvalidInput,
        u"%1 happens twice %2: %3. Give the offset: %4 for the first %1, %5 for the second."_s.arg(
            hour, day, clockChange(asUtc), offsetText(m_zone.offsetFromUtc(moments.constFirst())),
            offsetText(m_zone.offsetFromUtc(moments.constLast()))));
}

bool WallClock::isRepeated(const QDateTime &moment) const
{
    const QDateTime local = moment.toTimeZone(m_zone);
    return momentsOf(local.date(), local.time()).size() > 1;
}

QString WallClock::format(const QDateTime &moment, const QString &format) const
{
    const QString text = moment.toTimeZone(m_zone).toString(format);
    if (!isRepeated(moment))
        return text;
    return text + u' ' + offsetText(m_zone.offsetFromUtc(moment));
}

QString WallClock::zoneName() const
{
    return QString::fromUtf8(m_zone.id());
}

QString WallClock::clockChange(const QDateTime &wallClockAsUtc) const
{
    const QTimeZone::OffsetData change = m_zone.nextTransition(wallClockAsUtc.addDays(-1));
    if (!change.atUtc.isValid())
        return u"the clocks change that day"_s;
    const int before = m_zone.offsetFromUtc(change.atUtc.addSecs(-1));
    const int after = change.offsetFromUtc;
    const QTime from = change.atUtc.addSecs(before).time();
    const QTime to = change.atUtc.addSecs(after).time();
    return after > before ? u"the clocks go from %1 to %2"_s.arg(hourText(from), hourText(to))
                          : u"the clocks go back from %1 to %2"_s.arg(hourText(from), hourText(to));
}

} // namespace hoststand::booker
