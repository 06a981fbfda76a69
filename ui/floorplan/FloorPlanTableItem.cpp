#include "ui/floorplan/FloorPlanTableItem.h"

#include "ui/common/StatusStyle.h"
#include "ui/floorplan/FloorPlanLabelItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

FloorPlanTableItem::FloorPlanTableItem(QString tableId, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_tableId(std::move(tableId))
    , m_name(new FloorPlanLabelItem(FloorPlanLabelItem::Anchor::Centre, this))
    , m_caption(new FloorPlanLabelItem(FloorPlanLabelItem::Anchor::Top, this))
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    m_caption->setBacked(true);
    m_caption->setFontScale(0.9);
    m_caption->setMaximumWidth(QFontMetricsF(QApplication::font()).averageCharWidth() * 20);
    updateLabels();
}

void FloorPlanTableItem::setLayout(const TableLayout &layout)
{
    prepareGeometryChange();
    m_shape = layout.shape;
    m_size = QSizeF(layout.width, layout.height);
    m_rotation = layout.rotation;
    setPos(layout.x, layout.y);
    updateLabels();
}

TableLayout FloorPlanTableItem::layout() const
{
    return {QString(), m_shape, pos().x(), pos().y(), m_size.width(), m_size.height(), m_rotation};
}

void FloorPlanTableItem::setSeats(int seats)
{
    m_seats = seats;
    updateLabels();
}

void FloorPlanTableItem::setState(TableState state, const QString &caption)
{
    m_state = state;
    QStringList lines {StatusStyle::word(state)};
    if (!caption.isEmpty())
        lines.append(caption);
    m_caption->setLines(lines);
    m_caption->setMark(state);
    updateLabels();
    update();
}

QString FloorPlanTableItem::caption() const
{
    return m_caption->lines().join(u'\n');
}

void FloorPlanTableItem::setCaptionVisible(bool visible)
{
    m_caption->setVisible(visible);
}

void FloorPlanTableItem::updateLabels()
{
    m_name->setLines({m_tableId, m_seats == 1 ? u"1 seat"_s : u"%1 seats"_s.arg(m_seats)});
    m_name->setTextColor(StatusStyle(QApplication::palette()).table(m_state).text);
    // Under the table whatever its rotation: below the rotated outline.
    m_caption->setPos(0, outline().boundingRect().bottom() + 6);
}

QPainterPath FloorPlanTableItem::outline() const
{
    const QRectF rect(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height());
    QPainterPath path;
    if (m_shape == TableShape::Round)
        path.addEllipse(rect);
    else
        path.addRoundedRect(rect, 6, 6);
    return QTransform().rotate(m_rotation).map(path);
}

QRectF FloorPlanTableItem::boundingRect() const
{
    return outline().boundingRect().adjusted(-6, -6, 6, 6);
}

QPainterPath FloorPlanTableItem::shape() const
{
    return outline();
}

void FloorPlanTableItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const StatusStyle::Look look = StatusStyle(palette).table(m_state);
    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(look.border, 2);
    border.setCosmetic(true);
    if (m_state == TableState::BookedSoon)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(look.fill);
    painter->drawPath(outline());
    if (option->state & QStyle::State_Selected) {
        QPen selection(palette.color(QPalette::Highlight), 4);
        selection.setCosmetic(true);
        painter->setPen(selection);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(outline());
    }
}

QVariant FloorPlanTableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        update();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace hoststand::ui
