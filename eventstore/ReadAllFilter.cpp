#include "eventstore/ReadAllFilter.h"

#include "eventstore/RecordedEvent.h"

namespace hoststand {

bool ReadAllFilter::matches(const RecordedEvent &event) const
{
    if (!eventTypes.isEmpty() && !eventTypes.contains(event.type))
        return false;
    return categories.isEmpty() || categories.contains(event.category());
}

} // namespace hoststand
