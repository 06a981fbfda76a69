#pragma once

#include "tests/bench/EventStoreBench.h"

namespace hoststand::bench {

// How long the GUI thread of an open host stand stalls (needs a
// QApplication; the real window, offscreen): a 5 ms precise timer on the GUI
// thread, and the gaps between its ticks during each case, as their longest
// (guiStallMaxMs…) and their 99th percentile (guiStallP99Ms…). Each case
// opens a host stand on a fresh store of the gui section's restaurant (a
// hundred tables), with its sagas and lock expiry as the application runs
// them, and lets it settle for a second first:
// - WriterLock: hoststand_stall_peer, another process, holds the SQLite
//   store's write lock for 3 s (from its "locked" to half a second after its
//   "released");
// - ForeignAppends: hoststand_stall_peer books 1,000 parties as fast as it
//   can through the booker on the same store, and the host stand's sagas
//   lock their tables and confirm them (until its read model has it all);
// - HostBooks: the host stand books 200 parties through the booking
//   dialog's OK, one after the other;
// - PostgresUnreachable, only with options.postgresUrl (a server on this
//   machine): the host stand on a fresh schema there through
//   hoststand_stall_peer's relay, whose link becomes a black hole for 5 s
//   (from then to 3 s after, the reconnection's longest pause). New
//   connections hang as behind a dead link; bytes already sent are taken
//   by the relay's kernel and held, so a statement in flight waits for the
//   hole's end rather than for libpq's tcp_user_timeout (5 s as well).
std::optional<QString> runStallSection(const BenchOptions &options, QJsonObject &figures);

} // namespace hoststand::bench
