#include "eventstore/SubscriptionGroups.h"

#include "eventstore/StoreInput.h"

#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

QDateTime utcFromMs(const QVariant &ms)
{
    return ms.isNull() || ms.toLongLong() <= 0
        ? QDateTime()
        : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

} // namespace

SubscriptionGroups::~SubscriptionGroups() = default;

SubscriptionGroups::Rows SubscriptionGroups::readRows(QSqlQuery &query)
{
    Rows rows;
    const int columns = query.isSelect() ? query.record().count() : 0;
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int column = 0; column < columns; ++column)
            row.append(query.value(column));
        rows.values.append(std::move(row));
    }
    rows.changed = query.isSelect() ? 0 : query.numRowsAffected();
    return rows;
}

StoreResult<bool> SubscriptionGroups::groupExists(const QString &group)
{
    auto rows = run(Statement::Exists, {{u":group"_s, group}}, u"find the group"_s);
    if (!rows.ok())
        return rows.error();
    return !rows.value().values.isEmpty();
}

StoreResult<void> SubscriptionGroups::checkLease(const QString &group, const QString &owner)
{
    auto rows = run(Statement::LeaseHeld, {{u":owner"_s, owner}, {u":group"_s, group}},
                    u"check the group's lease"_s);
    if (!rows.ok())
        return rows.error();
    if (rows.value().values.isEmpty())
        return StoreInput::groupNotFound(group);
    if (!rows.value().values.constFirst().value(0).toBool())
        return StoreInput::leaseNotHeld(group, owner);
    return {};
}

// The writes that leave an event behind, handled or parked: the checkpoint
// moves past it and its retries are forgotten.
StoreResult<void> SubscriptionGroups::passEvent(const QString &group, qint64 position)
{
    if (auto done = run(Statement::Advance, {{u":position"_s, position}, {u":group"_s, group}},
                        u"move the group's checkpoint"_s);
        !done.ok())
        return done.error();
    return removeRetries(group, position);
}

StoreResult<void> SubscriptionGroups::removeRetries(const QString &group, qint64 position)
{
    if (auto done
        = run(Statement::RemoveRetries, {{u":group"_s, group}, {u":position"_s, position}},
              u"clear the event's retries"_s);
        !done.ok())
        return done.error();
    return {};
}

// Runs a consumer's writes in one transaction, after checking that owner
// holds the group's lease; nothing is written when it does not.
StoreResult<void> SubscriptionGroups::inFencedTransaction(
    const QString &group, const QString &owner, const std::function<StoreResult<void>()> &writes)
{
    return inTransaction([&]() -> StoreResult<void> {
        if (auto held = checkLease(group, owner); !held.ok())
            return held;
        return writes();
    });
}

StoreResult<void> SubscriptionGroups::createGroup(const QString &group, qint64 startAfter)
{
    if (auto invalid = StoreInput::checkCreateGroup(group, startAfter))
        return *invalid;
    if (auto done = run(Statement::Create, {{u":group"_s, group}, {u":checkpoint"_s, startAfter}},
                        u"create the subscription group"_s);
        !done.ok())
        return done.error();
    return {};
}

StoreResult<SubscriptionGroupInfo> SubscriptionGroups::groupInfo(const QString &group)
{
    auto rows = run(Statement::Info, {{u":group"_s, group}}, u"read the subscription group"_s);
    if (!rows.ok())
        return rows.error();
    if (rows.value().values.isEmpty())
        return StoreInput::groupNotFound(group);
    const QVariantList &row = rows.value().values.constFirst();
    return SubscriptionGroupInfo {group, row.value(0).toLongLong(), row.value(1).toString(),
                                  utcFromMs(row.value(2))};
}

StoreResult<bool> SubscriptionGroups::acquireLease(const QString &group, const QString &owner,
                                                   std::chrono::milliseconds duration)
{
    if (auto invalid = StoreInput::checkAcquireLease(group, owner, duration))
        return *invalid;
    auto taken = run(
        Statement::Acquire,
        {{u":owner"_s, owner}, {u":duration"_s, qint64(duration.count())}, {u":group"_s, group}},
        u"take the group's lease"_s);
    if (!taken.ok())
        return taken.error();
    if (taken.value().changed == 1)
        return true;
    auto exists = groupExists(group);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return StoreInput::groupNotFound(group);
    return false;
}

StoreResult<void> SubscriptionGroups::releaseLease(const QString &group, const QString &owner)
{
    if (auto done = run(Statement::Release, {{u":group"_s, group}, {u":owner"_s, owner}},
                        u"release the group's lease"_s);
        !done.ok())
        return done.error();
    return {};
}

