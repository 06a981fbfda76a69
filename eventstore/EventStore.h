#pragma once

#include "eventstore/EventData.h"
#include "eventstore/EventLogFilter.h"
#include "eventstore/ExpectedRevision.h"
#include "eventstore/ReadAllFilter.h"
#include "eventstore/RecordedEvent.h"
#include "eventstore/StoreError.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace hoststand {

class SubscriptionGroups;

enum class ReadDirection { Forwards, Backwards };

// For a backwards read: start at the stream's last event.
inline constexpr qint64 EndOfStream = -1;

struct AppendResult final
{
    qint64 revision = NoStreamRevision; // of the last event in the stream after the append
    qint64 position = 0; // of the last event appended
};

// A persistent subscription group as the store keeps it.
struct SubscriptionGroupInfo final
{
    QString name;
    qint64 checkpoint = 0; // every event up to here is handled
    QString leaseOwner; // empty when nobody holds the group
    QDateTime leaseExpires;
};

// An event a group's consumer gave up on: kept aside with the reason, until
// it is replayed.
struct ParkedEvent final
{
    qint64 position = 0;
    int attempts = 0;
    QString reason;
    QDateTime parkedAt;
    bool replayRequested = false;
};

// The append-only event store (docs/architecture.md, "The event store"). Backends: SQLite
// (embedded) and PostgreSQL (shared). Every operation returns a typed error
// instead of throwing; a failed write writes nothing.
//
// Live updates: after each commit in this process the store emits
// appended(); when another process or terminal has appended, the store
// notices (SQLite: PRAGMA data_version, PostgreSQL: NOTIFY) and emits
// appended() too. Subscribers treat it as a wake-up and read on from their
// own position.
class EventStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~EventStore() override;

    // Where the store lives, for people: a file path, or a URL without password.
    virtual QString location() const = 0;
    // Whether the store can be reached now; availabilityChanged() tells of
    // each change.
    virtual bool isAvailable() const { return true; }
    // Whether this process may write to it (a SQLite file of another user
    // may be readable only); appends to a store that is not are refused.
    virtual bool isWritable() const { return true; }
    // Another connection to this store, in this process, committed or
    // found commits up to lastPosition (Engine): this one tells its
    // subscribers now rather than at its next poll. appended() tells of
    // them, from the event loop.
    virtual void hearOfCommits(qint64 lastPosition) { Q_UNUSED(lastPosition) }
    // Another connection to this store's server lost it (or reached it
    // again), with the message it tells the host: a store that follows it
    // (follow()) stops asking the server at once rather than finding out
    // through a query that hangs for the length of a network timeout.
    virtual void hearOfServer(bool available, const QString &message)
    {
        Q_UNUSED(available)
        Q_UNUSED(message)
    }
    // Leaves watching for other processes' commits and for the server to
    // leader, another connection to the same store (on another thread):
    // what it finds reaches this one through hearOfCommits() and
    // hearOfServer(), queued, and this one stops watching by itself where
    // watching would block its thread (stopWatching()).
    void follow(EventStore &leader);

    // Appends the events atomically after checking the expectation. An
    // append of event ids that are already stored at the same place in the
    // same stream succeeds again without writing (idempotent retry).
    virtual StoreResult<AppendResult> append(const QString &stream, const QList<EventData> &events,
                                             const ExpectedRevision &expected)
        = 0;

    // Forwards: revisions >= fromRevision; backwards: revisions <= fromRevision
    // (EndOfStream: from the last). At most maxCount events. An unknown
    // stream reads as empty.
    virtual StoreResult<QList<RecordedEvent>> readStream(const QString &stream,
                                                         ReadDirection direction,
                                                         qint64 fromRevision, qint64 maxCount)
        = 0;

    // Events at positions > afterPosition, in position order, at most maxCount.
    virtual StoreResult<QList<RecordedEvent>> readAll(qint64 afterPosition, qint64 maxCount,
                                                      const ReadAllFilter &filter = {})
        = 0;

    // A page of the log (EventLogFilter): what the audit trail shows. Each
    // filter has an index whose entries end in the position, so a page is a
    // range of one index however long the log is.
    virtual StoreResult<QList<RecordedEvent>> readLog(const EventLogFilter &filter) = 0;

    // The revision of the stream's last event, or NoStreamRevision.
    virtual StoreResult<qint64> streamRevision(const QString &stream) = 0;
    // The position of the last event in the store, 0 when empty.
    virtual StoreResult<qint64> lastPosition() = 0;
    // The time by the clock that stamps the store's events: this machine's
    // for a local file, the server's for a shared store.
    virtual StoreResult<QDateTime> storeTime();

    // --- Persistent subscription groups (see PersistentSubscription) ---

    // Creates the group with its checkpoint at startAfter; does nothing if it exists.
    StoreResult<void> createGroup(const QString &group, qint64 startAfter);
    StoreResult<SubscriptionGroupInfo> groupInfo(const QString &group);
    // Takes or renews the group's lease for owner. Returns false, without
    // error, while another owner's lease has not expired. Lease times come
    // from the database's clock, so machines with skewed clocks agree.
    StoreResult<bool> acquireLease(const QString &group, const QString &owner,
                                   std::chrono::milliseconds duration);
    StoreResult<void> releaseLease(const QString &group, const QString &owner);
    // The writes below are fenced: they fail with LeaseNotHeld unless owner
    // holds the group's lease.
    StoreResult<void> advanceCheckpoint(const QString &group, const QString &owner,
                                        qint64 position);
    // Counts one more failed attempt at the event; returns the count so far.
    StoreResult<int> recordRetry(const QString &group, const QString &owner, qint64 position);
    // Parks the event with the reason and moves the checkpoint past it.
    StoreResult<void> parkEvent(const QString &group, const QString &owner, qint64 position,
                                const QString &reason);
    // Takes a parked event out of the parked list (after a successful replay).
    StoreResult<void> unparkEvent(const QString &group, const QString &owner, qint64 position);
    StoreResult<QList<ParkedEvent>> parkedEvents(const QString &group);
    // Asks the group's consumer to deliver its parked events again; returns how many.
    StoreResult<int> replayParkedEvents(const QString &group);
    // The same for one parked event; false when it is not parked.
    StoreResult<bool> replayParkedEvent(const QString &group, qint64 position);
    // Takes a parked event out of the list without delivering it again (an
    // operator skipping a step that can never succeed); false when it is
    // not parked. No lease is needed: the consumer never reads it again.
    StoreResult<bool> discardParkedEvent(const QString &group, qint64 position);

    // What the group methods above run on: the store's subscription groups,
    // held for work (the open file on SQLite, the live session on
    // PostgreSQL), or the store's reason why they cannot be. A write is
    // refused by a store opened read-only.
    enum class GroupAccess { Read, Write };
    virtual StoreResult<void> withGroups(
        GroupAccess access, const std::function<StoreResult<void>(SubscriptionGroups &)> &work)
        = 0;

Q_SIGNALS:
    // Events up to lastPosition are committed (here or by another process).
    void appended(qint64 lastPosition);
    // The connection to the store was lost (false) or is back (true).
    void availabilityChanged(bool available, const QString &message);

protected:
    // Stops the watching that follow() leaves to a leader: nothing where a
    // look is a read of a local file that never hangs (SQLite, whose poll
    // also notices a replaced file); no poll and no listening where it is
    // a round trip to a server (PostgreSQL).
    virtual void stopWatching() { }
};

} // namespace hoststand
