#include "tests/support/CatalogueEvents.h"

#include "domain/contracts/EventCodec.h"

using namespace Qt::StringLiterals;

namespace hoststand::test {
namespace {

template<typename T>
T valid(DomainResult<T> result)
{
    if (!result.ok())
        qFatal("invalid test value: %s", qPrintable(result.error().message()));
    return std::move(result).value();
}

} // namespace

TableId tableId(const QString &id)
{
    return valid(TableId::create(id));
}

BookingId bookingId(const QString &id)
{
    return valid(BookingId::create(id));
}

TimeSpan span(const QDateTime &start, const QDateTime &end)
{
    return valid(TimeSpan::create(start, end));
}

SeatCount seatCount(int seats)
{
    return valid(SeatCount::create(seats));
}

PartySize partySize(int party)
{
    return valid(PartySize::create(party));
}

QDateTime at(const QString &iso)
{
    const QDateTime moment = QDateTime::fromString(iso, Qt::ISODate);
    if (!moment.isValid())
        qFatal("invalid test moment: %s", qPrintable(iso));
    return moment.toUTC();
}

TableAdded tableAdded(const QString &id, int seats, const QString &zone, double x, double y)
{
    return TableAdded {tableId(id), valid(SeatCount::create(seats)),
                       TableLayout::forSeats(seats, zone, x, y)};
}

TableBookingInitiated bookingInitiated(const QString &booking, const QString &table,
                                       const QDateTime &start, const QDateTime &end, int party,
                                       const QString &guest, const QString &phone, bool walkIn)
{
    return TableBookingInitiated {bookingId(booking),
                                  tableId(table),
                                  span(start, end),
                                  valid(PartySize::create(party)),
                                  guest,
                                  phone,
                                  {},
                                  walkIn};
}

TableLockPlaced lockPlaced(const QString &table, const QString &booking, const QDateTime &start,
                           const QDateTime &end, int party)
{
    return TableLockPlaced {tableId(table), bookingId(booking), span(start, end),
                            valid(PartySize::create(party))};
}

EventData eventData(const DomainEvent &event, const EventMetadata &metadata)
{
    auto data = EventCodec::toEventData(event, metadata);
    if (!data.ok())
        qFatal("the codec refuses a test event: %s", qPrintable(data.error().message));
    return std::move(data).value();
}

QString streamOf(const DomainEvent &event)
{
    return std::visit(
        [](const auto &e) -> QString {
            using Event = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<
                              Event,
                              ServicePeriodsDefined> || std::is_same_v<Event, TurnTimesDefined>)
                return SettingsStream;
            else if constexpr (
                requires { e.bookingId; } && !requires { e.span; }
                && !std::is_same_v<Event, TableLockRemoved>)
                return e.bookingId.streamName();
            else
                return e.tableId.streamName();
        },
        event);
}

QString correlationOf(const DomainEvent &event)
{
    return std::visit(
        [](const auto &e) -> QString {
            if constexpr (requires { e.bookingId; })
                return e.bookingId.toString();
            else
                return {};
        },
        event);
}

qint64 appendAll(EventStore &store, const QList<DomainEvent> &events, const QString &user)
{
    qint64 last = 0;
    QString cause = u"command-1"_s;
    for (const DomainEvent &event : events) {
        const EventMetadata metadata {correlationOf(event), cause, user, u"terminal-1"_s};
        const EventData data = eventData(event, metadata);
        auto appended = store.append(streamOf(event), {data}, ExpectedRevision::any());
        if (!appended.ok()) {
            qWarning("append failed: %s", qPrintable(appended.error().message()));
            return 0;
        }
        last = appended.value().position;
        cause = data.id.toString(QUuid::WithoutBraces);
    }
    return last;
}

} // namespace hoststand::test
