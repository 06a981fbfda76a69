#pragma once

#include "eventstore/EventStore.h"
#include "eventstore/PostgresConnectionSettings.h"

#include <chrono>
#include <memory>

namespace hoststand {

class PostgresSession;

struct PostgresStoreOptions final
{
    // How long a connection attempt may take before the server counts as unreachable.
    std::chrono::seconds connectTimeout {5};
    // The fallback when a notification is lost: how often to look at the
    // last position (and so also to notice a lost connection).
    std::chrono::milliseconds pollInterval {1000};
    // Reconnection attempts start after the first delay and back off,
    // doubling, up to the second.
    std::chrono::milliseconds reconnectDelay {200};
    std::chrono::milliseconds maxReconnectDelay {3000};
};

// The shared event store: a schema of its own in a PostgreSQL database,
// reached through Qt's QPSQL driver, for terminals on several machines.
// Other terminals' appends arrive as NOTIFY wake-ups, with a slow poll as
// the fallback. When the server cannot be reached every operation fails
// with Unavailable and writes nothing; the store reconnects by itself,
// emits availabilityChanged() both ways and then appended(), so that
// subscribers read on from their positions.
class PostgresEventStore final : public EventStore
{
    Q_OBJECT

public:
    // Connects, creates the schema when it is missing, and refuses a
    // schema of a newer version (NewerSchema) or of another application
    // (NotAStore); a server that cannot be reached is Unavailable.
    static StoreResult<std::unique_ptr<PostgresEventStore>> open(
        const PostgresConnectionSettings &settings, const PostgresStoreOptions &options = {});
    static StoreResult<std::unique_ptr<PostgresEventStore>> open(const QString &url,
                                                                 const PostgresStoreOptions &options
                                                                 = {});

    ~PostgresEventStore() override;

    static constexpr int SchemaVersion = 1;

    bool isAvailable() const override;
    void hearOfCommits(qint64 lastPosition) override;
    // A follower that hears the server is lost drops its session at once and
    // connects again (knocking first) only when it hears it is back.
    void hearOfServer(bool available, const QString &message) override;

    // Writes events recorded by another store (a SQLite store being moved to
    // the server) as they are: their positions, streams, revisions, ids,
    // types, data, metadata and creation times, in one transaction under
    // the append lock. They must continue this store exactly: the first at
    // the position after the last, without gaps, each at its stream's next
    // revision; otherwise nothing is written (InvalidArgument, or
    // DuplicateEventId for an id stored already). Returns the last position.
    StoreResult<qint64> importEvents(const QList<RecordedEvent> &events);
    // Where the store connects, password included: the read model's schema
    // in the same database connects alike.
    const PostgresConnectionSettings &connectionSettings() const;

    // EventStore
    QString location() const override;
    StoreResult<AppendResult> append(const QString &stream, const QList<EventData> &events,
                                     const ExpectedRevision &expected) override;
    StoreResult<QList<RecordedEvent>> readStream(const QString &stream, ReadDirection direction,
                                                 qint64 fromRevision, qint64 maxCount) override;
    StoreResult<QList<RecordedEvent>> readAll(qint64 afterPosition, qint64 maxCount,
                                              const ReadAllFilter &filter = {}) override;
    StoreResult<QList<RecordedEvent>> readLog(const EventLogFilter &filter) override;
    StoreResult<qint64> streamRevision(const QString &stream) override;
    StoreResult<qint64> lastPosition() override;
    StoreResult<QDateTime> storeTime() override;
    StoreResult<void> withGroups(
        GroupAccess access,
        const std::function<StoreResult<void>(SubscriptionGroups &)> &work) override;

private:
    class Private;
    explicit PostgresEventStore(std::unique_ptr<Private> d);

    // Runs an operation on the live session; a failure that lost the
    // connection starts the outage (after the operation has returned).
    template<typename Operation>
    auto onSession(Operation &&operation);

    void stopWatching() override;
    void attachSession();
    void dropSession(const QString &message);
    void connectionLost(const QString &message);
    void reconnect();
    void endKnock(bool answered, const QString &failure);
    void retryLater();
    void openSession();
    void onNotification(const QVariant &payload);
    void checkForNewEvents();
    void announce(qint64 lastPosition);

    std::unique_ptr<Private> d;
};

} // namespace hoststand
