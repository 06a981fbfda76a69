#include "readmodel/ReadQueries.h"

#include "domain/contracts/NaturalOrder.h"
#include "domain/contracts/SettingsEvents.h"
#include "readmodel/GuestSearch.h"
#include "readmodel/ReadConnection.h"
#include "readmodel/SettingsProjection.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

const QString TableColumns = u"id, seats, zone, shape, x, y, width, height, rotation, in_service"_s;
const QString BookingColumns
    = u"id, table_id, start_ms, end_ms, party_size, guest_name, phone, note, status, walk_in, "
      "rejection_reason, created_ms, arrived_ms, seated_ms, left_ms"_s;
const QString LockColumns = u"table_id, booking_id, start_ms, end_ms, party_size"_s;
// The earliest start a booking overlapping a moment can have.
const QString EarliestStart = u"? - (SELECT longest_ms FROM booking_span_bound WHERE id = 1)"_s;
const QString ActiveStatuses = u"('initiated', 'confirmed', 'arrived', 'seated')"_s;

TableRow readTable(const ReadStatement &row)
{
    TableRow table;
    table.id = row.textValue(0);
    table.seats = int(row.intValue(1));
    table.layout.zone = row.textValue(2);
    table.layout.shape = tableShapeFromString(row.textValue(3)).value_or(TableShape::Square);
    table.layout.x = row.realValue(4);
    table.layout.y = row.realValue(5);
    table.layout.width = row.realValue(6);
    table.layout.height = row.realValue(7);
    table.layout.rotation = row.realValue(8);
    table.inService = row.intValue(9) != 0;
    return table;
}

BookingRow readBooking(const ReadStatement &row)
{
    BookingRow booking;
    booking.id = row.textValue(0);
    booking.tableId = row.textValue(1);
    booking.start = row.momentValue(2);
    booking.end = row.momentValue(3);
    booking.partySize = int(row.intValue(4));
    booking.guestName = row.textValue(5);
    booking.phone = row.textValue(6);
    booking.note = row.textValue(7);
    booking.status = bookingStatusFromString(row.textValue(8)).value_or(BookingStatus::Initiated);
    booking.walkIn = row.intValue(9) != 0;
    booking.rejectionReason = row.textValue(10);
    booking.createdAt = row.momentValue(11);
    booking.arrivedAt = row.momentValue(12);
    booking.seatedAt = row.momentValue(13);
    booking.leftAt = row.momentValue(14);
    return booking;
}

LockRow readLock(const ReadStatement &row)
{
    return LockRow {row.textValue(0), row.textValue(1), row.momentValue(2), row.momentValue(3),
                    int(row.intValue(4))};
}

struct FreeTable
{
    QString id;
    qint64 seats = 0;
};

FreeTable readFreeTable(const ReadStatement &row)
{
    return {row.textValue(0), row.intValue(1)};
}

// What a guest search looks for: the folded text, and the digits when the
// text reads as a phone number (empty otherwise).
struct GuestSearchTerms
{
    QString folded;
    QString digits;
};

GuestSearchTerms guestSearchTerms(const QString &text)
{
    GuestSearchTerms terms {text.trimmed().toCaseFolded(), {}};
    static const QRegularExpression phoneLike(u"^[0-9 +()./-]+$"_s);
    const QString digits = GuestSearch::digits(terms.folded);
    if (digits.size() >= 3 && phoneLike.match(terms.folded).hasMatch())
        terms.digits = digits;
    return terms;
}

} // namespace

ReadQueries::ReadQueries(ReadConnection &connection)
    : m_connection(connection)
{ }

ReadQueries::~ReadQueries() = default;

StoreResult<ReadStatement *> ReadQueries::statement(const QString &sql)
{
    if (const auto found = m_statements.constFind(sql); found != m_statements.cend())
        return found->get();
    auto prepared = m_connection.prepare(sql);
    if (!prepared.ok())
        return prepared.error();
    std::shared_ptr<ReadStatement> kept = std::move(prepared).value();
    m_statements.insert(sql, kept);
    return kept.get();
}

