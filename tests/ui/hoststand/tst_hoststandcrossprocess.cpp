// Two processes on one store: a booking made by hoststand-cli appears in
// the open window of this process, settled by this process's sagas; and a
// table the other process moves, adds or removes, or a setting it
// changes, shows on this window's floor plan within 300 ms.

#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/floorplan/FloorPlanPage.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"
#include "ui/grid/TimeSlotGridModel.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QProcess>
#include <QTabWidget>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::TimeSlotGridModel;

class tst_HostStandCrossProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBookingFromAnotherProcessAppearsInTheOpenWindow();
    void tablesAndSettingsChangedInAnotherProcessShowOnTheFloorPlanWithin300Ms();

private:
    // Runs hoststand-cli on the store with the arguments and returns how
    // long after the commit of its first event the window showed it (shown
    // is checked as often as the event loop allows), or -1.
    qint64 latencyOf(HostStandFixture &restaurant, const QStringList &arguments,
                     const std::function<bool()> &shown);
};

qint64 tst_HostStandCrossProcess::latencyOf(HostStandFixture &restaurant,
                                            const QStringList &arguments,
                                            const std::function<bool()> &shown)
{
    const qint64 before = restaurant.lastPosition();
    if (shown())
        return -1; // nothing to wait for: the test would prove nothing
    QProcess cli;
    if (!startHelper(cli, u"hoststand-cli"_s,
                     QStringList {u"--store"_s, restaurant.storePath()} + arguments))
        return -1;
    const QDeadlineTimer deadline(10000);
    qint64 shownAt = -1;
    while (!deadline.hasExpired()) {
        if (shown()) {
            shownAt = QDateTime::currentMSecsSinceEpoch();
            break;
        }
        QTest::qWait(1);
    }
    if (!waitForExit(cli, std::chrono::seconds(10)) || cli.exitCode() != 0) {
        qWarning("hoststand-cli %s ended with %d", qPrintable(arguments.join(u' ')),
                 cli.exitCode());
        return -1;
    }
    auto written = restaurant.store().readAll(before, 100);
    if (shownAt < 0 || !written.ok() || written.value().isEmpty())
        return -1;
    const qint64 latency = shownAt - written.value().constFirst().created.toMSecsSinceEpoch();
    qInfo("%s: shown %lld ms after the other process committed it",
          qPrintable(arguments.mid(0, 2).join(u' ')), latency);
    return latency;
}

void tst_HostStandCrossProcess::aBookingFromAnotherProcessAppearsInTheOpenWindow()
{
    HostStandFixture restaurant;
    restaurant.addTable(u"T2"_s, 4, u"Main room"_s);
    ui::HostStandWindow window(restaurant.services());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const TimeSlotGridModel *grid = window.gridModel();
    const QModelIndex cell = grid->index(grid->rowOfTable(u"T2"_s),
                                         int(grid->columnAt(HostStandFixture::at(QTime(19, 0)))));
    QVERIFY(cell.data(TimeSlotGridModel::BookingIdRole).isNull());
    QDateTime shownAt;
    connect(grid, &QAbstractItemModel::dataChanged, this, [&] {
        if (!shownAt.isValid() && !cell.data(TimeSlotGridModel::BookingIdRole).isNull())
            shownAt = QDateTime::currentDateTimeUtc();
    });

    QProcess cli;
    QVERIFY2(
        startHelper(cli, u"hoststand-cli"_s,
                    {u"--store"_s, restaurant.storePath(), u"--now"_s, u"2030-05-17T17:00"_s,
                     u"--terminal"_s, u"phone-desk"_s, u"book"_s, u"--table"_s, u"T2"_s, u"--at"_s,
                     u"2030-05-17T19:00"_s, u"--party"_s, u"4"_s, u"--name"_s, u"Remote"_s}),
        "hoststand-cli did not start");
    QTRY_VERIFY_WITH_TIMEOUT(shownAt.isValid(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cell.data(TimeSlotGridModel::StatusRole).toInt(),
                              int(BookingStatus::Confirmed), 10000);
    QCOMPARE(cell.data(TimeSlotGridModel::GuestRole).toString(), u"Remote"_s);
    // The other process waits for this one's sagas; it ends once they settled it.
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 10000);
    QCOMPARE(cli.exitCode(), 0);

    EventLogFilter filter;
    filter.correlationId = cell.data(TimeSlotGridModel::BookingIdRole).toString();
    const QList<AuditRow> chain = restaurant.readModel().audit(filter).value();
    QVERIFY(!chain.isEmpty());
    QCOMPARE(chain.constFirst().type, u"table-booking-initiated"_s);
    QCOMPARE(chain.constFirst().terminal, u"phone-desk"_s);
    const qint64 latency = chain.constFirst().created.msecsTo(shownAt);
    qInfo("shown %lld ms after the other process committed it", latency);
    QVERIFY2(latency < 300, qPrintable(u"%1 ms"_s.arg(latency)));
}

