#pragma once

#include <QAbstractItemModel>
#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

namespace hoststand::ui {

class FloorPlanTableItem;

// The room: a FloorPlanTableItem per row of a model with FloorPlanModel's
// roles, kept in step with its signals, and each zone drawn as an area
// behind its tables with its name. Units are centimetres. Clicking a table
// selects it; the scene says which table was clicked or double-clicked.
// The host stand shows it read-only; an editor may move the items itself.
class FloorPlanScene final : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit FloorPlanScene(QObject *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }
    // Null when the table is not on the plan.
    FloorPlanTableItem *tableItem(const QString &tableId) const;
    QString selectedTableId() const;
    void selectTable(const QString &tableId);
    // The tables' area with a margin, for a view to fit.
    QRectF floorRect() const;

Q_SIGNALS:
    void tableClicked(const QString &tableId);
    void tableDoubleClicked(const QString &tableId);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void updateRows(int first, int last);
    void removeMissing();
    FloorPlanTableItem *tableAt(const QPointF &scenePos) const;
    QString captionOf(int row) const;

    QPointer<QAbstractItemModel> m_model;
    QHash<QString, FloorPlanTableItem *> m_items;
};

} // namespace hoststand::ui
