#include "ui/editor/TableEditorLauncher.h"

#include "ui/common/PaletteIconEngine.h"
#include "ui/editor/TableEditorWindow.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

TableEditorLauncher::TableEditorLauncher(HostStandWindow &hostStand, HostStandServices services)
    : QObject(&hostStand)
    , m_services(std::move(services))
    , m_action(new QAction(PaletteIconEngine::icon(u"editor"_s), u"Table &editor…"_s, &hostStand))
{
    m_action->setObjectName(u"openTableEditor"_s);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_action->setToolTip(u"Edit the tables, the floor plan and the restaurant's settings "
                         "(Ctrl+Shift+T)"_s);
    hostStand.addToolAction(m_action);
    connect(m_action, &QAction::triggered, this, &TableEditorLauncher::open);
}

TableEditorLauncher::~TableEditorLauncher()
{
    delete m_editor.data();
}

TableEditorWindow *TableEditorLauncher::open()
{
    if (!m_editor) {
        m_editor = new TableEditorWindow(m_services);
        m_editor->setAttribute(Qt::WA_DeleteOnClose);
        m_editor->resize(1280, 800);
    }
    m_editor->show();
    m_editor->raise();
    m_editor->activateWindow();
    return m_editor;
}

} // namespace hoststand::ui
