#include "domain/contracts/TableLayout.h"

#include "domain/contracts/TextField.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand {

QString toString(TableShape shape)
{
    switch (shape) {
    case TableShape::Round:
        return u"round"_s;
    case TableShape::Square:
        return u"square"_s;
    case TableShape::Rectangle:
        return u"rectangle"_s;
    }
    return {};
}

std::optional<TableShape> tableShapeFromString(const QString &text)
{
    for (TableShape shape : {TableShape::Round, TableShape::Square, TableShape::Rectangle}) {
        if (toString(shape) == text)
            return shape;
    }
    return std::nullopt;
}

std::optional<DomainError> TableLayout::validate() const
{
    auto invalid = [](QString message) {
        return DomainError(DomainError::Code::InvalidInput, std::move(message));
    };
    const QString trimmedZone = zone.trimmed();
    if (trimmedZone.isEmpty() || trimmedZone.size() > MaxZoneLength || trimmedZone != zone)
        return invalid(
            u"A zone name has 1 to %1 characters without leading or trailing spaces."_s.arg(
                MaxZoneLength));
    for (double coordinate : {x, y}) {
        if (!std::isfinite(coordinate) || std::abs(coordinate) > MaxCoordinate)
            return invalid(u"A table's position must lie within %1 cm of the room's corner."_s.arg(
                MaxCoordinate));
    }
    for (double size : {width, height}) {
        if (!std::isfinite(size) || size < MinSize || size > MaxSize)
            return invalid(
                u"A table's width and height must be %1 to %2 cm."_s.arg(MinSize).arg(MaxSize));
    }
    if (!std::isfinite(rotation) || rotation < 0 || rotation >= 360)
        return invalid(u"A table's rotation must be at least 0 and below 360 degrees."_s);
    return std::nullopt;
}

std::optional<DomainError> TableLayout::validateNew() const
{
    if (auto checked = TextField(u"The zone's name"_s, MaxZoneLength).check(zone); !checked.ok())
        return checked.error();
    return validate();
}

TableLayout TableLayout::forSeats(int seats, QString zone, double x, double y)
{
    if (seats <= 2)
        return {std::move(zone), TableShape::Round, x, y, 70, 70, 0};
    if (seats <= 4)
        return {std::move(zone), TableShape::Square, x, y, 90, 90, 0};
    return {std::move(zone), TableShape::Rectangle, x, y, 90, 40.0 * ((seats + 1) / 2), 0};
}

} // namespace hoststand