void tst_HostStandCrossProcess::
    tablesAndSettingsChangedInAnotherProcessShowOnTheFloorPlanWithin300Ms()
{
    HostStandFixture restaurant;
    restaurant.addTable(u"T1"_s, 4, u"Main room"_s, 100, 80);
    restaurant.addTable(u"T2"_s, 4, u"Main room"_s, 400, 80);
    ui::HostStandWindow window(restaurant.services());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    ui::FloorPlanPage *page = window.floorPlanPage();
    QCOMPARE(window.tabs()->currentWidget(), page);
    const ui::FloorPlanScene *scene = page->scene();
    QTRY_VERIFY(scene->tableItem(u"T1"_s));
    QCOMPARE(scene->tableItem(u"T1"_s)->pos(), QPointF(100, 80));

    const qint64 moved = latencyOf(
        restaurant, {u"tables"_s, u"move"_s, u"T1"_s, u"--x"_s, u"250"_s, u"--y"_s, u"300"_s},
        [scene] { return scene->tableItem(u"T1"_s)->pos() == QPointF(250, 300); });
    QVERIFY2(moved >= 0, "the floor plan never showed the moved table");
    QVERIFY2(moved < 300, qPrintable(u"%1 ms"_s.arg(moved)));

    const qint64 added = latencyOf(restaurant,
                                   {u"tables"_s, u"add"_s, u"T9"_s, u"--seats"_s, u"6"_s, u"--x"_s,
                                    u"600"_s, u"--y"_s, u"320"_s},
                                   [scene] {
                                       const ui::FloorPlanTableItem *item
                                           = scene->tableItem(u"T9"_s);
                                       return item && item->pos() == QPointF(600, 320);
                                   });
    QVERIFY2(added >= 0, "the floor plan never showed the added table");
    QVERIFY2(added < 300, qPrintable(u"%1 ms"_s.arg(added)));

    const qint64 removed = latencyOf(restaurant, {u"tables"_s, u"remove"_s, u"T2"_s},
                                     [scene] { return scene->tableItem(u"T2"_s) == nullptr; });
    QVERIFY2(removed >= 0, "the floor plan never let the removed table go");
    QVERIFY2(removed < 300, qPrintable(u"%1 ms"_s.arg(removed)));
    QVERIFY(scene->tableItem(u"T1"_s));

    // Half-hour slots: the floor plan's moments follow.
    const QComboBox *moments = page->momentBox();
    QVERIFY(moments->findText(u"18:45 · dinner"_s) >= 0);
    const qint64 halfHours
        = latencyOf(restaurant, {u"settings"_s, u"slot-length"_s, u"30"_s}, [moments] {
              return moments->findText(u"18:45 · dinner"_s) < 0
                  && moments->findText(u"19:00 · dinner"_s) >= 0;
          });
    QVERIFY2(halfHours >= 0, "the floor plan's moments never followed the slot length");
    QVERIFY2(halfHours < 300, qPrintable(u"%1 ms"_s.arg(halfHours)));
}

QTEST_MAIN(tst_HostStandCrossProcess)
#include "tst_hoststandcrossprocess.moc"
