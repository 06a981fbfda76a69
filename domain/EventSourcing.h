#pragma once

#include "domain/DomainError.h"
#include "domain/contracts/DomainEvent.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/EventStore.h"

#include <QList>
#include <QString>

#include <functional>

// What both bounded contexts need to keep aggregates in streams: load a
// stream as decoded events, append decoded events, retry on a conflict.
namespace hoststand::EventSourcing {

struct LoadedStream final
{
    QList<DomainEvent> events;
    qint64 revision = NoStreamRevision; // expect this when appending
};

// Reads and decodes the stream's events after a revision (the whole stream
// by default); revision is then the last one read, or the one given when
// none came after it. An event this version cannot decode is a StoreFailure
// naming the stream and position, never skipped silently.
DomainResult<LoadedStream> load(EventStore &store, const QString &stream,
                                qint64 afterRevision = NoStreamRevision);

// Encodes and appends atomically. Ids may be given for idempotent writes
// (for example derived from the event that caused them); otherwise random.
// An event the codec cannot write is InvalidInput, and nothing is appended.
DomainResult<AppendResult> append(EventStore &store, const QString &stream,
                                  const QList<DomainEvent> &events,
                                  const ExpectedRevision &expected, const EventMetadata &metadata,
                                  const QList<QUuid> &ids = {});

// A deterministic event id: the same cause and purpose always give the same
// id, so a redelivered saga step cannot write its event twice.
QUuid derivedEventId(const QUuid &cause, const QString &purpose);

// Runs attempt until it succeeds or fails with something other than a
// concurrency Conflict, at most maxAttempts times.
template<typename T>
DomainResult<T> retryOnConflict(const std::function<DomainResult<T>()> &attempt,
                                int maxAttempts = 10)
{
    for (int i = 1;; ++i) {
        DomainResult<T> result = attempt();
        if (result.ok() || result.error().code() != DomainError::Code::Conflict || i >= maxAttempts)
            return result;
    }
}

} // namespace hoststand::EventSourcing
