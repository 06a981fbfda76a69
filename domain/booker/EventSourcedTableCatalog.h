#pragma once

#include "domain/booker/TableCatalog.h"
#include "domain/contracts/DomainEvent.h"

#include <QMap>

namespace hoststand {
class EventStore;
}

namespace hoststand::booker {

// The tables as the events of the "table" category tell them, read from the
// store. Each snapshot() reads on from where the last one stopped, so a
// call costs only the events appended since.
class EventSourcedTableCatalog final : public TableCatalog
{
public:
    explicit EventSourcedTableCatalog(EventStore &store);

    DomainResult<QList<TableSnapshot>> snapshot() override;

    // The position of the last table event folded in.
    qint64 position() const { return m_position; }

private:
    DomainResult<bool> readPage();
    void apply(const DomainEvent &event);

    EventStore &m_store;
    qint64 m_position = 0;
    QMap<TableId, TableSnapshot> m_tables;
};

} // namespace hoststand::booker
