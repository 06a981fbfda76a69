#include "app/cli/Presenter.h"

#include "domain/booker/AvailableSlot.h"
#include "domain/booker/Booking.h"
#include "domain/booker/RestaurantSettings.h"
#include "domain/contracts/TextField.h"
#include "domain/tablemanager/Table.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hoststand::cli {
namespace {

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

QString statusOf(const TableRow &table)
{
    return table.inService ? u"in-service"_s : u"removed"_s;
}

// Lines of "label  value", aligned, for a single result; a value is one
// line, escaped where it would not print as text.
QString fields(const QList<std::pair<QString, QString>> &pairs)
{
    qsizetype width = 0;
    for (const auto &[label, value] : pairs)
        width = std::max(width, label.size());
    QString text;
    for (const auto &[label, value] : pairs) {
        if (!value.isEmpty())
            text += label.leftJustified(width + 2) + escapedForDisplay(value) + u'\n';
    }
    return text;
}

} // namespace

Presenter::Presenter(QTimeZone zone)
    : m_zone(std::move(zone))
    , m_wallClock(m_zone)
{ }

TableRow Presenter::rowOf(const Table &table)
{
    return TableRow {table.id().toString(), table.seats() ? table.seats()->value() : 0,
                     table.layout(), table.isInService()};
}

BookingRow Presenter::rowOf(const booker::Booking &booking)
{
    BookingRow row;
    row.id = booking.id().toString();
    row.tableId = booking.tableId().toString();
    row.start = booking.span().start();
    row.end = booking.span().end();
    row.partySize = booking.partySize().value();
    row.guestName = booking.guestName();
    row.phone = booking.phone();
    row.note = booking.note();
    row.status = booking.status();
    row.walkIn = booking.isWalkIn();
    row.rejectionReason = booking.rejectionMessage();
    row.arrivedAt = booking.arrivedAt();
    row.seatedAt = booking.seatedAt();
    row.leftAt = booking.leftAt();
    return row;
}

LockRow Presenter::rowOf(const TableLock &lock)
{
    return LockRow {lock.tableId.toString(), lock.bookingId.toString(), lock.span.start(),
                    lock.span.end(), lock.partySize.value()};
}

QString Presenter::weekdayName(int weekday)
{
    static const QStringList names {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s,
                                    u"fri"_s, u"sat"_s, u"sun"_s};
    return weekday >= 1 && weekday <= 7 ? names.at(weekday - 1) : QString();
}

QString Presenter::isoTime(const QDateTime &moment) const
{
    return moment.isValid() ? moment.toTimeZone(m_zone).toString(Qt::ISODate) : QString();
}

