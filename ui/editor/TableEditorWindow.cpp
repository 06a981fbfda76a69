#include "ui/editor/TableEditorWindow.h"

#include "domain/Restaurant.h"
#include "eventstore/EventStore.h"
#include "ui/common/PaletteIconEngine.h"
#include "ui/common/Prompt.h"
#include "ui/common/UiResources.h"
#include "ui/editor/EditHistory.h"
#include "ui/editor/FloorPlanEditor.h"
#include "ui/editor/RefusalWording.h"
#include "ui/editor/SettingsPage.h"
#include "ui/editor/TableEditView.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hoststand::ui {
namespace {

constexpr auto MessageTimeout = 15s;

QString plain(QString text)
{
    return text.remove(u'&').remove(u'…');
}

} // namespace

TableEditorWindow::TableEditorWindow(HostStandServices services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(std::move(services))
    , m_wording(std::make_unique<RefusalWording>(*m_services.restaurant().readModel()))
    , m_history(new EditHistory(m_services.restaurant().tableManager(), *m_wording, this))
    , m_tabs(new QTabWidget(this))
    , m_floor(new FloorPlanEditor(m_services.restaurant(), *m_history, *m_wording, this))
    , m_settings(new SettingsPage(m_services.restaurant(), m_services.prompt, this))
    , m_toolBar(new QToolBar(u"Edit"_s, this))
{
    initUiResources();
    setObjectName(u"tableEditorWindow"_s);
    setWindowTitle(u"Hoststand — Table editor"_s);
    setWindowIcon(QIcon(u":/hoststand.svg"_s));
    setAccessibleName(u"Table editor"_s);
    m_history->setBeforeEach([this] { m_floor->landNudges(); });
    m_tabs->setObjectName(u"editorTabs"_s);
    m_tabs->setAccessibleName(u"Editor views"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_floor, PaletteIconEngine::icon(u"floor-plan"_s), u"&Floor plan"_s);
    m_tabs->addTab(m_settings, PaletteIconEngine::icon(u"settings"_s), u"&Settings"_s);
    setCentralWidget(m_tabs);
    buildActions();
    buildMenus();
    buildToolBar();
    connectSignals();
    statusBar()->setAccessibleName(u"Status"_s);
    auto *store = new QLabel(u"Store: %1"_s.arg(m_services.restaurant().store().location()), this);
    store->setAccessibleName(u"Store"_s);
    store->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(store);
    refreshActions();
    // The plan, not a field of the form, takes the keys first: arrows nudge
    // and Ctrl+Z undoes an edit, not a field's typing.
    m_floor->view()->setFocus(Qt::OtherFocusReason);
}

// The children outlive this destructor (QWidget deletes them later); their
// last signals must not reach a window that is no longer one.
TableEditorWindow::~TableEditorWindow()
{
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
}

QAction *TableEditorWindow::makeAction(const QString &icon, const QString &text,
                                       const QKeySequence &shortcut, const QString &name)
{
    auto *action = new QAction(text, this);
    if (!icon.isEmpty())
        action->setIcon(PaletteIconEngine::icon(icon));
    action->setObjectName(name);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(
        shortcut.isEmpty()
            ? plain(text)
            : u"%1 (%2)"_s.arg(plain(text), shortcut.toString(QKeySequence::NativeText)));
    addAction(action);
    return action;
}

void TableEditorWindow::buildActions()
{
    m_addTable = makeAction(u"add-table"_s, u"&Add table…"_s, QKeySequence(Qt::CTRL | Qt::Key_N),
                            u"addTable"_s);
    m_removeTable
        = makeAction(u"remove-table"_s, u"&Remove table"_s, QKeySequence::Delete, u"removeTable"_s);
    m_rotateClockwise = makeAction(u"rotate"_s, u"Rotate &clockwise"_s, QKeySequence(Qt::Key_R),
                                   u"rotateClockwise"_s);
    m_rotateAnticlockwise
        = makeAction(QString(), u"Rotate &anticlockwise"_s, QKeySequence(Qt::SHIFT | Qt::Key_R),
                     u"rotateAnticlockwise"_s);
    m_undo = makeAction(u"undo"_s, u"&Undo"_s, QKeySequence(Qt::CTRL | Qt::Key_Z), u"undo"_s);
    m_redo = makeAction(u"redo"_s, u"&Redo"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                        u"redo"_s);
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_snap = makeAction(QString(), u"&Snap to grid"_s, {}, u"snapToGrid"_s);
    m_snap->setCheckable(true);
    m_snap->setChecked(true);
    m_snap->setToolTip(u"Dragged and nudged tables land on a 10 cm grid"_s);
    m_close = makeAction(QString(), u"&Close"_s, QKeySequence::Close, u"closeEditor"_s);
}

void TableEditorWindow::buildMenus()
{
    QMenu *table = menuBar()->addMenu(u"&Table"_s);
    table->addAction(m_addTable);
    table->addAction(m_removeTable);
    table->addSeparator();
    table->addAction(m_rotateClockwise);
    table->addAction(m_rotateAnticlockwise);
    table->addSeparator();
    table->addAction(m_close);
    QMenu *edit = menuBar()->addMenu(u"&Edit"_s);
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    QMenu *view = menuBar()->addMenu(u"&View"_s);
    view->addAction(m_snap);
    view->addSeparator();
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        QAction *show = view->addAction(m_tabs->tabIcon(tab), m_tabs->tabText(tab));
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, this, [this, tab] { m_tabs->setCurrentIndex(tab); });
    }
}

