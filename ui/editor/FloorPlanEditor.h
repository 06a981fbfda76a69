#pragma once

#include "domain/contracts/TableLayout.h"
#include "ui/editor/FloorGrid.h"

#include <QWidget>

#include <functional>

class QTabBar;
class QTimer;

namespace hoststand {
class Restaurant;
}

namespace hoststand::ui {

class AddTableDialog;
class EditHistory;
class EditorFloorModel;
class FloorPlanModel;
class FloorPlanScene;
class NudgeBurst;
class RefusalWording;
class TableEditView;
class TablePropertiesPanel;

// The floor plan tab of the table editor: a tab per zone (and one for all
// of them), the room in edit mode, and the picked table's properties
// beside it. Every gesture here ends as one edit through the EditHistory:
// a drag when the button is released, a burst of arrow-key nudges when
// the keys rest, a field when the manager has finished with it.
class FloorPlanEditor final : public QWidget
{
    Q_OBJECT

public:
    FloorPlanEditor(Restaurant &restaurant, EditHistory &history, const RefusalWording &wording,
                    QWidget *parent = nullptr);
    ~FloorPlanEditor() override;

    TableEditView *view() const { return m_view; }
    FloorPlanScene *scene() const { return m_scene; }
    TablePropertiesPanel *panel() const { return m_panel; }
    QTabBar *zoneTabs() const { return m_zoneTabs; }
    FloorGrid &grid() { return m_grid; }
    EditorFloorModel *model() const { return m_zoneFilter; }

    QString selectedTableId() const;
    void selectTable(const QString &tableId);
    // The zone shown; empty when all are.
    QString zone() const;
    void showZone(const QString &zone);
    // The zones of the tables in service, in the host stand's order.
    QStringList zones() const;

    // Opens the dialog for a new table; it is added where the view looks.
    // None, after refused(), when the tables in use could not be read.
    AddTableDialog *addTable();
    void removeSelected();
    void rotateSelected(double degrees);
    // Lands a burst of nudges that is still in the making.
    void landNudges();

Q_SIGNALS:
    void selectedTableChanged(const QString &tableId);
    // What could not be done, and why, in a manager's words.
    void refused(const QString &title, const QString &message);

private:
    void buildLayout();
    void connectSignals();
    void onDropped(const QString &tableId, const QPointF &from, const QPointF &to);
    void onResized(const QString &tableId, const TableLayout &from, const TableLayout &to);
    void onNudge(const QPointF &direction, bool fine);
    void onNudgesLanded(const QString &tableId, const QPointF &start, const QPointF &position);
    void onPanelLayout(const QString &tableId, const TableLayout &shown, const TableLayout &edited);
    void onSelectionChanged();
    bool editLayout(const QString &tableId, const std::function<void(TableLayout &)> &change,
                    const std::function<void()> &onRefusal);
    void addFromDialog(const AddTableDialog &dialog);
    QPointF freeSpot(const TableLayout &layout) const;
    void refreshPanel();
    void resetPanel();
    void refreshZones();
    void adoptItems();
    QString bookingsNote(const QString &tableId) const;
    QString floorSummary() const;
    void reselect();

    Restaurant &m_restaurant;
    EditHistory &m_history;
    const RefusalWording &m_wording;
    FloorGrid m_grid;
    FloorPlanModel *m_model;
    EditorFloorModel *m_zoneFilter;
    FloorPlanScene *m_scene;
    TableEditView *m_view;
    QTabBar *m_zoneTabs;
    TablePropertiesPanel *m_panel;
    NudgeBurst *m_nudges;
    QTimer *m_nowTimer;
    // A table to pick once the read model shows it (one just added).
    QString m_selectWhenShown;
    QString m_selectedBeforeReset;
};

} // namespace hoststand::ui
