#include "readmodel/BookingsProjection.h"

#include "domain/contracts/BookingStatus.h"
#include "readmodel/GuestSearch.h"
#include "readmodel/ProjectedEvent.h"
#include "readmodel/ReadConnection.h"

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

QList<ReadIndex> BookingsProjection::indexes(const ReadDialect &dialect) const
{
    QList<ReadIndex> indexes {
        {u"bookings_by_span"_s,
         u"CREATE INDEX IF NOT EXISTS bookings_by_span ON bookings(start_ms, end_ms)"_s},
        {u"bookings_by_table"_s,
         u"CREATE INDEX IF NOT EXISTS bookings_by_table ON bookings(table_id, start_ms)"_s}};
    if (dialect.kind() == ReadDialect::Kind::Postgres && !dialect.trigramOps().isEmpty()) {
        // GIN trigram indexes serve the guest search's LIKE '%...%' as it is.
        for (const QString &column : {u"search_text"_s, u"phone_digits"_s}) {
            const QString name = u"bookings_by_%1_trigrams"_s.arg(column);
            indexes.append({name,
                            u"CREATE INDEX IF NOT EXISTS %1 ON bookings USING gin (%2 %3)"_s.arg(
                                name, column, dialect.trigramOps())});
        }
    }
    return indexes;
}

StoreResult<void> BookingsProjection::prepare(ReadConnection &connection)
{
    discardBatch();
    return prepareStatements(
        connection,
        {{&m_insert,
          u"INSERT INTO bookings(id, table_id, start_ms, end_ms, party_size, guest_name, phone, "
          "note, status, walk_in, rejection_reason, created_ms, arrived_ms, seated_ms, left_ms, "
          "search_text, phone_digits) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(id) DO UPDATE SET table_id = excluded.table_id, "
          "start_ms = excluded.start_ms, end_ms = excluded.end_ms, "
          "party_size = excluded.party_size, guest_name = excluded.guest_name, "
          "phone = excluded.phone, note = excluded.note, status = excluded.status, "
          "walk_in = excluded.walk_in, rejection_reason = excluded.rejection_reason, "
          "created_ms = excluded.created_ms, arrived_ms = excluded.arrived_ms, "
          "seated_ms = excluded.seated_ms, left_ms = excluded.left_ms, "
          "search_text = excluded.search_text, phone_digits = excluded.phone_digits"_s},
         {&m_update,
          u"UPDATE bookings SET status = coalesce(?, status), "
          "rejection_reason = coalesce(?, rejection_reason), "
          "arrived_ms = coalesce(?, arrived_ms), seated_ms = coalesce(?, seated_ms), "
          "left_ms = coalesce(?, left_ms) WHERE id = ?"_s},
         {&m_reshape,
          u"UPDATE bookings SET table_id = coalesce(?, table_id), "
          "start_ms = coalesce(?, start_ms), end_ms = coalesce(?, end_ms), "
          "party_size = coalesce(?, party_size), guest_name = coalesce(?, guest_name), "
          "phone = coalesce(?, phone), note = coalesce(?, note), "
          "search_text = coalesce(?, search_text), phone_digits = coalesce(?, phone_digits) "
          "WHERE id = ?"_s},
         {&m_widen,
          u"UPDATE booking_span_bound SET longest_ms = ? WHERE id = 1 AND longest_ms < ?"_s},
         {&m_readBound, u"SELECT longest_ms FROM booking_span_bound WHERE id = 1"_s}});
}

StoreResult<void> BookingsProjection::apply(const ProjectedEvent &event)
{
    switch (event.kind()) {
    case EventKind::BookingInitiated:
        initiate(event);
        break;
    case EventKind::BookingConfirmed:
        setStatus(event, BookingStatus::Confirmed);
        break;
    case EventKind::BookingCancelled:
        setStatus(event, BookingStatus::Cancelled);
        break;
    case EventKind::BookingNoShow:
        setStatus(event, BookingStatus::NoShow);
        break;
    case EventKind::BookingRejected:
        if (Pending *change = pending(event)) {
            change->row.status = BookingStatus::Rejected;
            change->statusChanged = change->rejected = true;
            change->row.rejectionReason = event.text("message");
        }
        break;
    case EventKind::GuestArrived:
        setStatus(event, BookingStatus::Arrived);
        if (Pending *change = pending(event))
            change->row.arrivedAt = event.moment("at");
        break;
    case EventKind::PartySeated:
        setStatus(event, BookingStatus::Seated);
        if (Pending *change = pending(event))
            change->row.seatedAt = event.moment("at");
        break;
    case EventKind::PartyLeft:
        setStatus(event, BookingStatus::Left);
        if (Pending *change = pending(event))
            change->row.leftAt = event.moment("at");
        break;
    case EventKind::BookingChanged:
        change(event, true);
        break;
    case EventKind::BookingDetailsChanged:
        change(event, false);
        break;
    default:
        break;
    }
    return {};
}

void BookingsProjection::change(const ProjectedEvent &event, bool place)
{
    if (place) {
        const QString table = event.text("tableId");
        const auto span = event.timeSlot();
        const auto party = event.integer("partySize");
        if (table.isEmpty() || !span || !party)
            return; // unreadable: the audit log still shows it
        Pending *change = pending(event);
        if (!change)
            return;
        change->row.tableId = table;
        change->row.start = span->first;
        change->row.end = span->second;
        change->row.partySize = int(*party);
        change->placeChanged = true;
        m_batchLongestMs = std::max(m_batchLongestMs, span->first.msecsTo(span->second));
    }
    if (Pending *change = pending(event)) {
        change->row.guestName = event.text("guestName");
        change->row.phone = event.text("phone");
        change->row.note = event.text("note");
        change->detailsChanged = true;
    }
}

