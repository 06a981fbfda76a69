#pragma once

#include "domain/contracts/TableId.h"
#include "domain/contracts/TimeSpan.h"

#include <QList>
#include <QString>

namespace hoststand::booker {

// One slot of a service with the tables a party could book for it: free
// for the whole turn, large enough, in service.
struct AvailableSlot final
{
    TimeSpan span; // the slot's start to start + the party's turn time
    QString period; // "dinner"
    QList<TableId> tables; // smallest first, then in natural order; empty when full

    bool operator==(const AvailableSlot &) const = default;
};

} // namespace hoststand::booker
