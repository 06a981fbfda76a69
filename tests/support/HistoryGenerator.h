#pragma once

#include "eventstore/EventStore.h"

#include <QDate>
#include <QString>

#include <functional>

// A restaurant's history of bookings, generated as the table manager and
// the booker would have written it, for benchmarks and for tests that need
// many realistic events: settings, tables, then for each service of each
// day bookings on the tables (initiated, lock placed, confirmed, arrived,
// seated, left, lock removed), some cancelled, some no-shows, some walk-ins
// and a few rejected. The same options always give the same events.
namespace hoststand::test {

struct HistoryOptions final
{
    qint64 events = 1'000'000; // stops after the booking that reaches it
    int tables = 40;
    QDate firstDay {2024, 1, 1};
    QString timeZone = QStringLiteral("Europe/Berlin");
    quint32 seed = 20261201;
};

struct HistorySummary final
{
    qint64 events = 0;
    qint64 bookings = 0;
    QDate lastDay;
};

// Appends the history to the store; progress (if given) hears the number
// of events appended so far now and then.
StoreResult<HistorySummary> generateHistory(EventStore &store, const HistoryOptions &options,
                                            const std::function<void(qint64)> &progress = {});

} // namespace hoststand::test
