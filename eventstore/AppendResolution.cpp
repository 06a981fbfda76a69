#include "eventstore/AppendResolution.h"

using namespace Qt::StringLiterals;

namespace hoststand::AppendResolution {

// Where an idempotent retry must find its events: an exact expectation and
// "no stream" name the place, "any" and "stream exists" accept any place.
static bool isSamePlace(const ExpectedRevision &expected, qint64 firstRevision)
{
    switch (expected.kind()) {
    case ExpectedRevision::Kind::Exact:
        return firstRevision == expected.revision() + 1;
    case ExpectedRevision::Kind::NoStream:
        return firstRevision == 0;
    case ExpectedRevision::Kind::Any:
    case ExpectedRevision::Kind::StreamExists:
        return true;
    }
    return false;
}

// The lookups stop at the first id out of place; after a unique-id
// violation an id that is not stored at all does not stop them, so that the
// message can name the one that is.
StoreResult<AppendOutcome> resolveStoredIds(const QString &stream, const QList<EventData> &events,
                                            const ExpectedRevision &expected,
                                            std::optional<qint64> wrongRevision,
                                            const FindEvent &findEvent)
{
    std::optional<StoredEventId> firstElsewhere;
    qint64 firstRevision = NoStreamRevision;
    AppendOutcome outcome;
    bool retry = true;
    for (qsizetype i = 0; i < events.size(); ++i) {
        auto stored = findEvent(events.at(i).id);
        if (!stored.ok())
            return stored.error();
        const std::optional<StoredEventId> &where = stored.value();
        if (where && !firstElsewhere)
            firstElsewhere = where;
        if (i == 0 && where)
            firstRevision = where->revision;
        if (!where || where->stream != stream || where->revision != firstRevision + i) {
            retry = false;
            if (wrongRevision || where)
                break;
            continue;
        }
        outcome.result = AppendResult {where->revision, where->position};
    }
    if (retry && isSamePlace(expected, firstRevision))
        return outcome;
    if (wrongRevision)
        return StoreError(
            StoreError::Code::WrongExpectedRevision,
            u"The stream \"%1\" %2, but the append expected %3; nothing was "
            "written."_s.arg(stream, revisionText(*wrongRevision), expected.toString()),
            *wrongRevision);
    if (firstElsewhere)
        return StoreError(StoreError::Code::DuplicateEventId,
                          u"An event with the same id is already stored as revision %1 of "
                          "stream \"%2\"; nothing was written."_s.arg(firstElsewhere->revision)
                              .arg(firstElsewhere->stream));
    return StoreError(StoreError::Code::DuplicateEventId,
                      u"The append holds the same event id more than once; nothing was "
                      "written."_s);
}

QString revisionText(qint64 revision)
{
    return revision == NoStreamRevision ? u"has no events"_s : u"is at revision %1"_s.arg(revision);
}

} // namespace hoststand::AppendResolution
