#include "domain/tablemanager/TableManager.h"

#include "domain/EventSourcing.h"
#include "eventstore/EventStore.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

const QString TableCategory = u"table"_s;
const QString TableStreamPrefix = u"table-"_s;

// Event ids for an append: random for a command; for a saga step the
// derived id (and ids derived from it for any further event).
QList<QUuid> eventIds(const Causation &cause, qsizetype count)
{
    QList<QUuid> ids;
    if (cause.eventId.isNull())
        return ids;
    ids.append(cause.eventId);
    for (qsizetype i = 1; i < count; ++i)
        ids.append(EventSourcing::derivedEventId(cause.eventId, QString::number(i)));
    return ids;
}

} // namespace

TableManager::TableManager(EventStore &store, const Clock &clock, CommandContext context)
    : m_store(store)
    , m_clock(clock)
    , m_context(std::move(context))
{ }

DomainResult<TableManager::Loaded> TableManager::load(const TableId &id) const
{
    const QString stream = id.streamName();
    const auto cached = m_loaded.constFind(stream);
    if (cached == m_loaded.cend()) {
        auto whole = EventSourcing::load(m_store, stream);
        if (!whole.ok())
            return whole.error();
        Loaded loaded {Table::fromHistory(id, whole.value().events), whole.value().revision};
        m_loaded.insert(stream, loaded);
        return loaded;
    }
    auto tail = EventSourcing::load(m_store, stream, cached->revision);
    if (!tail.ok()) {
        m_loaded.remove(stream);
        return tail.error();
    }
    if (tail.value().events.isEmpty())
        return *cached;
    Loaded loaded = *cached;
    for (const DomainEvent &event : tail.value().events)
        loaded.table.apply(event);
    loaded.revision = tail.value().revision;
    m_loaded.insert(stream, loaded);
    return loaded;
}

DomainResult<Table> TableManager::append(const Loaded &loaded, const QList<DomainEvent> &events,
                                         const Causation &cause)
{
    if (events.isEmpty())
        return loaded.table;
    const Causation effective = cause.isEmpty() ? Causation::ofCommand() : cause;
    auto appended = EventSourcing::append(
        m_store, loaded.table.id().streamName(), events, ExpectedRevision::exact(loaded.revision),
        m_context.metadata(effective.correlationId, effective.causationId),
        eventIds(effective, events.size()));
    if (!appended.ok()) {
        m_loaded.remove(loaded.table.id().streamName());
        return appended.error();
    }
    Loaded after = loaded;
    for (const DomainEvent &event : events)
        after.table.apply(event);
    after.revision = loaded.revision + events.size();
    // An append found already stored (a saga step delivered again) did not
    // write these events after the revision read: read the table afresh.
    if (appended.value().revision == after.revision)
        m_loaded.insert(loaded.table.id().streamName(), after);
    else
        m_loaded.remove(loaded.table.id().streamName());
    return after.table;
}

DomainResult<Table> TableManager::execute(const TableId &id, const Causation &cause,
                                          const Decision &decide)
{
    return EventSourcing::retryOnConflict<Table>([&]() -> DomainResult<Table> {
        auto loaded = load(id);
        if (!loaded.ok())
            return loaded.error();
        auto events = decide(loaded.value().table);
        if (!events.ok())
            return events.error();
        return append(loaded.value(), events.value(), cause);
    });
}

DomainResult<Table> TableManager::addTable(const TableId &id, SeatCount seats,
                                           const TableLayout &layout)
{
    return execute(id, {}, [&](const Table &table) { return table.add(seats, layout); });
}

DomainResult<Table> TableManager::moveTable(const TableId &id, const TableLayout &layout)
{
    return execute(id, {}, [&](const Table &table) { return table.move(layout); });
}

// The restaurant's time zone is the booker's setting; the table manager
// reads it from the settings stream, as any context may read events.
DomainResult<TimeInWords> TableManager::timeInWords(const QDateTime &now) const
{
    auto settings = EventSourcing::load(m_store, SettingsStream);
    if (!settings.ok())
        return settings.error();
    return TimeInWords(TimeInWords::restaurantZone(settings.value().events), now);
}

DomainResult<Table> TableManager::changeSeats(const TableId &id, SeatCount seats)
{
    const QDateTime now = m_clock.now();
    auto words = timeInWords(now);
    if (!words.ok())
        return words.error();
    return execute(
        id, {}, [&](const Table &table) { return table.changeSeats(seats, now, words.value()); });
}

