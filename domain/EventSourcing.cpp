#include "domain/EventSourcing.h"

#include "domain/contracts/EventCodec.h"

using namespace Qt::StringLiterals;

namespace hoststand::EventSourcing {

DomainResult<LoadedStream> load(EventStore &store, const QString &stream, qint64 afterRevision)
{
    LoadedStream loaded;
    loaded.revision = afterRevision;
    constexpr qint64 PageSize = 1000;
    for (qint64 from = afterRevision + 1;;) {
        auto page = store.readStream(stream, ReadDirection::Forwards, from, PageSize);
        if (!page.ok())
            return DomainError::fromStore(page.error());
        loaded.events.reserve(loaded.events.size() + page.value().size());
        for (const RecordedEvent &recorded : page.value()) {
            auto decoded = EventCodec::decode(recorded);
            if (!decoded.ok())
                return DomainError(DomainError::Code::StoreFailure,
                                   u"The stream %1 holds an event this version cannot read "
                                   u"(revision %2): %3"_s.arg(stream)
                                       .arg(recorded.revision)
                                       .arg(decoded.error().message));
            loaded.events.append(std::move(decoded).value());
            loaded.revision = recorded.revision;
        }
        if (page.value().size() < PageSize)
            return loaded;
        from = loaded.revision + 1;
    }
}

DomainResult<AppendResult> append(EventStore &store, const QString &stream,
                                  const QList<DomainEvent> &events,
                                  const ExpectedRevision &expected, const EventMetadata &metadata,
                                  const QList<QUuid> &ids)
{
    QList<EventData> data;
    data.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        auto encoded = EventCodec::toEventData(events.at(i), metadata, ids.value(i));
        if (!encoded.ok())
            return DomainError(DomainError::Code::InvalidInput,
                               u"Nothing was saved: the event store cannot hold this (%1)."_s.arg(
                                   encoded.error().message));
        data.append(std::move(encoded).value());
    }
    auto appended = store.append(stream, data, expected);
    if (!appended.ok())
        return DomainError::fromStore(appended.error());
    return appended.value();
}

QUuid derivedEventId(const QUuid &cause, const QString &purpose)
{
    return QUuid::createUuidV5(cause, purpose);
}

} // namespace hoststand::EventSourcing
