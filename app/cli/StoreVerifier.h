#pragma once

#include "eventstore/StoreError.h"

#include <QStringList>

namespace hoststand {
class EventStore;
}

namespace hoststand::cli {

// What `hoststand-cli verify` checks of the store itself, beyond what the
// store's own code would notice: SQLite's integrity check on the file, and
// that positions and each stream's revisions run without gaps.
class StoreVerifier final
{
public:
    static constexpr qsizetype MaxProblems = 20;

    explicit StoreVerifier(EventStore &store);

    // Whether the store is a SQLite file that integrityProblems() checks;
    // a PostgreSQL server checks its own pages.
    bool checksIntegrity() const;
    // PRAGMA integrity_check through a read-only connection of its own;
    // empty for a store that is not a SQLite file.
    StoreResult<QStringList> integrityProblems() const;
    // Positions 1..n and revisions 0..n per stream; counts the events read.
    StoreResult<QStringList> sequenceProblems(qint64 &eventCount) const;

private:
    EventStore &m_store;
};

} // namespace hoststand::cli
