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
// host is asked, and the booking's change (Restaurant::requestChange: one
// booking from start to end, at its old place until the new one is locked)
// told in the host's words.
class BookingMove final
{
public:
    struct Outcome
    {
        bool moved = false;
        QString message; // for the host, whatever happened
    };

    BookingMove(Engine &engine, BookingRow booking);

    // What the host is asked before the move starts.
    QString question(const QString &tableId, const QDateTime &start) const;
    // Finishes once the booking changed, or the change was rejected or is
    // still waiting at the settle timeout.
    QFuture<Outcome> to(const QString &tableId, const QDateTime &start) const;

private:
    QString place(const QString &tableId, const QDateTime &start) const;

    Engine &m_engine;
    BookingRow m_booking;
};

} // namespace hoststand::ui
