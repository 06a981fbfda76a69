#pragma once

#include "eventstore/EventStore.h"

#include <QObject>

#include <functional>
#include <memory>

namespace hoststand::test {

// The behaviour every EventStore backend must show (docs/architecture.md, "The event
// store"), written against the interface only. A backend's test executable
// runs it with a factory that yields a fresh, empty store for each test.
class EventStoreConformance final : public QObject
{
    Q_OBJECT

public:
    // name is unique per test row and usable in a file or schema name.
    using Factory = std::function<std::unique_ptr<EventStore>(const QString &name)>;
    using Cleanup = std::function<void()>;

    explicit EventStoreConformance(Factory factory, Cleanup cleanup = {},
                                   QObject *parent = nullptr);

private Q_SLOTS:
    void init();
    void cleanup();

    void appendChecksTheExpectedRevision_data();
    void appendChecksTheExpectedRevision();
    void appendWritesAllEventsOrNone_data();
    void appendWritesAllEventsOrNone();
    void appendRefusesBadInput_data();
    void appendRefusesBadInput();
    void reAppendingTheSameIdsIsIdempotent_data();
    void reAppendingTheSameIdsIsIdempotent();
    void storedIdsElsewhereAreRefused_data();
    void storedIdsElsewhereAreRefused();

    void readStreamReadsARange_data();
    void readStreamReadsARange();
    void readStreamRefusesBadArguments_data();
    void readStreamRefusesBadArguments();
    void readAllFiltersByCategoryAndType_data();
    void readAllFiltersByCategoryAndType();
    void readLogPagesByStreamTypeAndCorrelation_data();
    void readLogPagesByStreamTypeAndCorrelation();
    void readLogRefusesBadArguments();
    void positionsAreGapFreeAndIncreasing();
    void eventsRoundTrip_data();
    void eventsRoundTrip();
    void createdTimeIsUtc();
    void appendedFiresRightAfterTheCommit();

    void catchUpDeliversHistoryThenLiveEvents_data();
    void catchUpDeliversHistoryThenLiveEvents();
    void catchUpDropsOnStop();
    void catchUpHandlerThatAppendsGetsEverythingOnce();

    void groupCreationKeepsAnExistingCheckpoint();
    void unknownGroupsAreNotFound();
    void leaseIsHeldByOneOwnerUntilItExpires();
    void releasedLeaseCanBeTakenAtOnce();
    void fencedWritesNeedTheLease_data();
    void fencedWritesNeedTheLease();
    void checkpointOnlyMovesForward();
    void parkingMovesTheCheckpointAndReplayResetsRetries();
    void oneParkedEventIsReplayedOrDiscardedAlone();
    void consumerAcksMoveTheCheckpoint();
    void handlersRunAfterTheAppendReturns();
    void consumerRetryRedelivers();
    void consumerParksAfterMaxRetries();
    void consumerWaitsOutAFailingStoreWithoutParking();
    void consumerSkipsAndParks_data();
    void consumerSkipsAndParks();
    void replayedParkedEventIsDeliveredAgainAndUnparkedOnAck();

private:
    EventStore &store() { return *m_store; }

    Factory m_factory;
    Cleanup m_cleanup;
    std::unique_ptr<EventStore> m_store;
};

} // namespace hoststand::test
