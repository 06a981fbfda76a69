#include "ui/editor/FloorPlanEditor.h"

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "readmodel/ReadModel.h"
#include "ui/common/NotReadOverlay.h"
#include "ui/common/ReadState.h"
#include "ui/common/TableOrder.h"
#include "ui/editor/AddTableDialog.h"
#include "ui/editor/EditHistory.h"
#include "ui/editor/EditorFloorModel.h"
#include "ui/editor/NudgeBurst.h"
#include "ui/editor/RefusalWording.h"
#include "ui/editor/TableEditView.h"
#include "ui/editor/TablePropertiesPanel.h"
#include "ui/floorplan/FloorPlanModel.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"

#include <QHBoxLayout>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hoststand::ui {
namespace {

// How often the note of the bookings that hold the picked table moves on
// (a booking that is over no longer holds it).
constexpr auto NowInterval = 30s;
constexpr double SpotGap = 40; // centimetres between a new table and its neighbours
const QString DefaultZone = u"Main room"_s;

double normalizedDegrees(double degrees)
{
    const double wrapped = std::fmod(degrees, 360.0);
    return wrapped < 0 ? wrapped + 360.0 : wrapped;
}

// The fields the manager changed in the form, onto the table as it is now.
void applyEdits(TableLayout &current, const TableLayout &shown, const TableLayout &edited)
{
    if (edited.zone != shown.zone)
        current.zone = edited.zone;
    if (edited.shape != shown.shape)
        current.shape = edited.shape;
    if (edited.x != shown.x)
        current.x = edited.x;
    if (edited.y != shown.y)
        current.y = edited.y;
    if (edited.width != shown.width)
        current.width = edited.width;
    if (edited.height != shown.height)
        current.height = edited.height;
    if (edited.rotation != shown.rotation)
        current.rotation = edited.rotation;
}

} // namespace

FloorPlanEditor::FloorPlanEditor(Restaurant &restaurant, EditHistory &history,
                                 const RefusalWording &wording, QWidget *parent)
    : QWidget(parent)
    , m_restaurant(restaurant)
    , m_history(history)
    , m_wording(wording)
    , m_model(new FloorPlanModel(*restaurant.readModel(), this))
    , m_zoneFilter(new EditorFloorModel(this))
    , m_scene(new FloorPlanScene(this))
    , m_view(new TableEditView(m_scene, m_grid, this))
    , m_zoneTabs(new QTabBar(this))
    , m_panel(new TablePropertiesPanel(this))
    , m_nudges(new NudgeBurst(this))
    , m_nowTimer(new QTimer(this))
{
    setObjectName(u"floorPlanEditor"_s);
    setAccessibleName(u"Floor plan"_s);
    // The model lists the tables in service at a moment; what they are
    // doing then is left out (EditorFloorModel).
    m_model->setMoment(m_restaurant.clock().now());
    m_zoneFilter->setSourceModel(m_model);
    m_scene->setModel(m_zoneFilter);
    buildLayout();
    connectSignals();
    refreshZones();
    adoptItems();
    refreshPanel();
    m_nowTimer->start(NowInterval);
}

// The scene deletes its items after this destructor, which changes the
// selection; that must not reach an editor that is no longer one.
FloorPlanEditor::~FloorPlanEditor()
{
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
}

