#include "ui/floorplan/FloorPlanScene.h"

#include "ui/common/ServiceCalendar.h"
#include "ui/floorplan/FloorPlanModel.h"
#include "ui/floorplan/FloorPlanTableItem.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

using Floor = FloorPlanModel;

constexpr qreal ZoneMargin = 45; // centimetres around a zone's tables

} // namespace

FloorPlanScene::FloorPlanScene(QObject *parent)
    : QGraphicsScene(parent)
{ }

void FloorPlanScene::setModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    rebuild();
    if (!m_model)
        return;
    connect(m_model, &QAbstractItemModel::modelReset, this, &FloorPlanScene::rebuild);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &FloorPlanScene::rebuild);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { updateRows(first, last); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FloorPlanScene::removeMissing);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                updateRows(topLeft.row(), bottomRight.row());
            });
}

void FloorPlanScene::rebuild()
{
    for (FloorPlanTableItem *item : std::as_const(m_items))
        delete item;
    m_items.clear();
    if (m_model && m_model->rowCount() > 0)
        updateRows(0, m_model->rowCount() - 1);
    setSceneRect(floorRect());
}

void FloorPlanScene::updateRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const QString id = index.data(Floor::TableIdRole).toString();
        FloorPlanTableItem *item = m_items.value(id);
        if (!item) {
            item = new FloorPlanTableItem(id);
            addItem(item);
            m_items.insert(id, item);
        }
        const QRectF geometry = index.data(Floor::GeometryRole).toRectF();
        TableLayout layout;
        layout.zone = index.data(Floor::ZoneRole).toString();
        layout.shape = TableShape(index.data(Floor::ShapeRole).toInt());
        layout.x = geometry.center().x();
        layout.y = geometry.center().y();
        layout.width = geometry.width();
        layout.height = geometry.height();
        layout.rotation = index.data(Floor::RotationRole).toDouble();
        item->setLayout(layout);
        item->setData(0, layout.zone);
        item->setSeats(index.data(Floor::SeatsRole).toInt());
        item->setState(TableState(index.data(Floor::StateRole).toInt()), captionOf(row));
    }
    setSceneRect(floorRect());
    update();
}

// Who holds the table now, else who comes next and when.
QString FloorPlanScene::captionOf(int row) const
{
    const QModelIndex index = m_model->index(row, 0);
    const QString current = index.data(Floor::CurrentGuestRole).toString();
    if (!current.isEmpty())
        return u"%1 (%2)"_s.arg(current).arg(index.data(Floor::CurrentPartyRole).toInt());
    const QString next = index.data(Floor::NextGuestRole).toString();
    if (next.isEmpty())
        return {};
    return u"%1 %2 (%3)"_s.arg(index.data(Floor::NextWhenRole).toString(), next)
        .arg(index.data(Floor::NextPartyRole).toInt());
}

void FloorPlanScene::removeMissing()
{
    QSet<QString> present;
    for (int row = 0; row < m_model->rowCount(); ++row)
        present.insert(m_model->index(row, 0).data(Floor::TableIdRole).toString());
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_items.erase(it);
    }
    setSceneRect(floorRect());
    update();
}

FloorPlanTableItem *FloorPlanScene::tableItem(const QString &tableId) const
{
    return m_items.value(tableId);
}

QString FloorPlanScene::selectedTableId() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == FloorPlanTableItem::Type)
            return static_cast<FloorPlanTableItem *>(item)->tableId();
    }
    return {};
}

void FloorPlanScene::selectTable(const QString &tableId)
{
    clearSelection();
    if (FloorPlanTableItem *item = tableItem(tableId))
        item->setSelected(true);
}

QRectF FloorPlanScene::floorRect() const
{
    QRectF floor;
    for (const FloorPlanTableItem *item : std::as_const(m_items))
        floor |= item->sceneBoundingRect();
    // Room for the zones' names above and the captions below the tables.
    return floor.isNull()
        ? QRectF(0, 0, 800, 600)
        : floor.adjusted(-ZoneMargin - 20, -ZoneMargin - 40, ZoneMargin + 20, ZoneMargin + 90);
}

FloorPlanTableItem *FloorPlanScene::tableAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        for (QGraphicsItem *up = item; up; up = up->parentItem()) {
            if (up->type() == FloorPlanTableItem::Type)
                return static_cast<FloorPlanTableItem *>(up);
        }
    }
    return nullptr;
}

// The scene's own handling stays (an editor's movable items need it); a
// click on a table's caption picks the table too.
void FloorPlanScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    FloorPlanTableItem *item = tableAt(event->scenePos());
    if (event->button() != Qt::LeftButton || !item)
        return;
    if (!item->isSelected())
        selectTable(item->tableId());
    event->accept();
    Q_EMIT tableClicked(item->tableId());
}

void FloorPlanScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    FloorPlanTableItem *item = tableAt(event->scenePos());
    if (event->button() != Qt::LeftButton || !item) {
        QGraphicsScene::mouseDoubleClickEvent(event);
        return;
    }
    event->accept();
    Q_EMIT tableDoubleClicked(item->tableId());
}

// Each zone is a tinted area around its tables, its name at the top left,
// drawn in device pixels so the name reads the same at any zoom.
void FloorPlanScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette palette = QApplication::palette();
    painter->fillRect(rect, palette.color(QPalette::Base));
    QMap<QString, QRectF> zones;
    for (const FloorPlanTableItem *item : std::as_const(m_items))
        zones[item->data(0).toString()] |= item->mapRectToScene(item->shape().boundingRect());
    int index = 0;
    for (auto it = zones.cbegin(); it != zones.cend(); ++it, ++index) {
        const QRectF area
            = it.value().adjusted(-ZoneMargin, -ZoneMargin, ZoneMargin, ZoneMargin + 50);
        QColor tint = palette.color(QPalette::Text);
        tint.setAlphaF(index % 2 == 0 ? 0.05f : 0.09f);
        QColor edge = palette.color(QPalette::Text);
        edge.setAlphaF(0.25f);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen(edge, 1.5, Qt::DashLine);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(tint);
        painter->drawRoundedRect(area, 12, 12);
        const QPointF corner = painter->worldTransform().map(area.topLeft());
        painter->resetTransform();
        QFont font = QApplication::font();
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QPointF(corner.x() + 10, corner.y() + QFontMetricsF(font).ascent() + 6),
                          it.key());
        painter->restore();
    }
}

} // namespace hoststand::ui
