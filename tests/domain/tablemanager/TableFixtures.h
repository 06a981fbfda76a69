#pragma once

#include "domain/contracts/DomainEvent.h"
#include "domain/contracts/EventCodec.h"
#include "domain/contracts/TimeInWords.h"

#include <QJsonDocument>
#include <QStringList>
#include <QTimeZone>

// Values the table manager's tests share: one evening at the restaurant,
// read in UTC (the tests set TZ=UTC so messages show these times).
namespace hoststand::test {

using namespace Qt::StringLiterals;

template<typename T, typename E>
T valueOf(Result<T, E> result)
{
    if (!result.ok())
        qFatal("unexpected error in a test fixture");
    return std::move(result).value();
}

inline QDateTime at(const char *time)
{
    return QDateTime::fromString(u"2026-12-01T"_s + QString::fromLatin1(time) + u":00Z"_s,
                                 Qt::ISODate);
}

inline TableId tableId(const char *id)
{
    return valueOf(TableId::create(QString::fromLatin1(id)));
}

inline BookingId bookingId(const char *id)
{
    return valueOf(BookingId::create(QString::fromLatin1(id)));
}

inline TimeSpan span(const char *from, const char *to)
{
    return valueOf(TimeSpan::create(at(from), at(to)));
}

inline SeatCount seats(int count)
{
    return valueOf(SeatCount::create(count));
}

inline PartySize party(int size)
{
    return valueOf(PartySize::create(size));
}

inline TableLayout terrace()
{
    return TableLayout {u"Terrace"_s, TableShape::Round, 120, 340, 70, 70, 45};
}

inline TableLayout mainRoom()
{
    return TableLayout {u"Main room"_s, TableShape::Rectangle, 400, 200, 90, 160, 90};
}

inline const TableId T4 = tableId("T4");
inline const BookingId Jones = bookingId("3f9a0c7e21b4");
inline const BookingId Smith = bookingId("a1b2c3d4e5f6");
inline const BookingId Lee = bookingId("0c0ffee00001");

// The event's JSON data, as the codec writes it.
inline QJsonObject encoded(const DomainEvent &event)
{
    return valueOf(EventCodec::encode(event));
}

// The event ready to append.
inline EventData eventData(const DomainEvent &event, const EventMetadata &metadata = {})
{
    return valueOf(EventCodec::toEventData(event, metadata));
}

// Each event as its type and JSON, so a failed comparison shows the difference.
inline QStringList describe(const QList<DomainEvent> &events)
{
    QStringList lines;
    for (const DomainEvent &event : events)
        lines.append(
            EventCodec::typeOf(event) + u' '
            + QString::fromUtf8(QJsonDocument(encoded(event)).toJson(QJsonDocument::Compact)));
    return lines;
}

// Times in words on the restaurant's clock, in UTC as the tests' fixtures
// read them, with today the date of now (2026-12-01 by default).
inline TimeInWords wordsInUtc(const char *now = "12:00")
{
    return TimeInWords(QTimeZone::utc(), at(now));
}

} // namespace hoststand::test