template<typename Row>
StoreResult<QList<Row>> ReadQueries::rows(ReadStatement &statement,
                                          Row (*read)(const ReadStatement &))
{
    QList<Row> result;
    for (;;) {
        auto row = statement.next();
        if (!row.ok())
            return row.error();
        if (!row.value())
            return result;
        result.append(read(statement));
    }
}

StoreResult<QHash<QString, QString>> ReadQueries::settingValues()
{
    auto query = statement(u"SELECT name, value FROM restaurant_settings"_s);
    if (!query.ok())
        return query.error();
    auto pairs = rows<std::pair<QString, QString>>(*query.value(), [](const ReadStatement &row) {
        return std::pair {row.textValue(0), row.textValue(1)};
    });
    if (!pairs.ok())
        return pairs.error();
    QHash<QString, QString> values;
    for (const auto &[key, value] : pairs.value())
        values.insert(key, value);
    return values;
}

StoreResult<QList<ServicePeriod>> ReadQueries::servicePeriods()
{
    auto query = statement(
        u"SELECT weekday, name, start_time, end_time FROM service_periods ORDER BY ordinal"_s);
    if (!query.ok())
        return query.error();
    return rows<ServicePeriod>(*query.value(), [](const ReadStatement &row) {
        return ServicePeriod {int(row.intValue(0)), row.textValue(1),
                              QTime::fromString(row.textValue(2), u"HH:mm"_s),
                              QTime::fromString(row.textValue(3), u"HH:mm"_s)};
    });
}

StoreResult<QList<TurnTime>> ReadQueries::turnTimes()
{
    auto query = statement(u"SELECT max_party_size, minutes FROM turn_times ORDER BY ordinal"_s);
    if (!query.ok())
        return query.error();
    return rows<TurnTime>(*query.value(), [](const ReadStatement &row) {
        return TurnTime {int(row.intValue(0)), int(row.intValue(1))};
    });
}

// Each setting not defined by an event yet has the defaults of a new store.
StoreResult<RestaurantSettingsRow> ReadQueries::settings()
{
    auto values = settingValues();
    if (!values.ok())
        return values.error();
    const ServicePeriodsDefined periodDefaults = ServicePeriodsDefined::defaults();
    const TurnTimesDefined turnDefaults = TurnTimesDefined::defaults();
    RestaurantSettingsRow settings {periodDefaults.periods, periodDefaults.slotMinutes,
                                    periodDefaults.timeZone, turnDefaults.turnTimes,
                                    turnDefaults.largerPartyMinutes};
    const QHash<QString, QString> &stored = values.value();
    if (stored.contains(SettingsProjection::TimeZoneKey)) {
        auto periods = servicePeriods();
        if (!periods.ok())
            return periods.error();
        settings.periods = periods.value();
        settings.slotMinutes = stored.value(SettingsProjection::SlotMinutesKey).toInt();
        settings.timeZone = stored.value(SettingsProjection::TimeZoneKey);
        // A read file projected before the horizon existed holds the default.
        settings.bookingHorizonDays
            = stored
                  .value(SettingsProjection::BookingHorizonDaysKey,
                         QString::number(ServicePeriodsDefined::DefaultHorizonDays))
                  .toInt();
    }
    if (stored.contains(SettingsProjection::LargerPartyMinutesKey)) {
        auto turns = turnTimes();
        if (!turns.ok())
            return turns.error();
        settings.turnTimes = turns.value();
        settings.largerPartyMinutes
            = stored.value(SettingsProjection::LargerPartyMinutesKey).toInt();
    }
    return settings;
}

StoreResult<QList<TableRow>> ReadQueries::tables(bool includeRemoved)
{
    auto query
        = statement(u"SELECT "_s + TableColumns + u" FROM dining_tables "_s
                    + (includeRemoved ? u""_s : u"WHERE in_service = 1 "_s) + u"ORDER BY id"_s);
    if (!query.ok())
        return query.error();
    return rows<TableRow>(*query.value(), readTable);
}