DomainResult<Table> TableManager::removeTable(const TableId &id)
{
    const QDateTime now = m_clock.now();
    auto words = timeInWords(now);
    if (!words.ok())
        return words.error();
    return execute(id, {}, [&](const Table &table) { return table.remove(now, words.value()); });
}

DomainResult<TableLock> TableManager::placeLock(const TableId &id, const BookingId &booking,
                                                const TimeSpan &span, PartySize party,
                                                const Causation &cause, int change)
{
    const Causation effective = cause.isEmpty() ? Causation::ofBookingCommand(booking) : cause;
    auto words = timeInWords(m_clock.now());
    if (!words.ok())
        return words.error();
    return EventSourcing::retryOnConflict<TableLock>(
        [&] { return placeLockOnce(id, booking, span, party, change, effective, words.value()); });
}

DomainResult<TableLock> TableManager::placeLockOnce(const TableId &id, const BookingId &booking,
                                                    const TimeSpan &span, PartySize party,
                                                    int change, const Causation &cause,
                                                    const TimeInWords &words)
{
    auto loaded = load(id);
    if (!loaded.ok())
        return loaded.error();
    const LockPlacementDecision decision
        = loaded.value().table.placeLock(booking, span, party, words, change);
    auto after = append(loaded.value(), decision.events, cause);
    if (!after.ok())
        return after.error();
    if (decision.refusal)
        return *decision.refusal;
    if (const TableLock *lock = after.value().lockOf(booking))
        return *lock;
    // Only a stream this version did not write could hold a booking as locked without its lock.
    return DomainError(
        DomainError::Code::InvalidTransition,
        u"Table %1 holds no lock for booking %2."_s.arg(id.toString(), booking.toString()));
}

DomainResult<bool> TableManager::removeLock(const TableId &id, const BookingId &booking,
                                            LockRemovalReason reason, const Causation &cause,
                                            LockScope scope)
{
    const Causation effective = cause.isEmpty() ? Causation::ofBookingCommand(booking) : cause;
    bool released = false;
    auto after = execute(id, effective, [&](const Table &table) {
        auto events = table.removeLock(booking, reason, scope);
        released = events.ok() && !events.value().isEmpty();
        return events;
    });
    if (!after.ok())
        return after.error();
    return released;
}

DomainResult<QList<TableLock>> TableManager::expireLocks(const TableId &id)
{
    auto loaded = load(id);
    if (!loaded.ok())
        return loaded.error();
    QList<TableLock> released;
    for (const TableLock &ended : loaded.value().table.locksEnded(m_clock.now())) {
        auto removed = removeLock(id, ended.bookingId, LockRemovalReason::SlotPassed);
        if (!removed.ok())
            return removed.error();
        if (removed.value())
            released.append(ended);
    }
    return released;
}

DomainResult<Table> TableManager::table(const TableId &id) const
{
    auto loaded = load(id);
    if (!loaded.ok())
        return loaded.error();
    return loaded.value().table;
}

DomainResult<QList<Table>> TableManager::tables(bool includeRemoved) const
{
    const ReadAllFilter added {{TableCategory}, {TableAdded::Type.toString()}};
    QList<TableId> ids;
    QSet<QString> seen;
    constexpr qint64 PageSize = 1000;
    for (qint64 after = 0;;) {
        auto page = m_store.readAll(after, PageSize, added);
        if (!page.ok())
            return DomainError::fromStore(page.error());
        for (const RecordedEvent &event : page.value()) {
            after = event.position;
            auto id = TableId::create(event.stream.mid(TableStreamPrefix.size()));
            if (id.ok() && !seen.contains(id.value().toString())) {
                seen.insert(id.value().toString());
                ids.append(id.value());
            }
        }
        if (page.value().size() < PageSize)
            break;
    }
    QList<Table> result;
    for (const TableId &id : std::as_const(ids)) {
        auto loaded = table(id);
        if (!loaded.ok())
            return loaded.error();
        if (includeRemoved || loaded.value().isInService())
            result.append(loaded.value());
    }
    return result;
}

DomainResult<QList<TableLock>> TableManager::locks(const std::optional<TableId> &id) const
{
    if (id) {
        auto loaded = table(*id);
        if (!loaded.ok())
            return loaded.error();
        return loaded.value().locks();
    }
    auto all = tables(false);
    if (!all.ok())
        return all.error();
    QList<TableLock> result;
    for (const Table &table : all.value())
        result.append(table.locks());
    return result;
}

} // namespace hoststand
