#pragma once

#include "readmodel/ReadModelRows.h"

#include <QGraphicsItem>
#include <QStringList>

#include <optional>

namespace hoststand::ui {

// Text on the floor plan that keeps its size in pixels whatever the zoom
// (ItemIgnoresTransformations): a table's name inside it, its state and
// next booking under it. The first line is bold; a state's mark may lead.
class FloorPlanLabelItem final : public QGraphicsItem
{
public:
    enum class Anchor { Centre, Top };

    explicit FloorPlanLabelItem(Anchor anchor, QGraphicsItem *parent = nullptr);

    void setLines(const QStringList &lines);
    void setMark(std::optional<TableState> state);
    // A backing so the text reads over the floor; none inside a table.
    void setBacked(bool backed);
    // Colours for text drawn on a table's fill instead of the palette's.
    void setTextColor(const QColor &color);
    // Longer lines but the first are elided, so that neighbours' captions do not overlap.
    void setMaximumWidth(qreal pixels);
    // Relative to the application's font (a caption is a little smaller).
    void setFontScale(qreal scale);
    QStringList lines() const { return m_lines; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QSizeF textSize() const;
    QFont font(bool bold) const;
    QString shown(qsizetype line) const;

    Anchor m_anchor;
    QStringList m_lines;
    std::optional<TableState> m_mark;
    bool m_backed = false;
    QColor m_textColor;
    qreal m_maximumWidth = 0; // none
    qreal m_fontScale = 1.0;
};

} // namespace hoststand::ui
