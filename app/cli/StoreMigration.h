#pragma once

#include "eventstore/StoreError.h"

#include <QStringList>

#include <functional>

namespace hoststand {
class EventStore;
class PostgresEventStore;
struct RecordedEvent;
} // namespace hoststand

namespace hoststand::cli {

// Moves a store onto a PostgreSQL server (`hoststand-cli migrate`): copies
// every event as it is, with its id, stream, revision, position and
// creation time, in batches under the target's append lock, then the
// sagas' subscription groups, and compares every event of both stores.
// A target that already holds events is used only when they are the start
// of this very source (a copy that was interrupted): the copy resumes
// after them.
class StoreMigration final
{
public:
    // Events per import: one transaction, a few INSERT statements.
    static constexpr qint64 BatchSize = 2000;
    static constexpr int MaxDifferences = 20;

    // Events done so far of the total, now and then.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    StoreMigration(EventStore &source, PostgresEventStore &target);

    // Where the copy starts: 0 for an empty target, the target's last
    // position for a partial copy of this source. Refuses anything else,
    // having written nothing.
    StoreResult<qint64> resumePoint(const Progress &progress = {});
    // Copies the events after the position; returns the last position copied.
    StoreResult<qint64> copyEvents(qint64 after, const Progress &progress = {});
    // Gives the target the sagas' groups as the source has them (their
    // checkpoints and parked events), unless the target has them already.
    // Returns the names of the groups copied.
    StoreResult<QStringList> copyGroups();
    // Compares every event of both stores field by field; returns the
    // differences (at most MaxDifferences), none when the copy is exact.
    StoreResult<QStringList> verify(const Progress &progress = {});

    // How two events differ, for people; empty when they are the same.
    static QString difference(const RecordedEvent &source, const RecordedEvent &target);

private:
    StoreResult<void> copyGroup(const QString &group);
    StoreResult<void> copyParked(const QString &group);
    using Comparison = std::function<bool(const RecordedEvent *, const RecordedEvent *)>;
    StoreResult<void> compare(qint64 upTo, const Comparison &compare, const Progress &progress);

    EventStore &m_source;
    PostgresEventStore &m_target;
};

} // namespace hoststand::cli
