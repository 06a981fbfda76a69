#include "ui/editor/TableEditView.h"

#include "ui/FloorPlanScene.h"
#include "ui/FloorPlanTableItem.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// Lines closer than this on screen would grey the floor out.
constexpr qreal MinLineSpacing = 7;

} // namespace

TableEditView::TableEditView(FloorPlanScene *scene, const FloorGrid &grid, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_grid(grid)
{
    setObjectName(u"tableEditView"_s);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(NoDrag);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setViewportUpdateMode(FullViewportUpdate);
    setAccessibleName(u"Floor plan editor"_s);
    setAccessibleDescription(u"The tables where they stand. Drag a table to move it; arrow keys "
                             "nudge the picked table, Shift with an arrow by one centimetre; "
                             "Delete removes it."_s);
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, &TableEditView::grow);
}

QPoint TableEditView::tableCentre(const QString &tableId) const
{
    const FloorPlanTableItem *item = m_scene->tableItem(tableId);
    return item ? mapFromScene(item->scenePos()) : QPoint();
}

void TableEditView::refit()
{
    m_shown = m_scene->sceneRect();
    fit();
}

// The view's own scene rect only grows, so a table dragged inwards does not
// make the whole plan jump under the manager's hand.
void TableEditView::grow(const QRectF &sceneRect)
{
    if (m_shown.contains(sceneRect))
        return;
    m_shown |= sceneRect;
    fit();
}

void TableEditView::fit()
{
    if (m_shown.isNull())
        m_shown = m_scene->sceneRect();
    setSceneRect(m_shown);
    fitInView(m_shown, Qt::KeepAspectRatio);
}

void TableEditView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void TableEditView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    fit();
}

// The scene paints the floor and its zones; the grid goes over them and
// under the tables.
void TableEditView::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawBackground(painter, rect);
    const qreal scale = transform().m11();
    if (FloorGrid::LineStep * scale >= MinLineSpacing)
        drawLines(painter, rect, FloorGrid::LineStep, 0.06);
    // Over the half-metre lines: a metre line is drawn twice and reads darker.
    if (FloorGrid::MajorStep * scale >= MinLineSpacing)
        drawLines(painter, rect, FloorGrid::MajorStep, 0.07);
}

void TableEditView::drawLines(QPainter *painter, const QRectF &rect, double step, qreal alpha)
{
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(float(alpha));
    QPen pen(colour, 1);
    pen.setCosmetic(true);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(pen);
    for (double x = std::floor(rect.left() / step) * step; x <= rect.right(); x += step)
        painter->drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    for (double y = std::floor(rect.top() / step) * step; y <= rect.bottom(); y += step)
        painter->drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    painter->restore();
}

FloorPlanTableItem *TableEditView::tableAt(const QPoint &viewPos) const
{
    for (QGraphicsItem *item : items(viewPos)) {
        for (QGraphicsItem *up = item; up; up = up->parentItem()) {
            if (up->type() == FloorPlanTableItem::Type)
                return static_cast<FloorPlanTableItem *>(up);
        }
    }
    return nullptr;
}

void TableEditView::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT gestureStarting();
    QGraphicsView::mousePressEvent(event);
    const QPoint at = event->position().toPoint();
    FloorPlanTableItem *item = event->button() == Qt::LeftButton ? tableAt(at) : nullptr;
    if (!item) {
        m_drag.reset();
        return;
    }
    m_drag = Drag {item->tableId(), item->pos(), mapToScene(at), at};
}

void TableEditView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_drag) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    const QPoint at = event->position().toPoint();
    if (!m_drag->moving
        && (at - m_drag->pressView).manhattanLength() < QApplication::startDragDistance())
        return;
    FloorPlanTableItem *item = m_scene->tableItem(m_drag->tableId);
    if (!item) {
        m_drag.reset();
        return;
    }
    m_drag->moving = true;
    viewport()->setCursor(Qt::ClosedHandCursor);
    item->setPos(m_grid.snap(m_drag->itemStart + mapToScene(at) - m_drag->pressScene));
}

void TableEditView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_drag)
        return;
    const Drag drag = *std::exchange(m_drag, std::nullopt);
    viewport()->unsetCursor();
    const FloorPlanTableItem *item = m_scene->tableItem(drag.tableId);
    if (drag.moving && item && item->pos() != drag.itemStart)
        Q_EMIT tableDropped(drag.tableId, drag.itemStart, item->pos());
}

void TableEditView::cancelDrag()
{
    const Drag drag = *std::exchange(m_drag, std::nullopt);
    viewport()->unsetCursor();
    if (FloorPlanTableItem *item = m_scene->tableItem(drag.tableId))
        item->setPos(drag.itemStart);
}

void TableEditView::keyPressEvent(QKeyEvent *event)
{
    if (m_drag && event->key() == Qt::Key_Escape) {
        cancelDrag();
        event->accept();
        return;
    }
    QPointF direction;
    switch (event->key()) {
    case Qt::Key_Left:
        direction = {-1, 0};
        break;
    case Qt::Key_Right:
        direction = {1, 0};
        break;
    case Qt::Key_Up:
        direction = {0, -1};
        break;
    case Qt::Key_Down:
        direction = {0, 1};
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    if (m_scene->selectedTableId().isEmpty() || isDragging()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    Q_EMIT nudgeRequested(direction, event->modifiers().testFlag(Qt::ShiftModifier));
    event->accept();
}

} // namespace hoststand::ui
