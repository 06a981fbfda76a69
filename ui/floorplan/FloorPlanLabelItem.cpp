#include "ui/floorplan/FloorPlanLabelItem.h"

#include "ui/common/StatusStyle.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <QPalette>
#include <cmath>

namespace hoststand::ui {
namespace {

constexpr qreal Padding = 4;

} // namespace

FloorPlanLabelItem::FloorPlanLabelItem(Anchor anchor, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_anchor(anchor)
{
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
}

void FloorPlanLabelItem::setLines(const QStringList &lines)
{
    if (lines == m_lines)
        return;
    prepareGeometryChange();
    m_lines = lines;
}

void FloorPlanLabelItem::setMark(std::optional<TableState> state)
{
    if (state == m_mark)
        return;
    prepareGeometryChange();
    m_mark = state;
}

void FloorPlanLabelItem::setBacked(bool backed)
{
    m_backed = backed;
    update();
}

void FloorPlanLabelItem::setTextColor(const QColor &color)
{
    m_textColor = color;
    update();
}

void FloorPlanLabelItem::setMaximumWidth(qreal pixels)
{
    prepareGeometryChange();
    m_maximumWidth = pixels;
}

void FloorPlanLabelItem::setFontScale(qreal scale)
{
    prepareGeometryChange();
    m_fontScale = scale;
}

QFont FloorPlanLabelItem::font(bool bold) const
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * m_fontScale);
    font.setBold(bold);
    return font;
}

// The line as it fits the maximum width, the mark included; the first line
// (a table's name, a state's word) is never cut.
QString FloorPlanLabelItem::shown(qsizetype line) const
{
    const QFontMetricsF metrics(font(line == 0));
    if (m_maximumWidth <= 0 || line == 0)
        return m_lines.at(line);
    const qreal mark = m_mark ? QFontMetricsF(font(false)).height() + Padding : 0;
    return metrics.elidedText(m_lines.at(line), Qt::ElideRight,
                              m_maximumWidth - mark - 2 * Padding);
}

QSizeF FloorPlanLabelItem::textSize() const
{
    const QFontMetricsF plain(font(false));
    qreal width = 0;
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        width = std::max(width, QFontMetricsF(font(i == 0)).horizontalAdvance(shown(i)));
    if (m_mark)
        width += plain.height() + Padding;
    return {std::ceil(width), plain.height() * qreal(m_lines.size())};
}

QRectF FloorPlanLabelItem::boundingRect() const
{
    const QSizeF size = textSize() + QSizeF(2 * Padding, 2 * Padding);
    const qreal top = m_anchor == Anchor::Centre ? -size.height() / 2 : 0;
    return QRectF(-size.width() / 2, top, size.width(), size.height());
}

void FloorPlanLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_lines.isEmpty())
        return;
    const QPalette palette = QApplication::palette();
    const QRectF box = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_backed) {
        QColor backing = palette.color(QPalette::Base);
        backing.setAlphaF(0.85f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(backing);
        painter->drawRoundedRect(box, 4, 4);
    }
    const QColor text = m_textColor.isValid() ? m_textColor : palette.color(QPalette::Text);
    const QFontMetricsF plain(font(false));
    qreal left = box.left() + Padding;
    if (m_mark) {
        StatusStyle::paintMark(*painter,
                               QRectF(left, box.top() + Padding, plain.height(), plain.height()),
                               *m_mark, text);
        left += plain.height() + Padding;
    }
    painter->setPen(text);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        painter->setFont(font(i == 0));
        const QRectF line(left, box.top() + Padding + plain.height() * qreal(i),
                          box.right() - Padding - left, plain.height());
        painter->drawText(line, (m_mark ? Qt::AlignLeft : Qt::AlignHCenter) | Qt::AlignVCenter,
                          shown(i));
    }
}

} // namespace hoststand::ui
