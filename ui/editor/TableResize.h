#pragma once

#include "domain/contracts/TableLayout.h"
#include "ui/editor/FloorGrid.h"

#include <QPointF>

#include <array>

namespace hoststand::ui {

// A table resized by dragging one of its corners, in centimetres: the
// opposite corner stays where it stands and the size follows the pointer
// along the table's own, rotated, axes, in whole grid steps while the grid
// snaps, within the sizes a layout allows. A round or square table stays as
// deep as it is wide.
class TableResize final
{
public:
    // The corners in the table's own axes, before rotation: top left, top
    // right, bottom right, bottom left.
    enum class Corner { TopLeft, TopRight, BottomRight, BottomLeft };

    // Where the corners of the layout stand on the plan, in Corner's order.
    static std::array<QPointF, 4> corners(const TableLayout &layout);
    // The way the corner moves out on the plan as the table grows, along a
    // diagonal of the table's turned axes: (1, 1) for the bottom right one
    // of a table that is not turned.
    static QPointF outwards(const TableLayout &layout, Corner corner);

    TableResize(const TableLayout &start, Corner corner, const FloorGrid &grid);

    const TableLayout &start() const { return m_start; }
    Corner corner() const { return m_corner; }
    // The layout with the dragged corner brought to point.
    TableLayout to(const QPointF &point) const;

private:
    TableLayout m_start;
    Corner m_corner;
    const FloorGrid *m_grid;
};

} // namespace hoststand::ui
