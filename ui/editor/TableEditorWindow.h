#pragma once

#include "ui/hoststand/HostStandServices.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QTabWidget;
class QToolBar;

namespace hoststand::ui {

class EditHistory;
class FloorPlanEditor;
class RefusalWording;
class SettingsPage;

// The manager's table editor, a second window of the application on the
// same restaurant: the floor plan in edit mode (add, move, rotate, change
// seats, remove; undo and redo of the manager's own edits) and the
// restaurant's settings. Every change goes through the table manager's or
// the booker's commands, so a host stand anywhere on the store sees it.
class TableEditorWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit TableEditorWindow(HostStandServices services, QWidget *parent = nullptr);
    ~TableEditorWindow() override;

    FloorPlanEditor *floorEditor() const { return m_floor; }
    SettingsPage *settingsPage() const { return m_settings; }
    EditHistory *history() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }
    QToolBar *editToolBar() const { return m_toolBar; }

    QAction *addTableAction() const { return m_addTable; }
    QAction *removeTableAction() const { return m_removeTable; }
    QAction *rotateClockwiseAction() const { return m_rotateClockwise; }
    QAction *rotateAnticlockwiseAction() const { return m_rotateAnticlockwise; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *snapAction() const { return m_snap; }

    // The rotation of one press of a rotate action, in degrees.
    static constexpr double RotationStep = 45;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *makeAction(const QString &icon, const QString &text, const QKeySequence &shortcut,
                        const QString &name);
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void connectSignals();
    void refreshActions();
    void tell(const QString &message);

    HostStandServices m_services;
    std::unique_ptr<RefusalWording> m_wording;
    EditHistory *m_history;
    QTabWidget *m_tabs;
    FloorPlanEditor *m_floor;
    SettingsPage *m_settings;
    QToolBar *m_toolBar;
    QAction *m_addTable = nullptr;
    QAction *m_removeTable = nullptr;
    QAction *m_rotateClockwise = nullptr;
    QAction *m_rotateAnticlockwise = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_snap = nullptr;
    QAction *m_close = nullptr;
};

} // namespace hoststand::ui
