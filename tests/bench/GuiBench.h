#pragma once

#include "tests/bench/EventStoreBench.h"

namespace hoststand::bench {

// The host stand window (needs a QApplication; the benchmark renders
// offscreen): gridRepaintMs and gridRepaintP99Ms, a full repaint of the
// time-slot grid with 100 tables and 64 slots rendered to an image, as the
// now line, a hover or a scroll repaints it (and gridRepaintCpuMs, its
// median in processor time, for a busy machine); gridRepaintUncachedMs and
// gridRepaintUncachedP99Ms, the same after a new palette, every row, text
// and mark drawn anew; and
// dialogOkToConfirmedP50Ms and dialogOkToConfirmedP99Ms, from the booking
// dialog's OK to the grid showing the booking confirmed, on a durable store,
// and dialogConfirmedToGridP50Ms/P99Ms, the part after the sagas confirmed
// it (the read model's commit and the grid's update).
// HOSTSTAND_BENCH_GUI_REPAINTS and HOSTSTAND_BENCH_GUI_BOOKINGS set how many.
// openToGridModelMs: opening the read model section's history with its read
// model built, to the host stand's grid model of its last day ready.
// eventLogShowMs: the event log view opened on the read model section's
// history (its read model is kept beside it), to its first screen.
std::optional<QString> runGuiSection(const BenchOptions &options, QJsonObject &figures);

} // namespace hoststand::bench
