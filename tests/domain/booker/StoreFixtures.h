#pragma once

#include "BookerFixtures.h"

#include "domain/CommandContext.h"
#include "domain/EventSourcing.h"
#include "eventstore/SqliteEventStore.h"

#include <QTemporaryDir>

#include <memory>

// The booker's store-backed tests stand in for the table manager by
// appending its events directly.
namespace hoststand::booker::test {

inline const CommandContext TestContext {QStringLiteral("host"), QStringLiteral("stand-1")};

inline std::unique_ptr<SqliteEventStore> openStore(const QTemporaryDir &dir)
{
    SqliteStoreOptions options;
    options.synchronousFull = false; // tests need no power-loss safety
    auto store = SqliteEventStore::open(dir.filePath(QStringLiteral("store.hoststand")), options);
    if (!store.ok())
        qFatal("cannot open the test store: %s", qPrintable(store.error().message()));
    return std::move(store).value();
}

// Appends one table manager event to its table's stream and returns it as
// recorded, for a saga to handle.
inline RecordedEvent appendTableEvent(EventStore &store, const TableId &table,
                                      const DomainEvent &event)
{
    const EventMetadata metadata = TestContext.metadata(table.toString(), table.toString());
    if (!EventSourcing::append(store, table.streamName(), {event}, ExpectedRevision::any(),
                               metadata)
             .ok())
        qFatal("cannot append a table event");
    auto last = store.readStream(table.streamName(), ReadDirection::Backwards, EndOfStream, 1);
    if (!last.ok() || last.value().isEmpty())
        qFatal("cannot read a table event back");
    return last.value().constFirst();
}

inline RecordedEvent addTable(EventStore &store, const QString &id, int seats,
                              const QString &zone = QStringLiteral("Main room"))
{
    const TableId tableId = table(id);
    return appendTableEvent(store, tableId,
                            TableAdded {tableId, valueOf(SeatCount::create(seats)),
                                        TableLayout::forSeats(seats, zone, 100, 100)});
}

inline qint64 lastPosition(EventStore &store)
{
    return valueOf(store.lastPosition());
}

inline QList<RecordedEvent> streamOf(EventStore &store, const QString &stream)
{
    return valueOf(store.readStream(stream, ReadDirection::Forwards, 0, 1000));
}

} // namespace hoststand::booker::test
