#include "ui/eventlog/EventSummary.h"

#include "domain/contracts/BookerEvents.h"
#include "domain/contracts/SettingsEvents.h"
#include "domain/contracts/TableManagerEvents.h"
#include "ui/common/ServiceCalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <map>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

QJsonObject parse(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

QString text(const QJsonObject &data, QLatin1StringView key)
{
    return data.value(key).toString();
}

QDateTime moment(const QJsonValue &value)
{
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QString people(int count)
{
    return count == 1 ? u"1 person"_s : u"%1 people"_s.arg(count);
}

QString shapeWord(const QString &shape)
{
    return shape.isEmpty() ? u"table"_s : shape;
}

QString removalReason(const QString &reason)
{
    if (reason == u"cancelled")
        return u"the booking was cancelled"_s;
    if (reason == u"no-show")
        return u"a no-show"_s;
    if (reason == u"party-left")
        return u"the party left"_s;
    if (reason == u"slot-passed")
        return u"its time had passed"_s;
    if (reason == u"moved")
        return u"the booking moved to another table"_s;
    if (reason == u"change-withdrawn")
        return u"the booking ended before its change was made"_s;
    return reason;
}

QString hours(const QJsonObject &period)
{
    return u"%1 %2–%3"_s.arg(period.value("name"_L1).toString(),
                             period.value("start"_L1).toString(),
                             period.value("end"_L1).toString());
}

// "Mon–Fri", "Sat", "every day" for a set of weekdays (1 = Monday).
QString weekdays(const QList<int> &days)
{
    if (days.size() == 7)
        return u"every day"_s;
    const QLocale c = QLocale::c();
    QStringList runs;
    for (qsizetype i = 0; i < days.size();) {
        qsizetype j = i;
        while (j + 1 < days.size() && days.at(j + 1) == days.at(j) + 1)
            ++j;
        const QString first = c.dayName(days.at(i), QLocale::ShortFormat);
        runs.append(i == j ? first : first + u'–' + c.dayName(days.at(j), QLocale::ShortFormat));
        i = j + 1;
    }
    return runs.join(u", "_s);
}

} // namespace

EventSummary::EventSummary(QTimeZone zone, GuestLookup guests)
    : m_zone(std::move(zone))
    , m_guests(std::move(guests))
{ }

QString EventSummary::summarize(const AuditRow &row) const
{
    return summarize(row.type, row.data, row.created.toTimeZone(m_zone).date());
}

QString EventSummary::summarize(const QString &type, const QByteArray &data,
                                const QDate &referenceDay) const
{
    const QJsonObject object = parse(data);
    if (type == TableAdded::Type || type == TableMoved::Type || type == TableSeatsChanged::Type
        || type == TableRemoved::Type)
        return tableEvent(type, object);
    if (type.startsWith(u"table-lock-"_s))
        return lockEvent(type, object, referenceDay);
    if (type == ServicePeriodsDefined::Type || type == TurnTimesDefined::Type)
        return settingsEvent(type, object);
    if (!bookingOf(data).isEmpty())
        return bookingEvent(type, object, referenceDay);
    return u"%1: %2"_s.arg(title(type), QString::fromUtf8(data));
}

QString EventSummary::tableEvent(const QString &type, const QJsonObject &data) const
{
    const QString table = text(data, "tableId"_L1);
    const QJsonObject layout = data.value("layout"_L1).toObject();
    const QString zone = layout.value("zone"_L1).toString();
    if (type == TableAdded::Type)
        return u"Added %1 to %2: %3, %4 seats"_s
            .arg(table, zone.isEmpty() ? u"the floor"_s : zone,
                 shapeWord(layout.value("shape"_L1).toString()))
            .arg(data.value("seats"_L1).toInt());
    if (type == TableMoved::Type)
        return u"Moved %1 in %2 to %3, %4 cm (%5 × %6 cm, turned %7°)"_s.arg(table, zone)
            .arg(layout.value("x"_L1).toDouble())
            .arg(layout.value("y"_L1).toDouble())
            .arg(layout.value("width"_L1).toDouble())
            .arg(layout.value("height"_L1).toDouble())
            .arg(layout.value("rotation"_L1).toDouble());
    if (type == TableSeatsChanged::Type)
        return u"%1 now seats %2 (was %3)"_s.arg(table)
            .arg(data.value("seats"_L1).toInt())
            .arg(data.value("previousSeats"_L1).toInt());
    return u"Removed %1 from the floor"_s.arg(table);
}

QString EventSummary::lockEvent(const QString &type, const QJsonObject &data,
                                const QDate &referenceDay) const
{
    const QString table = text(data, "tableId"_L1);
    QString booking = u"booking "_s + shortId(text(data, "bookingId"_L1));
    if (const QString guest = guestOf(data); !guest.isEmpty())
        booking += u" ("_s + guest + u')';
    if (type == TableLockPlaced::Type)
        return u"Lock placed on %1 for %2, %3"_s.arg(table, booking, span(data, referenceDay));
    if (type == TableLockPlacementFailed::Type)
        return u"No lock on %1 for %2: %3"_s.arg(table, booking, text(data, "message"_L1));
    return u"Lock on %1 released for %2: %3"_s.arg(table, booking,
                                                   removalReason(text(data, "reason"_L1)));
}

QString EventSummary::bookingEvent(const QString &type, const QJsonObject &data,
                                   const QDate &referenceDay) const
{
    const QString table = text(data, "tableId"_L1);
    QString guest
        = type == TableBookingInitiated::Type ? text(data, "guestName"_L1) : guestOf(data);
    if (guest.isEmpty())
        guest = u"booking "_s + shortId(text(data, "bookingId"_L1));
    if (type == TableBookingInitiated::Type) {
        const QString what = data.value("walkIn"_L1).toBool() ? u"Walk-in at"_s : u"Booked"_s;
        return u"%1 %2 for %3, %4, %5"_s.arg(what, table, guest,
                                             people(data.value("partySize"_L1).toInt()),
                                             span(data, referenceDay));
    }
    if (type == TableBookingConfirmed::Type)
        return u"Confirmed %1 at %2"_s.arg(guest, table);
    if (type == TableBookingRejected::Type)
        return u"Rejected %1 at %2: %3"_s.arg(guest, table, text(data, "message"_L1));
    if (type == TableBookingCancelled::Type)
        return u"Cancelled %1 at %2"_s.arg(guest, table);
    if (type == BookingNoShow::Type)
        return u"%1 did not come: no-show at %2"_s.arg(guest, table);
    if (type == BookingChangeRequested::Type || type == BookingChanged::Type) {
        const QString from = text(data, "previousTableId"_L1);
        const QString where = from == table ? table : u"%1 (from %2)"_s.arg(table, from);
        return u"%1 %2 to %3, %4, %5"_s.arg(
            type == BookingChanged::Type ? u"Changed"_s : u"Change asked for"_s,
            text(data, "guestName"_L1), where, people(data.value("partySize"_L1).toInt()),
            span(data, referenceDay));
    }
    if (type == BookingChangeRejected::Type)
        return u"Change of %1 to %2 refused: %3"_s.arg(guest, table, text(data, "message"_L1));
    if (type == BookingDetailsChanged::Type)
        return u"Details of %1 at %2 changed"_s.arg(text(data, "guestName"_L1), table);
    const QString at = time(moment(data.value("at"_L1)));
    if (type == GuestArrived::Type)
        return u"%1 arrived for %2 at %3"_s.arg(guest, table, at);
    if (type == PartySeated::Type)
        return u"Seated %1 at %2, %3"_s.arg(guest, table, at);
    if (type == PartyLeft::Type)
        return u"%1 left %2 at %3"_s.arg(guest, table, at);
    return u"%1: %2 at %3"_s.arg(title(type), guest, table);
}

QString EventSummary::settingsEvent(const QString &type, const QJsonObject &data) const
{
    if (type == TurnTimesDefined::Type) {
        QStringList turns;
        for (const QJsonValue &turn : data.value("turnTimes"_L1).toArray())
            turns.append(u"up to %1: %2 min"_s.arg(turn["maxPartySize"_L1].toInt())
                             .arg(turn["minutes"_L1].toInt()));
        turns.append(u"larger: %1 min"_s.arg(data.value("largerPartyMinutes"_L1).toInt()));
        return u"Turn times: "_s + turns.join(u", "_s);
    }
    // Weekdays with the same hours share one entry: "lunch 12:00–14:30,
    // dinner 18:00–22:30 every day".
    std::map<QString, QList<int>> daysByHours;
    QMap<int, QStringList> hoursByDay;
    for (const QJsonValue &period : data.value("periods"_L1).toArray())
        hoursByDay[period["weekday"_L1].toInt()].append(hours(period.toObject()));
    for (auto it = hoursByDay.cbegin(); it != hoursByDay.cend(); ++it)
        daysByHours[it.value().join(u", "_s)].append(it.key());
    QStringList services;
    for (const auto &[serviceHours, days] : daysByHours)
        services.append(serviceHours + u' ' + weekdays(days));
    if (services.isEmpty())
        services.append(u"none"_s);
    return u"Service: %1; %2-minute slots, %3"_s.arg(services.join(u"; "_s))
        .arg(data.value("slotMinutes"_L1).toInt())
        .arg(text(data, "timeZone"_L1));
}

QString EventSummary::guestOf(const QJsonObject &data) const
{
    const QString booking = text(data, "bookingId"_L1);
    return m_guests && !booking.isEmpty() ? m_guests(booking) : QString();
}

QString EventSummary::span(const QJsonObject &data, const QDate &referenceDay) const
{
    const QJsonObject slot = data.value("timeSlot"_L1).toObject();
    const QDateTime from = moment(slot.value("from"_L1));
    const QDateTime to = moment(slot.value("to"_L1));
    const QString times = time(from) + u'–' + time(to);
    const QDate day = from.toTimeZone(m_zone).date();
    if (!day.isValid() || day == referenceDay)
        return times;
    return ServiceCalendar::dayText(day, referenceDay) + u", "_s + times;
}

QString EventSummary::time(const QDateTime &moment) const
{
    return moment.isValid() ? moment.toTimeZone(m_zone).toString(u"HH:mm"_s) : u"?"_s;
}

QString EventSummary::tableOf(const QByteArray &data)
{
    return parse(data).value("tableId"_L1).toString();
}

QString EventSummary::bookingOf(const QByteArray &data)
{
    return parse(data).value("bookingId"_L1).toString();
}

QString EventSummary::shortId(const QString &bookingId)
{
    return bookingId.size() <= 4 ? bookingId : bookingId.left(4) + u'…';
}

QString EventSummary::title(const QString &type)
{
    static const QMap<QString, QString> titles {
        {TableAdded::Type.toString(), u"Table added"_s},
        {TableMoved::Type.toString(), u"Table moved"_s},
        {TableSeatsChanged::Type.toString(), u"Seats changed"_s},
        {TableRemoved::Type.toString(), u"Table removed"_s},
        {TableLockPlaced::Type.toString(), u"Lock placed"_s},
        {TableLockPlacementFailed::Type.toString(), u"Lock refused"_s},
        {TableLockRemoved::Type.toString(), u"Lock released"_s},
        {TableBookingInitiated::Type.toString(), u"Booking made"_s},
        {TableBookingConfirmed::Type.toString(), u"Booking confirmed"_s},
        {TableBookingRejected::Type.toString(), u"Booking rejected"_s},
        {TableBookingCancelled::Type.toString(), u"Booking cancelled"_s},
        {GuestArrived::Type.toString(), u"Guest arrived"_s},
        {PartySeated::Type.toString(), u"Party seated"_s},
        {PartyLeft::Type.toString(), u"Party left"_s},
        {BookingNoShow::Type.toString(), u"No-show"_s},
        {BookingChangeRequested::Type.toString(), u"Change asked for"_s},
        {BookingChanged::Type.toString(), u"Booking changed"_s},
        {BookingChangeRejected::Type.toString(), u"Change refused"_s},
        {BookingDetailsChanged::Type.toString(), u"Details changed"_s},
        {ServicePeriodsDefined::Type.toString(), u"Service periods set"_s},
        {TurnTimesDefined::Type.toString(), u"Turn times set"_s},
    };
    return titles.value(type, type);
}

} // namespace hoststand::ui
