#pragma once

#include "domain/contracts/DomainEvent.h"
#include "domain/contracts/TimeSpan.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace hoststand {

// Times as hosts read them and as refusals are stored in events: on the
// restaurant's clock, whatever the terminal's time zone, and with the date
// unless it is the restaurant's today. "19:00–20:30" today,
// "Sat 19 Dec 2026, 19:00–20:30" on another day.
class TimeInWords final
{
public:
    // Today is now's date in zone.
    TimeInWords(QTimeZone zone, const QDateTime &now);

    // The zone the settings events name last (the defaults' when they name
    // none), or UTC when this system does not know it.
    static QTimeZone restaurantZone(const QList<DomainEvent> &settingsEvents);

    const QTimeZone &zone() const { return m_zone; }
    const QDate &today() const { return m_today; }

    // "19:00", or "Sat 19 Dec 2026, 19:00".
    QString moment(const QDateTime &moment) const;
    // A span by the date it starts on: "19:00–20:30", "Sat 19 Dec 2026, 23:00–00:30".
    QString span(const TimeSpan &span) const;

private:
    QTimeZone m_zone;
    QDate m_today;
};

} // namespace hoststand
