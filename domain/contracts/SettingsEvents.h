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
    // 2: bookingHorizonDays (version 1 is upcast with the default).
    static constexpr int Version = 2;

    static constexpr int MinHorizonDays = 1;
    static constexpr int MaxHorizonDays = 3650;
    static constexpr int DefaultHorizonDays = 365;

    QList<ServicePeriod> periods;
    int slotMinutes = 15;
    QString timeZone; // IANA id, "Europe/Berlin"
    // How many days ahead of the restaurant's today a booking may start.
    int bookingHorizonDays = DefaultHorizonDays;

    // A new store's: lunch 12:00-14:30 and dinner 18:30-22:30 every day,
    // 15-minute slots, in this computer's time zone, bookings up to a year ahead.
    static ServicePeriodsDefined defaults();

    bool operator==(const ServicePeriodsDefined &) const = default;
};

struct TurnTimesDefined final
{
    static constexpr QStringView Type = u"turn-times-defined";
    static constexpr int Version = 1;

    QList<TurnTime> turnTimes; // ascending by maxPartySize
    int largerPartyMinutes = 150;

    // 90 minutes up to 2, 105 up to 4, 120 up to 6, 150 above.
    static TurnTimesDefined defaults();
    int minutesFor(int partySize) const;

    bool operator==(const TurnTimesDefined &) const = default;
};

} // namespace hoststand
