// What the host stand shows when the read tables cannot be read: another
// process damages the read file under the open window, the next reads
// fail, and every view says "Not read: <why>" instead of an empty day, a
// free or an out-of-service table; the read model sets the file aside and
// builds it again, and the views show the day again by themselves.

#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "tests/ui/Shots.h"
#include "ui/booking/BookingDialog.h"
#include "ui/booking/BookingListModel.h"
#include "ui/common/NotReadOverlay.h"
#include "ui/common/ReadState.h"
#include "ui/daysheet/DaySheet.h"
#include "ui/floorplan/FloorPlanModel.h"
#include "ui/floorplan/FloorPlanPage.h"
#include "ui/floorplan/FloorPlanView.h"
#include "ui/grid/TimeSlotGridModel.h"
#include "ui/grid/TimeSlotGridView.h"
#include "ui/hoststand/DayBar.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::TimeSlotGridModel;

class tst_NotRead final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyViewSaysWhatItCouldNotReadAndReadsAgain();
    void theBookingDialogAndTheDaySheetDoNotActOnWhatWasNotRead();

private:
    // Another process damages the read file's bookings (and says so).
    void damageTheReadFile();
    QModelIndex cell(const QString &table, const QTime &time) const;
    ui::NotReadOverlay *overlayOf(QWidget *viewport) const;
    void verifyShowsTheDay();

    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<ui::HostStandWindow> m_window;
};

void tst_NotRead::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s, 100, 80);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s, 300, 80);
    QVERIFY(!m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s).isEmpty());
    m_window = std::make_unique<ui::HostStandWindow>(m_restaurant->services());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->date(), HostStandFixture::day());
    verifyShowsTheDay();
}

void tst_NotRead::cleanup()
{
    m_window.reset();
    m_restaurant.reset();
}

void tst_NotRead::damageTheReadFile()
{
    QProcess writer;
    QVERIFY(startHelper(writer, u"hoststand_store_writer"_s,
                        {u"damage-read"_s, m_restaurant->storePath() + u".read"_s}));
    QVERIFY(writer.waitForFinished(30000));
    QCOMPARE(writer.exitCode(), 0);
    QCOMPARE(writer.readAllStandardOutput().trimmed(), QByteArray("damaged"));
}

QModelIndex tst_NotRead::cell(const QString &table, const QTime &time) const
{
    const TimeSlotGridModel *model = m_window->gridModel();
    const double column = model->columnAt(HostStandFixture::at(time));
    return model->index(model->rowOfTable(table), int(column));
}

ui::NotReadOverlay *tst_NotRead::overlayOf(QWidget *viewport) const
{
    return viewport->findChild<ui::NotReadOverlay *>(QString(), Qt::FindDirectChildrenOnly);
}

// The day as the host should see it: both tables with Jones at T2 at 19:00,
// on the grid, the floor plan and the list, and no view saying "Not read".
void tst_NotRead::verifyShowsTheDay()
{
    QTRY_VERIFY(!cell(u"T2"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).isNull());
    QCOMPARE(m_window->gridModel()->rowCount(), 2);
    QTRY_COMPARE(m_window->floorModel()->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QVERIFY(m_window->floorModel()->index(row).data(ui::FloorPlanModel::StateRole).toInt()
                != int(TableState::OutOfService));
    }
    QTRY_COMPARE(m_window->bookingListModel()->rowCount(), 1);
    QCOMPARE(m_window->bookingListModel()->bookingAt(0).guestName, u"Jones"_s);
    for (QWidget *viewport :
         {m_window->gridView()->viewport(), m_window->floorPlanPage()->view()->viewport(),
          m_window->bookingListView()->viewport()}) {
        ui::NotReadOverlay *overlay = overlayOf(viewport);
        QVERIFY(overlay);
        QVERIFY2(overlay->text().isEmpty(), qPrintable(overlay->text()));
    }
    QVERIFY2(!m_window->dayBar()->coversLabel()->text().startsWith(u"<b>?</b>"_s),
             qPrintable(m_window->dayBar()->coversLabel()->text()));
}

