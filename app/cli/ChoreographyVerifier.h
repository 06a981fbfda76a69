#pragma once

#include "eventstore/StoreError.h"

#include <QDateTime>
#include <QStringList>

#include <chrono>

namespace hoststand {
class EventStore;
}

namespace hoststand::cli {

// What `hoststand-cli verify` checks of the bookings' choreography, from
// every event of the store: each event decodes; no booking waits for its
// table, or its change, longer than the sagas take to settle one; every
// confirmed, arrived or seated booking still to end holds exactly its lock,
// for its span (or the span of the change it waits for); no
// two locks of a table overlap; no saga has parked a step. Each problem is
// one line a person can act on.
class ChoreographyVerifier final
{
public:
    // storeNow: the store's time (StoreClock), by which a booking is still
    // to end, so that no clock makes a held lock look released; now: the
    // terminal's (--now lets a script ask about later), by which a waiting
    // booking has waited longer than settleTimeout, how long the sagas may
    // take to settle one.
    ChoreographyVerifier(EventStore &store, QDateTime storeNow, QDateTime now,
                         std::chrono::milliseconds settleTimeout);

    StoreResult<QStringList> problems() const;

private:
    EventStore &m_store;
    QDateTime m_storeNow;
    QDateTime m_now;
    std::chrono::milliseconds m_settleTimeout;
};

} // namespace hoststand::cli
