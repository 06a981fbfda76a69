#include "eventstore/EventStore.h"

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

} // namespace hoststand
