#pragma once

#include "eventstore/PersistentSubscription.h"

#include <QString>

#include <chrono>
#include <functional>

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
    // How long book() and walkIn() wait for the sagas to settle a booking.
    std::chrono::milliseconds settleTimeout {10000};
    PersistentSubscription::Settings sagaSettings;
};

} // namespace hoststand
