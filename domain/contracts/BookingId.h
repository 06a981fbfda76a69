#pragma once

#include "domain/DomainError.h"

#include <QHash>
#include <QString>

namespace hoststand {

// A booking's id: 1 to 40 lowercase letters, digits or '-'. New bookings get
// 12 random hex digits ("3f9a0c7e21b4"), short enough to read out on the phone.
// The booking id is also the correlation id of every event of the booking.
class BookingId final
{
public:
    static DomainResult<BookingId> create(const QString &text);
    static BookingId generate();

    const QString &toString() const { return m_value; }
    QString streamName() const { return QStringLiteral("booking-") + m_value; }

    bool operator==(const BookingId &) const = default;
    auto operator<=>(const BookingId &other) const { return m_value.compare(other.m_value) <=> 0; }

private:
    explicit BookingId(QString value)
        : m_value(std::move(value))
    { }

    QString m_value;
};

inline size_t qHash(const BookingId &id, size_t seed = 0)
{
    return qHash(id.toString(), seed);
}

} // namespace hoststand
