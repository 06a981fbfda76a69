#include "readmodel/ProjectionRunner.h"

#include "eventstore/EventStore.h"
#include "readmodel/Projection.h"
#include "readmodel/ReadConnection.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand {

ProjectionRunner::ProjectionRunner(EventStore &store, ReadConnection &connection,
                                   QList<Projection *> projections, int version, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_connection(connection)
    , m_projections(std::move(projections))
    , m_version(version)
{ }

ProjectionRunner::~ProjectionRunner()
{
    detachSubscription();
}

StoreResult<void> ProjectionRunner::createTables(Projection &projection)
{
    for (const QString &sql : projection.schema()) {
        if (auto created = m_connection.execute(m_connection.dialect().ddl(sql)); !created.ok())
            return created;
    }
    return {};
}

// Drops the indexes of the projections far behind, and makes sure the
// others have theirs (a catch-up killed before it made them again).
StoreResult<QList<Projection *>> ProjectionRunner::prepareIndexes(qint64 lastPosition)
{
    QList<Projection *> deferred;
    ReadTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    for (Projection *projection : std::as_const(m_projections)) {
        if (lastPosition - m_positions.value(projection->name()) <= DeferIndexesAbove)
            continue;
        deferred.append(projection);
        for (const ReadIndex &index : projection->indexes(m_connection.dialect())) {
            if (auto dropped = m_connection.execute(u"DROP INDEX IF EXISTS "_s + index.name);
                !dropped.ok())
                return dropped.error();
        }
    }
    QList<Projection *> indexed = m_projections;
    indexed.removeIf([&deferred](Projection *p) { return deferred.contains(p); });
    if (auto created = createIndexes(indexed); !created.ok())
        return created.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return deferred;
}

StoreResult<void> ProjectionRunner::createIndexes(const QList<Projection *> &projections)
{
    const ReadDialect &dialect = m_connection.dialect();
    for (Projection *projection : projections) {
        for (const ReadIndex &index : projection->indexes(dialect)) {
            if (auto created = m_connection.execute(dialect.ddl(index.sql)); !created.ok())
                return created;
        }
    }
    return {};
}

static StoreError newerProjection(const QString &name, int stored, int version)
{
    return StoreError(StoreError::Code::NewerSchema,
                      u"The read model's %1 were built by a newer Hoststand (projection version "
                      "%2; this version knows up to %3). Update Hoststand, or use another read "
                      "model location."_s.arg(name)
                          .arg(stored)
                          .arg(version));
}

StoreResult<QList<Projection *>> ProjectionRunner::open()
{
    if (auto prepared = m_checkpoints.prepare(m_connection); !prepared.ok())
        return prepared.error();
    auto outdated = openProjections();
    if (!outdated.ok())
        return outdated;
    for (Projection *projection : std::as_const(m_projections)) {
        if (outdated.value().contains(projection))
            continue;
        if (auto prepared = projection->prepare(m_connection); !prepared.ok())
            return prepared.error();
    }
    return outdated;
}

// Projections an earlier version kept, by name, with their tables. The
// audit log's copy of every event now is the store's own log
// (EventStore::readLog): half of a read file's size, and most of a rebuild.
static const QHash<QString, QStringList> &retiredProjections()
{
    static const QHash<QString, QStringList> retired {
        {u"audit"_s, {u"audit_log"_s, u"audit_data"_s}},
    };
    return retired;
}

StoreResult<void> ProjectionRunner::dropRetired(const QHash<QString, Checkpoint> &stored)
{
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!retiredProjections().contains(it.key()))
            continue;
        for (const QString &table : retiredProjections().value(it.key())) {
            if (auto dropped = m_connection.execute(u"DROP TABLE IF EXISTS "_s + table);
                !dropped.ok())
                return dropped;
        }
        if (auto forgotten
            = m_connection.execute(u"DELETE FROM projections WHERE name = '%1'"_s.arg(it.key()));
            !forgotten.ok())
            return forgotten;
    }
    return {};
}

