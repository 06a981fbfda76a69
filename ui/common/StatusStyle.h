#pragma once

#include "domain/contracts/BookingStatus.h"
#include "readmodel/ReadModelRows.h"

#include <QColor>
#include <QPalette>
#include <QString>

#include <array>

class QPainter;
class QRectF;

namespace hoststand::ui {

// How a booking's status and a table's state look: colours derived from the
// palette (pale fills on a light theme, deep ones on a dark theme, with
// text picked for contrast), and always a word and a mark as well, so that
// colour is never the only signal.
class StatusStyle final
{
public:
    struct Look
    {
        QColor fill;
        QColor border;
        QColor text;
    };

    explicit StatusStyle(const QPalette &palette);

    Look booking(BookingStatus status) const;
    Look table(TableState state) const;
    // The warning drawn over two bookings that hold one table at once.
    Look conflict() const;
    QColor nowLine() const;
    bool isDark() const { return m_dark; }

    // "Confirmed", "Pending" (initiated), "No-show".
    static QString word(BookingStatus status);
    // "Free", "Booked soon", "Occupied", "Locked".
    static QString word(TableState state);

    // Paints the status's mark (a check, a clock, the action's icon) in rect.
    static void paintMark(QPainter &painter, const QRectF &rect, BookingStatus status,
                          const QColor &color);
    static void paintMark(QPainter &painter, const QRectF &rect, TableState state,
                          const QColor &color);
    static void paintWarning(QPainter &painter, const QRectF &rect, const QColor &color);

    // WCAG contrast ratio of two colours, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);

private:
    Look tinted(int hue, double saturation) const;
    Look bookingLook(BookingStatus status) const;
    Look tableLook(TableState state) const;

    bool m_dark = false;
    // Worked out once: a repaint asks for them for every span and table.
    std::array<Look, 8> m_bookings;
    std::array<Look, 5> m_tables;
};

} // namespace hoststand::ui
