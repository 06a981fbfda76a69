#pragma once

#include <QPointF>

namespace hoststand::ui {

// The table editor's grid, in centimetres: where a dragged or nudged
// table's centre lands, and how far an arrow key moves it. Snapping can be
// switched off for a table that must stand between the lines.
class FloorGrid final
{
public:
    static constexpr double SnapStep = 10; // where centres land
    static constexpr double LineStep = 50; // the lines drawn
    static constexpr double MajorStep = 100; // every metre, drawn stronger
    static constexpr double FineStep = 1; // a nudge with Shift

    bool snapping() const { return m_snapping; }
    void setSnapping(bool snapping) { m_snapping = snapping; }

    // The point on the grid nearest to point, or point when not snapping.
    QPointF snap(const QPointF &point) const;
    // Moves a centre by offset; a coarse nudge lands on the grid along the
    // axis it moves, and leaves the other axis as it was.
    QPointF nudge(const QPointF &centre, const QPointF &offset, bool fine) const;
    double nudgeStep(bool fine) const { return fine ? FineStep : SnapStep; }
    // A table's width or height: in whole grid steps while snapping, in
    // whole centimetres otherwise.
    double snapLength(double length) const;

private:
    static double snapped(double value);

    bool m_snapping = true;
};

} // namespace hoststand::ui
