#include "ui/editor/TableEditView.h"

#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <array>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// Lines closer than this on screen would grey the floor out.
constexpr qreal MinLineSpacing = 7;
// A corner's handle on screen, and how near to it a press takes it.
constexpr qreal HandleSize = 9;
constexpr int HandleReach = 7;

constexpr std::array AllCorners {TableResize::Corner::TopLeft, TableResize::Corner::TopRight,
                                 TableResize::Corner::BottomRight, TableResize::Corner::BottomLeft};

// The resize arrow that points the way a corner moves on screen (y grows
// downwards).
Qt::CursorShape resizeCursor(const QPointF &outwards)
{
    const double degrees = std::atan2(outwards.y(), outwards.x()) * 180 / std::numbers::pi;
    switch (int(std::lround(degrees / 45)) & 3) {
    case 0:
        return Qt::SizeHorCursor;
    case 1:
        return Qt::SizeFDiagCursor;
    case 2:
        return Qt::SizeVerCursor;
    default:
        return Qt::SizeBDiagCursor;
    }
}

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
                             "drag a corner of the picked table to resize it; Delete removes "
                             "it."_s);
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, &TableEditView::grow);
}

QPoint TableEditView::tableCentre(const QString &tableId) const
{
    const FloorPlanTableItem *item = m_scene->tableItem(tableId);
    return item ? mapFromScene(item->scenePos()) : QPoint();
}

FloorPlanTableItem *TableEditView::pickedItem() const
{
    const QString tableId = m_scene->selectedTableId();
    return tableId.isEmpty() ? nullptr : m_scene->tableItem(tableId);
}

std::optional<QPoint> TableEditView::handleCentre(TableResize::Corner corner) const
{
    const FloorPlanTableItem *item = pickedItem();
    if (!item)
        return std::nullopt;
    return mapFromScene(TableResize::corners(item->layout()).at(std::size_t(corner)));
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

// The picked table's handles, the same size on screen at any zoom.
void TableEditView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    const FloorPlanTableItem *item = pickedItem();
    if (!item || isDragging())
        return;
    QPen pen(palette().color(QPalette::Highlight), 1.5);
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(palette().color(QPalette::Base));
    for (const QPointF &corner : TableResize::corners(item->layout())) {
        const QPointF centre = mapFromScene(corner);
        painter->drawRect(
            QRectF(centre - QPointF(HandleSize, HandleSize) / 2, QSizeF(HandleSize, HandleSize)));
    }
    painter->restore();
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

std::optional<TableResize::Corner> TableEditView::handleAt(const QPoint &viewPos) const
{
    const FloorPlanTableItem *item = pickedItem();
    if (!item)
        return std::nullopt;
    const auto corners = TableResize::corners(item->layout());
    for (TableResize::Corner corner : AllCorners) {
        const QPoint offset = viewPos - mapFromScene(corners.at(std::size_t(corner)));
        if (std::abs(offset.x()) <= HandleReach && std::abs(offset.y()) <= HandleReach)
            return corner;
    }
    return std::nullopt;
}

// Over a handle the pointer shows the way the corner moves; elsewhere the
// view and the tables choose it as they do.
void TableEditView::showHandleCursor(const QPoint &viewPos)
{
    const std::optional<TableResize::Corner> corner = handleAt(viewPos);
    if (!corner)
        return;
    viewport()->setCursor(resizeCursor(TableResize::outwards(pickedItem()->layout(), *corner)));
    m_handleCursor = true;
}

void TableEditView::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT gestureStarting();
    const QPoint at = event->position().toPoint();
    if (event->button() == Qt::LeftButton) {
        if (const std::optional<TableResize::Corner> corner = handleAt(at)) {
            const FloorPlanTableItem *item = pickedItem();
            m_resize = Resize {item->tableId(), TableResize(item->layout(), *corner, m_grid)};
            m_drag.reset();
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
    FloorPlanTableItem *item = event->button() == Qt::LeftButton ? tableAt(at) : nullptr;
    if (!item) {
        m_drag.reset();
        return;
    }
    m_drag = Drag {item->tableId(), item->pos(), mapToScene(at), at};
}

void TableEditView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint at = event->position().toPoint();
    // A release that never came (a prompt took the mouse) ends the gesture
    // as Escape would.
    if (!event->buttons().testFlag(Qt::LeftButton))
        cancelGesture();
    if (m_resize) {
        FloorPlanTableItem *item = m_scene->tableItem(m_resize->tableId);
        if (!item) {
            m_resize.reset();
            return;
        }
        item->setLayout(m_resize->geometry.to(mapToScene(at)));
        return;
    }
    if (!m_drag) {
        // Unset first, so that the view does not keep a handle's arrow as
        // the cursor to come back to.
        if (std::exchange(m_handleCursor, false))
            viewport()->unsetCursor();
        QGraphicsView::mouseMoveEvent(event);
        if (event->buttons() == Qt::NoButton)
            showHandleCursor(at);
        return;
    }
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
    if (m_resize) {
        if (event->button() != Qt::LeftButton)
            return;
        const Resize resize = *std::exchange(m_resize, std::nullopt);
        const FloorPlanTableItem *item = m_scene->tableItem(resize.tableId);
        if (!item)
            return;
        TableLayout resized = item->layout();
        resized.zone = resize.geometry.start().zone;
        if (resized != resize.geometry.start())
            Q_EMIT tableResized(resize.tableId, resize.geometry.start(), resized);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_drag)
        return;
    const Drag drag = *std::exchange(m_drag, std::nullopt);
    viewport()->unsetCursor();
    const FloorPlanTableItem *item = m_scene->tableItem(drag.tableId);
    if (drag.moving && item && item->pos() != drag.itemStart)
        Q_EMIT tableDropped(drag.tableId, drag.itemStart, item->pos());
}

// Puts the table dragged or resized back where it was; nothing without
// a gesture under way.
void TableEditView::cancelGesture()
{
    if (m_drag) {
        const Drag drag = *std::exchange(m_drag, std::nullopt);
        viewport()->unsetCursor();
        if (FloorPlanTableItem *item = m_scene->tableItem(drag.tableId))
            item->setPos(drag.itemStart);
    }
    if (m_resize) {
        const Resize resize = *std::exchange(m_resize, std::nullopt);
        if (FloorPlanTableItem *item = m_scene->tableItem(resize.tableId))
            item->setLayout(resize.geometry.start());
    }
}

void TableEditView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && (m_drag || m_resize)) {
        cancelGesture();
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
    if (m_scene->selectedTableId().isEmpty() || isDragging() || isResizing()) {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    Q_EMIT nudgeRequested(direction, event->modifiers().testFlag(Qt::ShiftModifier));
    event->accept();
}

} // namespace hoststand::ui
