#pragma once

#include "ui/hoststand/HostStandServices.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace hoststand::ui {

class HostStandWindow;
class TableEditorWindow;

// The host stand's way into the table editor: an action in its Tools menu
// and toolbar (Ctrl+Shift+T) that opens the editor as a second window on the
// same restaurant, or raises it when it is open already. The editor closes
// with the host stand.
class TableEditorLauncher final : public QObject
{
    Q_OBJECT

public:
    TableEditorLauncher(HostStandWindow &hostStand, HostStandServices services);
    ~TableEditorLauncher() override;

    QAction *action() const { return m_action; }
    // Null while the editor is closed.
    TableEditorWindow *editor() const { return m_editor; }
    TableEditorWindow *open();

private:
    HostStandServices m_services;
    QAction *m_action;
    QPointer<TableEditorWindow> m_editor;
};

} // namespace hoststand::ui
