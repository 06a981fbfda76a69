#include "domain/contracts/TimeInWords.h"

using namespace Qt::StringLiterals;

namespace hoststand {

TimeInWords::TimeInWords(QTimeZone zone, const QDateTime &now)
    : m_zone(std::move(zone))
    , m_today(now.toTimeZone(m_zone).date())
{ }

QTimeZone TimeInWords::restaurantZone(const QList<DomainEvent> &settingsEvents)
{
    std::optional<QString> id;
    for (auto event = settingsEvents.crbegin(); !id && event != settingsEvents.crend(); ++event) {
        if (const auto *service = std::get_if<ServicePeriodsDefined>(&*event))
            id = service->timeZone;
    }
    QTimeZone zone(id.value_or(ServicePeriodsDefined::defaults().timeZone).toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

QString TimeInWords::moment(const QDateTime &moment) const
{
    const QDateTime local = moment.toTimeZone(m_zone);
    const QString time = local.toString(u"HH:mm"_s);
    return local.date() == m_today ? time : local.toString(u"ddd d MMM yyyy, "_s) + time;
}

QString TimeInWords::span(const TimeSpan &span) const
{
    return moment(span.start()) + u"–"_s + span.end().toTimeZone(m_zone).toString(u"HH:mm"_s);
}

} // namespace hoststand
