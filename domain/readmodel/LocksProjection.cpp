#include "domain/readmodel/LocksProjection.h"

#include "domain/readmodel/ProjectedEvent.h"
#include "domain/readmodel/ReadConnection.h"

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

QList<ReadIndex> LocksProjection::indexes() const
{
    return {
        {u"table_locks_by_span"_s,
         u"CREATE INDEX IF NOT EXISTS table_locks_by_span ON table_locks(table_id, start_ms)"_s}};
}

StoreResult<void> LocksProjection::prepare(ReadConnection &connection)
{
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
    switch (event.kind()) {
    case EventKind::LockPlaced:
        return place(event);
    case EventKind::LockRemoved:
        return remove(event);
    default:
        return {};
    }
}

StoreResult<void> LocksProjection::place(const ProjectedEvent &event)
{
    const QString tableId = event.text(u"tableId");
    const QString bookingId = event.text(u"bookingId");
    const auto span = event.timeSlot();
    const auto party = event.integer(u"partySize");
    if (tableId.isEmpty() || bookingId.isEmpty() || !span || !party)
        return {}; // unreadable: the audit log still shows it
    m_place->bindText(1, tableId);
    m_place->bindText(2, bookingId);
    m_place->bindMoment(3, span->first);
    m_place->bindMoment(4, span->second);
    m_place->bindInt(5, *party);
    return m_place->execute();
}

StoreResult<void> LocksProjection::remove(const ProjectedEvent &event)
{
    m_remove->bindText(1, event.text(u"tableId"));
    m_remove->bindText(2, event.text(u"bookingId"));
    return m_remove->execute();
}

} // namespace hoststand
