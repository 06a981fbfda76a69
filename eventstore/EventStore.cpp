#include "eventstore/EventStore.h"

namespace hoststand {

EventStore::~EventStore() = default;

} // namespace hoststand
