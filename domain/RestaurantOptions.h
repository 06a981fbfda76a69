#pragma once

#include "eventstore/PersistentSubscription.h"
#include "eventstore/StoreError.h"

#include <QDateTime>

#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace hoststand {

// What one process runs of the system (Restaurant): the executables and the
// tests choose, for example a CLI query opens no sagas and no lock expiry.
struct RestaurantOptions final
{
    // How much of the read model a process needs.
    enum class ReadModelUse {
        None, // a command that reads only the store
        Open, // opened but not caught up: the caller rebuilds it
        Follow, // caught up at open, then following live events
    };

    QString store; // a SQLite file path or a postgresql:// URL
    // Whether a missing or empty SQLite file becomes a new store (false for
    // a command that only reads).
    bool createStore = true;
    // Empty: ReadModel::defaultLocationFor(store).
    QString readModelLocation;
    ReadModelUse readModel = ReadModelUse::Follow;
    // Hears how far a rebuild of the read model at open has come (events
    // done, events in all), for a window to show while it runs.
    std::function<void(qint64 done, qint64 total)> readModelProgress;
    // The two sagas hold their groups' leases while this process runs; when
    // another process holds them, it settles this process's bookings.
    bool runSagas = true;
    bool runLockExpiry = false;
    // Whether the clock given to open() was set on purpose (--now, a test);
    // unset: any clock but the system's. Such a clock out of step with the
    // store's is warned of; the system's own is also refused commands that
    // depend on the time (StoreClock).
    std::optional<bool> clockIsDeliberate;
    // Where the store's time is read, for tests; empty: the store's clock.
    std::function<StoreResult<QDateTime>()> storeTime;
    // How often a long-running process compares its clock with the store's.
    std::chrono::milliseconds clockCheckInterval {60000};
    // How long book() and walkIn() wait for the sagas to settle a booking.
    std::chrono::milliseconds settleTimeout {10000};
    PersistentSubscription::Settings sagaSettings;
};

} // namespace hoststand
