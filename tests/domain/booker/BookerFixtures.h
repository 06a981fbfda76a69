#pragma once

#include "domain/booker/RestaurantSettings.h"
#include "domain/contracts/BookingId.h"
#include "domain/contracts/TableId.h"
#include "domain/contracts/TimeSpan.h"

#include <QDateTime>
#include <QString>

// Small helpers the booker's tests share: values that must be valid, made
// without ceremony, and settings in a fixed time zone.
namespace hoststand::booker::test {

template<typename T, typename E>
T valueOf(Result<T, E> result)
{
    if (!result.ok())
        qFatal("unexpected error in a test fixture");
    return std::move(result).value();
}

// The refusal's message for QVERIFY2, empty on success.
template<typename T>
QByteArray why(const DomainResult<T> &result)
{
    return result.ok() ? QByteArray("accepted") : result.error().message().toUtf8();
}

inline TableId table(const QString &id)
{
    return valueOf(TableId::create(id));
}

inline BookingId bookingId(const QString &id)
{
    return valueOf(BookingId::create(id));
}

inline QDateTime at(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

inline TimeSpan span(const QString &from, const QString &to)
{
    return valueOf(TimeSpan::create(at(from), at(to)));
}

inline PartySize party(int size)
{
    return valueOf(PartySize::create(size));
}

// The default settings, in the given time zone instead of the machine's.
inline RestaurantSettings settingsIn(const QString &timeZone)
{
    RestaurantSettings settings;
    settings.apply(valueOf(settings.defineTimeZone(timeZone)));
    return settings;
}

} // namespace hoststand::booker::test
