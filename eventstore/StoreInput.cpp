#include "eventstore/StoreInput.h"

#include "eventstore/JsonDocument.h"
#include "eventstore/ReadAllFilter.h"
#include "eventstore/StreamName.h"

using namespace Qt::StringLiterals;

namespace hoststand::StoreInput {

static QString describe(const EventData &event, qsizetype index)
{
    return u"Event %1 (%2)"_s.arg(index + 1).arg(event.type.isEmpty() ? u"no type"_s : event.type);
}

// Metadata equal to the last valid metadata is not parsed again: the events
// of one command usually share it.
static std::optional<StoreError> checkEvent(const EventData &event, qsizetype index,
                                            QByteArray &validMetadata)
{
    if (event.id.isNull())
        return StoreError(StoreError::Code::InvalidArgument,
                          u"%1 has no event id."_s.arg(describe(event, index)));
    if (event.type.trimmed().isEmpty())
        return StoreError(StoreError::Code::InvalidEventType,
                          u"%1 has no event type."_s.arg(describe(event, index)));
    if (auto problem = jsonObjectProblem(event.data))
        return StoreError(
            StoreError::Code::InvalidEventData,
            u"%1 has data that cannot be stored: %2."_s.arg(describe(event, index), *problem));
    if (event.metadata.isEmpty() || event.metadata == validMetadata)
        return std::nullopt;
    if (auto problem = jsonObjectProblem(event.metadata))
        return StoreError(
            StoreError::Code::InvalidMetadata,
            u"%1 has metadata that cannot be stored: %2."_s.arg(describe(event, index), *problem));
    validMetadata = event.metadata;
    return std::nullopt;
}

std::optional<StoreError> checkAppend(const QString &stream, const QList<EventData> &events)
{
    if (auto invalid = checkStream(stream))
        return invalid;
    if (events.isEmpty())
        return StoreError(StoreError::Code::InvalidArgument,
                          u"An append to \"%1\" needs at least one event."_s.arg(stream));
    QByteArray validMetadata;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (auto problem = checkEvent(events.at(i), i, validMetadata))
            return problem;
    }
    return std::nullopt;
}

std::optional<StoreError> checkStream(const QString &stream)
{
    if (auto problem = StreamName::validate(stream))
        return StoreError(StoreError::Code::InvalidStreamName, *problem);
    return std::nullopt;
}

std::optional<StoreError> checkReadStream(const QString &stream, ReadDirection direction,
                                          qint64 fromRevision, qint64 maxCount)
{
    if (auto invalid = checkStream(stream))
        return invalid;
    const bool forwards = direction == ReadDirection::Forwards;
    if (maxCount < 0 || (forwards && fromRevision < 0) || (!forwards && fromRevision < EndOfStream))
        return StoreError(
            StoreError::Code::InvalidArgument,
            u"A read of \"%1\" needs a count of at least 0 and a revision of at least 0 "
            "(or the end of the stream, backwards)."_s.arg(stream));
    return std::nullopt;
}

std::optional<StoreError> checkReadAll(qint64 afterPosition, qint64 maxCount)
{
    if (afterPosition < 0 || maxCount < 0)
        return StoreError(StoreError::Code::InvalidArgument,
                          u"A read of all streams needs a position and a count of at least 0."_s);
    return std::nullopt;
}

std::optional<StoreError> checkReadLog(const EventLogFilter &filter)
{
    if (filter.afterPosition < 0 || filter.beforePosition < 0 || filter.limit < 0)
        return StoreError(StoreError::Code::InvalidArgument,
                          u"A page of the log needs positions and a count of at least 0."_s);
    return std::nullopt;
}

QStringList usableCategories(const ReadAllFilter &filter)
{
    QStringList categories;
    for (const QString &category : filter.categories) {
        if (!category.isEmpty() && !category.contains(u'-'))
            categories.append(category);
    }
    return categories;
}

QByteArray storedMetadata(const EventData &event)
{
    return event.metadata.isEmpty() ? QByteArrayLiteral("{}") : event.metadata;
}

static StoreError invalidGroup()
{
    return StoreError(StoreError::Code::InvalidArgument,
                      u"A subscription group needs a name and an owner."_s);
}

std::optional<StoreError> checkCreateGroup(const QString &group, qint64 startAfter)
{
    if (group.isEmpty() || startAfter < 0)
        return invalidGroup();
    return std::nullopt;
}

std::optional<StoreError> checkAcquireLease(const QString &group, const QString &owner,
                                            std::chrono::milliseconds duration)
{
    if (group.isEmpty() || owner.isEmpty() || duration.count() <= 0)
        return invalidGroup();
    return std::nullopt;
}

StoreError groupNotFound(const QString &group)
{
    return StoreError(StoreError::Code::NotFound,
                      u"There is no subscription group \"%1\"."_s.arg(group));
}

StoreError leaseNotHeld(const QString &group, const QString &owner)
{
    return StoreError(StoreError::Code::LeaseNotHeld,
                      u"%1 does not hold the lease of subscription group \"%2\" (any more); "
                      "another consumer may have taken it over."_s.arg(owner, group));
}

} // namespace hoststand::StoreInput