void FloorPlanEditor::buildLayout()
{
    m_zoneTabs->setObjectName(u"zoneTabs"_s);
    m_zoneTabs->setAccessibleName(u"Zones"_s);
    m_zoneTabs->setDocumentMode(true);
    m_zoneTabs->setExpanding(false);
    m_zoneTabs->setDrawBase(false);
    m_panel->setMinimumWidth(fontMetrics().averageCharWidth() * 30);

    auto *planColumn = new QWidget(this);
    auto *planLayout = new QVBoxLayout(planColumn);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->setSpacing(0);
    planLayout->addWidget(m_zoneTabs);
    planLayout->addWidget(m_view, 1);
    new NotReadOverlay(m_model->readState(), m_view->viewport());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"floorPlanSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(planColumn);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void FloorPlanEditor::connectSignals()
{
    ReadModel &readModel = *m_restaurant.readModel();
    connect(m_view, &TableEditView::tableDropped, this, &FloorPlanEditor::onDropped);
    connect(m_view, &TableEditView::tableResized, this, &FloorPlanEditor::onResized);
    connect(m_view, &TableEditView::nudgeRequested, this, &FloorPlanEditor::onNudge);
    connect(m_view, &TableEditView::gestureStarting, this, &FloorPlanEditor::landNudges);
    connect(m_nudges, &NudgeBurst::landed, this, &FloorPlanEditor::onNudgesLanded);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &FloorPlanEditor::onSelectionChanged);
    connect(m_scene, &FloorPlanScene::tableDoubleClicked, this, [this] {
        m_panel->seatsBox()->setFocus(Qt::OtherFocusReason);
        m_panel->seatsBox()->selectAll();
    });
    connect(m_panel, &TablePropertiesPanel::layoutEdited, this, &FloorPlanEditor::onPanelLayout);
    connect(m_panel, &TablePropertiesPanel::seatsEdited, this,
            [this](const QString &tableId, int seats) {
                if (!m_history.changeSeats(tableId, seats))
                    resetPanel();
            });
    connect(m_panel, &TablePropertiesPanel::removeRequested, this,
            [this](const QString &tableId) { m_history.removeTable(tableId); });
    connect(m_zoneTabs, &QTabBar::currentChanged, this, [this] {
        m_zoneFilter->setZone(zone());
        m_view->refit();
    });

    // After the scene has followed the model (it connected first).
    connect(m_zoneFilter, &QAbstractItemModel::rowsInserted, this, [this] {
        adoptItems();
        if (!m_selectWhenShown.isEmpty() && m_scene->tableItem(m_selectWhenShown))
            selectTable(std::exchange(m_selectWhenShown, QString()));
    });
    connect(m_zoneFilter, &QAbstractItemModel::dataChanged, this, &FloorPlanEditor::refreshPanel);
    connect(m_zoneFilter, &QAbstractItemModel::rowsRemoved, this, &FloorPlanEditor::refreshPanel);
    connect(m_zoneFilter, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_selectedBeforeReset = selectedTableId(); });
    connect(m_zoneFilter, &QAbstractItemModel::layoutAboutToBeChanged, this,
            [this] { m_selectedBeforeReset = selectedTableId(); });
    connect(m_zoneFilter, &QAbstractItemModel::modelReset, this, &FloorPlanEditor::reselect);
    connect(m_zoneFilter, &QAbstractItemModel::layoutChanged, this, &FloorPlanEditor::reselect);
    connect(&readModel, &ReadModel::tableChanged, this, &FloorPlanEditor::refreshZones);
    connect(&readModel, &ReadModel::bookingChanged, this, &FloorPlanEditor::refreshPanel);
    connect(m_nowTimer, &QTimer::timeout, this, &FloorPlanEditor::refreshPanel);
    connect(&m_restaurant.clock(), &Clock::jumped, this, &FloorPlanEditor::refreshPanel);
}

// The host stand's items say "pick me" and what holds them; here they are
// picked up and moved, and only their names and seats matter.
void FloorPlanEditor::adoptItems()
{
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->type() != FloorPlanTableItem::Type)
            continue;
        item->setCursor(Qt::OpenHandCursor);
        static_cast<FloorPlanTableItem *>(item)->setCaptionVisible(false);
    }
}

void FloorPlanEditor::reselect()
{
    adoptItems();
    if (!m_selectedBeforeReset.isEmpty() && selectedTableId().isEmpty())
        selectTable(std::exchange(m_selectedBeforeReset, QString()));
    refreshPanel();
}

