#pragma once

#include "tests/bench/EventStoreBench.h"
#include "tests/support/HistoryGenerator.h"

namespace hoststand::bench {

// The read model on a generated restaurant history of a million events (40
// tables, two services a day for about three years; cached beside the
// benchmark between runs): readModelRebuildEventsPerSec, the rebuild of
// every projection from position 0, and openToGridReadyMs, from opening the
// store and its built read model to one day's bookings queried.
// HOSTSTAND_BENCH_HISTORY_EVENTS sets another history size.
std::optional<QString> runReadModelSection(const BenchOptions &options, QJsonObject &figures);

// The generated history the read model section uses, beside the benchmark
// (made on first use, which takes minutes): its store's path and summary.
std::optional<QString> cachedHistory(QString &path, test::HistorySummary &summary);

} // namespace hoststand::bench
