#pragma once

#include "domain/DomainError.h"
#include "domain/contracts/DomainEvent.h"

#include <QList>

#include <optional>

namespace hoststand {

// What a request to lock a table comes to. Unlike other refusals, a failed
// placement is recorded (table-lock-placement-failed), so a refusal can come
// with an event to append. No events: the booking's lock was decided before,
// and a redelivered request must change nothing.
struct LockPlacementDecision final
{
    QList<DomainEvent> events;
    std::optional<DomainError> refusal;
};

} // namespace hoststand
