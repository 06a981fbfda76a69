#include "eventstore/EventStore.h"

#include "eventstore/SubscriptionGroups.h"

namespace hoststand {

EventStore::~EventStore() = default;

StoreResult<QDateTime> EventStore::storeTime()
{
    return QDateTime::currentDateTimeUtc();
}

void EventStore::follow(EventStore &leader)
{
    connect(&leader, &EventStore::appended, this, &EventStore::hearOfCommits, Qt::QueuedConnection);
    connect(&leader, &EventStore::availabilityChanged, this, &EventStore::hearOfServer,
            Qt::QueuedConnection);
    stopWatching();
}

namespace {

// Runs a group operation through withGroups(), keeping its answer.
template<typename Operation>
auto onGroups(EventStore &store, EventStore::GroupAccess access, Operation &&operation)
{
    using ResultType = decltype(operation(std::declval<SubscriptionGroups &>()));
    std::optional<ResultType> result;
    auto held = store.withGroups(access, [&](SubscriptionGroups &groups) -> StoreResult<void> {
        result.emplace(operation(groups));
        if (!result->ok())
            return result->error();
        return {};
    });
    if (!result)
        return ResultType(held.error());
    return std::move(*result);
}

} // namespace

StoreResult<void> EventStore::createGroup(const QString &group, qint64 startAfter)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.createGroup(group, startAfter);
    });
}

StoreResult<SubscriptionGroupInfo> EventStore::groupInfo(const QString &group)
{
    return onGroups(*this, GroupAccess::Read,
                    [&](SubscriptionGroups &groups) { return groups.groupInfo(group); });
}

StoreResult<bool> EventStore::acquireLease(const QString &group, const QString &owner,
                                           std::chrono::milliseconds duration)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.acquireLease(group, owner, duration);
    });
}

StoreResult<void> EventStore::releaseLease(const QString &group, const QString &owner)
{
    return onGroups(*this, GroupAccess::Write,
                    [&](SubscriptionGroups &groups) { return groups.releaseLease(group, owner); });
}

StoreResult<void> EventStore::advanceCheckpoint(const QString &group, const QString &owner,
                                                qint64 position)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.advanceCheckpoint(group, owner, position);
    });
}

StoreResult<int> EventStore::recordRetry(const QString &group, const QString &owner,
                                         qint64 position)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.recordRetry(group, owner, position);
    });
}

StoreResult<void> EventStore::parkEvent(const QString &group, const QString &owner, qint64 position,
                                        const QString &reason)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.parkEvent(group, owner, position, reason);
    });
}

StoreResult<void> EventStore::unparkEvent(const QString &group, const QString &owner,
                                          qint64 position)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.unparkEvent(group, owner, position);
    });
}

StoreResult<QList<ParkedEvent>> EventStore::parkedEvents(const QString &group)
{
    return onGroups(*this, GroupAccess::Read,
                    [&](SubscriptionGroups &groups) { return groups.parkedEvents(group); });
}

StoreResult<int> EventStore::replayParkedEvents(const QString &group)
{
    return onGroups(*this, GroupAccess::Write,
                    [&](SubscriptionGroups &groups) { return groups.replayParkedEvents(group); });
}

StoreResult<bool> EventStore::replayParkedEvent(const QString &group, qint64 position)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.replayParkedEvent(group, position);
    });
}

StoreResult<bool> EventStore::discardParkedEvent(const QString &group, qint64 position)
{
    return onGroups(*this, GroupAccess::Write, [&](SubscriptionGroups &groups) {
        return groups.discardParkedEvent(group, position);
    });
}

} // namespace hoststand