void BookingsProjection::initiate(const ProjectedEvent &event)
{
    BookingRow row;
    row.id = event.text("bookingId");
    row.tableId = event.text("tableId");
    const auto span = event.timeSlot();
    const auto party = event.integer("partySize");
    if (row.id.isEmpty() || row.tableId.isEmpty() || !span || !party)
        return; // unreadable: the audit log still shows it
    row.start = span->first;
    row.end = span->second;
    row.partySize = int(*party);
    row.guestName = event.text("guestName");
    row.phone = event.text("phone");
    row.note = event.text("note");
    row.walkIn = event.boolean("walkIn");
    row.createdAt = event.recorded().created;
    m_batchLongestMs = std::max(m_batchLongestMs, row.start.msecsTo(row.end));
    const QString id = row.id;
    m_pending.put(id, {std::move(row), true, true, false});
}

BookingsProjection::Pending *BookingsProjection::pending(const ProjectedEvent &event)
{
    const QString id = event.text("bookingId");
    if (id.isEmpty())
        return nullptr;
    if (Pending *found = m_pending.find(id))
        return found;
    Pending change;
    change.row.id = id;
    return &m_pending.add(id, std::move(change));
}

void BookingsProjection::setStatus(const ProjectedEvent &event, BookingStatus status)
{
    if (Pending *change = pending(event)) {
        change->row.status = status;
        change->statusChanged = true;
    }
}

StoreResult<void> BookingsProjection::finishBatch()
{
    for (const Pending &change : m_pending) {
        auto written = change.whole ? insert(change.row) : update(change);
        if (!written.ok())
            return written;
        if (!change.whole && (change.placeChanged || change.detailsChanged)) {
            if (auto reshaped = reshape(change); !reshaped.ok())
                return reshaped;
        }
    }
    auto widened = widenSpanBound();
    discardBatch();
    return widened;
}

void BookingsProjection::discardBatch()
{
    m_pending.clear();
    m_batchLongestMs = 0;
}

StoreResult<void> BookingsProjection::insert(const BookingRow &row)
{
    ReadStatement &insert = *m_insert;
    insert.bindText(1, row.id);
    insert.bindText(2, row.tableId);
    insert.bindMoment(3, row.start);
    insert.bindMoment(4, row.end);
    insert.bindInt(5, row.partySize);
    insert.bindText(6, row.guestName);
    insert.bindText(7, row.phone);
    insert.bindText(8, row.note);
    insert.bindText(9, toString(row.status));
    insert.bindInt(10, row.walkIn ? 1 : 0);
    insert.bindText(11, row.rejectionReason);
    insert.bindMoment(12, row.createdAt);
    insert.bindMoment(13, row.arrivedAt);
    insert.bindMoment(14, row.seatedAt);
    insert.bindMoment(15, row.leftAt);
    insert.bindText(16, GuestSearch::foldedText(row.guestName, row.phone));
    insert.bindText(17, GuestSearch::digits(row.phone));
    return insert.execute();
}

StoreResult<void> BookingsProjection::update(const Pending &change)
{
    ReadStatement &update = *m_update;
    if (change.statusChanged)
        update.bindText(1, toString(change.row.status));
    else
        update.bindNull(1);
    if (change.rejected)
        update.bindText(2, change.row.rejectionReason);
    else
        update.bindNull(2);
    update.bindMoment(3, change.row.arrivedAt);
    update.bindMoment(4, change.row.seatedAt);
    update.bindMoment(5, change.row.leftAt);
    update.bindText(6, change.row.id);
    return update.execute();
}

StoreResult<void> BookingsProjection::reshape(const Pending &change)
{
    ReadStatement &reshape = *m_reshape;
    const BookingRow &row = change.row;
    if (change.placeChanged) {
        reshape.bindText(1, row.tableId);
        reshape.bindMoment(2, row.start);
        reshape.bindMoment(3, row.end);
        reshape.bindInt(4, row.partySize);
    } else {
        for (int column = 1; column <= 4; ++column)
            reshape.bindNull(column);
    }
    if (change.detailsChanged) {
        reshape.bindText(5, row.guestName);
        reshape.bindText(6, row.phone);
        reshape.bindText(7, row.note);
        reshape.bindText(8, GuestSearch::foldedText(row.guestName, row.phone));
        reshape.bindText(9, GuestSearch::digits(row.phone));
    } else {
        for (int column = 5; column <= 9; ++column)
            reshape.bindNull(column);
    }
    reshape.bindText(10, row.id);
    return reshape.execute();
}

// Writes only when a span is longer than any stored: a few times per
// store, not once per batch.
StoreResult<void> BookingsProjection::widenSpanBound()
{
    if (m_batchLongestMs == 0)
        return {};
    auto row = m_readBound->next();
    if (!row.ok())
        return row.error();
    const qint64 stored = row.value() ? m_readBound->intValue(0) : 0;
    m_readBound->reset();
    if (m_batchLongestMs <= stored)
        return {};
    m_widen->bindInt(1, m_batchLongestMs);
    m_widen->bindInt(2, m_batchLongestMs);
    return m_widen->execute();
}

} // namespace hoststand
