#include "domain/contracts/Upcasters.h"

#include "domain/contracts/SettingsEvents.h"
#include "domain/contracts/TableLayout.h"
#include "domain/contracts/TableManagerEvents.h"

using namespace Qt::StringLiterals;

namespace hoststand {

// table-added 1 -> 2: version 1 knew only the id and the seats; version 2
// places the table. An old table goes to the main room, at the origin, with
// the size and shape a new table of its seats would get.
static QJsonObject tableAddedV1ToV2(const QJsonObject &v1)
{
    QJsonObject v2 = v1;
    const int seats = v1.value(u"seats"_s).toInt(2);
    const TableLayout layout
        = TableLayout::forSeats(std::clamp(seats, 1, 50), u"Main room"_s, 0, 0);
    v2.insert(u"layout"_s,
              QJsonObject {{u"zone"_s, layout.zone},
                           {u"shape"_s, toString(layout.shape)},
                           {u"x"_s, layout.x},
                           {u"y"_s, layout.y},
                           {u"width"_s, layout.width},
                           {u"height"_s, layout.height},
                           {u"rotation"_s, layout.rotation}});
    return v2;
}

// service-periods-defined 1 -> 2: version 2 states how far ahead bookings
// are taken. A store written before had no limit; it gets the default.
static QJsonObject servicePeriodsDefinedV1ToV2(const QJsonObject &v1)
{
    QJsonObject v2 = v1;
    v2.insert(u"bookingHorizonDays"_s, ServicePeriodsDefined::DefaultHorizonDays);
    return v2;
}

// table-lock-placed and table-lock-placement-failed 1 -> 2: version 2
// says which change of the booking the lock is for. Bookings could not
// change before, so every older lock is for the booking as initiated.
static QJsonObject lockV1ToV2(const QJsonObject &v1)
{
    QJsonObject v2 = v1;
    v2.insert(u"change"_s, 0);
    return v2;
}

Upcaster Upcasters::find(const QString &type, int fromVersion)
{
    if (type == TableAdded::Type && fromVersion == 1)
        return tableAddedV1ToV2;
    if (type == ServicePeriodsDefined::Type && fromVersion == 1)
        return servicePeriodsDefinedV1ToV2;
    if ((type == TableLockPlaced::Type || type == TableLockPlacementFailed::Type)
        && fromVersion == 1)
        return lockV1ToV2;
    return {};
}

} // namespace hoststand
