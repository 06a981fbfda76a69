#pragma once

#include <QGraphicsView>

namespace hoststand::ui {

class FloorPlanScene;

// Shows a FloorPlanScene scaled to fit, whatever the window's size or the
// screen's pixel ratio, and follows the palette.
class FloorPlanView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit FloorPlanView(FloorPlanScene *scene, QWidget *parent = nullptr);

    FloorPlanScene *floorScene() const { return m_scene; }
    // Where a table's centre is in the viewport, for a click on it.
    QPoint tableCentre(const QString &tableId) const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fit();

    FloorPlanScene *m_scene;
};

} // namespace hoststand::ui