// Another day is chosen after the damage: the grid, the floor plan and the
// list each show "Not read: <why>" and no row at all, never an empty day,
// a free table or one out of service; the covers are not counted. Once the
// read model has built the file again, all of them show the day again.
void tst_NotRead::everyViewSaysWhatItCouldNotReadAndReadsAgain()
{
    damageTheReadFile();
    // Nothing has run the event loop since: the reads below are the first
    // to meet the damage, and the read model recovers only on the next turn.
    m_window->dayBar()->nextDayAction()->trigger();

    const struct
    {
        const char *view;
        const QAbstractItemModel *model;
        const ui::ReadState &state;
        QWidget *viewport;
    } views[] = {
        {"grid", m_window->gridModel(), m_window->gridModel()->readState(),
         m_window->gridView()->viewport()},
        {"floor plan", m_window->floorModel(), m_window->floorModel()->readState(),
         m_window->floorPlanPage()->view()->viewport()},
        {"booking list", m_window->bookingListModel(), m_window->bookingListModel()->readState(),
         m_window->bookingListView()->viewport()},
    };
    for (const auto &view : views) {
        QVERIFY2(!view.state.isRead(), view.view);
        QVERIFY2(view.model->rowCount() == 0, view.view);
        ui::NotReadOverlay *overlay = overlayOf(view.viewport);
        QVERIFY2(overlay, view.view);
        QVERIFY2(overlay->text().startsWith(u"Not read: "_s),
                 qPrintable(u"%1: %2"_s.arg(QString::fromUtf8(view.view), overlay->text())));
        QCOMPARE(overlay->text(), view.state.text());
        QVERIFY2(!overlay->text().contains(u"none"_s, Qt::CaseInsensitive), view.view);
    }
    QVERIFY2(m_window->dayBar()->coversLabel()->text().startsWith(u"<b>?</b>"_s),
             qPrintable(m_window->dayBar()->coversLabel()->text()));
    QVERIFY2(m_window->dayBar()->coversLabel()->text().contains(u"? seats"_s),
             qPrintable(m_window->dayBar()->coversLabel()->text()));
    saveShots(*m_window, u"host-stand-not-read"_s);

    // The read model sets the damaged file aside, builds it again, and the
    // views read the day they show.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->gridModel()->readState().isRead(), 20000);
    QTRY_VERIFY(m_window->floorModel()->readState().isRead());
    QTRY_VERIFY(m_window->bookingListModel()->readState().isRead());
    QCOMPARE(m_window->gridModel()->rowCount(), 2);
    m_window->dayBar()->previousDayAction()->trigger();
    verifyShowsTheDay();
}

// A dialog opened while nothing can be read says so: the booking dialog
// offers no table as free or taken and cannot be sent, and the day sheet
// says its bookings could not be read rather than "No bookings"; once the
// read model is back, the dialog offers the tables again.
void tst_NotRead::theBookingDialogAndTheDaySheetDoNotActOnWhatWasNotRead()
{
    damageTheReadFile();
    ui::BookingDialog dialog(ui::BookingDialog::Mode::Ahead, m_restaurant->readModel(),
                             m_restaurant->clock());
    dialog.show(); // the event loop does not run: the read model cannot recover meanwhile
    dialog.guestField()->setText(u"Kowalski"_s);
    QVERIFY2(dialog.message().contains(u"could not be read"_s), qPrintable(dialog.message()));
    QVERIFY2(!dialog.message().contains(u"no free"_s, Qt::CaseInsensitive),
             qPrintable(dialog.message()));
    QCOMPARE(dialog.tableField()->count(), 0);
    QVERIFY(!dialog.okButton()->isEnabled());

    const ui::DaySheet sheet(m_restaurant->readModel(), HostStandFixture::day(), u"dinner"_s,
                             m_restaurant->clock().now());
    QVERIFY(!sheet.notRead().isEmpty());
    QVERIFY(sheet.expected().isEmpty());
    const QString printed = sheet.document()->toPlainText();
    QVERIFY2(printed.contains(u"could not be read"_s), qPrintable(printed));
    QVERIFY2(!printed.contains(u"No bookings"_s), qPrintable(printed));

    QTRY_VERIFY_WITH_TIMEOUT(m_restaurant->readModel().isAvailable(), 20000);
    QTRY_VERIFY(dialog.tableField()->count() > 0);
    QVERIFY2(!dialog.message().contains(u"could not be read"_s), qPrintable(dialog.message()));
    const ui::DaySheet again(m_restaurant->readModel(), HostStandFixture::day(), u"dinner"_s,
                             m_restaurant->clock().now());
    QVERIFY(again.notRead().isEmpty());
    QCOMPARE(again.expected().size(), 1);
}

QTEST_MAIN(tst_NotRead)
#include "tst_notread.moc"