QString Presenter::localTime(const QDateTime &moment) const
{
    return moment.isValid() ? m_wallClock.format(moment, u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString Presenter::clockTime(const QDateTime &moment) const
{
    return m_wallClock.format(moment, u"HH:mm"_s);
}

// "2026-12-04 19:00-20:30", with the end's date only when it differs.
QString Presenter::spanText(const QDateTime &start, const QDateTime &end) const
{
    const bool sameDay = start.toTimeZone(m_zone).date() == end.toTimeZone(m_zone).date();
    return localTime(start) + u'-' + (sameDay ? clockTime(end) : localTime(end));
}

QJsonObject Presenter::json(const TableRow &table) const
{
    return QJsonObject {{u"id"_s, table.id},
                        {u"seats"_s, table.seats},
                        {u"zone"_s, table.layout.zone},
                        {u"shape"_s, toString(table.layout.shape)},
                        {u"x"_s, table.layout.x},
                        {u"y"_s, table.layout.y},
                        {u"width"_s, table.layout.width},
                        {u"height"_s, table.layout.height},
                        {u"rotation"_s, table.layout.rotation},
                        {u"status"_s, statusOf(table)}};
}

QJsonObject Presenter::json(const BookingRow &booking) const
{
    QJsonObject object {{u"id"_s, booking.id},
                        {u"tableId"_s, booking.tableId},
                        {u"status"_s, toString(booking.status)},
                        {u"start"_s, isoTime(booking.start)},
                        {u"end"_s, isoTime(booking.end)},
                        {u"partySize"_s, booking.partySize},
                        {u"guestName"_s, booking.guestName},
                        {u"phone"_s, booking.phone},
                        {u"note"_s, booking.note},
                        {u"walkIn"_s, booking.walkIn}};
    if (booking.status == BookingStatus::Rejected)
        object.insert(u"reason"_s, booking.rejectionReason);
    const std::pair<QString, QDateTime> moments[] {{u"createdAt"_s, booking.createdAt},
                                                   {u"arrivedAt"_s, booking.arrivedAt},
                                                   {u"seatedAt"_s, booking.seatedAt},
                                                   {u"leftAt"_s, booking.leftAt}};
    for (const auto &[key, moment] : moments) {
        if (moment.isValid())
            object.insert(key, isoTime(moment));
    }
    return object;
}

QJsonObject Presenter::json(const LockRow &lock) const
{
    return QJsonObject {{u"tableId"_s, lock.tableId},
                        {u"bookingId"_s, lock.bookingId},
                        {u"start"_s, isoTime(lock.start)},
                        {u"end"_s, isoTime(lock.end)},
                        {u"partySize"_s, lock.partySize}};
}

QJsonObject Presenter::json(const booker::AvailableSlot &slot) const
{
    QJsonArray tables;
    for (const TableId &table : slot.tables)
        tables.append(table.toString());
    return QJsonObject {{u"start"_s, isoTime(slot.span.start())},
                        {u"end"_s, isoTime(slot.span.end())},
                        {u"period"_s, slot.period},
                        {u"tables"_s, tables}};
}

QJsonObject Presenter::json(const booker::RestaurantSettings &settings) const
{
    QJsonArray periods;
    for (const ServicePeriod &period : settings.servicePeriods())
        periods.append(QJsonObject {{u"day"_s, weekdayName(period.weekday)},
                                    {u"name"_s, period.name},
                                    {u"start"_s, period.start.toString(u"HH:mm"_s)},
                                    {u"end"_s, period.end.toString(u"HH:mm"_s)}});
    QJsonArray turns;
    for (const TurnTime &turn : settings.turnTimes())
        turns.append(
            QJsonObject {{u"maxPartySize"_s, turn.maxPartySize}, {u"minutes"_s, turn.minutes}});
    return QJsonObject {{u"timeZone"_s, settings.timeZoneId()},
                        {u"slotMinutes"_s, settings.slotMinutes()},
                        {u"bookingHorizonDays"_s, settings.bookingHorizonDays()},
                        {u"servicePeriods"_s, periods},
                        {u"turnTimes"_s, turns},
                        {u"largerPartyMinutes"_s, settings.largerPartyMinutes()}};
}

QJsonObject Presenter::json(const AuditRow &event) const
{
    return QJsonObject {{u"position"_s, event.position},
                        {u"stream"_s, event.stream},
                        {u"revision"_s, event.revision},
                        {u"type"_s, event.type},
                        {u"created"_s, isoTime(event.created)},
                        {u"user"_s, event.user},
                        {u"terminal"_s, event.terminal},
                        {u"correlationId"_s, event.correlationId},
                        {u"causationId"_s, event.causationId},
                        {u"eventId"_s, event.eventId},
                        {u"data"_s, QJsonDocument::fromJson(event.data).object()}};
}

QString Presenter::text(const TableRow &table) const
{
    return fields({{u"Table"_s, table.id},
                   {u"Seats"_s, QString::number(table.seats)},
                   {u"Zone"_s, table.layout.zone},
                   {u"Shape"_s, toString(table.layout.shape)},
                   {u"Position"_s,
                    u"x %1, y %2, rotated %3°"_s.arg(number(table.layout.x), number(table.layout.y),
                                                     number(table.layout.rotation))},
                   {u"Status"_s, statusOf(table)}});
}

QString Presenter::text(const BookingRow &booking) const
{
    return fields(
        {{u"Booking"_s, booking.id},
         {u"Status"_s, toString(booking.status)},
         {u"Reason"_s,
          booking.status == BookingStatus::Rejected ? booking.rejectionReason : QString()},
         {u"Table"_s, booking.tableId},
         {u"Time"_s, spanText(booking.start, booking.end)},
         {u"Party"_s, QString::number(booking.partySize)},
         {u"Guest"_s, booking.guestName},
         {u"Phone"_s, booking.phone},
         {u"Note"_s, booking.note},
         {u"Walk-in"_s, booking.walkIn ? u"yes"_s : QString()},
         {u"Arrived"_s, localTime(booking.arrivedAt)},
         {u"Seated"_s, localTime(booking.seatedAt)},
         {u"Left"_s, localTime(booking.leftAt)}});
}

QString Presenter::text(const booker::RestaurantSettings &settings) const
{
    QString text
        = fields({{u"Time zone"_s, settings.timeZoneId()},
                  {u"Slot length"_s, u"%1 minutes"_s.arg(settings.slotMinutes())},
                  {u"Bookings"_s, u"up to %1 days ahead"_s.arg(settings.bookingHorizonDays())}});
    text += u"Service periods:\n"_s;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        QStringList periods;
        for (const ServicePeriod &period : settings.servicePeriodsOn(weekday))
            periods.append(u"%1 %2-%3"_s.arg(escapedForDisplay(period.name),
                                             period.start.toString(u"HH:mm"_s),
                                             period.end.toString(u"HH:mm"_s)));
        text += u"  %1  %2\n"_s.arg(weekdayName(weekday),
                                    periods.isEmpty() ? u"closed"_s : periods.join(u", "_s));
    }
    text += u"Turn times:\n"_s;
    for (const TurnTime &turn : settings.turnTimes())
        text += u"  up to %1: %2 minutes\n"_s.arg(turn.maxPartySize).arg(turn.minutes);
    text += u"  larger parties: %1 minutes\n"_s.arg(settings.largerPartyMinutes());
    return text;
}

TextTable Presenter::tables(const QList<TableRow> &tables) const
{
    TextTable table({u"TABLE"_s, u"SEATS"_s, u"ZONE"_s, u"SHAPE"_s, u"X"_s, u"Y"_s, u"ROTATION"_s,
                     u"STATUS"_s});
    for (const TableRow &row : tables)
        table.addRow({row.id, QString::number(row.seats), row.layout.zone,
                      toString(row.layout.shape), number(row.layout.x), number(row.layout.y),
                      number(row.layout.rotation), statusOf(row)});
    return table;
}

TextTable Presenter::bookings(const QList<BookingRow> &bookings) const
{
    TextTable table({u"BOOKING"_s, u"TABLE"_s, u"TIME"_s, u"PARTY"_s, u"GUEST"_s, u"STATUS"_s});
    for (const BookingRow &row : bookings)
        table.addRow({row.id, row.tableId, spanText(row.start, row.end),
                      QString::number(row.partySize), row.guestName, toString(row.status)});
    return table;
}

TextTable Presenter::locks(const QList<LockRow> &locks) const
{
    TextTable table({u"TABLE"_s, u"BOOKING"_s, u"TIME"_s, u"PARTY"_s});
    for (const LockRow &row : locks)
        table.addRow({row.tableId, row.bookingId, spanText(row.start, row.end),
                      QString::number(row.partySize)});
    return table;
}

TextTable Presenter::freeSlots(const QList<booker::AvailableSlot> &available) const
{
    TextTable table({u"TIME"_s, u"PERIOD"_s, u"FREE TABLES"_s});
    for (const booker::AvailableSlot &slot : available) {
        QStringList ids;
        for (const TableId &id : slot.tables)
            ids.append(id.toString());
        table.addRow({spanText(slot.span.start(), slot.span.end()), slot.period,
                      ids.isEmpty() ? u"(full)"_s : ids.join(u", "_s)});
    }
    return table;
}

TextTable Presenter::events(const QList<AuditRow> &events) const
{
    TextTable table({u"POS"_s, u"TIME"_s, u"STREAM"_s, u"REV"_s, u"TYPE"_s, u"BY"_s,
                     u"CORRELATION"_s, u"CAUSATION"_s});
    for (const AuditRow &row : events)
        table.addRow({QString::number(row.position),
                      m_wallClock.format(row.created, u"yyyy-MM-dd HH:mm:ss"_s), row.stream,
                      QString::number(row.revision), row.type, row.user + u'@' + row.terminal,
                      row.correlationId, row.causationId});
    return table;
}

} // namespace hoststand::cli
