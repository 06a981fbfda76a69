#pragma once

#include "domain/DomainError.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace hoststand::booker {

// The restaurant's wall clock in its time zone: which moment a local date
// and time name, and how a moment reads. Daylight saving time makes both
// partial: a time in the spring-forward gap names no moment, a time in the
// fall-back hour names two, which only their offsets tell apart.
class WallClock final
{
public:
    explicit WallClock(QTimeZone zone)
        : m_zone(std::move(zone))
    { }

    // The moments (in UTC) a local date and time name, earliest first:
    // none, one, or two.
    QList<QDateTime> momentsOf(const QDate &date, const QTime &time) const;
    // The one moment a local date and time name; InvalidInput, with the
    // change of the clocks, when they skip that time or show it twice.
    DomainResult<QDateTime> moment(const QDate &date, const QTime &time) const;
    // Whether the moment's local time happens twice on its day.
    bool isRepeated(const QDateTime &moment) const;
    // The moment in local time by a QDateTime format, followed by its
    // offset (" +02:00") when its local time happens twice.
    QString format(const QDateTime &moment, const QString &format) const;

private:
    QString zoneName() const;
    // "the clocks go from 2:00 to 3:00", for the change of the clocks
    // nearest the local date and time.
    QString clockChange(const QDateTime &wallClockAsUtc) const;

    QTimeZone m_zone;
};

} // namespace hoststand::booker
