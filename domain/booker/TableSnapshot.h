#pragma once

#include "domain/contracts/BookingId.h"
#include "domain/contracts/TableId.h"
#include "domain/contracts/TimeSpan.h"

#include <QList>
#include <QString>

namespace hoststand::booker {

// What the booker needs to know of one table: whether it can take a party
// and when it is already locked for a booking.
struct TableSnapshot final
{
    struct Lock final
    {
        BookingId bookingId;
        TimeSpan span;

        bool operator==(const Lock &) const = default;
    };

    TableId id;
    int seats = 0;
    QString zone;
    bool inService = true; // false once removed
    QList<Lock> activeLocks;

    bool operator==(const TableSnapshot &) const = default;
};

} // namespace hoststand::booker
