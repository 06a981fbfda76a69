#pragma once

#include "readmodel/ReadModelRows.h"

#include <QDateTime>
#include <QFuture>
#include <QString>

namespace hoststand {
class Engine;
}

namespace hoststand::ui {

// The host's move of a booking to another table or time: the question the
// host is asked, and the domain's move (Restaurant::requestMove: book the
// new place first, cancel the old booking only once the new one is
// confirmed) told in the host's words.
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
