#pragma once

#include "domain/DomainError.h"
#include "domain/booker/ServiceSlot.h"
#include "domain/booker/WallClock.h"
#include "domain/contracts/Count.h"
#include "domain/contracts/DomainEvent.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace hoststand::booker {

// The restaurant's settings on the stream SettingsStream: when it serves
// (service periods per weekday, in its own time zone, on a slot grid) and
// how long a party keeps its table (turn times). A store without settings
// events gets the defaults. Also the calendar arithmetic on them, done in
// the restaurant's QTimeZone so that slots stay right on DST days.
//
// A booking starts inside a period on its grid: a slot begins at the
// period's start plus a whole number of slot lengths, measured in elapsed
// time, and a whole slot fits before the period's end. The booking itself
// may run past the period's end for its turn time (the last seating).
class RestaurantSettings final
{
public:
    static constexpr int MinSlotMinutes = 5;
    static constexpr int MaxSlotMinutes = 120;
    static constexpr int MinTurnMinutes = 15;
    static constexpr int MaxTurnMinutes = 600;
    static constexpr qsizetype MaxPeriodNameLength = 40;
    static constexpr qsizetype MaxTimeZoneIdLength = 64;

    // ServicePeriodsDefined::defaults() and TurnTimesDefined::defaults().
    RestaurantSettings();
    static RestaurantSettings fromEvents(const QList<DomainEvent> &events);
    void apply(const DomainEvent &event);

    // Decisions: each states the whole setting again, so the last one wins.
    DomainResult<ServicePeriodsDefined> defineServicePeriods(QList<ServicePeriod> periods) const;
    // Replaces the periods of one weekday (1 = Monday ... 7 = Sunday).
    DomainResult<ServicePeriodsDefined> defineServicePeriodsOn(int weekday,
                                                               QList<ServicePeriod> periods) const;
    DomainResult<ServicePeriodsDefined> defineSlotLength(int minutes) const;
    DomainResult<ServicePeriodsDefined> defineTimeZone(const QString &ianaId) const;
    DomainResult<ServicePeriodsDefined> defineBookingHorizon(int days) const;
    DomainResult<TurnTimesDefined> defineTurnTimes(QList<TurnTime> turnTimes,
                                                   int largerPartyMinutes) const;

    // The settings as the last events of each kind stated them.
    const ServicePeriodsDefined &service() const { return m_service; }
    const TurnTimesDefined &turns() const { return m_turns; }

    // Sorted by weekday, then start.
    const QList<ServicePeriod> &servicePeriods() const { return m_service.periods; }
    QList<ServicePeriod> servicePeriodsOn(int weekday) const;
    int slotMinutes() const { return m_service.slotMinutes; }
    const QString &timeZoneId() const { return m_service.timeZone; }
    // The zone of timeZoneId(), or UTC when this system does not know it.
    const QTimeZone &timeZone() const { return m_timeZone; }
    // How many days after the restaurant's today a booking may start.
    int bookingHorizonDays() const { return m_service.bookingHorizonDays; }
    const QList<TurnTime> &turnTimes() const { return m_turns.turnTimes; }
    int largerPartyMinutes() const { return m_turns.largerPartyMinutes; }
    int turnMinutesFor(PartySize party) const { return m_turns.minutesFor(party.value()); }

    // Every slot of the services on a local date, in order.
    QList<ServiceSlot> slotsOn(const QDate &localDate) const;
    // Why a booking cannot start then (OutsideService, OffSlotGrid), or nothing.
    std::optional<DomainError> checkSlotStart(const QDateTime &start) const;
    // Why a booking cannot start then, decided at now (BeyondHorizon), or nothing.
    std::optional<DomainError> checkHorizon(const QDateTime &start, const QDateTime &now) const;

    QDate localDate(const QDateTime &moment) const;
    // The moment a local wall-clock time happens; a time that a DST change
    // skips is taken with the offset before the change (02:30 becomes 03:30).
    QDateTime localMoment(const QDate &date, const QTime &time) const;
    // The wall clock of the restaurant's time zone: what a local time typed
    // by a person means, refusing one that DST skips or repeats.
    WallClock wallClock() const { return WallClock(m_timeZone); }
    // "Fri 4 Dec 2026, 19:00" in local time, for messages; a time that
    // happens twice that day is followed by its offset ("02:30 +02:00").
    QString describe(const QDateTime &moment) const;
    QString describeTime(const QDateTime &moment) const;

private:
    void applyService(ServicePeriodsDefined service);

    ServicePeriodsDefined m_service;
    TurnTimesDefined m_turns;
    QTimeZone m_timeZone;
};

} // namespace hoststand::booker