QString FloorPlanEditor::selectedTableId() const
{
    return m_scene->selectedTableId();
}

void FloorPlanEditor::selectTable(const QString &tableId)
{
    m_scene->selectTable(tableId);
}

QString FloorPlanEditor::zone() const
{
    return m_zoneTabs->tabData(m_zoneTabs->currentIndex()).toString();
}

void FloorPlanEditor::showZone(const QString &zone)
{
    for (int tab = 0; tab < m_zoneTabs->count(); ++tab) {
        if (m_zoneTabs->tabData(tab).toString() == zone) {
            m_zoneTabs->setCurrentIndex(tab);
            return;
        }
    }
    const int tab = m_zoneTabs->addTab(zone);
    m_zoneTabs->setTabData(tab, zone);
    m_zoneTabs->setCurrentIndex(tab);
}

QStringList FloorPlanEditor::zones() const
{
    QStringList zones;
    auto read = m_restaurant.readModel()->tables();
    if (!read.ok()) {
        // The zones known stay as the tabs show them until the tables are read.
        for (int tab = 1; tab < m_zoneTabs->count(); ++tab)
            zones.append(m_zoneTabs->tabData(tab).toString());
        return zones;
    }
    QList<TableRow> tables = std::move(read).value();
    std::sort(tables.begin(), tables.end(), TableOrder::less);
    for (const TableRow &table : std::as_const(tables)) {
        if (!zones.contains(table.layout.zone))
            zones.append(table.layout.zone);
    }
    return zones;
}

// A tab per zone, after one for all; the zone shown stays, even while it
// has no table (the manager may be about to put one there).
void FloorPlanEditor::refreshZones()
{
    QStringList wanted = zones();
    const QString shown = zone();
    if (!shown.isEmpty() && !wanted.contains(shown))
        wanted.append(shown);
    QStringList present;
    for (int tab = 1; tab < m_zoneTabs->count(); ++tab)
        present.append(m_zoneTabs->tabData(tab).toString());
    m_panel->setZones(wanted);
    if (present == wanted && m_zoneTabs->count() > 0)
        return;
    const QSignalBlocker blocker(m_zoneTabs);
    while (m_zoneTabs->count() > 0)
        m_zoneTabs->removeTab(0);
    m_zoneTabs->addTab(u"All zones"_s);
    m_zoneTabs->setTabData(0, QString());
    for (const QString &zone : std::as_const(wanted))
        m_zoneTabs->setTabData(m_zoneTabs->addTab(zone), zone);
    m_zoneTabs->setCurrentIndex(std::max(0, int(wanted.indexOf(shown)) + 1));
    // A hidden tab bar does not tell its layout that it grew.
    m_zoneTabs->updateGeometry();
}

void FloorPlanEditor::onSelectionChanged()
{
    if (m_nudges->isActive() && m_nudges->tableId() != selectedTableId())
        landNudges();
    refreshPanel();
    Q_EMIT selectedTableChanged(selectedTableId());
}

void FloorPlanEditor::refreshPanel()
{
    const QString tableId = selectedTableId();
    if (tableId.isEmpty()) {
        m_panel->showTable(std::nullopt, floorSummary());
        return;
    }
    const auto table = m_restaurant.readModel()->table(tableId);
    if (!table.ok()) {
        m_panel->showTable(std::nullopt, ReadState::notReadText(table.error().message()));
        return;
    }
    m_panel->showTable(table.value(), bookingsNote(tableId));
}

void FloorPlanEditor::resetPanel()
{
    refreshPanel();
    m_panel->resetFields();
}

