#pragma once

#include "domain/contracts/TableLayout.h"
#include "readmodel/ReadModelRows.h"

#include <QGraphicsItem>

namespace hoststand::ui {

class FloorPlanLabelItem;

// One table on the floor plan, in centimetres: its position is its centre,
// its shape (round, square, rectangle) is drawn rotated about it, filled by
// its state with the state's word and mark beside, so that colour is never
// the only signal. Its name and seats stay upright and readable at any zoom.
// Knows nothing of bookings or commands, so that the host stand and the
// table editor both place it.
class FloorPlanTableItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    explicit FloorPlanTableItem(QString tableId, QGraphicsItem *parent = nullptr);

    const QString &tableId() const { return m_tableId; }
    // The layout's zone is not the item's; the scene groups by it.
    void setLayout(const TableLayout &layout);
    // The layout drawn, with no zone.
    TableLayout layout() const;
    void setSeats(int seats);
    // The state and what the caption under the table says of it.
    void setState(TableState state, const QString &caption);
    TableState state() const { return m_state; }
    QString caption() const;
    // The table editor lays out tables without their state's caption.
    void setCaptionVisible(bool visible);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QPainterPath outline() const;
    void updateLabels();

    QString m_tableId;
    TableShape m_shape = TableShape::Square;
    QSizeF m_size {80, 80};
    qreal m_rotation = 0;
    int m_seats = 0;
    TableState m_state = TableState::Free;
    FloorPlanLabelItem *m_name;
    FloorPlanLabelItem *m_caption;
};

} // namespace hoststand::ui