StoreResult<QList<Projection *>> ProjectionRunner::openProjections()
{
    ReadTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    auto stored = m_checkpoints.read();
    if (!stored.ok())
        return stored.error();
    if (auto dropped = dropRetired(stored.value()); !dropped.ok())
        return dropped.error();
    QList<Projection *> outdated;
    for (Projection *projection : std::as_const(m_projections)) {
        auto isOutdated = openProjection(*projection, stored.value());
        if (!isOutdated.ok())
            return isOutdated.error();
        if (isOutdated.value())
            outdated.append(projection);
    }
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return outdated;
}

// Returns whether the projection's tables are of an older version.
StoreResult<bool> ProjectionRunner::openProjection(Projection &projection,
                                                   const QHash<QString, Checkpoint> &stored)
{
    const auto found = stored.constFind(projection.name());
    const bool known = found != stored.cend();
    if (known && found->version > m_version)
        return newerProjection(projection.name(), found->version, m_version);
    if (known && found->version < m_version)
        return true;
    if (auto created = createTables(projection); !created.ok())
        return created.error();
    if (!known) {
        if (auto saved = m_checkpoints.save(projection.name(), {m_version, 0}); !saved.ok())
            return saved.error();
    }
    m_positions.insert(projection.name(), known ? found->position : 0);
    return false;
}

StoreResult<void> ProjectionRunner::reset(const QList<Projection *> &projections)
{
    ReadTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun;
    for (Projection *projection : projections) {
        for (const ReadTable &table : projection->tables()) {
            if (auto dropped = m_connection.execute(u"DROP TABLE IF EXISTS "_s + table.name);
                !dropped.ok())
                return dropped;
        }
        if (auto created = createTables(*projection); !created.ok())
            return created;
        if (auto saved = m_checkpoints.save(projection->name(), {m_version, 0}); !saved.ok())
            return saved;
    }
    if (auto committed = transaction.commit(); !committed.ok())
        return committed;
    for (Projection *projection : projections) {
        if (auto prepared = projection->prepare(m_connection); !prepared.ok())
            return prepared;
        m_positions.insert(projection->name(), 0);
    }
    return {};
}

StoreResult<void> ProjectionRunner::catchUp()
{
    if (std::exchange(m_waitingForStore, false))
        disconnect(&m_store, nullptr, this, nullptr);
    detachSubscription();
    m_live = false;
    m_error.reset();
    m_restartFrom.reset();
    m_buffer.clear();
    if (auto loaded = loadPositions(); !loaded.ok())
        return loaded;
    auto last = m_store.lastPosition();
    if (!last.ok())
        return last.error();
    // Catching up from 0 builds the tables from nothing: report it as a rebuild.
    const auto atZero = [](qint64 p) {
        return p == 0;
    };
    m_reportProgress
        = last.value() > 0 && std::any_of(m_positions.cbegin(), m_positions.cend(), atZero);
    m_progressFrom = position();
    m_progressTotal = last.value() - m_progressFrom;
    auto deferred = prepareIndexes(last.value());
    if (!deferred.ok())
        return deferred.error();
    auto caught = deferred.value().isEmpty() ? follow(position()) : followInBulk(deferred.value());
    if (!caught.ok())
        return caught;
    m_reportProgress = false;
    m_live = true;
    return {};
}

StoreResult<void> ProjectionRunner::loadPositions()
{
    auto stored = m_checkpoints.read();
    if (!stored.ok())
        return stored.error();
    for (auto it = stored.value().cbegin(); it != stored.value().cend(); ++it) {
        if (m_positions.contains(it.key()))
            m_positions.insert(it.key(), it->position);
    }
    return {};
}

// Catches up without the deferred projections' indexes and without waiting
// for the disk at each commit, then makes the indexes.
StoreResult<void> ProjectionRunner::followInBulk(const QList<Projection *> &deferred)
{
    const ReadDialect &dialect = m_connection.dialect();
    if (auto set = applySettings(dialect.bulkLoadSettings(true)); !set.ok())
        return set;
    m_batchSize = BulkBatchSize;
    auto caught = follow(position());
    m_batchSize = BatchSize;
    if (caught.ok())
        caught = createIndexesNow(deferred);
    if (auto set = applySettings(dialect.bulkLoadSettings(false)); !set.ok())
        return set;
    return caught;
}

StoreResult<void> ProjectionRunner::createIndexesNow(const QList<Projection *> &projections)
{
    ReadTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun;
    if (auto created = createIndexes(projections); !created.ok())
        return created;
    return transaction.commit();
}