// "20 tables with 66 seats", and the same for each zone.
QString FloorPlanEditor::floorSummary() const
{
    auto read = m_restaurant.readModel()->tables();
    if (!read.ok())
        return ReadState::notReadText(read.error().message());
    QList<TableRow> tables = std::move(read).value();
    std::sort(tables.begin(), tables.end(), TableOrder::less);
    auto count = [](int tables, int seats) {
        return u"%1 %2 with %3 seats"_s.arg(tables)
            .arg(tables == 1 ? u"table"_s : u"tables"_s)
            .arg(seats);
    };
    QStringList lines;
    int allSeats = 0;
    for (const QString &zone : zones()) {
        int zoneTables = 0;
        int zoneSeats = 0;
        for (const TableRow &table : std::as_const(tables)) {
            if (table.layout.zone == zone) {
                ++zoneTables;
                zoneSeats += table.seats;
            }
        }
        allSeats += zoneSeats;
        lines.append(u"%1: %2"_s.arg(zone, count(zoneTables, zoneSeats)));
    }
    lines.prepend(u"The restaurant: %1."_s.arg(count(int(tables.size()), allSeats)));
    return lines.join(u'\n');
}

// What holds the table, so the manager knows before trying to remove it.
QString FloorPlanEditor::bookingsNote(const QString &tableId) const
{
    const QDateTime now = m_restaurant.clock().now();
    auto read = m_restaurant.readModel()->locks(tableId);
    if (!read.ok())
        return u"Whether a booking holds this table could not be read: %1"_s.arg(
            read.error().message());
    QList<LockRow> held = std::move(read).value();
    held.removeIf([&](const LockRow &lock) { return lock.end <= now; });
    if (held.isEmpty())
        return u"No booking holds this table."_s;
    std::sort(held.begin(), held.end(),
              [](const LockRow &a, const LockRow &b) { return a.start < b.start; });
    const QString next = m_wording.describeBooking(held.constFirst().bookingId);
    if (held.size() == 1)
        return u"Booked for %1. It can be moved, but not removed until that booking is over or "
               "cancelled."_s.arg(next);
    return u"%1 bookings hold this table, the next for %2. It can be moved, but not removed "
           "until they are over or cancelled."_s.arg(held.size())
               .arg(next);
}

// --- Gestures ------------------------------------------------------------

bool FloorPlanEditor::editLayout(const QString &tableId,
                                 const std::function<void(TableLayout &)> &change,
                                 const std::function<void()> &onRefusal)
{
    if (m_history.changeLayout(tableId, change))
        return true;
    if (onRefusal)
        onRefusal();
    resetPanel();
    return false;
}

void FloorPlanEditor::onDropped(const QString &tableId, const QPointF &from, const QPointF &to)
{
    editLayout(
        tableId,
        [to](TableLayout &layout) {
            layout.x = to.x();
            layout.y = to.y();
        },
        [this, tableId, from] {
            if (FloorPlanTableItem *item = m_scene->tableItem(tableId))
                item->setPos(from);
        });
}

void FloorPlanEditor::onResized(const QString &tableId, const TableLayout &from,
                                const TableLayout &to)
{
    editLayout(
        tableId,
        [to](TableLayout &layout) {
            layout.x = to.x;
            layout.y = to.y;
            layout.width = to.width;
            layout.height = to.height;
        },
        [this, tableId, from] {
            if (FloorPlanTableItem *item = m_scene->tableItem(tableId))
                item->setLayout(from);
        });
}

void FloorPlanEditor::onNudge(const QPointF &direction, bool fine)
{
    const QString tableId = selectedTableId();
    FloorPlanTableItem *item = m_scene->tableItem(tableId);
    if (!item)
        return;
    const QPointF to = m_grid.nudge(item->pos(), direction * m_grid.nudgeStep(fine), fine);
    item->setPos(m_nudges->nudge(tableId, item->pos(), to));
}

void FloorPlanEditor::onNudgesLanded(const QString &tableId, const QPointF &start,
                                     const QPointF &position)
{
    onDropped(tableId, start, position);
}

void FloorPlanEditor::landNudges()
{
    m_nudges->land();
}

