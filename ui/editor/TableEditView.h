#pragma once

#include "ui/editor/FloorGrid.h"
#include "ui/editor/TableResize.h"

#include <QGraphicsView>

#include <optional>

namespace hoststand::ui {

class FloorPlanScene;
class FloorPlanTableItem;

// The host stand's floor plan scene in edit mode: the grid drawn under
// the tables; a table dragged with the mouse follows it snapped to the
// grid and is dropped as one move when the button is released (Escape
// puts it back); the picked table shows a handle at each corner, and a
// handle dragged resizes it the same way; arrow keys ask to nudge the
// picked table. The view keeps
// its scale while the manager works and zooms out only when a table goes
// past the edge.
class TableEditView final : public QGraphicsView
{
    Q_OBJECT

public:
    TableEditView(FloorPlanScene *scene, const FloorGrid &grid, QWidget *parent = nullptr);

    FloorPlanScene *floorScene() const { return m_scene; }
    // Where a table's centre is in the viewport, for a click on it.
    QPoint tableCentre(const QString &tableId) const;
    // Fits the room as it is now (another zone was chosen).
    void refit();
    bool isDragging() const { return m_drag.has_value() && m_drag->moving; }
    bool isResizing() const { return m_resize.has_value(); }
    // Where a corner's handle of the picked table is in the viewport, if
    // a table is picked.
    std::optional<QPoint> handleCentre(TableResize::Corner corner) const;

Q_SIGNALS:
    // A table was dragged from one centre to another (centimetres).
    void tableDropped(const QString &tableId, const QPointF &from, const QPointF &to);
    // A table's corner was dragged from one layout to another.
    void tableResized(const QString &tableId, const TableLayout &from, const TableLayout &to);
    // An arrow key: move the picked table by one step that way.
    void nudgeRequested(const QPointF &direction, bool fine);
    // A mouse gesture begins: whatever is still in the making lands first.
    void gestureStarting();

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Drag
    {
        QString tableId;
        QPointF itemStart;
        QPointF pressScene;
        QPoint pressView;
        bool moving = false;
    };

    struct Resize
    {
        QString tableId;
        TableResize geometry;
    };

    FloorPlanTableItem *tableAt(const QPoint &viewPos) const;
    FloorPlanTableItem *pickedItem() const;
    std::optional<TableResize::Corner> handleAt(const QPoint &viewPos) const;
    void showHandleCursor(const QPoint &viewPos);
    void grow(const QRectF &sceneRect);
    void fit();
    void cancelGesture();
    void drawLines(QPainter *painter, const QRectF &rect, double step, qreal alpha);

    FloorPlanScene *m_scene;
    const FloorGrid &m_grid;
    QRectF m_shown;
    std::optional<Drag> m_drag;
    std::optional<Resize> m_resize;
    bool m_handleCursor = false;
};

} // namespace hoststand::ui
