#pragma once

#include "domain/contracts/BookerEvents.h"
#include "domain/contracts/SettingsEvents.h"
#include "domain/contracts/TableManagerEvents.h"

#include <variant>

namespace hoststand {

// Every event of the catalogue (docs/architecture.md, "The domain").
using DomainEvent
    = std::variant<TableAdded, TableMoved, TableSeatsChanged, TableRemoved, TableLockPlaced,
                   TableLockPlacementFailed, TableLockRemoved, TableBookingInitiated,
                   TableBookingConfirmed, TableBookingRejected, TableBookingCancelled, GuestArrived,
                   PartySeated, PartyLeft, BookingNoShow, BookingChangeRequested, BookingChanged,
                   BookingChangeRejected, BookingDetailsChanged, ServicePeriodsDefined,
                   TurnTimesDefined>;

} // namespace hoststand
