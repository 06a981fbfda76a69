// The table editor driven as a manager drives it: mouse and keys on the
// real window, offscreen, against a real store file with the sagas
// running. Each edit is checked where it matters: in the store's events.

#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/common/StatusStyle.h"
#include "ui/editor/AddTableDialog.h"
#include "ui/editor/EditHistory.h"
#include "ui/editor/EditorFloorModel.h"
#include "ui/editor/FloorGrid.h"
#include "ui/editor/FloorPlanEditor.h"
#include "ui/editor/NudgeBurst.h"
#include "ui/editor/ProblemLabel.h"
#include "ui/editor/ServicePeriodRow.h"
#include "ui/editor/ServicePeriodsEditor.h"
#include "ui/editor/SettingsPage.h"
#include "ui/editor/TableEditView.h"
#include "ui/editor/TableEditorLauncher.h"
#include "ui/editor/TableEditorWindow.h"
#include "ui/editor/TablePropertiesPanel.h"
#include "ui/editor/TableResize.h"
#include "ui/editor/TurnTimeRow.h"
#include "ui/editor/TurnTimesEditor.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTimeEdit>
#include <QToolBar>
#include <QUndoStack>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::TableEditorWindow;

class tst_TableEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addingATableSuggestsTheNextIdAndWritesOneEvent();
    void draggingATableWritesOneSnappedMove();
    void escapeDuringADragPutsTheTableBack();
    void rotatingATableTurnsItByAStep();
    void aResizeKeepsTheOppositeCornerAndSnapsTheSize();
    void draggingACornerResizesTheTableAsOneEvent();
    void aRoundTableStaysRoundWhenResized();
    void escapeDuringAResizePutsTheTableBack();
    void aResizeWhoseReleaseNeverCameEndsAtTheNextMove();
    void aHandleShowsAResizePointer();
    void changingSeatsInThePanelWritesOneEvent();
    void aFieldBeingTypedInKeepsItsTextWhileOthersChange();
    void deleteRemovesThePickedTable();
    void arrowKeysNudgeAndABurstLandsAsOneMove();
    void undoIssuesTheCompensatingCommandAndRedoTheEditAgain_data();
    void undoIssuesTheCompensatingCommandAndRedoTheEditAgain();
    void anUndoTheDomainRefusesSaysWhyAndKeepsTheStack();
    void removingABookedTableIsRefusedNamingTheBooking();
    void seatsBelowABookedPartyAreRefused();
    void aZoneTabShowsOnlyItsTables();
    void aPeriodEndingBeforeItStartsIsShownAndNotSaved();
    void overlappingPeriodsAreShownAndNotSaved();
    void validSettingsAreSavedAsEventsAndReadBack();
    void aPartySizeTwiceIsShownAndNotSaved();
    void theTimeZoneIsCheckedAsTyped();
    void problemsAreSaidInThePalettesWarningColour();
    void theHostStandOpensTheEditorFromItsToolsMenu();
    void everyControlHasAnAccessibleName();

private:
    ui::FloorPlanEditor *floor() const { return m_window->floorEditor(); }
    ui::TableEditView *view() const { return floor()->view(); }
    QList<RecordedEvent> events(const QString &tableId);
    QStringList typesOf(const QList<RecordedEvent> &events, qsizetype from = 0) const;
    TableLayout layoutOf(const QString &tableId);
    int seatsOf(const QString &tableId);
    bool inService(const QString &tableId);
    void pick(const QString &tableId);
    // Drags the table by the offset in the viewport; returns where its
    // centre must land, snapped to the grid.
    QPointF drag(const QString &tableId, const QPoint &offset);
    // Picks the table and drags its corner by the offset in the viewport,
    // holding the button; returns where the drag ends.
    QPoint holdCorner(const QString &tableId, ui::TableResize::Corner corner, const QPoint &offset);
    // The same, and lets go.
    void dragCorner(const QString &tableId, ui::TableResize::Corner corner, const QPoint &offset);
    TableLayout shownLayout(const QString &tableId) const;
    void setSeats(int seats);
    ui::AddTableDialog *addTableDialog() const;
    void perform(const QString &edit);
    ui::SettingsPage *showSettings(int weekday);
    void typeTime(QTimeEdit *edit, const QTime &time);
    qint64 settingsRevision();

    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<TableEditorWindow> m_window;
};

void tst_TableEditor::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s, 100, 80);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s, 300, 80);
    m_restaurant->addTable(u"T3"_s, 6, u"Main room"_s, 500, 80);
    m_restaurant->addTable(u"P1"_s, 4, u"Patio"_s, 100, 400);
    m_window = std::make_unique<TableEditorWindow>(m_restaurant->services());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(view()->floorScene()->tableItem(u"P1"_s));
    // Whatever a test does to the plan, the editor's model stays a sound model.
    new QAbstractItemModelTester(
        floor()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());
}

void tst_TableEditor::cleanup()
{
    m_window.reset();
    m_restaurant.reset();
}

QList<RecordedEvent> tst_TableEditor::events(const QString &tableId)
{
    auto read
        = m_restaurant->store().readStream(u"table-"_s + tableId, ReadDirection::Forwards, 0, 1000);
    return read.ok() ? read.value() : QList<RecordedEvent>();
}

QStringList tst_TableEditor::typesOf(const QList<RecordedEvent> &events, qsizetype from) const
{
    QStringList types;
    for (qsizetype index = from; index < events.size(); ++index)
        types.append(events.at(index).type);
    return types;
}

TableLayout tst_TableEditor::layoutOf(const QString &tableId)
{
    return m_restaurant->tableManager().table(TableId::create(tableId).value()).value().layout();
}

int tst_TableEditor::seatsOf(const QString &tableId)
{
    const Table table
        = m_restaurant->tableManager().table(TableId::create(tableId).value()).value();
    return table.seats() ? table.seats()->value() : 0;
}

