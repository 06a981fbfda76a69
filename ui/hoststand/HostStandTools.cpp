#include "ui/hoststand/HostStandTools.h"

#include "domain/Restaurant.h"
#include "ui/common/PaletteIconEngine.h"
#include "ui/daysheet/DaySheetActions.h"
#include "ui/eventlog/EventLogView.h"
#include "ui/floorplan/FloorPlanPage.h"
#include "ui/grid/TimeSlotGridView.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

HostStandTools::HostStandTools(HostStandWindow &window, HostStandServices services)
    : QObject(&window)
    , m_window(window)
    , m_eventLog(new EventLogView(*services.restaurant().readModel()))
    , m_daySheet(new DaySheetActions(window, *services.restaurant().readModel(),
                                     services.restaurant().clock(), services.prompt))
    , m_showEventLog(new QAction(PaletteIconEngine::icon(u"event-log"_s), tr("Event &log"), this))
{
    window.addViewTab(m_eventLog, PaletteIconEngine::icon(u"event-log"_s), tr("Event &log"));
    // The bar of view tabs is a control of its own to a screen reader; the
    // window only names the tab widget around it.
    if (auto *tabBar = window.tabs()->findChild<QTabBar *>();
        tabBar && tabBar->accessibleName().isEmpty())
        tabBar->setAccessibleName(tr("Views"));
    m_showEventLog->setObjectName(u"showEventLog"_s);
    m_showEventLog->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    m_showEventLog->setToolTip(
        tr("Show the event log (%1)")
            .arg(m_showEventLog->shortcut().toString(QKeySequence::NativeText)));
    connect(m_showEventLog, &QAction::triggered, this, [this] { showView(u"log"_s); });
    window.toolsMenu()->addAction(m_showEventLog);
    window.addToolAction(m_daySheet->printAction());
    window.toolsMenu()->addAction(m_daySheet->exportAction());
    connect(m_daySheet, &DaySheetActions::done, &window,
            [&window](const QString &message) { window.statusBar()->showMessage(message, 15000); });
}

QStringList HostStandTools::viewNames()
{
    return {u"grid"_s, u"floor"_s, u"log"_s};
}

bool HostStandTools::showView(const QString &name)
{
    QWidget *view = nullptr;
    if (name == u"grid"_s)
        view = m_window.gridView();
    else if (name == u"floor"_s)
        view = m_window.floorPlanPage();
    else if (name == u"log"_s)
        view = m_eventLog;
    if (!view)
        return false;
    m_window.tabs()->setCurrentWidget(view);
    return true;
}

} // namespace hoststand::ui
