#include "domain/booker/EventSourcedTableCatalog.h"

#include "domain/contracts/EventCodec.h"
#include "eventstore/EventStore.h"

#include <QLoggingCategory>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace hoststand::booker {

Q_LOGGING_CATEGORY(lcTableCatalog, "hoststand.booker.tablecatalog")

static constexpr qint64 PageSize = 1000;

// The catalog only backs the up-front check, which the table manager's
// saga overrules anyway; one unreadable event must not stop every booking.
static void warnUnreadable(const RecordedEvent &recorded, const DecodeError &error)
{
    qCWarning(lcTableCatalog,
              "Skipping the table event at position %lld that this version "
              "cannot read: %s",
              recorded.position, qPrintable(error.message));
}

EventSourcedTableCatalog::EventSourcedTableCatalog(EventStore &store)
    : m_store(store)
{ }

DomainResult<QList<TableSnapshot>> EventSourcedTableCatalog::snapshot()
{
    for (;;) {
        auto more = readPage();
        if (!more.ok())
            return more.error();
        if (!more.value())
            return m_tables.values();
    }
}

// Folds one page of table events; true when there may be more.
DomainResult<bool> EventSourcedTableCatalog::readPage()
{
    auto page = m_store.readAll(m_position, PageSize, ReadAllFilter::byCategory({u"table"_s}));
    if (!page.ok())
        return DomainError::fromStore(page.error());
    for (const RecordedEvent &recorded : page.value()) {
        auto decoded = EventCodec::decode(recorded);
        if (decoded.ok())
            apply(decoded.value());
        else
            warnUnreadable(recorded, decoded.error());
        m_position = recorded.position;
    }
    return page.value().size() == PageSize;
}

void EventSourcedTableCatalog::apply(const DomainEvent &event)
{
    std::visit(
        [this](const auto &e) {
            using Event = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<Event, TableAdded>) {
                m_tables.insert(
                    e.tableId, TableSnapshot {e.tableId, e.seats.value(), e.layout.zone, true, {}});
            } else if constexpr (std::is_same_v<Event, TableMoved>) {
                if (auto it = m_tables.find(e.tableId); it != m_tables.end())
                    it->zone = e.layout.zone;
            } else if constexpr (std::is_same_v<Event, TableSeatsChanged>) {
                if (auto it = m_tables.find(e.tableId); it != m_tables.end())
                    it->seats = e.seats.value();
            } else if constexpr (std::is_same_v<Event, TableRemoved>) {
                if (auto it = m_tables.find(e.tableId); it != m_tables.end())
                    it->inService = false;
            } else if constexpr (std::is_same_v<Event, TableLockPlaced>) {
                // A lock for a booking's change replaces its lock on the table.
                if (auto it = m_tables.find(e.tableId); it != m_tables.end()) {
                    it->activeLocks.removeIf([&e](const TableSnapshot::Lock &lock) {
                        return lock.bookingId == e.bookingId;
                    });
                    it->activeLocks.append({e.bookingId, e.span});
                }
            } else if constexpr (std::is_same_v<Event, TableLockRemoved>) {
                if (auto it = m_tables.find(e.tableId); it != m_tables.end())
                    it->activeLocks.removeIf([&e](const TableSnapshot::Lock &lock) {
                        return lock.bookingId == e.bookingId;
                    });
            }
        },
        event);
}

} // namespace hoststand::booker
