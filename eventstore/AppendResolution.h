#pragma once

#include "eventstore/EventStore.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace hoststand {

// What an append did: wrote the events, or found them stored already.
struct AppendOutcome final
{
    AppendResult result;
    bool written = false;
};

// Where one event id is stored.
struct StoredEventId final
{
    QString stream;
    qint64 revision = NoStreamRevision;
    qint64 position = 0;
};

namespace AppendResolution {

// Where a backend has stored an event id, if anywhere.
using FindEvent = std::function<StoreResult<std::optional<StoredEventId>>(const QUuid &id)>;

// What every backend decides when an append finds some of its ids may be
// stored already: after a wrong expectation (wrongRevision holds the
// stream's revision) or a unique-id violation, with the transaction rolled
// back. Succeeds without writing when all the ids are stored in this
// stream, in this order, at consecutive revisions, at the expected place:
// the retry of an append that did succeed. Otherwise the append fails as a
// wrong expectation or a duplicate id, and nothing is written.
StoreResult<AppendOutcome> resolveStoredIds(const QString &stream, const QList<EventData> &events,
                                            const ExpectedRevision &expected,
                                            std::optional<qint64> wrongRevision,
                                            const FindEvent &findEvent);

// "has no events" or "is at revision n", for a message about a stream.
QString revisionText(qint64 revision);

} // namespace AppendResolution

} // namespace hoststand
