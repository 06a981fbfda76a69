#include "readmodel/LocksProjection.h"

#include "readmodel/ProjectedEvent.h"
#include "readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString LocksProjection::name() const
{
    return u"locks"_s;
}

QList<ReadTable> LocksProjection::tables() const
{
    return {{u"table_locks"_s, u"table_id, booking_id"_s}};
}

QStringList LocksProjection::schema() const
{
    return {u"CREATE TABLE IF NOT EXISTS table_locks("
            "table_id {TEXT} NOT NULL, booking_id {TEXT} NOT NULL, start_ms {BIGINT} NOT NULL, "
            "end_ms {BIGINT} NOT NULL, party_size {INT} NOT NULL, "
            "PRIMARY KEY(table_id, booking_id))"_s};
}

QList<ReadIndex> LocksProjection::indexes(const ReadDialect &) const
{
    return {
        {u"table_locks_by_span"_s,
         u"CREATE INDEX IF NOT EXISTS table_locks_by_span ON table_locks(table_id, start_ms)"_s}};
}

StoreResult<void> LocksProjection::prepare(ReadConnection &connection)
{
    discardBatch();
    return prepareStatements(
        connection,
        {{&m_place,
          u"INSERT INTO table_locks(table_id, booking_id, start_ms, end_ms, party_size) "
          "VALUES(?, ?, ?, ?, ?) ON CONFLICT(table_id, booking_id) DO UPDATE SET "
          "start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
          "party_size = excluded.party_size"_s},
         {&m_remove, u"DELETE FROM table_locks WHERE table_id = ? AND booking_id = ?"_s}});
}

StoreResult<void> LocksProjection::apply(const ProjectedEvent &event)
{
    if (event.kind() == EventKind::LockPlaced)
        place(event);
    else if (event.kind() == EventKind::LockRemoved)
        remove(event);
    return {};
}

void LocksProjection::place(const ProjectedEvent &event)
{
    const QString tableId = event.text("tableId");
    const QString bookingId = event.text("bookingId");
    const auto span = event.timeSlot();
    const auto party = event.integer("partySize");
    if (tableId.isEmpty() || bookingId.isEmpty() || !span || !party)
        return; // unreadable: the audit log still shows it
    keep({{tableId, bookingId, span->first, span->second, int(*party)}, true});
}

void LocksProjection::remove(const ProjectedEvent &event)
{
    keep({{event.text("tableId"), event.text("bookingId"), {}, {}, 0}, false});
}

void LocksProjection::keep(Pending change)
{
    const QString key = change.lock.tableId + u'\n' + change.lock.bookingId;
    m_pending.put(key, std::move(change));
}

StoreResult<void> LocksProjection::finishBatch()
{
    for (const Pending &change : m_pending) {
        ReadStatement &statement = change.placed ? *m_place : *m_remove;
        statement.bindText(1, change.lock.tableId);
        statement.bindText(2, change.lock.bookingId);
        if (change.placed) {
            statement.bindMoment(3, change.lock.start);
            statement.bindMoment(4, change.lock.end);
            statement.bindInt(5, change.lock.partySize);
        }
        if (auto written = statement.execute(); !written.ok())
            return written;
    }
    discardBatch();
    return {};
}

void LocksProjection::discardBatch()
{
    m_pending.clear();
}

} // namespace hoststand