void FloorPlanEditor::onPanelLayout(const QString &tableId, const TableLayout &shown,
                                    const TableLayout &edited)
{
    const bool newZone = !zone().isEmpty() && edited.zone != shown.zone;
    const bool accepted = editLayout(
        tableId, [&](TableLayout &layout) { applyEdits(layout, shown, edited); }, nullptr);
    // The table leaves the zone shown: follow it to its new zone.
    if (accepted && newZone) {
        m_selectWhenShown = tableId;
        showZone(edited.zone);
    }
}

void FloorPlanEditor::rotateSelected(double degrees)
{
    const QString tableId = selectedTableId();
    if (tableId.isEmpty())
        return;
    editLayout(
        tableId,
        [degrees](TableLayout &layout) {
            layout.rotation = normalizedDegrees(std::round(layout.rotation + degrees));
        },
        nullptr);
}

void FloorPlanEditor::removeSelected()
{
    const QString tableId = selectedTableId();
    if (!tableId.isEmpty())
        m_history.removeTable(tableId);
}

// --- Adding ----------------------------------------------------------------

AddTableDialog *FloorPlanEditor::addTable()
{
    landNudges();
    QStringList used;
    QStringList inService;
    const auto tables = m_restaurant.readModel()->tables(true);
    if (!tables.ok()) {
        // The ids in use are not known: a new one could not be checked.
        Q_EMIT refused(u"Add table"_s,
                       u"The tables could not be read, so no table can be added now: "
                       "%1 Try again in a moment."_s.arg(tables.error().message()));
        return nullptr;
    }
    for (const TableRow &table : tables.value()) {
        used.append(table.id);
        if (table.inService)
            inService.append(table.id);
    }
    QString zone = this->zone();
    if (zone.isEmpty()) {
        const auto picked = m_restaurant.readModel()->table(selectedTableId());
        zone = picked.ok() && picked.value() ? picked.value()->layout.zone
                                             : zones().value(0, DefaultZone);
    }
    auto *dialog = new AddTableDialog(used, inService, zones(), zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addFromDialog(*dialog); });
    dialog->open();
    return dialog;
}

void FloorPlanEditor::addFromDialog(const AddTableDialog &dialog)
{
    TableLayout layout
        = AddTableDialog::layoutFor(dialog.seats(), dialog.shape(), dialog.zone(), 0, 0);
    const QPointF spot = freeSpot(layout);
    layout.x = spot.x();
    layout.y = spot.y();
    if (!m_history.addTable(dialog.tableId(), dialog.seats(), layout))
        return;
    m_selectWhenShown = dialog.tableId();
    if (!zone().isEmpty() && zone() != layout.zone)
        showZone(layout.zone);
}

// Where the view looks, on the grid, moved along until the new table
// stands clear of the others.
QPointF FloorPlanEditor::freeSpot(const TableLayout &layout) const
{
    const QPointF centre = m_grid.snap(m_view->mapToScene(m_view->viewport()->rect().center()));
    const QSizeF size(std::max(layout.width, layout.height) + SpotGap,
                      std::max(layout.width, layout.height) + SpotGap);
    auto clear = [&](const QPointF &spot) {
        const QRectF area(spot - QPointF(size.width() / 2, size.height() / 2), size);
        for (QGraphicsItem *item : m_scene->items(area)) {
            if (item->type() == FloorPlanTableItem::Type)
                return false;
        }
        return true;
    };
    for (int ring = 0; ring < 30; ++ring) {
        for (int step = 0; step <= ring * 8; ++step) {
            const double angle = ring == 0 ? 0 : 2 * std::numbers::pi * step / (ring * 8);
            const QPointF spot = m_grid.snap(
                centre + QPointF(std::cos(angle), std::sin(angle)) * ring * size.width() / 2);
            if (clear(spot))
                return spot;
        }
    }
    return centre;
}

} // namespace hoststand::ui