StoreResult<std::optional<TableRow>> ReadQueries::table(const QString &tableId)
{
    auto query = statement(u"SELECT "_s + TableColumns + u" FROM dining_tables WHERE id = ?"_s);
    if (!query.ok())
        return query.error();
    query.value()->bindText(1, tableId);
    auto found = rows<TableRow>(*query.value(), readTable);
    if (!found.ok())
        return found.error();
    return found.value().isEmpty() ? std::nullopt : std::optional(found.value().constFirst());
}

StoreResult<std::optional<BookingRow>> ReadQueries::booking(const QString &bookingId)
{
    auto query = statement(u"SELECT "_s + BookingColumns + u" FROM bookings WHERE id = ?"_s);
    if (!query.ok())
        return query.error();
    query.value()->bindText(1, bookingId);
    auto found = rows<BookingRow>(*query.value(), readBooking);
    if (!found.ok())
        return found.error();
    return found.value().isEmpty() ? std::nullopt : std::optional(found.value().constFirst());
}

// The range on start_ms, bounded below by the longest span any booking
// has, keeps the scan of the (start_ms, end_ms) index to the bookings that
// can overlap, however long the history.
StoreResult<QList<BookingRow>> ReadQueries::bookingsBetween(const QDateTime &from,
                                                            const QDateTime &to)
{
    auto query = statement(bookingsBetweenSql());
    if (!query.ok())
        return query.error();
    query.value()->bindMoment(1, to);
    query.value()->bindMoment(2, from);
    query.value()->bindMoment(3, from);
    return rows<BookingRow>(*query.value(), readBooking);
}

StoreResult<QList<BookingRow>> ReadQueries::tableBookingsBetween(const QString &tableId,
                                                                 const QDateTime &from,
                                                                 const QDateTime &to)
{
    auto query = statement(tableBookingsBetweenSql());
    if (!query.ok())
        return query.error();
    query.value()->bindText(1, tableId);
    query.value()->bindMoment(2, to);
    query.value()->bindMoment(3, from);
    query.value()->bindMoment(4, from);
    return rows<BookingRow>(*query.value(), readBooking);
}

StoreResult<std::optional<BookingRow>> ReadQueries::nextBooking(const QString &tableId,
                                                                const QDateTime &moment)
{
    auto query = statement(nextBookingSql());
    if (!query.ok())
        return query.error();
    query.value()->bindText(1, tableId);
    query.value()->bindMoment(2, moment);
    auto found = rows<BookingRow>(*query.value(), readBooking);
    if (!found.ok())
        return found.error();
    return found.value().isEmpty() ? std::nullopt : std::optional(found.value().constFirst());
}

StoreResult<QList<LockRow>> ReadQueries::locks(const QString &tableId)
{
    auto query = statement(u"SELECT "_s + LockColumns + u" FROM table_locks "_s
                           + (tableId.isEmpty() ? u""_s : u"WHERE table_id = ? "_s)
                           + u"ORDER BY table_id, start_ms, booking_id"_s);
    if (!query.ok())
        return query.error();
    if (!tableId.isEmpty())
        query.value()->bindText(1, tableId);
    return rows<LockRow>(*query.value(), readLock);
}

StoreResult<QList<LockRow>> ReadQueries::tableLocksBetween(const QString &tableId,
                                                           const QDateTime &from,
                                                           const QDateTime &to)
{
    auto query = statement(tableLocksBetweenSql());
    if (!query.ok())
        return query.error();
    query.value()->bindText(1, tableId);
    query.value()->bindMoment(2, to);
    query.value()->bindMoment(3, from);
    return rows<LockRow>(*query.value(), readLock);
}

