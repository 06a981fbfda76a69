#pragma once

#include "domain/DomainError.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

#include <optional>

namespace hoststand::booker {
class RestaurantSettings;
}

namespace hoststand::cli {

// A moment as typed on the command line, ISO-8601: "2026-12-04T19:00",
// "2026-12-04 19:00:00", "2026-12-04T18:00Z", "2026-12-04T19:00+01:00".
// Without an offset it is the restaurant's wall-clock time, which only
// the store's settings can turn into a moment; so parsing (bad usage when
// malformed) and resolving (after the store is open) are two steps.
class DateTimeInput final
{
public:
    static std::optional<DateTimeInput> parse(const QString &text);
    // A strict YYYY-MM-DD.
    static std::optional<QDate> parseDate(const QString &text);
    // A strict HH:MM.
    static std::optional<QTime> parseClock(const QString &text);

    // The moment in UTC. A wall-clock time that the restaurant's clocks
    // skip or show twice (DST) is refused with the reason; an offset tells
    // the two of a repeated hour apart.
    DomainResult<QDateTime> resolve(const booker::RestaurantSettings &settings) const;

private:
    DateTimeInput(QDate date, QTime time, std::optional<int> offsetSeconds)
        : m_date(date)
        , m_time(time)
        , m_offsetSeconds(offsetSeconds)
    { }

    QDate m_date;
    QTime m_time;
    std::optional<int> m_offsetSeconds;
};

} // namespace hoststand::cli
