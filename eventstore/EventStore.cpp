#include "eventstore/EventStore.h"

namespace hoststand {

EventStore::~EventStore() = default;

StoreResult<QDateTime> EventStore::storeTime()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace hoststand