// Smallest fitting tables first, the host's usual choice; tables of one
// size in natural order (T5 before T26).
StoreResult<QStringList> ReadQueries::freeTables(const QDateTime &start, const QDateTime &end,
                                                 int partySize, const QString &exceptBooking)
{
    auto query = statement(freeTablesSql());
    if (!query.ok())
        return query.error();
    ReadStatement &free = *query.value();
    free.bindInt(1, partySize);
    free.bindMoment(2, end);
    free.bindMoment(3, start);
    free.bindText(4, exceptBooking);
    free.bindMoment(5, end);
    free.bindMoment(6, start);
    free.bindMoment(7, start);
    free.bindText(8, exceptBooking);
    auto found = rows<FreeTable>(free, readFreeTable);
    if (!found.ok())
        return found.error();
    QList<FreeTable> tables = std::move(found).value();
    std::sort(tables.begin(), tables.end(), [](const FreeTable &a, const FreeTable &b) {
        return a.seats != b.seats ? a.seats < b.seats : naturalLess(a.id, b.id);
    });
    QStringList ids;
    ids.reserve(tables.size());
    for (const FreeTable &table : std::as_const(tables))
        ids.append(table.id);
    return ids;
}

// A text of digits and phone punctuation also matches the phone's digits,
// whatever spacing either was written with.
StoreResult<QList<BookingRow>> ReadQueries::searchGuests(const QString &text, int limit)
{
    const GuestSearchTerms terms = guestSearchTerms(text);
    if (terms.folded.isEmpty())
        return QList<BookingRow>();
    auto query = statement(guestSearchSql(m_connection.dialect(), text));
    if (!query.ok())
        return query.error();
    ReadStatement &search = *query.value();
    int index = 1;
    search.bindText(index++, GuestSearch::containsPattern(terms.folded));
    if (!terms.digits.isEmpty())
        search.bindText(index++, GuestSearch::containsPattern(terms.digits));
    search.bindInt(index, limit);
    return rows<BookingRow>(search, readBooking);
}

// On PostgreSQL the GIN trigram indexes (BookingsProjection) serve the
// LIKE of a text of three characters or more; SQLite reads every booking.
QString ReadQueries::guestSearchSql(const ReadDialect &, const QString &text)
{
    const GuestSearchTerms terms = guestSearchTerms(text);
    QString like = u"b.search_text LIKE ? ESCAPE '!'"_s;
    if (!terms.digits.isEmpty())
        like += u" OR b.phone_digits LIKE ? ESCAPE '!'"_s;
    return u"SELECT "_s + BookingColumns + u" FROM bookings b WHERE "_s + like
        + u" ORDER BY b.start_ms DESC, b.id LIMIT ?"_s;
}

QString ReadQueries::bookingsBetweenSql()
{
    return u"SELECT "_s + BookingColumns + u" FROM bookings WHERE start_ms < ? AND start_ms >= "_s
        + EarliestStart + u" AND end_ms > ? ORDER BY table_id, start_ms, id"_s;
}

QString ReadQueries::tableBookingsBetweenSql()
{
    return u"SELECT "_s + BookingColumns
        + u" FROM bookings WHERE table_id = ? AND start_ms < ? AND start_ms >= "_s + EarliestStart
        + u" AND end_ms > ? ORDER BY start_ms, id"_s;
}

QString ReadQueries::nextBookingSql()
{
    return u"SELECT "_s + BookingColumns
        + u" FROM bookings WHERE table_id = ? AND start_ms > ? AND status IN "
          "('initiated', 'confirmed') ORDER BY start_ms, id LIMIT 1"_s;
}

QString ReadQueries::tableLocksBetweenSql()
{
    return u"SELECT "_s + LockColumns
        + u" FROM table_locks WHERE table_id = ? AND start_ms < ? "
          "AND end_ms > ? ORDER BY start_ms, booking_id"_s;
}

QString ReadQueries::freeTablesSql()
{
    return u"SELECT id, seats FROM dining_tables t WHERE in_service = 1 AND seats >= ? "
           "AND NOT EXISTS (SELECT 1 FROM table_locks l WHERE l.table_id = t.id "
           "AND l.start_ms < ? AND l.end_ms > ? AND l.booking_id <> ?) "
           "AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.table_id = t.id AND b.status IN "_s
        + ActiveStatuses + u" AND b.start_ms < ? AND b.start_ms >= "_s + EarliestStart
        + u" AND b.end_ms > ? AND b.id <> ?)"_s;
}

} // namespace hoststand
