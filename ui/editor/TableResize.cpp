#include "ui/editor/TableResize.h"

#include <QTransform>

#include <algorithm>

namespace hoststand::ui {
namespace {

// The corner's direction from the centre along the table's own axes.
QPointF sign(TableResize::Corner corner)
{
    switch (corner) {
    case TableResize::Corner::TopLeft:
        return {-1, -1};
    case TableResize::Corner::TopRight:
        return {1, -1};
    case TableResize::Corner::BottomRight:
        return {1, 1};
    case TableResize::Corner::BottomLeft:
        return {-1, 1};
    }
    return {1, 1};
}

QTransform rotation(const TableLayout &layout)
{
    return QTransform().rotate(layout.rotation);
}

} // namespace

std::array<QPointF, 4> TableResize::corners(const TableLayout &layout)
{
    const QPointF centre(layout.x, layout.y);
    const QTransform turn = rotation(layout);
    std::array<QPointF, 4> points;
    for (Corner corner :
         {Corner::TopLeft, Corner::TopRight, Corner::BottomRight, Corner::BottomLeft}) {
        const QPointF half = sign(corner);
        points.at(std::size_t(corner))
            = centre + turn.map(QPointF(half.x() * layout.width, half.y() * layout.height) / 2);
    }
    return points;
}

QPointF TableResize::outwards(const TableLayout &layout, Corner corner)
{
    return rotation(layout).map(sign(corner));
}

TableResize::TableResize(const TableLayout &start, Corner corner, const FloorGrid &grid)
    : m_start(start)
    , m_corner(corner)
    , m_grid(&grid)
{ }

TableLayout TableResize::to(const QPointF &point) const
{
    const QPointF direction = sign(m_corner);
    const QPointF centre(m_start.x, m_start.y);
    const QTransform turn = rotation(m_start);
    // In the table's own axes, about its centre as it was.
    const QPointF anchor(-direction.x() * m_start.width / 2, -direction.y() * m_start.height / 2);
    const QPointF pointer = turn.inverted().map(point - centre);
    auto length = [this](double wanted) {
        return std::clamp(m_grid->snapLength(wanted), TableLayout::MinSize, TableLayout::MaxSize);
    };
    double width = length(direction.x() * (pointer.x() - anchor.x()));
    double height = length(direction.y() * (pointer.y() - anchor.y()));
    if (m_start.shape != TableShape::Rectangle)
        width = height = std::max(width, height);

    TableLayout resized = m_start;
    resized.width = width;
    resized.height = height;
    const QPointF middle
        = centre + turn.map(anchor + QPointF(direction.x() * width, direction.y() * height) / 2);
    resized.x = middle.x();
    resized.y = middle.y();
    return resized;
}

} // namespace hoststand::ui
