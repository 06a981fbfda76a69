#pragma once

#include "readmodel/ReadModelRows.h"

#include <QDateTime>
#include <QFuture>
#include <QString>

namespace hoststand {
class Engine;
}

namespace hoststand::ui {

// Moves a booking to another table or time the only way the domain allows
// without ever leaving the guests without a table: book the new table and
// time first, and cancel the old booking only once the new one is
// confirmed. A refused or rejected new booking leaves the old one as it was.
// Both commands run on the engine thread, one after the other.
class BookingMove final
{
public:
    struct Outcome
    {
        bool moved = false;
        QString newBookingId; // empty when nothing was booked
        QString message; // for the host, whatever happened
    };

    BookingMove(Engine &engine, BookingRow booking);

    // What the host is asked before the move starts.
    QString question(const QString &tableId, const QDateTime &start) const;
    // Finishes once the old booking is cancelled, or the move given up.
    QFuture<Outcome> to(const QString &tableId, const QDateTime &start) const;

private:
    QString place(const QString &tableId, const QDateTime &start) const;

    Engine &m_engine;
    BookingRow m_booking;
};

} // namespace hoststand::ui
