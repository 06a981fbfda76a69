#pragma once

#include "eventstore/EventStore.h"

#include <QSqlDatabase>

#include <chrono>
#include <memory>

namespace hoststand {

struct SqliteStoreOptions final
{
    // FULL: a confirmed booking survives power loss. NORMAL is faster and
    // still never corrupts, but may lose the last commits on power loss.
    bool synchronousFull = true;
    std::chrono::milliseconds busyTimeout {5000};
    // How often to look for commits by other processes (PRAGMA data_version).
    std::chrono::milliseconds pollInterval {50};
    // Whether a missing or empty file becomes a new store; a command that
    // only reads is refused instead.
    bool create = true;
};

// The embedded event store: one SQLite file in WAL mode, shared by the
// processes of one machine.
class SqliteEventStore final : public EventStore
{
    Q_OBJECT

public:
    // Opens the store at path, creating it if the file does not exist (and
    // the options allow it). Refuses, and leaves the file untouched, when it
    // is not a Hoststand store, is corrupt, or was written by a newer schema
    // version. A store this user may not write is opened to be read only.
    static StoreResult<std::unique_ptr<SqliteEventStore>> open(const QString &path,
                                                               const SqliteStoreOptions &options
                                                               = {});

    ~SqliteEventStore() override;

    static constexpr int ApplicationId = 0x486f5374; // "HoSt"
    static constexpr int SchemaVersion = 1;

    // EventStore
    QString location() const override;
    bool isAvailable() const override;
    void hearOfCommits(qint64 lastPosition) override;
    bool isWritable() const override;
    StoreResult<AppendResult> append(const QString &stream, const QList<EventData> &events,
                                     const ExpectedRevision &expected) override;
    StoreResult<QList<RecordedEvent>> readStream(const QString &stream, ReadDirection direction,
                                                 qint64 fromRevision, qint64 maxCount) override;
    StoreResult<QList<RecordedEvent>> readAll(qint64 afterPosition, qint64 maxCount,
                                              const ReadAllFilter &filter = {}) override;
    StoreResult<QList<RecordedEvent>> readLog(const EventLogFilter &filter) override;
    // The statement readLog() runs for a shape of filter (EventLogFilter::shape),
    // for a test to read its plan.
    static QByteArray readLogSql(int shape);
    StoreResult<qint64> streamRevision(const QString &stream) override;
    StoreResult<qint64> lastPosition() override;
    StoreResult<void> withGroups(
        GroupAccess access,
        const std::function<StoreResult<void>(SubscriptionGroups &)> &work) override;

private:
    class Private;
    explicit SqliteEventStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace hoststand