void TableEditorWindow::buildToolBar()
{
    m_toolBar->setObjectName(u"editToolBar"_s);
    m_toolBar->setAccessibleName(u"Edit actions"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_addTable);
    m_toolBar->addAction(m_removeTable);
    m_toolBar->addAction(m_rotateClockwise);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_snap);
    for (QAction *action : m_toolBar->actions()) {
        if (QWidget *button = m_toolBar->widgetForAction(action))
            button->setAccessibleName(plain(action->text()));
    }
    addToolBar(Qt::TopToolBarArea, m_toolBar);
}

void TableEditorWindow::connectSignals()
{
    QUndoStack *stack = m_history->stack();
    connect(m_addTable, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_floor);
        m_floor->addTable();
    });
    connect(m_removeTable, &QAction::triggered, m_floor, &FloorPlanEditor::removeSelected);
    connect(m_rotateClockwise, &QAction::triggered, this,
            [this] { m_floor->rotateSelected(RotationStep); });
    connect(m_rotateAnticlockwise, &QAction::triggered, this,
            [this] { m_floor->rotateSelected(-RotationStep); });
    connect(m_undo, &QAction::triggered, m_history, &EditHistory::undo);
    connect(m_redo, &QAction::triggered, m_history, &EditHistory::redo);
    connect(m_snap, &QAction::toggled, this,
            [this](bool snapping) { m_floor->grid().setSnapping(snapping); });
    connect(m_close, &QAction::triggered, this, &QWidget::close);
    connect(stack, &QUndoStack::indexChanged, this, &TableEditorWindow::refreshActions);
    connect(m_floor, &FloorPlanEditor::selectedTableChanged, this,
            &TableEditorWindow::refreshActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TableEditorWindow::refreshActions);
    connect(m_history, &EditHistory::done, this, &TableEditorWindow::tell);
    connect(m_history, &EditHistory::refused, this,
            [this](const QString &title, const QString &message) {
                m_services.prompt.inform(this, title, message);
            });
    connect(m_floor, &FloorPlanEditor::refused, this,
            [this](const QString &title, const QString &message) {
                m_services.prompt.inform(this, title, message);
            });
    connect(m_settings, &SettingsPage::saved, this, &TableEditorWindow::tell);
}

// The table actions act on the floor plan's picked table; undo and redo
// say what they would undo or redo.
void TableEditorWindow::refreshActions()
{
    const bool onPlan = m_tabs->currentWidget() == m_floor;
    const bool picked = onPlan && !m_floor->selectedTableId().isEmpty();
    m_removeTable->setEnabled(picked);
    m_rotateClockwise->setEnabled(picked);
    m_rotateAnticlockwise->setEnabled(picked);
    const QUndoStack *stack = m_history->stack();
    m_undo->setEnabled(stack->canUndo());
    m_redo->setEnabled(stack->canRedo());
    m_undo->setText(stack->canUndo() ? u"&Undo %1"_s.arg(stack->undoText()) : u"&Undo"_s);
    m_redo->setText(stack->canRedo() ? u"&Redo %1"_s.arg(stack->redoText()) : u"&Redo"_s);
    m_undo->setToolTip(u"%1 (Ctrl+Z)"_s.arg(plain(m_undo->text())));
    m_redo->setToolTip(u"%1 (Ctrl+Shift+Z)"_s.arg(plain(m_redo->text())));
    for (QAction *action : {m_undo, m_redo}) {
        if (QWidget *button = m_toolBar->widgetForAction(action))
            button->setAccessibleName(plain(action->text()));
    }
}

void TableEditorWindow::tell(const QString &message)
{
    statusBar()->showMessage(message, int(std::chrono::milliseconds(MessageTimeout).count()));
}

// Nudges still in the making land; unsaved settings are not dropped unasked.
void TableEditorWindow::closeEvent(QCloseEvent *event)
{
    m_floor->landNudges();
    if (m_settings->hasUnsavedChanges()
        && !m_services.prompt.confirm(this, u"Unsaved settings"_s,
                                      u"The settings have changes that are not saved. Close the "
                                      "table editor and drop them?"_s,
                                      u"Drop changes"_s)) {
        m_tabs->setCurrentWidget(m_settings);
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace hoststand::ui
