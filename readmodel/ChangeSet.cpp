#include "readmodel/ChangeSet.h"

#include "readmodel/ProjectedEvent.h"

namespace hoststand {

void ChangeSet::add(QStringList &list, QSet<QString> &seen, const QString &id)
{
    if (id.isEmpty() || seen.contains(id))
        return;
    seen.insert(id);
    list.append(id);
}

void ChangeSet::collect(const ProjectedEvent &event)
{
    m_lastPosition = event.recorded().position;
    switch (event.kind()) {
    case EventKind::TableAdded:
    case EventKind::TableMoved:
    case EventKind::TableSeatsChanged:
    case EventKind::TableRemoved:
    case EventKind::LockPlaced:
    case EventKind::LockRemoved:
        add(m_tables, m_seenTables, event.text("tableId"));
        break;
    case EventKind::BookingInitiated:
    case EventKind::BookingConfirmed:
    case EventKind::BookingRejected:
    case EventKind::BookingCancelled:
    case EventKind::GuestArrived:
    case EventKind::PartySeated:
    case EventKind::PartyLeft:
    case EventKind::BookingNoShow:
    case EventKind::BookingChanged:
    case EventKind::BookingDetailsChanged:
        add(m_bookings, m_seenBookings, event.text("bookingId"));
        break;
    case EventKind::ServicePeriodsDefined:
    case EventKind::TurnTimesDefined:
        m_settings = true;
        break;
    case EventKind::LockPlacementFailed: // changes no read table, only the trail
    case EventKind::BookingChangeRequested: // the booking stays as it was until it changed
    case EventKind::BookingChangeRejected:
    case EventKind::Unknown:
        break;
    }
}

} // namespace hoststand
