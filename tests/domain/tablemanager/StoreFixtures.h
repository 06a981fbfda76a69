#pragma once

#include "eventstore/SqliteEventStore.h"

#include <QStringList>
#include <QTest>

#include <memory>

// A real SQLite store for the table manager's tests, and ways to look into it.
namespace hoststand::test {

inline std::unique_ptr<SqliteEventStore> openStore(const QString &path)
{
    SqliteStoreOptions options;
    options.synchronousFull = false; // a test's store need not survive power loss
    auto store = SqliteEventStore::open(path, options);
    if (!store.ok())
        qFatal("cannot open the test store: %s", qPrintable(store.error().message()));
    return std::move(store).value();
}

inline QList<RecordedEvent> eventsOf(EventStore &store, const QString &stream,
                                     qint64 fromRevision = 0)
{
    auto events = store.readStream(stream, ReadDirection::Forwards, fromRevision, 100000);
    if (!events.ok())
        qFatal("cannot read the stream: %s", qPrintable(events.error().message()));
    return events.value();
}

inline QStringList typesOf(const QList<RecordedEvent> &events)
{
    QStringList types;
    for (const RecordedEvent &event : events)
        types.append(event.type);
    return types;
}

inline qint64 revisionOf(EventStore &store, const QString &stream)
{
    auto revision = store.streamRevision(stream);
    if (!revision.ok())
        qFatal("cannot read the stream's revision: %s", qPrintable(revision.error().message()));
    return revision.value();
}

inline qint64 lastPositionOf(EventStore &store)
{
    auto position = store.lastPosition();
    if (!position.ok())
        qFatal("cannot read the last position: %s", qPrintable(position.error().message()));
    return position.value();
}

} // namespace hoststand::test
