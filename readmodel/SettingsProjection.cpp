#include "readmodel/SettingsProjection.h"

#include "readmodel/ProjectedEvent.h"
#include "readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString SettingsProjection::name() const
{
    return u"settings"_s;
}

QList<ReadTable> SettingsProjection::tables() const
{
    return {{u"service_periods"_s, u"ordinal"_s},
            {u"turn_times"_s, u"ordinal"_s},
            {u"restaurant_settings"_s, u"name"_s}};
}

QStringList SettingsProjection::schema() const
{
    return {u"CREATE TABLE IF NOT EXISTS service_periods("
            "ordinal {INT} PRIMARY KEY, weekday {INT} NOT NULL, name {TEXT} NOT NULL, "
            "start_time {TEXT} NOT NULL, end_time {TEXT} NOT NULL)"_s,
            u"CREATE TABLE IF NOT EXISTS turn_times("
            "ordinal {INT} PRIMARY KEY, max_party_size {INT} NOT NULL, minutes {INT} NOT NULL)"_s,
            u"CREATE TABLE IF NOT EXISTS restaurant_settings("
            "name {TEXT} PRIMARY KEY, value {TEXT} NOT NULL)"_s};
}

QList<ReadIndex> SettingsProjection::indexes(const ReadDialect &) const
{
    return {}; // a few rows: the primary key is all it needs
}

StoreResult<void> SettingsProjection::prepare(ReadConnection &connection)
{
    return prepareStatements(
        connection,
        {{&m_clearPeriods, u"DELETE FROM service_periods"_s},
         {&m_addPeriod,
          u"INSERT INTO service_periods(ordinal, weekday, name, start_time, end_time) "
          "VALUES(?, ?, ?, ?, ?)"_s},
         {&m_clearTurnTimes, u"DELETE FROM turn_times"_s},
         {&m_addTurnTime,
          u"INSERT INTO turn_times(ordinal, max_party_size, minutes) VALUES(?, ?, ?)"_s},
         {&m_setValue,
          u"INSERT INTO restaurant_settings(name, value) VALUES(?, ?) "
          "ON CONFLICT(name) DO UPDATE SET value = excluded.value"_s}});
}

StoreResult<void> SettingsProjection::apply(const ProjectedEvent &event)
{
    if (event.kind() != EventKind::ServicePeriodsDefined
        && event.kind() != EventKind::TurnTimesDefined)
        return {};
    const std::optional<DomainEvent> decoded = event.decoded();
    if (!decoded)
        return {};
    if (const auto *periods = std::get_if<ServicePeriodsDefined>(&*decoded))
        return definePeriods(*periods);
    if (const auto *turnTimes = std::get_if<TurnTimesDefined>(&*decoded))
        return defineTurnTimes(*turnTimes);
    return {};
}

StoreResult<void> SettingsProjection::definePeriods(const ServicePeriodsDefined &event)
{
    if (auto cleared = m_clearPeriods->execute(); !cleared.ok())
        return cleared;
    for (qsizetype i = 0; i < event.periods.size(); ++i) {
        const ServicePeriod &period = event.periods.at(i);
        m_addPeriod->bindInt(1, i);
        m_addPeriod->bindInt(2, period.weekday);
        m_addPeriod->bindText(3, period.name);
        m_addPeriod->bindText(4, period.start.toString(u"HH:mm"_s));
        m_addPeriod->bindText(5, period.end.toString(u"HH:mm"_s));
        if (auto added = m_addPeriod->execute(); !added.ok())
            return added;
    }
    if (auto set = setValue(SlotMinutesKey, QString::number(event.slotMinutes)); !set.ok())
        return set;
    if (auto set = setValue(BookingHorizonDaysKey, QString::number(event.bookingHorizonDays));
        !set.ok())
        return set;
    return setValue(TimeZoneKey, event.timeZone);
}

StoreResult<void> SettingsProjection::defineTurnTimes(const TurnTimesDefined &event)
{
    if (auto cleared = m_clearTurnTimes->execute(); !cleared.ok())
        return cleared;
    for (qsizetype i = 0; i < event.turnTimes.size(); ++i) {
        m_addTurnTime->bindInt(1, i);
        m_addTurnTime->bindInt(2, event.turnTimes.at(i).maxPartySize);
        m_addTurnTime->bindInt(3, event.turnTimes.at(i).minutes);
        if (auto added = m_addTurnTime->execute(); !added.ok())
            return added;
    }
    return setValue(LargerPartyMinutesKey, QString::number(event.largerPartyMinutes));
}

StoreResult<void> SettingsProjection::setValue(const QString &key, const QString &value)
{
    m_setValue->bindText(1, key);
    m_setValue->bindText(2, value);
    return m_setValue->execute();
}

} // namespace hoststand
