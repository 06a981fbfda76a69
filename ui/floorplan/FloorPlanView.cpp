#include "ui/floorplan/FloorPlanView.h"

#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"

using namespace Qt::StringLiterals;

namespace hoststand::ui {

FloorPlanView::FloorPlanView(FloorPlanScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(NoDrag);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAccessibleName(u"Floor plan"_s);
    setAccessibleDescription(u"The tables where they stand, each with its state; click a table "
                             "to pick it, double-click a free one to seat a walk-in."_s);
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, &FloorPlanView::fit);
}

QPoint FloorPlanView::tableCentre(const QString &tableId) const
{
    const FloorPlanTableItem *item = m_scene->tableItem(tableId);
    return item ? mapFromScene(item->scenePos()) : QPoint();
}

void FloorPlanView::fit()
{
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void FloorPlanView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void FloorPlanView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    fit();
}

} // namespace hoststand::ui
