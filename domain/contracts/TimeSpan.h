#pragma once

#include "domain/DomainError.h"

#include <QDateTime>

namespace hoststand {

// A half-open span of time [start, end) in UTC, to the second: a booking's
// time on its table, a lock's span.
class TimeSpan final
{
public:
    static DomainResult<TimeSpan> create(const QDateTime &start, const QDateTime &end);

    const QDateTime &start() const { return m_start; }
    const QDateTime &end() const { return m_end; }
    qint64 minutes() const { return m_start.secsTo(m_end) / 60; }

    bool overlaps(const TimeSpan &other) const
    {
        return m_start < other.m_end && other.m_start < m_end;
    }
    bool contains(const QDateTime &moment) const { return m_start <= moment && moment < m_end; }

    bool operator==(const TimeSpan &) const = default;

private:
    TimeSpan(QDateTime start, QDateTime end)
        : m_start(std::move(start))
        , m_end(std::move(end))
    { }

    QDateTime m_start;
    QDateTime m_end;
};

// ISO-8601 in UTC to the second, "2026-12-01T19:00:00Z", as events store it.
QString toIsoUtc(const QDateTime &moment);

} // namespace hoststand
