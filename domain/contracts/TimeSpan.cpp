#include "domain/contracts/TimeSpan.h"

using namespace Qt::StringLiterals;

namespace hoststand {

static QDateTime toUtcSeconds(const QDateTime &moment)
{
    QDateTime utc = moment.toUTC();
    const QTime time = utc.time();
    utc.setTime(QTime(time.hour(), time.minute(), time.second()));
    return utc;
}

DomainResult<TimeSpan> TimeSpan::create(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid())
        return DomainError(DomainError::Code::InvalidInput,
                           u"A time span needs a valid start and end."_s);
    QDateTime utcStart = toUtcSeconds(start);
    QDateTime utcEnd = toUtcSeconds(end);
    if (utcEnd <= utcStart)
        return DomainError(DomainError::Code::InvalidInput,
                           u"A time span must end after it starts (%1 to %2)."_s.arg(
                               toIsoUtc(utcStart), toIsoUtc(utcEnd)));
    return TimeSpan(std::move(utcStart), std::move(utcEnd));
}

QString toIsoUtc(const QDateTime &moment)
{
    return moment.toUTC().toString(Qt::ISODate);
}

} // namespace hoststand
