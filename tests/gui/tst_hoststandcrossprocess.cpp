// Two processes on one store: a booking made by hoststand-cli appears in
// the open window of this process, settled by this process's sagas.

#include "tests/gui/HostStandFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/HostStandWindow.h"
#include "ui/TimeSlotGridModel.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::TimeSlotGridModel;

class tst_HostStandCrossProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBookingFromAnotherProcessAppearsInTheOpenWindow();
};

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

    AuditFilter filter;
    filter.correlationId = cell.data(TimeSlotGridModel::BookingIdRole).toString();
    const QList<AuditRow> chain = restaurant.readModel().audit(filter);
    QVERIFY(!chain.isEmpty());
    QCOMPARE(chain.constFirst().type, u"table-booking-initiated"_s);
    QCOMPARE(chain.constFirst().terminal, u"phone-desk"_s);
    const qint64 latency = chain.constFirst().created.msecsTo(shownAt);
    qInfo("shown %lld ms after the other process committed it", latency);
    QVERIFY2(latency < 300, qPrintable(u"%1 ms"_s.arg(latency)));
}

QTEST_MAIN(tst_HostStandCrossProcess)
#include "tst_hoststandcrossprocess.moc"
