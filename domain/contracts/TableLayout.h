#pragma once

#include "domain/DomainError.h"

#include <QString>

#include <optional>

namespace hoststand {

enum class TableShape { Round, Square, Rectangle };

QString toString(TableShape shape);
std::optional<TableShape> tableShapeFromString(const QString &text);

// Where a table stands on the floor plan, in centimetres from the room's
// top-left corner, and how it looks. Valid when validate() finds nothing.
struct TableLayout final
{
    QString zone;
    TableShape shape = TableShape::Square;
    double x = 0;
    double y = 0;
    double width = 80;
    double height = 80;
    double rotation = 0; // degrees clockwise, [0, 360)

    static constexpr qsizetype MaxZoneLength = 40;
    static constexpr double MaxCoordinate = 100000;
    static constexpr double MinSize = 30;
    static constexpr double MaxSize = 1000;

    // What every stored layout is; the codec reads nothing else.
    std::optional<DomainError> validate() const;
    // What a table added or moved now must have besides: a zone name of
    // printable text (TextField), which layouts stored before that rule
    // may lack and still be read.
    std::optional<DomainError> validateNew() const;
    // A sensible size and shape for a new table of that many seats.
    static TableLayout forSeats(int seats, QString zone, double x, double y);

    bool operator==(const TableLayout &) const = default;
};

} // namespace hoststand