bool tst_TableEditor::inService(const QString &tableId)
{
    return m_restaurant->tableManager()
        .table(TableId::create(tableId).value())
        .value()
        .isInService();
}

void tst_TableEditor::pick(const QString &tableId)
{
    const QPoint centre = view()->tableCentre(tableId);
    QVERIFY(!centre.isNull());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(floor()->selectedTableId(), tableId);
}

QPointF tst_TableEditor::drag(const QString &tableId, const QPoint &offset)
{
    const QPoint from = view()->tableCentre(tableId);
    const QPointF start = view()->floorScene()->tableItem(tableId)->pos();
    QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, from);
    for (int step = 1; step <= 6; ++step)
        QTest::mouseMove(view()->viewport(), from + offset * step / 6);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, from + offset);
    const QPointF moved = start + view()->mapToScene(from + offset) - view()->mapToScene(from);
    return {std::round(moved.x() / ui::FloorGrid::SnapStep) * ui::FloorGrid::SnapStep,
            std::round(moved.y() / ui::FloorGrid::SnapStep) * ui::FloorGrid::SnapStep};
}

QPoint tst_TableEditor::holdCorner(const QString &tableId, ui::TableResize::Corner corner,
                                   const QPoint &offset)
{
    pick(tableId);
    const std::optional<QPoint> from = view()->handleCentre(corner);
    if (!from)
        return {};
    const TableLayout before = shownLayout(tableId);
    QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, *from);
    for (int step = 1; step <= 6; ++step)
        QTest::mouseMove(view()->viewport(), *from + offset * step / 6);
    if (!view()->isResizing() || shownLayout(tableId) == before)
        return {};
    return *from + offset;
}

void tst_TableEditor::dragCorner(const QString &tableId, ui::TableResize::Corner corner,
                                 const QPoint &offset)
{
    const QPoint to = holdCorner(tableId, corner, offset);
    QVERIFY2(!to.isNull(), "the corner's handle did not take the drag");
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, to);
    QVERIFY(!view()->isResizing());
}

TableLayout tst_TableEditor::shownLayout(const QString &tableId) const
{
    return view()->floorScene()->tableItem(tableId)->layout();
}

void tst_TableEditor::setSeats(int seats)
{
    QSpinBox *box = floor()->panel()->seatsBox();
    QVERIFY(box->isEnabled());
    QTest::mouseClick(box, Qt::LeftButton);
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, QString::number(seats));
    QTest::keyClick(box, Qt::Key_Return);
}

