#include "ui/common/WindowState.h"

#include <QEvent>
#include <QMainWindow>
#include <QSettings>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

const QString Organisation = u"Hoststand"_s;
const QString Application = u"Hoststand"_s;
const QString GeometryKey = u"hostStand/geometry"_s;
const QString ToolbarsKey = u"hostStand/toolbars"_s;
const QString ViewKey = u"hostStand/view"_s;

QSettings settings()
{
    return QSettings(Organisation, Application);
}

} // namespace

WindowState::WindowState(QMainWindow &window, QTabWidget &views)
    : QObject(&window)
    , m_window(window)
    , m_views(views)
{
    restore();
    m_window.installEventFilter(this);
    connect(&m_views, &QTabWidget::currentChanged, this, &WindowState::saveView);
}

void WindowState::restore()
{
    const QSettings stored = settings();
    m_window.restoreGeometry(stored.value(GeometryKey).toByteArray());
    m_window.restoreState(stored.value(ToolbarsKey).toByteArray());
    const QString view = stored.value(ViewKey).toString();
    for (int index = 0; index < m_views.count(); ++index) {
        if (!view.isEmpty() && viewName(index) == view)
            m_views.setCurrentIndex(index);
    }
}

void WindowState::save() const
{
    QSettings stored = settings();
    stored.setValue(GeometryKey, m_window.saveGeometry());
    stored.setValue(ToolbarsKey, m_window.saveState());
    saveView();
}

void WindowState::saveView() const
{
    QSettings stored = settings();
    stored.setValue(ViewKey, viewName(m_views.currentIndex()));
}

// Views are known by their object names, which stay when tabs are added or
// their titles change; a view without one by its place.
QString WindowState::viewName(int index) const
{
    const QWidget *view = m_views.widget(index);
    if (!view)
        return {};
    return view->objectName().isEmpty() ? QString::number(index) : view->objectName();
}

bool WindowState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}

} // namespace hoststand::ui