// Delivers the history from the position, and again from where another
// process moved the checkpoints back to, until the end of the store.
StoreResult<void> ProjectionRunner::follow(qint64 from)
{
    for (;;) {
        subscribe(from);
        flush();
        if (m_error)
            return *m_error;
        if (!m_restartFrom)
            return {};
        from = *std::exchange(m_restartFrom, std::nullopt);
    }
}

StoreResult<void> ProjectionRunner::applySettings(const QStringList &settings)
{
    for (const QString &setting : settings) {
        if (auto applied = m_connection.execute(setting); !applied.ok())
            return applied;
    }
    return {};
}

void ProjectionRunner::stop()
{
    if (std::exchange(m_waitingForStore, false))
        disconnect(&m_store, nullptr, this, nullptr);
    detachSubscription();
    m_buffer.clear();
    m_live = false;
}

qint64 ProjectionRunner::position() const
{
    if (m_positions.isEmpty())
        return 0;
    return *std::min_element(m_positions.cbegin(), m_positions.cend());
}

void ProjectionRunner::detachSubscription()
{
    if (!m_subscription)
        return;
    disconnect(m_subscription, nullptr, this, nullptr);
    m_subscription->stop();
    m_subscription->deleteLater();
    m_subscription = nullptr;
}

void ProjectionRunner::subscribe(qint64 afterPosition)
{
    detachSubscription();
    m_subscription = new CatchUpSubscription(m_store, afterPosition, {}, this);
    connect(m_subscription, &CatchUpSubscription::eventAppeared, this, &ProjectionRunner::receive);
    connect(m_subscription, &CatchUpSubscription::dropped, this, [this](const StoreError &error) {
        if (m_live && error.isTransient())
            resubscribeLater();
        else
            fail(error);
    });
    m_subscription->start(); // delivers the history before it returns
}

// The store could not be read live (its server went away): once it is back
// or reports new events, the subscription starts again from the position
// the read tables hold, so that nothing buffered is skipped or applied twice.
void ProjectionRunner::resubscribeLater()
{
    detachSubscription();
    m_buffer.clear();
    if (m_waitingForStore)
        return;
    m_waitingForStore = true;
    connect(&m_store, &EventStore::availabilityChanged, this, [this](bool available) {
        if (available)
            resubscribe();
    });
    connect(&m_store, &EventStore::appended, this, &ProjectionRunner::resubscribe);
}

void ProjectionRunner::resubscribe()
{
    if (!m_waitingForStore)
        return;
    m_waitingForStore = false;
    disconnect(&m_store, nullptr, this, nullptr);
    subscribe(position());
    flush();
}

void ProjectionRunner::receive(const RecordedEvent &event)
{
    if (m_error || m_restartFrom)
        return;
    m_buffer.append(event);
    if (m_buffer.size() >= m_batchSize) {
        flush();
    } else if (m_live && !m_flushScheduled) {
        // After the subscription has delivered all this wake-up brought.
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &ProjectionRunner::flushLive, Qt::QueuedConnection);
    }
}

// Another process held the read file's write lock for longer than the busy
// timeout (a rebuild making its indexes): the batch waits and goes again,
// ahead of what arrived meanwhile.
void ProjectionRunner::retryLater(const QList<RecordedEvent> &batch)
{
    m_buffer = batch + m_buffer;
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(RetryDelay, this, &ProjectionRunner::flushLive);
}

void ProjectionRunner::flushLive()
{
    m_flushScheduled = false;
    flush();
}

void ProjectionRunner::flush()
{
    if (m_buffer.isEmpty() || m_error || m_restartFrom)
        return;
    const QList<RecordedEvent> batch = std::exchange(m_buffer, {});
    auto outcome = applyBatch(batch);
    if (!outcome.ok() && m_live && outcome.error().isTransient()
        && outcome.error().code() != StoreError::Code::FilesReplaced) {
        retryLater(batch);
        return;
    }
    if (!outcome.ok()) {
        fail(outcome.error());
        return;
    }
    if (outcome.value().restartFrom) {
        requestRestart(*outcome.value().restartFrom);
        return;
    }
    if (m_live && !outcome.value().changes.isEmpty())
        Q_EMIT committed(outcome.value().changes);
    if (!m_live)
        reportProgress(batch.constLast().position);
}