ui::AddTableDialog *tst_TableEditor::addTableDialog() const
{
    const auto dialogs = m_window->findChildren<ui::AddTableDialog *>();
    for (ui::AddTableDialog *dialog : dialogs) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

// One edit of each kind, as the manager makes it.
void tst_TableEditor::perform(const QString &edit)
{
    if (edit == u"add"_s) {
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(addTableDialog());
        QTest::mouseClick(addTableDialog()->buttons()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        // The offscreen platform gives the focus back to no window after a dialog.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    } else if (edit == u"move"_s) {
        drag(u"T2"_s, QPoint(90, 60));
    } else if (edit == u"rotate"_s) {
        pick(u"T3"_s);
        QTest::keyClick(view(), Qt::Key_R);
    } else if (edit == u"resize"_s) {
        dragCorner(u"T2"_s, ui::TableResize::Corner::BottomRight, QPoint(60, 45));
    } else if (edit == u"seats"_s) {
        pick(u"T2"_s);
        setSeats(6);
    } else if (edit == u"remove"_s) {
        pick(u"T3"_s);
        QTest::keyClick(view(), Qt::Key_Delete);
    }
}

// --- The floor plan ------------------------------------------------------

void tst_TableEditor::addingATableSuggestsTheNextIdAndWritesOneEvent()
{
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(addTableDialog());
    ui::AddTableDialog *dialog = addTableDialog();
    QCOMPARE(dialog->idEdit()->text(), u"T4"_s);
    QCOMPARE(dialog->zoneBox()->currentText(), u"Main room"_s);

    // A name in use is refused before anything is sent.
    QTest::keyClick(dialog->idEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(dialog->idEdit(), u"T2"_s);
    QVERIFY(dialog->problemLabel()->isVisible());
    QVERIFY(dialog->problemLabel()->text().contains(u"already"_s));
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());

    QTest::keyClick(dialog->idEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(dialog->idEdit(), u"T4"_s);
    QTest::keyClick(dialog->seatsBox(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(dialog->seatsBox(), u"8"_s);
    QCOMPARE(dialog->shapeBox()->currentData().toInt(), int(TableShape::Rectangle));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    const QList<RecordedEvent> added = events(u"T4"_s);
    QCOMPARE(typesOf(added), QStringList {u"table-added"_s});
    const QJsonObject data = added.constFirst().dataObject();
    QCOMPARE(data.value(u"seats"_s).toInt(), 8);
    const QJsonObject layout = data.value(u"layout"_s).toObject();
    QCOMPARE(layout.value(u"zone"_s).toString(), u"Main room"_s);
    QCOMPARE(layout.value(u"shape"_s).toString(), u"rectangle"_s);
    QCOMPARE(std::fmod(layout.value(u"x"_s).toDouble(), ui::FloorGrid::SnapStep), 0.0);
    // It appears on the plan, picked, and clear of the other tables.
    QTRY_VERIFY(view()->floorScene()->tableItem(u"T4"_s));
    QTRY_COMPARE(floor()->selectedTableId(), u"T4"_s);
    const ui::FloorPlanTableItem *item = view()->floorScene()->tableItem(u"T4"_s);
    for (const QString &other : {u"T1"_s, u"T2"_s, u"T3"_s}) {
        const QGraphicsItem *neighbour = view()->floorScene()->tableItem(other);
        QVERIFY2(!item->collidesWithItem(neighbour), qPrintable(other));
    }
    QCOMPARE(m_window->undoAction()->text(), u"&Undo Add table T4"_s);
}

void tst_TableEditor::draggingATableWritesOneSnappedMove()
{
    const qsizetype before = events(u"T2"_s).size();
    const TableLayout original = layoutOf(u"T2"_s);
    const QPointF expected = drag(u"T2"_s, QPoint(73, 41));

    const QList<RecordedEvent> after = events(u"T2"_s);
    QCOMPARE(typesOf(after, before), QStringList {u"table-moved"_s});
    const TableLayout moved = layoutOf(u"T2"_s);
    QCOMPARE(QPointF(moved.x, moved.y), expected);
    QCOMPARE(std::fmod(moved.x, ui::FloorGrid::SnapStep), 0.0);
    QCOMPARE(std::fmod(moved.y, ui::FloorGrid::SnapStep), 0.0);
    QVERIFY(moved.x > original.x && moved.y > original.y);
    // Only the position changed; the rest of the layout is carried along.
    QCOMPARE(moved.zone, original.zone);
    QCOMPARE(moved.width, original.width);
    QCOMPARE(moved.rotation, original.rotation);
    QTRY_COMPARE(m_restaurant->readModel().table(u"T2"_s).value()->layout, moved);
    // The read model's change signal comes from the engine thread's projection.
    QTRY_COMPARE(view()->floorScene()->tableItem(u"T2"_s)->pos(), expected);
    QTRY_COMPARE(floor()->panel()->xBox()->value(), int(expected.x()));
}

void tst_TableEditor::escapeDuringADragPutsTheTableBack()
{
    const qsizetype before = events(u"T1"_s).size();
    const QPoint from = view()->tableCentre(u"T1"_s);
    const QPointF start = view()->floorScene()->tableItem(u"T1"_s)->pos();
    QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(view()->viewport(), from + QPoint(40, 0));
    QTest::mouseMove(view()->viewport(), from + QPoint(80, 30));
    QVERIFY(view()->floorScene()->tableItem(u"T1"_s)->pos() != start);
    QTest::keyClick(view(), Qt::Key_Escape);
    QCOMPARE(view()->floorScene()->tableItem(u"T1"_s)->pos(), start);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, from + QPoint(80, 30));
    QCOMPARE(events(u"T1"_s).size(), before);
}

void tst_TableEditor::rotatingATableTurnsItByAStep()
{
    pick(u"T3"_s);
    const qsizetype before = events(u"T3"_s).size();
    QTest::keyClick(view(), Qt::Key_R);
    QCOMPARE(typesOf(events(u"T3"_s), before), QStringList {u"table-moved"_s});
    QCOMPARE(layoutOf(u"T3"_s).rotation, TableEditorWindow::RotationStep);
    QTRY_COMPARE(floor()->panel()->rotationBox()->value(), int(TableEditorWindow::RotationStep));

    QTest::keyClick(view(), Qt::Key_R, Qt::ShiftModifier);
    QTest::keyClick(view(), Qt::Key_R, Qt::ShiftModifier);
    QCOMPARE(typesOf(events(u"T3"_s), before).size(), 3);
    QCOMPARE(layoutOf(u"T3"_s).rotation, 360 - TableEditorWindow::RotationStep);
    QCOMPARE(layoutOf(u"T3"_s).x, 500.0);
}

void tst_TableEditor::aResizeKeepsTheOppositeCornerAndSnapsTheSize()
{
    using Corner = ui::TableResize::Corner;
    ui::FloorGrid grid;
    const TableLayout start {u"Main room"_s, TableShape::Rectangle, 300, 200, 90, 120, 0};
    const auto startCorners = ui::TableResize::corners(start);
    QCOMPARE(startCorners.at(std::size_t(Corner::TopLeft)), QPointF(255, 140));
    QCOMPARE(startCorners.at(std::size_t(Corner::BottomRight)), QPointF(345, 260));

    // Dragged out and down: whole grid steps, the top left corner stays.
    const TableLayout grown
        = ui::TableResize(start, Corner::BottomRight, grid).to(QPointF(371, 283));
    QCOMPARE(grown.width, 120.0);
    QCOMPARE(grown.height, 140.0);
    QCOMPARE(QPointF(grown.x, grown.y), QPointF(315, 210));
    QCOMPARE(grown.zone, start.zone);
    QCOMPARE(grown.rotation, start.rotation);

    // Dragged past the opposite corner: the smallest table a layout allows.
    const TableLayout crushed
        = ui::TableResize(start, Corner::BottomRight, grid).to(QPointF(100, 100));
    QCOMPARE(crushed.width, TableLayout::MinSize);
    QCOMPARE(crushed.height, TableLayout::MinSize);
    QVERIFY(!crushed.validate());

    // Turned a quarter: the size follows the table's own axes, and the
    // corner opposite the dragged one stays where it stood.
    TableLayout turned = start;
    turned.rotation = 90;
    const auto turnedCorners = ui::TableResize::corners(turned);
    const QPointF dragged = turnedCorners.at(std::size_t(Corner::TopRight)) + QPointF(20, 30);
    const TableLayout resized = ui::TableResize(turned, Corner::TopRight, grid).to(dragged);
    QCOMPARE(resized.width, 120.0);
    QCOMPARE(resized.height, 140.0);
    const QPointF anchor = ui::TableResize::corners(resized).at(std::size_t(Corner::BottomLeft));
    const QPointF was = turnedCorners.at(std::size_t(Corner::BottomLeft));
    QVERIFY2(
        QLineF(anchor, was).length() < 1e-9,
        qPrintable(u"%1,%2 was %3,%4"_s.arg(anchor.x()).arg(anchor.y()).arg(was.x()).arg(was.y())));

    // The pointer's arrow follows the turned table.
    const QPointF outwards = ui::TableResize::outwards(turned, Corner::BottomRight);
    QVERIFY(QLineF(outwards, QPointF(-1, 1)).length() < 1e-9);

    // Without snapping, whole centimetres.
    grid.setSnapping(false);
    const TableLayout free
        = ui::TableResize(start, Corner::BottomRight, grid).to(QPointF(371, 283));
    QCOMPARE(free.width, 116.0);
    QCOMPARE(free.height, 143.0);
}

void tst_TableEditor::draggingACornerResizesTheTableAsOneEvent()
{
    using Corner = ui::TableResize::Corner;
    const qsizetype before = events(u"T3"_s).size();
    const TableLayout original = layoutOf(u"T3"_s);
    dragCorner(u"T3"_s, Corner::BottomRight, QPoint(45, 30));

    QCOMPARE(typesOf(events(u"T3"_s), before), QStringList {u"table-moved"_s});
    const TableLayout resized = layoutOf(u"T3"_s);
    QVERIFY(resized.width > original.width);
    QVERIFY(resized.height > original.height);
    QCOMPARE(std::fmod(resized.width, ui::FloorGrid::SnapStep), 0.0);
    QCOMPARE(std::fmod(resized.height, ui::FloorGrid::SnapStep), 0.0);
    QCOMPARE(ui::TableResize::corners(resized).at(std::size_t(Corner::TopLeft)),
             ui::TableResize::corners(original).at(std::size_t(Corner::TopLeft)));
    QVERIFY(resized.shape == original.shape);
    QCOMPARE(resized.zone, original.zone);
    QTRY_COMPARE(m_restaurant->readModel().table(u"T3"_s).value()->layout, resized);
    QTRY_COMPARE(floor()->panel()->widthBox()->value(), int(resized.width));
    QCOMPARE(m_window->undoAction()->text(), u"&Undo Resize T3"_s);
    QVERIFY(m_restaurant->prompt().messages.isEmpty());
}

void tst_TableEditor::aRoundTableStaysRoundWhenResized()
{
    const TableLayout original = layoutOf(u"T1"_s);
    QVERIFY(original.shape == TableShape::Round);
    dragCorner(u"T1"_s, ui::TableResize::Corner::BottomRight, QPoint(40, 0));
    const TableLayout resized = layoutOf(u"T1"_s);
    QVERIFY(resized.width > original.width);
    QCOMPARE(resized.height, resized.width);
}

void tst_TableEditor::escapeDuringAResizePutsTheTableBack()
{
    const qsizetype before = events(u"T2"_s).size();
    const TableLayout original = shownLayout(u"T2"_s);
    const QPoint to = holdCorner(u"T2"_s, ui::TableResize::Corner::TopLeft, QPoint(-60, -40));
    QVERIFY(!to.isNull());
    QVERIFY(shownLayout(u"T2"_s) != original);
    QTest::keyClick(view(), Qt::Key_Escape);
    QCOMPARE(shownLayout(u"T2"_s), original);
    QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(events(u"T2"_s).size(), before);
}

void tst_TableEditor::aResizeWhoseReleaseNeverCameEndsAtTheNextMove()
{
    const qsizetype before = events(u"T2"_s).size();
    const TableLayout original = shownLayout(u"T2"_s);
    const QPoint to = holdCorner(u"T2"_s, ui::TableResize::Corner::BottomRight, QPoint(40, 40));
    QVERIFY(!to.isNull());
    QVERIFY(shownLayout(u"T2"_s) != original);
    // The button came up where the view did not hear it.
    const QPoint elsewhere = to + QPoint(20, 20);
    QMouseEvent move(QEvent::MouseMove, elsewhere, view()->viewport()->mapToGlobal(elsewhere),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view()->viewport(), &move);
    QVERIFY(!view()->isResizing());
    QCOMPARE(shownLayout(u"T2"_s), original);
    QCOMPARE(events(u"T2"_s).size(), before);
}

void tst_TableEditor::aHandleShowsAResizePointer()
{
    pick(u"T2"_s);
    const QPoint corner = *view()->handleCentre(ui::TableResize::Corner::BottomRight);
    QTest::mouseMove(view()->viewport(), corner);
    QCOMPARE(view()->viewport()->cursor().shape(), Qt::SizeFDiagCursor);
    QTest::mouseMove(view()->viewport(), *view()->handleCentre(ui::TableResize::Corner::TopRight));
    QCOMPARE(view()->viewport()->cursor().shape(), Qt::SizeBDiagCursor);
    // Off the handles, no resize arrow is left behind.
    QTest::mouseMove(view()->viewport(), view()->tableCentre(u"T2"_s));
    QVERIFY(view()->viewport()->cursor().shape() != Qt::SizeBDiagCursor);
    QTest::mouseMove(view()->viewport(), QPoint(5, 5));
    QCOMPARE(view()->viewport()->cursor().shape(), Qt::ArrowCursor);
}

void tst_TableEditor::changingSeatsInThePanelWritesOneEvent()
{
    pick(u"T2"_s);
    const qsizetype before = events(u"T2"_s).size();
    setSeats(6);
    QCOMPARE(typesOf(events(u"T2"_s), before), QStringList {u"table-seats-changed"_s});
    QCOMPARE(seatsOf(u"T2"_s), 6);
    QTRY_COMPARE(m_restaurant->readModel().table(u"T2"_s).value()->seats, 6);
    // Leaving the field unchanged is no edit.
    QTest::keyClick(floor()->panel()->seatsBox(), Qt::Key_Return);
    QCOMPARE(events(u"T2"_s).size(), before + 1);
}

void tst_TableEditor::aFieldBeingTypedInKeepsItsTextWhileOthersChange()
{
    pick(u"T2"_s);
    QSpinBox *seats = floor()->panel()->seatsBox();
    QTest::mouseClick(seats, Qt::LeftButton);
    QTest::keyClick(seats, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(seats, u"8"_s);
    // Another terminal moves a table and books one meanwhile.
    auto moved = m_restaurant->tableManager().moveTable(
        TableId::create(u"T1"_s).value(), TableLayout::forSeats(2, u"Main room"_s, 160, 80));
    QVERIFY(moved.ok());
    QVERIFY(!m_restaurant->book(u"T2"_s, QTime(19, 0), 2, u"Lund"_s).isEmpty());
    QTRY_COMPARE(view()->floorScene()->tableItem(u"T1"_s)->pos(), QPointF(160, 80));
    QCOMPARE(seats->text(), u"8"_s);
    QTest::keyClick(seats, Qt::Key_Return);
    QCOMPARE(seatsOf(u"T2"_s), 8);
}

void tst_TableEditor::deleteRemovesThePickedTable()
{
    pick(u"T1"_s);
    const qsizetype before = events(u"T1"_s).size();
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(typesOf(events(u"T1"_s), before), QStringList {u"table-removed"_s});
    QVERIFY(!inService(u"T1"_s));
    QTRY_VERIFY(!view()->floorScene()->tableItem(u"T1"_s));
    QVERIFY(m_restaurant->prompt().messages.isEmpty());
}

// One event per burst, not per key press: the keys here come faster than
// the pause, so four presses are one table-moved.
void tst_TableEditor::arrowKeysNudgeAndABurstLandsAsOneMove()
{
    pick(u"T1"_s);
    const qsizetype before = events(u"T1"_s).size();
    // The presses come well within the pause, with the event loop running between them.
    for (Qt::Key key : {Qt::Key_Right, Qt::Key_Right, Qt::Key_Right, Qt::Key_Down}) {
        QTest::keyClick(view(), key);
        QTest::qWait(int(ui::NudgeBurst::Pause.count() / 6));
    }
    // The table follows each press at once; the store hears of it later.
    QCOMPARE(view()->floorScene()->tableItem(u"T1"_s)->pos(), QPointF(130, 90));
    QCOMPARE(events(u"T1"_s).size(), before);
    QTRY_COMPARE(typesOf(events(u"T1"_s), before), QStringList {u"table-moved"_s});
    QCOMPARE(QPointF(layoutOf(u"T1"_s).x, layoutOf(u"T1"_s).y), QPointF(130, 90));

    // Shift nudges by a centimetre; Ctrl+Z right after lands the burst and undoes it.
    QTest::keyClick(view(), Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(typesOf(events(u"T1"_s), before),
             (QStringList {u"table-moved"_s, u"table-moved"_s, u"table-moved"_s}));
    QCOMPARE(QPointF(layoutOf(u"T1"_s).x, layoutOf(u"T1"_s).y), QPointF(130, 90));
}

void tst_TableEditor::undoIssuesTheCompensatingCommandAndRedoTheEditAgain_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("types");

    QTest::newRow("an added table is removed and added again")
        << u"add"_s << u"T4"_s
        << QStringList {u"table-added"_s, u"table-removed"_s, u"table-added"_s};
    QTest::newRow("a moved table moves back and on again")
        << u"move"_s << u"T2"_s
        << QStringList {u"table-moved"_s, u"table-moved"_s, u"table-moved"_s};
    QTest::newRow("a rotated table turns back and on again")
        << u"rotate"_s << u"T3"_s
        << QStringList {u"table-moved"_s, u"table-moved"_s, u"table-moved"_s};
    QTest::newRow("a resized table takes its size back and resizes again")
        << u"resize"_s << u"T2"_s
        << QStringList {u"table-moved"_s, u"table-moved"_s, u"table-moved"_s};
    QTest::newRow("changed seats go back and change again")
        << u"seats"_s << u"T2"_s
        << QStringList {u"table-seats-changed"_s, u"table-seats-changed"_s,
                        u"table-seats-changed"_s};
    QTest::newRow("a removed table comes back with its layout and is removed again")
        << u"remove"_s << u"T3"_s
        << QStringList {u"table-removed"_s, u"table-added"_s, u"table-removed"_s};
}

void tst_TableEditor::undoIssuesTheCompensatingCommandAndRedoTheEditAgain()
{
    QFETCH(QString, edit);
    QFETCH(QString, table);
    QFETCH(QStringList, types);

    const QList<RecordedEvent> history = events(table);
    const bool existed = inService(table);
    const TableLayout layoutBefore = existed ? layoutOf(table) : TableLayout();
    const int seatsBefore = seatsOf(table);

    perform(edit);
    QCOMPARE(typesOf(events(table), history.size()), types.mid(0, 1));
    const bool existsAfter = inService(table);
    const TableLayout layoutAfter = layoutOf(table);
    const int seatsAfter = seatsOf(table);
    QVERIFY(existsAfter != existed || layoutAfter != layoutBefore || seatsAfter != seatsBefore);
    QVERIFY(m_window->undoAction()->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(typesOf(events(table), history.size()), types.mid(0, 2));
    QCOMPARE(inService(table), existed);
    if (existed) {
        QCOMPARE(layoutOf(table), layoutBefore);
        QCOMPARE(seatsOf(table), seatsBefore);
    }
    QVERIFY(!m_window->undoAction()->isEnabled());
    QVERIFY(m_window->redoAction()->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    const QList<RecordedEvent> after = events(table);
    QCOMPARE(typesOf(after, history.size()), types);
    QCOMPARE(inService(table), existsAfter);
    QCOMPARE(layoutOf(table), layoutAfter);
    QCOMPARE(seatsOf(table), seatsAfter);

    // Nothing was rewritten: the stream only grew.
    for (qsizetype index = 0; index < history.size(); ++index) {
        QCOMPARE(after.at(index).id, history.at(index).id);
        QCOMPARE(after.at(index).data, history.at(index).data);
    }
    for (qsizetype index = 0; index < after.size(); ++index)
        QCOMPARE(after.at(index).revision, index);
    QVERIFY(m_restaurant->prompt().messages.isEmpty());
}

void tst_TableEditor::anUndoTheDomainRefusesSaysWhyAndKeepsTheStack()
{
    perform(u"add"_s);
    QVERIFY(inService(u"T4"_s));
    const QString booking = m_restaurant->book(u"T4"_s, QTime(19, 0), 4, u"Okafor"_s);
    QVERIFY(!booking.isEmpty());
    QVERIFY(m_restaurant->statusOf(booking) == BookingStatus::Confirmed);
    const qsizetype before = events(u"T4"_s).size();

    pick(u"T4"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_restaurant->prompt().messages.size(), 1);
    const QString message = m_restaurant->prompt().messages.constFirst();
    QVERIFY2(message.contains(u"Okafor (party of 4, Fri 17 May, 19:00–20:45)"_s),
             qPrintable(message));
    QVERIFY2(message.contains(u"Cancel that booking"_s), qPrintable(message));
    QVERIFY(!message.contains(booking));
    QVERIFY(inService(u"T4"_s));
    QCOMPARE(events(u"T4"_s).size(), before);
    QCOMPARE(m_window->history()->stack()->index(), 1);
    QCOMPARE(m_window->undoAction()->text(), u"&Undo Add table T4"_s);
    QVERIFY(!m_window->redoAction()->isEnabled());

    // Once the booking is cancelled, the same undo goes through.
    QVERIFY(m_restaurant->restaurant().cancel(BookingId::create(booking).value()).value());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!inService(u"T4"_s));
    QCOMPARE(typesOf(events(u"T4"_s)).constLast(), u"table-removed"_s);
    QCOMPARE(m_window->history()->stack()->index(), 0);
}

void tst_TableEditor::removingABookedTableIsRefusedNamingTheBooking()
{
    const QString booking = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Meier"_s);
    QVERIFY(m_restaurant->statusOf(booking) == BookingStatus::Confirmed);
    pick(u"T2"_s);
    QTRY_VERIFY(
        floor()->panel()->findChild<QLabel *>(u"tableBookings"_s)->text().contains(u"Meier"_s));
    const qsizetype before = events(u"T2"_s).size();

    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(m_restaurant->prompt().messages.size(), 1);
    const QString message = m_restaurant->prompt().messages.constFirst();
    QCOMPARE(message,
             u"Table T2 cannot be removed: it is booked for Meier (party of 4, Fri 17 May, "
             "19:00–20:45). Cancel that booking or move it to another table first."_s);
    QCOMPARE(events(u"T2"_s).size(), before);
    QVERIFY(inService(u"T2"_s));
    QVERIFY(view()->floorScene()->tableItem(u"T2"_s));
    QCOMPARE(floor()->selectedTableId(), u"T2"_s);
    QCOMPARE(m_window->history()->stack()->count(), 0);
}

void tst_TableEditor::seatsBelowABookedPartyAreRefused()
{
    const QString booking = m_restaurant->book(u"T3"_s, QTime(20, 0), 6, u"Schulz"_s);
    QVERIFY(m_restaurant->statusOf(booking) == BookingStatus::Confirmed);
    pick(u"T3"_s);
    const qsizetype before = events(u"T3"_s).size();

    setSeats(4);
    QCOMPARE(m_restaurant->prompt().messages.size(), 1);
    const QString message = m_restaurant->prompt().messages.constFirst();
    QVERIFY2(message.startsWith(u"Table T3 cannot go down to 4 seats: it is booked for Schulz "
                                "(party of 6, Fri 17 May, 20:00–"_s),
             qPrintable(message));
    QVERIFY2(message.contains(u"larger table"_s), qPrintable(message));
    QCOMPARE(events(u"T3"_s).size(), before);
    QCOMPARE(seatsOf(u"T3"_s), 6);
    QCOMPARE(floor()->panel()->seatsBox()->value(), 6);

    // Raising the seats is fine while it is booked.
    setSeats(8);
    QCOMPARE(seatsOf(u"T3"_s), 8);
}

void tst_TableEditor::aZoneTabShowsOnlyItsTables()
{
    QTabBar *tabs = floor()->zoneTabs();
    QVERIFY(tabs->height() >= tabs->sizeHint().height());
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), u"All zones"_s);
    QCOMPARE(tabs->tabText(1), u"Main room"_s);
    QCOMPARE(tabs->tabText(2), u"Patio"_s);
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(2).center());
    QCOMPARE(floor()->zone(), u"Patio"_s);
    QVERIFY(view()->floorScene()->tableItem(u"P1"_s));
    QVERIFY(!view()->floorScene()->tableItem(u"T1"_s));

    // A new table lands in the zone shown.
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(addTableDialog());
    QCOMPARE(addTableDialog()->zoneBox()->currentText(), u"Patio"_s);
    QTest::keyClick(addTableDialog(), Qt::Key_Escape);

    // Moving a table to another zone through its properties follows it there.
    pick(u"P1"_s);
    QComboBox *zone = floor()->panel()->zoneBox();
    zone->lineEdit()->selectAll();
    QTest::keyClicks(zone->lineEdit(), u"Terrace"_s);
    QTest::keyClick(zone->lineEdit(), Qt::Key_Return);
    QCOMPARE(layoutOf(u"P1"_s).zone, u"Terrace"_s);
    QCOMPARE(floor()->zone(), u"Terrace"_s);
    QTRY_VERIFY(view()->floorScene()->tableItem(u"P1"_s));
    QTRY_COMPARE(floor()->selectedTableId(), u"P1"_s);
}

// --- Settings ----------------------------------------------------------------

ui::SettingsPage *tst_TableEditor::showSettings(int weekday)
{
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    ui::SettingsPage *page = m_window->settingsPage();
    if (!page->isVisible())
        return nullptr;
    QListWidget *days = page->periodsEditor()->weekdayList();
    const QRect day = days->visualItemRect(days->item(weekday - 1));
    QTest::mouseClick(days->viewport(), Qt::LeftButton, {}, day.center());
    return page->periodsEditor()->weekday() == weekday ? page : nullptr;
}

// Types the time as a manager does: into the hour and then the minute.
void tst_TableEditor::typeTime(QTimeEdit *edit, const QTime &time)
{
    edit->setFocus(Qt::TabFocusReason);
    edit->setSelectedSection(QDateTimeEdit::HourSection);
    QTest::keyClicks(edit, time.toString(u"HH"_s));
    edit->setSelectedSection(QDateTimeEdit::MinuteSection);
    QTest::keyClicks(edit, time.toString(u"mm"_s));
    QCOMPARE(edit->time(), time);
}

qint64 tst_TableEditor::settingsRevision()
{
    auto revision = m_restaurant->store().streamRevision(SettingsStream);
    return revision.ok() ? revision.value() : -2;
}

void tst_TableEditor::aPeriodEndingBeforeItStartsIsShownAndNotSaved()
{
    ui::SettingsPage *page = showSettings(Qt::Friday);
    QVERIFY(page);
    const qint64 revision = settingsRevision();
    ui::ServicePeriodRow *dinner = page->periodsEditor()->rows().value(1);
    QVERIFY(dinner);
    QCOMPARE(dinner->period().name, u"dinner"_s);

    typeTime(dinner->endEdit(), QTime(18, 0));
    QVERIFY2(dinner->problem().contains(u"Ends at 18:00, before it starts at 18:30"_s),
             qPrintable(dinner->problem()));
    QTRY_VERIFY(dinner->findChild<QLabel *>(u"periodProblem"_s)->isVisible());
    QVERIFY(page->periodsEditor()->weekdayList()->item(4)->text().contains(u"to fix"_s));
    QVERIFY(!page->saveButton()->isEnabled());
    QCOMPARE(page->statusLabel()->text(), u"One thing to fix before saving."_s);
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QCOMPARE(settingsRevision(), revision);

    // Fixed, the problem goes and saving is possible again.
    typeTime(dinner->endEdit(), QTime(22, 0));
    QVERIFY(dinner->problem().isEmpty());
    QVERIFY(page->saveButton()->isEnabled());
}

void tst_TableEditor::overlappingPeriodsAreShownAndNotSaved()
{
    ui::SettingsPage *page = showSettings(Qt::Friday);
    QVERIFY(page);
    const qint64 revision = settingsRevision();
    QTest::mouseClick(page->periodsEditor()->addButton(), Qt::LeftButton);
    ui::ServicePeriodRow *late = page->periodsEditor()->rows().value(2);
    QVERIFY(late);
    QTest::keyClicks(late->nameEdit(), u"late"_s);
    typeTime(late->startEdit(), QTime(22, 0));
    typeTime(late->endEdit(), QTime(23, 30));

    const ui::ServicePeriodRow *dinner = page->periodsEditor()->rows().value(1);
    QVERIFY2(late->problem().contains(u"Overlaps dinner (18:30 to 22:30)"_s),
             qPrintable(late->problem()));
    QVERIFY2(dinner->problem().contains(u"Overlaps late (22:00 to 23:30)"_s),
             qPrintable(dinner->problem()));
    QVERIFY(page->periodsEditor()->rows().value(0)->problem().isEmpty());
    QVERIFY(!page->saveButton()->isEnabled());
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QCOMPARE(settingsRevision(), revision);

    // Starting when dinner ends is no overlap.
    typeTime(late->startEdit(), QTime(22, 30));
    QVERIFY(late->problem().isEmpty());
    QVERIFY(dinner->problem().isEmpty());
    QVERIFY(page->saveButton()->isEnabled());
}

void tst_TableEditor::validSettingsAreSavedAsEventsAndReadBack()
{
    ui::SettingsPage *page = showSettings(Qt::Friday);
    QVERIFY(page);
    auto before = m_restaurant->store().lastPosition();
    QVERIFY(before.ok());
    typeTime(page->periodsEditor()->rows().value(1)->endEdit(), QTime(23, 0));
    QTest::keyClick(page->slotBox(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(page->slotBox(), u"30"_s);
    QSpinBox *larger = page->turnTimesEditor()->largerPartyBox();
    QTest::keyClick(larger, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(larger, u"180"_s);
    QVERIFY(page->hasUnsavedChanges());
    QCOMPARE(page->statusLabel()->text(), u"Unsaved changes."_s);
    QVERIFY(page->saveButton()->isEnabled());
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);

    auto written = m_restaurant->store().readAll(before.value(), 100);
    QVERIFY(written.ok());
    QCOMPARE(typesOf(written.value()),
             (QStringList {u"service-periods-defined"_s, u"service-periods-defined"_s,
                           u"turn-times-defined"_s}));
    for (const RecordedEvent &event : written.value())
        QCOMPARE(event.stream, SettingsStream);
    QTRY_COMPARE(m_restaurant->readModel().settings().slotMinutes, 30);
    const RestaurantSettingsRow settings = m_restaurant->readModel().settings();
    QCOMPARE(settings.largerPartyMinutes, 180);
    QVERIFY(settings.periods.contains(
        ServicePeriod {Qt::Friday, u"dinner"_s, QTime(18, 30), QTime(23, 0)}));
    QVERIFY(settings.periods.contains(
        ServicePeriod {Qt::Thursday, u"dinner"_s, QTime(18, 30), QTime(22, 30)}));
    QVERIFY(!page->hasUnsavedChanges());
    QVERIFY(!page->saveButton()->isEnabled());
    QCOMPARE(page->statusLabel()->text(), u"These are the restaurant's settings."_s);
}

void tst_TableEditor::aPartySizeTwiceIsShownAndNotSaved()
{
    ui::SettingsPage *page = showSettings(Qt::Monday);
    QVERIFY(page);
    const qint64 revision = settingsRevision();
    QTest::mouseClick(page->turnTimesEditor()->addButton(), Qt::LeftButton);
    const QList<ui::TurnTimeRow *> rows = page->turnTimesEditor()->rows();
    QCOMPARE(rows.size(), 4);
    QSpinBox *party = rows.constLast()->partyBox();
    QTest::keyClick(party, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(party, u"4"_s);
    QCOMPARE(rows.at(1)->problem(), u"Parties up to 4 have a turn time already."_s);
    QCOMPARE(rows.constLast()->problem(), u"Parties up to 4 have a turn time already."_s);
    QVERIFY(!page->saveButton()->isEnabled());
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QCOMPARE(settingsRevision(), revision);

    // Eight is a size of its own: saved, in ascending order, as one event.
    QTest::keyClick(party, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(party, u"8"_s);
    QVERIFY(rows.constLast()->problem().isEmpty());
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QCOMPARE(settingsRevision(), revision + 1);
    QTRY_COMPARE(m_restaurant->readModel().settings().turnTimes.size(), 4);
    QCOMPARE(m_restaurant->readModel().settings().turnTimes.constLast().maxPartySize, 8);
}

void tst_TableEditor::theTimeZoneIsCheckedAsTyped()
{
    ui::SettingsPage *page = showSettings(Qt::Monday);
    QVERIFY(page);
    QLineEdit *zone = page->timeZoneBox()->lineEdit();
    zone->selectAll();
    QTest::keyClicks(zone, u"Mars/Olympus"_s);
    QVERIFY(page->timeZoneProblem()->isVisibleTo(page));
    QVERIFY(page->timeZoneProblem()->text().contains(u"Not a time zone"_s));
    QVERIFY(!page->saveButton()->isEnabled());

    zone->selectAll();
    QTest::keyClicks(zone, u"Europe/Berlin"_s);
    // The list of matching zones has popped up; the manager closes it.
    if (QWidget *matches = page->timeZoneBox()->completer()->popup(); matches->isVisible())
        QTest::keyClick(matches, Qt::Key_Escape);
    QVERIFY(!page->timeZoneProblem()->isVisibleTo(page));
    QVERIFY(page->saveButton()->isEnabled());
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QTRY_COMPARE(m_restaurant->readModel().settings().timeZone, u"Europe/Berlin"_s);
    QVERIFY(m_restaurant->prompt().messages.isEmpty());
}

void tst_TableEditor::problemsAreSaidInThePalettesWarningColour()
{
    ui::SettingsPage *page = showSettings(Qt::Friday);
    QVERIFY(page);
    ui::ServicePeriodRow *dinner = page->periodsEditor()->rows().value(1);
    typeTime(dinner->endEdit(), QTime(18, 0));
    const auto *problem = dinner->findChild<ui::ProblemLabel *>(u"periodProblem"_s);
    QVERIFY(problem);
    auto colour = [&] {
        return problem->palette().color(QPalette::WindowText);
    };
    QCOMPARE(colour(), ui::StatusStyle(page->palette()).conflict().border);

    const QPalette light = QApplication::palette();
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    QVERIFY(ui::StatusStyle(dark).conflict().border != ui::StatusStyle(light).conflict().border);
    QApplication::setPalette(dark);
    QTRY_COMPARE(colour(), ui::StatusStyle(dark).conflict().border);
    QApplication::setPalette(light);
    QTRY_COMPARE(colour(), ui::StatusStyle(light).conflict().border);
}

// --- The window --------------------------------------------------------------

void tst_TableEditor::theHostStandOpensTheEditorFromItsToolsMenu()
{
    m_window.reset();
    ui::HostStandWindow hostStand(m_restaurant->services());
    auto *launcher = new ui::TableEditorLauncher(hostStand, m_restaurant->services());
    hostStand.show();
    QVERIFY(QTest::qWaitForWindowExposed(&hostStand));
    QAction *open = nullptr;
    for (QAction *action : hostStand.toolsMenu()->actions()) {
        if (action->objectName() == u"openTableEditor"_s)
            open = action;
    }
    QVERIFY(open);
    QCOMPARE(open->text(), u"Table &editor…"_s);
    QVERIFY(!open->icon().isNull());
    QWidget *button = hostStand.actionsToolBar()->widgetForAction(open);
    QVERIFY(button);
    QCOMPARE(button->accessibleName(), u"Table editor"_s);

    QTest::keyClick(&hostStand, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(launcher->editor() && launcher->editor()->isVisible());
    TableEditorWindow *editor = launcher->editor();
    QVERIFY(editor->floorEditor()->scene()->tableItem(u"T1"_s));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(launcher->editor(), editor);
}

void tst_TableEditor::everyControlHasAnAccessibleName()
{
    pick(u"T2"_s);
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(addTableDialog());
    QStringList unnamed;
    auto check = [&](QWidget *root) {
        for (QWidget *widget : root->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(widget)
                || qobject_cast<QComboBox *>(widget) || qobject_cast<QLineEdit *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QTabBar *>(widget)
                || qobject_cast<QGraphicsView *>(widget);
            if (!control || !widget->isVisibleTo(root) || widget->objectName().startsWith(u"qt_"_s))
                continue;
            if (qobject_cast<QLineEdit *>(widget)
                && (qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                    || qobject_cast<QComboBox *>(widget->parentWidget())))
                continue;
            if (widget->accessibleName().isEmpty())
                unnamed.append(u"%1 (%2)"_s.arg(
                    widget->objectName(), QString::fromLatin1(widget->metaObject()->className())));
        }
    };
    check(m_window.get());
    QTest::keyClick(addTableDialog(), Qt::Key_Escape);
    QVERIFY(showSettings(Qt::Monday));
    check(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

QTEST_MAIN(tst_TableEditor)
#include "tst_tableeditor.moc"
