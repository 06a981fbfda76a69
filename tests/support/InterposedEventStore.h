#pragma once

#include "eventstore/EventStore.h"

#include <functional>
#include <utility>

namespace hoststand::test {

// An event store that forwards to a real one and lets a test step in: run
// something just before the next append (another terminal writing at the
// same moment), or fail appends and reads as a broken disk would.
class InterposedEventStore final : public EventStore
{
public:
    explicit InterposedEventStore(EventStore &inner)
        : m_inner(inner)
    {
        connect(&inner, &EventStore::appended, this, &EventStore::appended);
    }

    // Runs once, before the next append reaches the real store.
    std::function<void()> beforeNextAppend;
    // How many of the next appends fail, without writing.
    int failingAppends = 0;
    bool failingReads = false;
    int appendAttempts = 0;

    QString location() const override { return m_inner.location(); }
    bool isAvailable() const override { return !m_away && m_inner.isAvailable(); }
    // Counts as out of reach (false) or back (true), as a lost server would.
    void setAvailable(bool available)
    {
        m_away = !available;
        Q_EMIT availabilityChanged(available,
                                   available ? QString() : QStringLiteral("The store is away."));
    }

    StoreResult<AppendResult> append(const QString &stream, const QList<EventData> &events,
                                     const ExpectedRevision &expected) override
    {
        ++appendAttempts;
        if (auto interject = std::exchange(beforeNextAppend, {}))
            interject();
        if (failingAppends > 0) {
            --failingAppends;
            return diskFailure();
        }
        return m_inner.append(stream, events, expected);
    }

    StoreResult<QList<RecordedEvent>> readStream(const QString &stream, ReadDirection direction,
                                                 qint64 fromRevision, qint64 maxCount) override
    {
        if (failingReads)
            return diskFailure();
        return m_inner.readStream(stream, direction, fromRevision, maxCount);
    }

    StoreResult<QList<RecordedEvent>> readAll(qint64 afterPosition, qint64 maxCount,
                                              const ReadAllFilter &filter = {}) override
    {
        if (failingReads)
            return diskFailure();
        return m_inner.readAll(afterPosition, maxCount, filter);
    }

    StoreResult<QList<RecordedEvent>> readLog(const EventLogFilter &filter) override
    {
        if (m_away)
            return StoreError(
                StoreError::Code::Unavailable,
                QStringLiteral("The store cannot be reached (the test took it away)."));
        if (failingReads)
            return diskFailure();
        return m_inner.readLog(filter);
    }

    StoreResult<qint64> streamRevision(const QString &stream) override
    {
        return m_inner.streamRevision(stream);
    }
    StoreResult<qint64> lastPosition() override { return m_inner.lastPosition(); }
    StoreResult<void> withGroups(
        GroupAccess access,
        const std::function<StoreResult<void>(SubscriptionGroups &)> &work) override
    {
        return m_inner.withGroups(access, work);
    }

private:
    static StoreError diskFailure()
    {
        return StoreError(StoreError::Code::Database,
                          QStringLiteral("The disk failed (simulated by the test)."));
    }

    EventStore &m_inner;
    bool m_away = false;
};

} // namespace hoststand::test
