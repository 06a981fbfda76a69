#include "app/cli/StoreMigration.h"

#include "domain/booker/BookingSaga.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "eventstore/PostgresEventStore.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hoststand::cli {
namespace {

// Who holds a group's lease on the target while its parked events are copied.
const QString MigrationOwner = u"hoststand-cli migrate"_s;

StoreError notACopy(const QString &why)
{
    return StoreError(StoreError::Code::InvalidArgument,
                      u"%1; nothing was written. Name an empty database, or another schema "
                      "(?schema=...)."_s.arg(why));
}

} // namespace

StoreMigration::StoreMigration(EventStore &source, PostgresEventStore &target)
    : m_source(source)
    , m_target(target)
{ }

QString StoreMigration::difference(const RecordedEvent &source, const RecordedEvent &target)
{
    const std::pair<bool, QString> fields[] = {
        {source.position == target.position, u"position"_s},
        {source.stream == target.stream, u"stream"_s},
        {source.revision == target.revision, u"revision"_s},
        {source.id == target.id, u"id"_s},
        {source.type == target.type, u"type"_s},
        {source.data == target.data, u"data"_s},
        {source.metadata == target.metadata, u"metadata"_s},
        {source.created == target.created, u"creation time"_s},
    };
    QStringList differing;
    for (const auto &[same, name] : fields) {
        if (!same)
            differing.append(name);
    }
    if (differing.isEmpty())
        return {};
    return u"the event at position %1 (%2, revision %3) differs in its %4"_s.arg(source.position)
        .arg(source.stream)
        .arg(source.revision)
        .arg(differing.join(u", "_s));
}

// Walks both stores side by side, a page at a time, up to the position:
// compare() sees each pair (null past the end of one) and says whether to go on.
StoreResult<void> StoreMigration::compare(qint64 upTo, const Comparison &compare,
                                          const Progress &progress)
{
    qint64 position = 0;
    while (position < upTo) {
        const qint64 count = std::min(BatchSize, upTo - position);
        auto mine = m_source.readAll(position, count);
        if (!mine.ok())
            return mine.error();
        auto theirs = m_target.readAll(position, count);
        if (!theirs.ok())
            return theirs.error();
        const qsizetype rows = std::max(mine->size(), theirs->size());
        if (rows == 0)
            return {};
        for (qsizetype i = 0; i < rows; ++i) {
            const RecordedEvent *a = i < mine->size() ? &mine->at(i) : nullptr;
            const RecordedEvent *b = i < theirs->size() ? &theirs->at(i) : nullptr;
            if (!compare(a, b))
                return {};
            position = std::max(a ? a->position : 0, b ? b->position : 0);
        }
        if (progress)
            progress(position, upTo);
    }
    return {};
}

StoreResult<qint64> StoreMigration::resumePoint(const Progress &progress)
{
    auto targetLast = m_target.lastPosition();
    if (!targetLast.ok() || targetLast.value() == 0)
        return targetLast;
    auto sourceLast = m_source.lastPosition();
    if (!sourceLast.ok())
        return sourceLast;
    if (targetLast.value() > sourceLast.value())
        return notACopy(u"The target %1 holds %2 events, more than the %3 of the source, so it "
                        "is not a copy of it"_s.arg(m_target.location())
                            .arg(targetLast.value())
                            .arg(sourceLast.value()));
    QString mismatch;
    auto compared = compare(
        targetLast.value(),
        [&](const RecordedEvent *mine, const RecordedEvent *theirs) {
            mismatch = !mine || !theirs ? u"an event is missing"_s : difference(*mine, *theirs);
            return mismatch.isEmpty();
        },
        progress);
    if (!compared.ok())
        return compared.error();
    if (!mismatch.isEmpty())
        return notACopy(u"The target %1 holds events that are not this store's (%2)"_s.arg(
            m_target.location(), mismatch));
    return targetLast;
}

