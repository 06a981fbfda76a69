// The time-slot grid's view: how it lays the grid out in the frame it is given.

#include "tests/ui/HostStandFixture.h"
#include "ui/grid/TimeSlotGridModel.h"
#include "ui/grid/TimeSlotGridView.h"

#include <QScrollBar>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

class tst_TimeSlotGridView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFrameTheGridFitsDropsTheScrollBarsItNeededWhenSmaller();
    void aRepaintAfterEachKindOfChangeIsWhatAFreshViewPaints();
    void aTableAddedOrChangedElsewhereIsPaintedAtOnce();
};

namespace {

TableId tableId(const QString &id)
{
    return TableId::create(id).value();
}

QImage rendered(ui::TimeSlotGridView &view)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&image);
    return image;
}

// The grid as a view that never painted before draws it.
QImage renderedFresh(ui::TimeSlotGridModel &model, const ui::TimeSlotGridView &like)
{
    ui::TimeSlotGridView fresh;
    fresh.setAttribute(Qt::WA_DontShowOnScreen);
    fresh.setModel(&model);
    fresh.setPalette(like.palette());
    fresh.resize(like.size());
    fresh.show();
    if (!like.selectedBookingId().isEmpty())
        fresh.selectBooking(like.selectedBookingId());
    fresh.horizontalScrollBar()->setValue(like.horizontalScrollBar()->value());
    fresh.verticalScrollBar()->setValue(like.verticalScrollBar()->value());
    QCoreApplication::processEvents();
    return rendered(fresh);
}

