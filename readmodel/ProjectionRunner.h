#pragma once

#include "eventstore/CatchUpSubscription.h"
#include "readmodel/ChangeSet.h"
#include "readmodel/ProjectedEvent.h"
#include "readmodel/ProjectionCheckpoints.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

namespace hoststand {

class EventStore;
class Projection;
class ReadConnection;

// Feeds the store's events to the projections through one catch-up
// subscription and commits them in batches: each batch's rows and
// checkpoints in one transaction. Inside the transaction the stored
// checkpoints are read again, so an event another process has projected
// into the same tables meanwhile is not applied twice, and a checkpoint
// moved back (another process rebuilt the tables) restarts the
// subscription from there instead of leaving a gap.
class ProjectionRunner final : public QObject
{
    Q_OBJECT

public:
    // While catching up, up to this many events share a transaction.
    static constexpr qsizetype BatchSize = 4000;
    // And in bulk: fewer commits rewrite the tables' last pages less often.
    static constexpr qsizetype BulkBatchSize = 16000;
    // Live, a batch the read file was too busy for goes again after this.
    static constexpr std::chrono::milliseconds RetryDelay {500};
    // A projection further behind than this catches up without its indexes
    // and makes them at the end.
    static constexpr qint64 DeferIndexesAbove = 50000;

    ProjectionRunner(EventStore &store, ReadConnection &connection, QList<Projection *> projections,
                     int version, QObject *parent = nullptr);
    ~ProjectionRunner() override;

    // Creates what a projection new to the file needs and prepares the
    // others; returns the projections whose stored version is older than
    // this code's, which must be reset before they project again.
    StoreResult<QList<Projection *>> open();
    // Makes the projections' tables anew, empty, with their checkpoint at 0.
    StoreResult<void> reset(const QList<Projection *> &projections);
    // Projects everything up to the end of the store, then follows live
    // events (one transaction per wake-up) and reports each commit.
    StoreResult<void> catchUp();
    void stop();

    // The position every projection has reached.
    qint64 position() const;

Q_SIGNALS:
    void committed(const hoststand::ChangeSet &changes);
    void progress(qint64 done, qint64 total);
    void failed(const hoststand::StoreError &error);

private:
    struct BatchOutcome
    {
        std::optional<qint64> restartFrom;
        ChangeSet changes;
    };

    StoreResult<void> loadPositions();
    StoreResult<void> follow(qint64 from);
    StoreResult<void> followInBulk(const QList<Projection *> &deferred);
    StoreResult<void> applySettings(const QStringList &settings);
    void subscribe(qint64 afterPosition);
    void resubscribeLater();
    void resubscribe();
    void receive(const RecordedEvent &event);
    void flush();
    void flushLive();
    void retryLater(const QList<RecordedEvent> &batch);
    StoreResult<BatchOutcome> applyBatch(const QList<RecordedEvent> &batch);
    StoreResult<void> applyEvents(const QList<RecordedEvent> &batch,
                                  const QHash<QString, Checkpoint> &stored, ChangeSet &changes);
    StoreResult<void> saveCheckpoints(qint64 last, const QHash<QString, Checkpoint> &stored);
    StoreResult<QList<Projection *>> openProjections();
    StoreResult<void> dropRetired(const QHash<QString, Checkpoint> &stored);
    StoreResult<bool> openProjection(Projection &projection,
                                     const QHash<QString, Checkpoint> &stored);
    StoreResult<void> createTables(Projection &projection);
    StoreResult<QList<Projection *>> prepareIndexes(qint64 lastPosition);
    StoreResult<void> createIndexes(const QList<Projection *> &projections);
    StoreResult<void> createIndexesNow(const QList<Projection *> &projections);
    void requestRestart(qint64 afterPosition);
    void restartLive();
    void fail(const StoreError &error);
    void reportProgress(qint64 position);
    void detachSubscription();

    EventStore &m_store;
    ReadConnection &m_connection;
    QList<Projection *> m_projections;
    int m_version;
    ProjectionCheckpoints m_checkpoints;
    EventReader m_reader;
    // A child deleted later: a restart may be asked from inside its delivery.
    CatchUpSubscription *m_subscription = nullptr;
    QList<RecordedEvent> m_buffer;
    QHash<QString, qint64> m_positions;
    std::optional<StoreError> m_error;
    std::optional<qint64> m_restartFrom;
    qsizetype m_batchSize = BatchSize;
    bool m_live = false;
    bool m_flushScheduled = false;
    bool m_waitingForStore = false;
    // Progress of a catch-up that rebuilds: from where, up to where.
    bool m_reportProgress = false;
    qint64 m_progressFrom = 0;
    qint64 m_progressTotal = 0;
};

} // namespace hoststand
