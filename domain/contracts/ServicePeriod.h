#pragma once

#include <QString>
#include <QTime>

namespace hoststand {

// A service on one weekday, in the restaurant's local time: "dinner on
// Fridays, 18:30 to 22:30". Bookings start inside it, on its slot grid.
struct ServicePeriod final
{
    int weekday = 1; // 1 = Monday ... 7 = Sunday (Qt::DayOfWeek)
    QString name; // "lunch", "dinner"
    QTime start;
    QTime end; // after start, on the same day

    bool operator==(const ServicePeriod &) const = default;
};

// How long a party of up to maxPartySize keeps its table.
struct TurnTime final
{
    int maxPartySize = 2;
    int minutes = 90;

    bool operator==(const TurnTime &) const = default;
};

} // namespace hoststand
