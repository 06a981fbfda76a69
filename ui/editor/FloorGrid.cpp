#include "ui/editor/FloorGrid.h"

#include <cmath>

namespace hoststand::ui {

double FloorGrid::snapped(double value)
{
    return std::round(value / SnapStep) * SnapStep;
}

QPointF FloorGrid::snap(const QPointF &point) const
{
    if (!m_snapping)
        return point;
    return {snapped(point.x()), snapped(point.y())};
}

double FloorGrid::snapLength(double length) const
{
    return m_snapping ? snapped(length) : std::round(length);
}

QPointF FloorGrid::nudge(const QPointF &centre, const QPointF &offset, bool fine) const
{
    QPointF moved = centre + offset;
    if (fine || !m_snapping)
        return moved;
    if (offset.x() != 0)
        moved.setX(snapped(moved.x()));
    if (offset.y() != 0)
        moved.setY(snapped(moved.y()));
    return moved;
}

} // namespace hoststand::ui
