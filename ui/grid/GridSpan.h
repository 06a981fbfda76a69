#pragma once

#include "domain/contracts/BookingStatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace hoststand::ui {

// One booking as the time-slot grid lays it out on its table's row: the
// columns it covers (the start may lie left of the grid, the end right of
// it) and its lane when bookings on the row overlap.
struct GridSpan final
{
    QString bookingId;
    int startColumn = 0;
    int columns = 1;
    int lane = 0; // 0 .. lanes - 1
    int lanes = 1; // more than one while bookings on the row overlap
    BookingStatus status = BookingStatus::Confirmed;
    int partySize = 0;
    QString guestName;
    QDateTime start; // UTC
    QDateTime end; // UTC
    bool conflict = false; // overlaps another booking that holds the table too
    bool walkIn = false;

    int endColumn() const { return startColumn + columns; }
    bool covers(int column) const { return startColumn <= column && column < endColumn(); }
    bool pending() const { return status == BookingStatus::Initiated; }

    bool operator==(const GridSpan &) const = default;
};

} // namespace hoststand::ui

Q_DECLARE_METATYPE(hoststand::ui::GridSpan)