StoreResult<void> SubscriptionGroups::advanceCheckpoint(const QString &group, const QString &owner,
                                                        qint64 position)
{
    return moveCheckpoint(group, owner, position);
}

StoreResult<void> SubscriptionGroups::moveCheckpoint(const QString &group, const QString &owner,
                                                     qint64 position)
{
    return inFencedTransaction(group, owner,
                               [&]() -> StoreResult<void> { return passEvent(group, position); });
}

StoreResult<int> SubscriptionGroups::recordRetry(const QString &group, const QString &owner,
                                                 qint64 position)
{
    int attempts = 0;
    auto done = inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        auto rows = run(Statement::RecordRetry, {{u":group"_s, group}, {u":position"_s, position}},
                        u"count the event's retry"_s);
        if (!rows.ok())
            return rows.error();
        attempts
            = rows.value().values.isEmpty() ? 0 : rows.value().values.constFirst().value(0).toInt();
        return {};
    });
    if (!done.ok())
        return done.error();
    return attempts;
}

StoreResult<void> SubscriptionGroups::parkEvent(const QString &group, const QString &owner,
                                                qint64 position, const QString &reason)
{
    return inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto done
            = run(Statement::Park,
                  {{u":group"_s, group}, {u":position"_s, position}, {u":reason"_s, reason}},
                  u"park the event"_s);
            !done.ok())
            return done.error();
        return passEvent(group, position);
    });
}

StoreResult<void> SubscriptionGroups::unparkEvent(const QString &group, const QString &owner,
                                                  qint64 position)
{
    return inFencedTransaction(group, owner, [&]() -> StoreResult<void> {
        if (auto done = run(Statement::Unpark, {{u":group"_s, group}, {u":position"_s, position}},
                            u"unpark the event"_s);
            !done.ok())
            return done.error();
        return removeRetries(group, position);
    });
}

StoreResult<QList<ParkedEvent>> SubscriptionGroups::parkedEvents(const QString &group)
{
    auto rows = run(Statement::Parked, {{u":group"_s, group}}, u"list the parked events"_s);
    if (!rows.ok())
        return rows.error();
    QList<ParkedEvent> parked;
    parked.reserve(rows.value().values.size());
    for (const QVariantList &row : std::as_const(rows.value().values)) {
        parked.append(ParkedEvent {row.value(0).toLongLong(), row.value(1).toInt(),
                                   row.value(2).toString(), utcFromMs(row.value(3)),
                                   row.value(4).toBool()});
    }
    return parked;
}

StoreResult<bool> SubscriptionGroups::replayParkedEvent(const QString &group, qint64 position)
{
    return changeParked(Statement::RequestOneReplay, group, position, u"replay a parked event"_s);
}

StoreResult<bool> SubscriptionGroups::discardParkedEvent(const QString &group, qint64 position)
{
    return changeParked(Statement::Unpark, group, position, u"skip a parked event"_s);
}

// Runs a statement on one parked event, and forgets its retries, in one
// transaction; whether the event was parked.
StoreResult<bool> SubscriptionGroups::changeParked(Statement statement, const QString &group,
                                                   qint64 position, const QString &action)
{
    bool parked = false;
    auto done = inTransaction([&]() -> StoreResult<void> {
        auto changed = run(statement, {{u":group"_s, group}, {u":position"_s, position}}, action);
        if (!changed.ok())
            return changed.error();
        parked = changed.value().changed > 0;
        return removeRetries(group, position);
    });
    if (!done.ok())
        return done.error();
    return parked;
}

StoreResult<int> SubscriptionGroups::replayParkedEvents(const QString &group)
{
    int requested = 0;
    auto done = inTransaction([&]() -> StoreResult<void> {
        auto exists = groupExists(group);
        if (!exists.ok())
            return exists.error();
        if (!exists.value())
            return StoreInput::groupNotFound(group);
        auto asked
            = run(Statement::RequestReplay, {{u":group"_s, group}}, u"replay the parked events"_s);
        if (!asked.ok())
            return asked.error();
        requested = asked.value().changed;
        if (auto reset = run(Statement::ResetParkedRetries, {{u":group"_s, group}},
                             u"reset the parked events' retries"_s);
            !reset.ok())
            return reset.error();
        return {};
    });
    if (!done.ok())
        return done.error();
    return requested;
}

} // namespace hoststand