// Counts the paint events of a widget.
class Paints final : public QObject
{
public:
    explicit Paints(QWidget *widget) { widget->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

} // namespace

// Laid out on the viewport the scroll bars leave, a grid that fits the whole
// frame would keep them: each one's room is what the content lacks.
void tst_TimeSlotGridView::aFrameTheGridFitsDropsTheScrollBarsItNeededWhenSmaller()
{
    HostStandFixture restaurant;
    for (int table = 1; table <= 12; ++table)
        restaurant.addTable(u"T%1"_s.arg(table), 4, u"Main room"_s);
    ui::TimeSlotGridModel model(restaurant.readModel());
    model.setService(HostStandFixture::day(), u"dinner"_s);
    ui::TimeSlotGridView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(view.verticalScrollBar()->isVisible());
    QTRY_VERIFY(view.horizontalScrollBar()->isVisible());

    const QSize frame(view.frameWidth() * 2, view.frameWidth() * 2);
    view.resize(view.gridSize() + frame);
    QTRY_VERIFY(!view.verticalScrollBar()->isVisible());
    QTRY_VERIFY(!view.horizontalScrollBar()->isVisible());
    QCOMPARE(view.viewport()->size(), view.gridSize());
    QCOMPARE(view.visualRect(model.index(11, model.columnCount() - 1)).bottomRight(),
             QPoint(view.gridSize().width() - 1, view.gridSize().height() - 1));

    view.resize(view.gridSize() + frame - QSize(0, 40));
    QTRY_VERIFY(view.verticalScrollBar()->isVisible());
    QVERIFY(view.verticalScrollBar()->maximum() >= 40);
}

// The view copies the rows it drew before; a row a change touched, or every
// row after a change of layout, must be drawn again, never shown stale.
void tst_TimeSlotGridView::aRepaintAfterEachKindOfChangeIsWhatAFreshViewPaints()
{
    HostStandFixture restaurant;
    restaurant.addTable(u"T1"_s, 2, u"Main room"_s);
    restaurant.addTable(u"T2"_s, 4, u"Main room"_s);
    restaurant.addTable(u"T3"_s, 6, u"Main room"_s);
    restaurant.addTable(u"P1"_s, 4, u"Patio"_s);
    ui::TimeSlotGridModel model(restaurant.readModel());
    model.setService(HostStandFixture::day(), u"dinner"_s);
    ui::TimeSlotGridView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setModel(&model);
    view.resize(view.gridSize() + QSize(view.frameWidth() * 2, view.frameWidth() * 2));
    view.show();
    QCoreApplication::processEvents();
    const auto looksFresh = [&](const char *after) {
        QCoreApplication::processEvents();
        const QImage cached = rendered(view);
        const QImage fresh = renderedFresh(model, view);
        if (cached != fresh)
            qWarning("The grid differs from a fresh view's after %s", after);
        return cached == fresh;
    };
    QVERIFY(looksFresh("opening"));

    const QString jones = restaurant.book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QVERIFY(!jones.isEmpty());
    QVERIFY(looksFresh("a booking"));
    restaurant.clock().setNow(HostStandFixture::at(QTime(19, 1)));
    QVERIFY(restaurant.booker().arrive(BookingId::create(jones).value()).ok());
    QVERIFY(restaurant.settle());
    QVERIFY(looksFresh("an arrival"));
    view.selectBooking(jones);
    QVERIFY(looksFresh("a selection"));
    const QString smith = restaurant.book(u"P1"_s, QTime(20, 0), 2, u"Smith"_s);
    QVERIFY(restaurant.booker().cancel(BookingId::create(smith).value()).ok());
    QVERIFY(restaurant.settle());
    QVERIFY(looksFresh("a cancellation"));
    restaurant.addTable(u"T4"_s, 2, u"Main room"_s);
    QVERIFY(looksFresh("a new table"));
    TableLayout layout = restaurant.readModel().table(u"T1"_s).value()->layout;
    layout.zone = u"Terrace"_s;
    QVERIFY(restaurant.tableManager().moveTable(tableId(u"T1"_s), layout).ok());
    QVERIFY(restaurant.settle());
    QVERIFY(looksFresh("a table moved to another zone"));
    // T2 heads the grid in a zone of its own and keeps its row: only its
    // header changes, and the row under it now begins a zone.
    layout = restaurant.readModel().table(u"T2"_s).value()->layout;
    layout.zone = u"Bar"_s;
    QVERIFY(restaurant.tableManager().moveTable(tableId(u"T2"_s), layout).ok());
    QVERIFY(restaurant.settle());
    QCOMPARE(model.rowOfTable(u"T2"_s), 0);
    QVERIFY(looksFresh("the first table given a zone of its own"));
    QVERIFY(restaurant.tableManager().removeTable(tableId(u"T3"_s)).ok());
    QVERIFY(restaurant.settle());
    QVERIFY(looksFresh("a removed table"));
    view.resize(view.size() - QSize(120, 60));
    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
    QVERIFY(looksFresh("a scroll"));
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    view.setPalette(dark);
    QVERIFY(looksFresh("a new palette"));
}

// A table another terminal adds, or whose seats it changes, shows at the
// next paint, which comes at once: clicks already go by the new rows.
void tst_TimeSlotGridView::aTableAddedOrChangedElsewhereIsPaintedAtOnce()
{
    HostStandFixture restaurant;
    restaurant.addTable(u"T1"_s, 2, u"Main room"_s);
    ui::TimeSlotGridModel model(restaurant.readModel());
    model.setService(HostStandFixture::day(), u"dinner"_s);
    ui::TimeSlotGridView view;
    view.setModel(&model);
    view.resize(800, 400);
    Paints paints(view.viewport());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(paints.count > 0);
    QTest::qWait(50); // nothing else pending
    paints.count = 0;

    restaurant.addTable(u"T2"_s, 4, u"Main room"_s);
    QCOMPARE(model.rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(paints.count > 0, 2000);
    paints.count = 0;
    QVERIFY(restaurant.tableManager()
                .changeSeats(TableId::create(u"T2"_s).value(), SeatCount::create(6).value())
                .ok());
    QVERIFY(restaurant.settle());
    QTRY_VERIFY_WITH_TIMEOUT(paints.count > 0, 2000);
}

QTEST_MAIN(tst_TimeSlotGridView)
#include "tst_timeslotgridview.moc"
