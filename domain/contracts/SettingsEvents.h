#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QList>
#include <QString>

// The restaurant's settings, written to the stream SettingsStream. Each
// event states the whole setting, so the last one wins.

namespace hoststand {

inline const QString SettingsStream = QStringLiteral("settings-restaurant");

struct ServicePeriodsDefined final
{
    static constexpr QStringView Type = u"service-periods-defined";
    static constexpr int Version = 1;

    QList<ServicePeriod> periods;
    int slotMinutes = 15;
    QString timeZone; // IANA id, "Europe/Berlin"

    bool operator==(const ServicePeriodsDefined &) const = default;
};

struct TurnTimesDefined final
{
    static constexpr QStringView Type = u"turn-times-defined";
    static constexpr int Version = 1;

    QList<TurnTime> turnTimes; // ascending by maxPartySize
    int largerPartyMinutes = 150;

    bool operator==(const TurnTimesDefined &) const = default;
};

} // namespace hoststand
