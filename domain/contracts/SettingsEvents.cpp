#include "domain/contracts/SettingsEvents.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hoststand {

ServicePeriodsDefined ServicePeriodsDefined::defaults()
{
    QList<ServicePeriod> periods;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        periods.append({weekday, u"lunch"_s, QTime(12, 0), QTime(14, 30)});
        periods.append({weekday, u"dinner"_s, QTime(18, 30), QTime(22, 30)});
    }
    QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (zone.isEmpty() || !QTimeZone(zone.toUtf8()).isValid())
        zone = u"UTC"_s;
    return {periods, 15, zone, DefaultHorizonDays};
}

TurnTimesDefined TurnTimesDefined::defaults()
{
    return {{{2, 90}, {4, 105}, {6, 120}}, 150};
}

int TurnTimesDefined::minutesFor(int partySize) const
{
    for (const TurnTime &turn : turnTimes) {
        if (partySize <= turn.maxPartySize)
            return turn.minutes;
    }
    return largerPartyMinutes;
}

} // namespace hoststand
