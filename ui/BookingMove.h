#pragma once

#include "domain/readmodel/ReadModelRows.h"

#include <QDateTime>
#include <QString>

namespace hoststand {
class Restaurant;
}

namespace hoststand::ui {

// Moves a booking to another table or time the only way the domain allows
// without ever leaving the guests without a table: book the new table and
// time first, and cancel the old booking only once the new one is
// confirmed. A refused or rejected new booking leaves the old one as it was.
class BookingMove final
{
public:
    struct Outcome
    {
        bool moved = false;
        QString newBookingId; // empty when nothing was booked
        QString message; // for the host, whatever happened
    };

    BookingMove(Restaurant &restaurant, BookingRow booking);

    // What the host is asked before the move starts.
    QString question(const QString &tableId, const QDateTime &start) const;
    Outcome to(const QString &tableId, const QDateTime &start);

private:
    QString place(const QString &tableId, const QDateTime &start) const;

    Restaurant &m_restaurant;
    BookingRow m_booking;
};

} // namespace hoststand::ui