StoreResult<qint64> StoreMigration::copyEvents(qint64 after, const Progress &progress)
{
    auto total = m_source.lastPosition();
    if (!total.ok())
        return total;
    qint64 position = after;
    for (;;) {
        auto batch = m_source.readAll(position, BatchSize);
        if (!batch.ok())
            return batch.error();
        if (batch->isEmpty())
            return position;
        auto imported = m_target.importEvents(batch.value());
        if (!imported.ok())
            return imported;
        position = imported.value();
        if (progress)
            progress(position, std::max(position, total.value()));
    }
}

StoreResult<QStringList> StoreMigration::copyGroups()
{
    QStringList copied;
    for (const QString &group : {TableLockingSaga::GroupName, booker::BookingSaga::GroupName}) {
        auto mine = m_source.groupInfo(group);
        if (!mine.ok() && mine.error().code() == StoreError::Code::NotFound)
            continue; // the sagas never ran on the source
        if (!mine.ok())
            return mine.error();
        auto theirs = m_target.groupInfo(group);
        if (theirs.ok())
            continue; // copied by an earlier run, or running on the target already
        if (theirs.error().code() != StoreError::Code::NotFound)
            return theirs.error();
        if (auto done = copyGroup(group); !done.ok())
            return done.error();
        copied.append(group);
    }
    return copied;
}

// The checkpoint goes first: the sagas on the server then start where they
// stood on the source instead of handling every booking again.
StoreResult<void> StoreMigration::copyGroup(const QString &group)
{
    auto info = m_source.groupInfo(group);
    if (!info.ok())
        return info.error();
    if (auto created = m_target.createGroup(group, info->checkpoint); !created.ok())
        return created;
    return copyParked(group);
}

// Parked events keep their reason; a replay asked for on the source is asked
// for again (which asks for all of the group's parked events).
StoreResult<void> StoreMigration::copyParked(const QString &group)
{
    auto parked = m_source.parkedEvents(group);
    if (!parked.ok())
        return parked.error();
    if (parked->isEmpty())
        return {};
    auto leased = m_target.acquireLease(group, MigrationOwner, 60s);
    if (!leased.ok())
        return leased.error();
    if (!leased.value())
        return StoreError(StoreError::Code::LeaseNotHeld,
                          u"The group %1 is in use on the target; its parked events were not "
                          "copied."_s.arg(group));
    bool replay = false;
    for (const ParkedEvent &event : parked.value()) {
        if (auto done = m_target.parkEvent(group, MigrationOwner, event.position, event.reason);
            !done.ok())
            return done;
        replay = replay || event.replayRequested;
    }
    if (replay) {
        if (auto requested = m_target.replayParkedEvents(group); !requested.ok())
            return requested.error();
    }
    return m_target.releaseLease(group, MigrationOwner);
}

StoreResult<QStringList> StoreMigration::verify(const Progress &progress)
{
    auto sourceLast = m_source.lastPosition();
    if (!sourceLast.ok())
        return sourceLast.error();
    auto targetLast = m_target.lastPosition();
    if (!targetLast.ok())
        return targetLast.error();
    QStringList differences;
    qint64 leftOut = 0;
    auto compared = compare(
        std::max(sourceLast.value(), targetLast.value()),
        [&](const RecordedEvent *mine, const RecordedEvent *theirs) {
            QString found;
            if (!theirs)
                found
                    = u"the event at position %1 is missing from the target"_s.arg(mine->position);
            else if (!mine)
                found = u"the target holds an event at position %1 that the source does "
                        "not"_s.arg(theirs->position);
            else
                found = difference(*mine, *theirs);
            if (!found.isEmpty() && differences.size() < MaxDifferences)
                differences.append(found);
            else if (!found.isEmpty())
                ++leftOut;
            return true;
        },
        progress);
    if (!compared.ok())
        return compared.error();
    if (leftOut > 0)
        differences.append(u"... and %1 more differences"_s.arg(leftOut));
    return differences;
}

} // namespace hoststand::cli
