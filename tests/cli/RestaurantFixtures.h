#pragma once

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "domain/tablemanager/TableManager.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

// What the tests of the composition root and of hoststand-cli share: a
// restaurant on a store in a temporary folder, in UTC, with tables.
namespace hoststand::test {

template<typename T, typename E>
T valueOf(Result<T, E> result)
{
    if (!result.ok())
        qFatal("unexpected error in a test fixture: %s", qPrintable(result.error().message()));
    return std::move(result).value();
}

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

// A Friday, well before the bookings the tests make.
inline const QDateTime FixedNow = utc("2026-12-01T10:00:00Z");

inline RestaurantOptions optionsFor(const QString &store)
{
    RestaurantOptions options;
    options.store = store;
    options.settleTimeout = std::chrono::seconds(10);
    return options;
}

// The store's clock follows the test's (StoreClock::following).
inline std::unique_ptr<Restaurant> openRestaurant(RestaurantOptions options, const Clock &clock)
{
    options.storeTime = StoreClock::following(clock);
    return valueOf(Restaurant::open(
        options, clock, CommandContext {QStringLiteral("host"), QStringLiteral("stand-1")}));
}

// The default services (lunch 12:00-14:30, dinner 18:30-22:30), in UTC.
inline void setUpRestaurant(Restaurant &restaurant, int tables, int seats = 4)
{
    if (!restaurant.booker().defineTimeZone(QStringLiteral("UTC")).ok())
        qFatal("cannot set the time zone");
    for (int i = 1; i <= tables; ++i) {
        const TableId id = valueOf(TableId::create(QStringLiteral("T%1").arg(i)));
        const SeatCount count = valueOf(SeatCount::create(seats));
        valueOf(restaurant.tableManager().addTable(
            id, count, TableLayout::forSeats(seats, QStringLiteral("Main room"), 100 * i, 100)));
    }
}

inline booker::BookingRequest bookingAt(const QString &table, const char *start, int party = 2,
                                        const QString &guest = QStringLiteral("Jones"))
{
    booker::BookingRequest request;
    request.tableId = table;
    request.start = utc(start);
    request.partySize = party;
    request.guestName = guest;
    return request;
}

} // namespace hoststand::test
