#pragma once

#include <QDateTime>
#include <QString>

namespace hoststand::booker {

// One start on a service period's slot grid.
struct ServiceSlot final
{
    QDateTime start; // UTC
    QString period; // "dinner"

    bool operator==(const ServiceSlot &) const = default;
};

} // namespace hoststand::booker
