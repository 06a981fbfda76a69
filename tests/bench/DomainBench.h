#pragma once

#include "tests/bench/EventStoreBench.h"

namespace hoststand::bench {

// The domain's hot paths on a SQLite store with durable appends
// (synchronous=FULL):
// - bookToConfirmedP50Us, bookToConfirmedP99Us: Restaurant::book() until the
//   booking is confirmed, both sagas running in the same process, over
//   HOSTSTAND_BENCH_BOOKINGS bookings (2000 by default); and the same
//   without waiting for the disk, bookToConfirmedUnsyncedP50Us/P99Us, the
//   code's own share, for a disk whose sync time varies with the machine;
// - changeToConfirmedP50Us, changeToConfirmedP99Us: Restaurant::change()
//   moving a confirmed booking to the table beside it, until it is there
//   (its lock placed, the booking changed), over HOSTSTAND_BENCH_MOVES
//   bookings (500 by default); moveByRebookToConfirmedP50Us/P99Us, the same
//   move made as before bookings could change: a new booking confirmed,
//   then the old one cancelled until its lock is released;
// - rehydrateTable1000Us: TableManager::table() on a 1000-event stream,
//   read, decoded and folded (median);
// - aggregateReplayEventsPerSec: a generated restaurant history
//   (HOSTSTAND_BENCH_REPLAY_EVENTS, 200,000 by default), read once, then
//   decoded and folded into its Table, Booking and settings aggregates.
std::optional<QString> runDomainSection(const BenchOptions &options, QJsonObject &figures);

} // namespace hoststand::bench
