#include "domain/readmodel/BookingsProjection.h"

#include "domain/contracts/BookingStatus.h"
#include "domain/readmodel/GuestSearch.h"
#include "domain/readmodel/ProjectedEvent.h"
#include "domain/readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString BookingsProjection::name() const
{
    return u"bookings"_s;
}

QList<ReadTable> BookingsProjection::tables() const
{
    return {{u"bookings"_s, u"id"_s}, {u"booking_span_bound"_s, u"id"_s}};
}

QStringList BookingsProjection::schema() const
{
    return {
        u"CREATE TABLE IF NOT EXISTS bookings("
        "id {TEXT} PRIMARY KEY, table_id {TEXT} NOT NULL, start_ms {BIGINT} NOT NULL, "
        "end_ms {BIGINT} NOT NULL, party_size {INT} NOT NULL, guest_name {TEXT} NOT NULL, "
        "phone {TEXT} NOT NULL, note {TEXT} NOT NULL, status {TEXT} NOT NULL, "
        "walk_in {INT} NOT NULL, rejection_reason {TEXT} NOT NULL, "
        "created_ms {BIGINT} NOT NULL, arrived_ms {BIGINT}, seated_ms {BIGINT}, "
        "left_ms {BIGINT}, search_text {TEXT} NOT NULL, phone_digits {TEXT} NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS booking_span_bound("
        "id {INT} PRIMARY KEY, longest_ms {BIGINT} NOT NULL)"_s,
        u"INSERT INTO booking_span_bound(id, longest_ms) VALUES(1, 0) "
        "ON CONFLICT(id) DO NOTHING"_s,
    };
}

QList<ReadIndex> BookingsProjection::indexes() const
{
    return {{u"bookings_by_span"_s,
             u"CREATE INDEX IF NOT EXISTS bookings_by_span ON bookings(start_ms, end_ms)"_s},
            {u"bookings_by_table"_s,
             u"CREATE INDEX IF NOT EXISTS bookings_by_table ON bookings(table_id, start_ms)"_s}};
}

StoreResult<void> BookingsProjection::prepare(ReadConnection &connection)
{
    m_knownBoundMs = -1;
    return prepareStatements(
        connection,
        {{&m_initiate,
          u"INSERT INTO bookings(id, table_id, start_ms, end_ms, party_size, guest_name, phone, "
          "note, status, walk_in, rejection_reason, created_ms, search_text, phone_digits) "
          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, 'initiated', ?, '', ?, ?, ?) "
          "ON CONFLICT(id) DO UPDATE SET table_id = excluded.table_id, "
          "start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
          "party_size = excluded.party_size, guest_name = excluded.guest_name, "
          "phone = excluded.phone, note = excluded.note, status = excluded.status, "
          "walk_in = excluded.walk_in, created_ms = excluded.created_ms, "
          "search_text = excluded.search_text, phone_digits = excluded.phone_digits"_s},
         {&m_status, u"UPDATE bookings SET status = ? WHERE id = ?"_s},
         {&m_reject,
          u"UPDATE bookings SET status = 'rejected', rejection_reason = ? WHERE id = ?"_s},
         {&m_arrive, u"UPDATE bookings SET status = 'arrived', arrived_ms = ? WHERE id = ?"_s},
         {&m_seat, u"UPDATE bookings SET status = 'seated', seated_ms = ? WHERE id = ?"_s},
         {&m_leave, u"UPDATE bookings SET status = 'left', left_ms = ? WHERE id = ?"_s},
         {&m_widen,
          u"UPDATE booking_span_bound SET longest_ms = ? WHERE id = 1 AND longest_ms < ?"_s},
         {&m_readBound, u"SELECT longest_ms FROM booking_span_bound WHERE id = 1"_s}});
}

StoreResult<void> BookingsProjection::apply(const ProjectedEvent &event)
{
    switch (event.kind()) {
    case EventKind::BookingInitiated:
        return initiate(event);
    case EventKind::BookingConfirmed:
        return setStatus(event, toString(BookingStatus::Confirmed));
    case EventKind::BookingRejected:
        return reject(event);
    case EventKind::BookingCancelled:
        return setStatus(event, toString(BookingStatus::Cancelled));
    case EventKind::BookingNoShow:
        return setStatus(event, toString(BookingStatus::NoShow));
    case EventKind::GuestArrived:
        return setMoment(*m_arrive, event);
    case EventKind::PartySeated:
        return setMoment(*m_seat, event);
    case EventKind::PartyLeft:
        return setMoment(*m_leave, event);
    default:
        return {};
    }
}

StoreResult<void> BookingsProjection::initiate(const ProjectedEvent &event)
{
    const QString bookingId = event.text(u"bookingId");
    const QString tableId = event.text(u"tableId");
    const auto span = event.timeSlot();
    const auto party = event.integer(u"partySize");
    if (bookingId.isEmpty() || tableId.isEmpty() || !span || !party)
        return {}; // unreadable: the audit log still shows it
    const QString guestName = event.text(u"guestName");
    const QString phone = event.text(u"phone");
    m_initiate->bindText(1, bookingId);
    m_initiate->bindText(2, tableId);
    m_initiate->bindMoment(3, span->first);
    m_initiate->bindMoment(4, span->second);
    m_initiate->bindInt(5, *party);
    m_initiate->bindText(6, guestName);
    m_initiate->bindText(7, phone);
    m_initiate->bindText(8, event.text(u"note"));
    m_initiate->bindInt(9, event.boolean(u"walkIn") ? 1 : 0);
    m_initiate->bindMoment(10, event.recorded().created);
    m_initiate->bindText(11, GuestSearch::foldedText(guestName, phone));
    m_initiate->bindText(12, GuestSearch::digits(phone));
    if (auto inserted = m_initiate->execute(); !inserted.ok())
        return inserted;
    return widenSpanBound(span->first.msecsTo(span->second));
}

// Writes only when a span is longer than any this projection has seen: a
// few times per store, not once per booking.
StoreResult<void> BookingsProjection::widenSpanBound(qint64 spanMs)
{
    if (m_knownBoundMs < 0) {
        auto row = m_readBound->next();
        if (!row.ok())
            return row.error();
        m_knownBoundMs = row.value() ? m_readBound->intValue(0) : 0;
        m_readBound->reset();
    }
    if (spanMs <= m_knownBoundMs)
        return {};
    m_widen->bindInt(1, spanMs);
    m_widen->bindInt(2, spanMs);
    m_knownBoundMs = spanMs;
    return m_widen->execute();
}

StoreResult<void> BookingsProjection::setStatus(const ProjectedEvent &event, const QString &status)
{
    m_status->bindText(1, status);
    m_status->bindText(2, event.text(u"bookingId"));
    return m_status->execute();
}

StoreResult<void> BookingsProjection::reject(const ProjectedEvent &event)
{
    m_reject->bindText(1, event.text(u"message"));
    m_reject->bindText(2, event.text(u"bookingId"));
    return m_reject->execute();
}

StoreResult<void> BookingsProjection::setMoment(ReadStatement &statement,
                                                const ProjectedEvent &event)
{
    statement.bindMoment(1, event.moment(u"at"));
    statement.bindText(2, event.text(u"bookingId"));
    return statement.execute();
}

} // namespace hoststand