StoreResult<ProjectionRunner::BatchOutcome> ProjectionRunner::applyBatch(
    const QList<RecordedEvent> &batch)
{
    ReadTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    auto stored = m_checkpoints.read();
    if (!stored.ok())
        return stored.error();
    for (Projection *projection : std::as_const(m_projections))
        projection->discardBatch();
    BatchOutcome outcome;
    qint64 lowest = std::numeric_limits<qint64>::max();
    for (Projection *projection : std::as_const(m_projections)) {
        const Checkpoint checkpoint = stored.value().value(projection->name());
        if (checkpoint.version != m_version)
            return newerProjection(projection->name(), checkpoint.version, m_version);
        lowest = std::min(lowest, checkpoint.position);
    }
    if (lowest < batch.constFirst().position - 1) {
        outcome.restartFrom = lowest; // rebuilt elsewhere: read the events in between
        return outcome;
    }
    if (auto applied = applyEvents(batch, stored.value(), outcome.changes); !applied.ok())
        return applied.error();
    for (Projection *projection : std::as_const(m_projections)) {
        if (auto finished = projection->finishBatch(); !finished.ok())
            return finished.error();
    }
    const qint64 last = batch.constLast().position;
    if (auto saved = saveCheckpoints(last, stored.value()); !saved.ok())
        return saved.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    for (auto it = m_positions.begin(); it != m_positions.end(); ++it)
        *it = std::max(last, stored.value().value(it.key()).position);
    return outcome;
}

StoreResult<void> ProjectionRunner::applyEvents(const QList<RecordedEvent> &batch,
                                                const QHash<QString, Checkpoint> &stored,
                                                ChangeSet &changes)
{
    QList<qint64> applied; // each projection's checkpoint, in m_projections' order
    for (Projection *projection : std::as_const(m_projections))
        applied.append(stored.value(projection->name()).position);
    for (const RecordedEvent &event : batch) {
        const ProjectedEvent projected(event, m_reader);
        for (qsizetype i = 0; i < m_projections.size(); ++i) {
            if (event.position <= applied.at(i))
                continue; // another process applied it already
            if (auto done = m_projections.at(i)->apply(projected); !done.ok())
                return StoreError(done.error().code(),
                                  u"%1 (projection %2, event %3 at position %4)"_s.arg(
                                      done.error().message(), m_projections.at(i)->name(),
                                      event.type, QString::number(event.position)));
        }
        if (m_live)
            changes.collect(projected);
    }
    return {};
}

StoreResult<void> ProjectionRunner::saveCheckpoints(qint64 last,
                                                    const QHash<QString, Checkpoint> &stored)
{
    for (Projection *projection : std::as_const(m_projections)) {
        if (stored.value(projection->name()).position >= last)
            continue;
        if (auto saved = m_checkpoints.save(projection->name(), {m_version, last}); !saved.ok())
            return saved;
    }
    return {};
}

void ProjectionRunner::requestRestart(qint64 afterPosition)
{
    m_restartFrom = afterPosition;
    m_buffer.clear();
    if (m_subscription) {
        disconnect(m_subscription, nullptr, this, nullptr);
        m_subscription->stop();
    }
    if (m_live)
        QMetaObject::invokeMethod(this, &ProjectionRunner::restartLive, Qt::QueuedConnection);
}

void ProjectionRunner::restartLive()
{
    if (!m_restartFrom || m_error)
        return;
    const qint64 from = *std::exchange(m_restartFrom, std::nullopt);
    subscribe(from);
    flush();
}

void ProjectionRunner::fail(const StoreError &error)
{
    if (m_error)
        return;
    m_error = error;
    m_buffer.clear();
    if (m_subscription) {
        disconnect(m_subscription, nullptr, this, nullptr);
        m_subscription->stop();
    }
    Q_EMIT failed(error);
}

void ProjectionRunner::reportProgress(qint64 position)
{
    if (!m_reportProgress)
        return;
    const qint64 done = position - m_progressFrom;
    Q_EMIT progress(done, std::max(done, m_progressTotal));
}

} // namespace hoststand
