#pragma once

#include "ui/hoststand/HostStandServices.h"

#include <QObject>
#include <QStringList>

class QAction;

namespace hoststand::ui {

class DaySheetActions;
class EventLogView;
class HostStandWindow;

// The host stand's tools beyond its own views, plugged in through the
// window's hooks: the event log as a tab (Ctrl+Alt+L), and the day sheet's
// print and PDF actions in the Tools menu and the toolbar.
class HostStandTools final : public QObject
{
    Q_OBJECT

public:
    HostStandTools(HostStandWindow &window, HostStandServices services);

    EventLogView *eventLog() const { return m_eventLog; }
    DaySheetActions *daySheet() const { return m_daySheet; }
    QAction *showEventLogAction() const { return m_showEventLog; }

    // The views by the names `hoststand --view` takes.
    static QStringList viewNames();
    // Brings a view to the front; false for a name it does not know.
    bool showView(const QString &name);

private:
    HostStandWindow &m_window;
    EventLogView *m_eventLog;
    DaySheetActions *m_daySheet;
    QAction *m_showEventLog;
};

} // namespace hoststand::ui
