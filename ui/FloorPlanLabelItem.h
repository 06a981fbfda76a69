#pragma once

#include "domain/readmodel/ReadModelRows.h"

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
    QStringList lines() const { return m_lines; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QSizeF textSize() const;

    Anchor m_anchor;
    QStringList m_lines;
    std::optional<TableState> m_mark;
    bool m_backed = false;
    QColor m_textColor;
};

} // namespace hoststand::ui
