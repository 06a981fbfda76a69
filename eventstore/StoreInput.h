#pragma once

#include "eventstore/EventData.h"
#include "eventstore/EventStore.h"
#include "eventstore/StoreError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace hoststand::StoreInput {

// The checks every backend makes before it touches its database, so that
// all of them refuse the same bad input with the same StoreError codes and
// write nothing.

// A valid stream name, at least one event, each with an id, a type, data
// that is a JSON object and metadata that is empty or a JSON object, as
// JsonDocument reads one (no key twice, nothing nested too deep).
std::optional<StoreError> checkAppend(const QString &stream, const QList<EventData> &events);
std::optional<StoreError> checkStream(const QString &stream);
std::optional<StoreError> checkReadStream(const QString &stream, ReadDirection direction,
                                          qint64 fromRevision, qint64 maxCount);
std::optional<StoreError> checkReadAll(qint64 afterPosition, qint64 maxCount);
std::optional<StoreError> checkReadLog(const EventLogFilter &filter);

// The categories of a filter that can match a stream: a category never
// holds '-' and is never empty. When a filter names categories and none of
// them can match, the read is empty.
QStringList usableCategories(const ReadAllFilter &filter);

// The metadata to store: an append without metadata stores an empty object.
QByteArray storedMetadata(const EventData &event);

// A subscription group needs a name, a start of at least 0, and a lease an
// owner and a duration.
std::optional<StoreError> checkCreateGroup(const QString &group, qint64 startAfter);
std::optional<StoreError> checkAcquireLease(const QString &group, const QString &owner,
                                            std::chrono::milliseconds duration);

// How every backend refuses a group it does not hold, or a consumer's write
// whose owner no longer holds the group's lease.
StoreError groupNotFound(const QString &group);
StoreError leaseNotHeld(const QString &group, const QString &owner);

} // namespace hoststand::StoreInput
