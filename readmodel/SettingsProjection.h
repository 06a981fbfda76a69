#pragma once

#include "readmodel/Projection.h"

namespace hoststand {

struct ServicePeriodsDefined;
struct TurnTimesDefined;

// The restaurant's settings: service periods, slot length, time zone and
// booking horizon, and turn times. Each settings event states a whole setting, so its rows
// replace the previous ones.
class SettingsProjection final : public Projection
{
public:
    QString name() const override;
    QList<ReadTable> tables() const override;
    QStringList schema() const override;
    QList<ReadIndex> indexes(const ReadDialect &dialect) const override;
    StoreResult<void> prepare(ReadConnection &connection) override;
    StoreResult<void> apply(const ProjectedEvent &event) override;

    // The keys of the restaurant_settings table.
    static inline const QString SlotMinutesKey = QStringLiteral("slot-minutes");
    static inline const QString TimeZoneKey = QStringLiteral("time-zone");
    static inline const QString BookingHorizonDaysKey = QStringLiteral("booking-horizon-days");
    static inline const QString LargerPartyMinutesKey = QStringLiteral("larger-party-minutes");

private:
    StoreResult<void> definePeriods(const ServicePeriodsDefined &event);
    StoreResult<void> defineTurnTimes(const TurnTimesDefined &event);
    StoreResult<void> setValue(const QString &key, const QString &value);

    std::unique_ptr<ReadStatement> m_clearPeriods;
    std::unique_ptr<ReadStatement> m_addPeriod;
    std::unique_ptr<ReadStatement> m_clearTurnTimes;
    std::unique_ptr<ReadStatement> m_addTurnTime;
    std::unique_ptr<ReadStatement> m_setValue;
};

} // namespace hoststand
