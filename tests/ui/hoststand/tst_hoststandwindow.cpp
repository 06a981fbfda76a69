// The host stand window driven as a host drives it: mouse and keys on the
// real window, offscreen, against a real store with the sagas running.

#include "domain/StoreClock.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "tests/ui/Shots.h"
#include "ui/booking/BookingActions.h"
#include "ui/booking/BookingDetailsDialog.h"
#include "ui/booking/BookingDialog.h"
#include "ui/booking/BookingListModel.h"
#include "ui/common/StatusStyle.h"
#include "ui/floorplan/FloorPlanModel.h"
#include "ui/floorplan/FloorPlanPage.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"
#include "ui/floorplan/FloorPlanView.h"
#include "ui/grid/TimeSlotGridModel.h"
#include "ui/grid/TimeSlotGridView.h"
#include "ui/hoststand/DayBar.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::BookingDialog;
using ui::TimeSlotGridModel;

class tst_HostStandWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bookingFromAnEmptyCellEndsConfirmedInTheGrid();
    void draggingAcrossCellsBooksThatLong();
    void invalidInputIsExplainedBeforeAnythingIsSent_data();
    void invalidInputIsExplainedBeforeAnythingIsSent();
    void aRefusedBookingShowsWhyAndWritesNothing();
    void actionsChangeTheBookingsStatus_data();
    void actionsChangeTheBookingsStatus();
    void declinedConfirmationLeavesTheBooking();
    void aCommandInFlightCannotBeStartedAgain();
    void arrowKeysMoveAndEnterOpens();
    void aWalkInIsSeatedFromTheFloorPlan();
    void searchFindsAGuestOnAnotherDay();
    void theBookingListShowsEachColumnWhole();
    void draggingABookingMovesIt();
    void ctrlEChangesThePickedBookingUnderItsOwnId();
    void aPlaceABookingCannotGoShowsRedWithWhyWhileDragged();
    void altArrowsMoveThePickedBooking();
    void theTopShowsCoversAndTheStatusBarTheStore();
    void othersPlugInAViewAndAnAction();
    void ctrlNOpensANewBookingAtTheCurrentCellAndOkBooksIt();
    void ctrlWOpensTheWalkInDialogAndOkSeatsTheParty();
    void aWalkInNoTableCanTakeIsToldWhyAndWhenOneFreesUp();
    void aSagaStepSetAsideShowsAsABookingThatNeedsAttention();
    void theStatusBarTellsAClockOutOfStepFromOneSetOnPurpose_data();
    void theStatusBarTellsAClockOutOfStepFromOneSetOnPurpose();
    void altLeftAndThePreviousDayButtonShowTheDayBefore();
    void doubleClickingABookingOpensIt();
    void theDialogOffersTheFreeTablesThatFitAsPartyAndTimeChange();
    void aBookingNoFreeTableFitsIsToldToTryAnotherTime();
    void theFloorPlansBookButtonBooksThePickedTable();
    void theFloorPlansMomentShowsEachTableAsItIsThen();
    void doubleClickingATableOnTheFloorPlanSeatsAWalkInThere();
    void theServiceBoxShowsThatServicesColumns();
    void theDateEditShowsThatDaysBookings();
    void everyControlHasAnAccessibleName();
    void statusColoursReadInLightAndDarkPalettes_data();
    void statusColoursReadInLightAndDarkPalettes();

private:
    QModelIndex cell(const QString &table, const QTime &time) const;
    QPoint cellCentre(const QString &table, const QTime &time) const;
    void clickCell(const QString &table, const QTime &time);
    BookingDialog *bookingDialog() const;
    ui::BookingDetailsDialog *detailsDialog() const;
    void typeParty(BookingDialog *dialog, int party);
    void clickAction(QAction *action);
    void pickBooking(const QString &bookingId);
    // Books through the booker on the day after the fixture's; the id.
    QString bookTomorrow(const QString &table, const QTime &start, int party, const QString &guest);
    void showFloorPlan();
    // Picks an entry of a combo box with the arrow keys, as a host would.
    void chooseWithKeys(QComboBox *box, const QString &text);
    // The tables the dialog offers as free, in id order.
    static QStringList offeredTables(const BookingDialog *dialog);
    // What the dialog says of a table it does not offer ("too small", "taken").
    static QString whyNotOffered(const BookingDialog *dialog, const QString &table);

    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<ui::HostStandWindow> m_window;
};

void tst_HostStandWindow::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s, 100, 80);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s, 300, 80);
    m_restaurant->addTable(u"T3"_s, 6, u"Main room"_s, 500, 80);
    m_restaurant->addTable(u"P1"_s, 4, u"Patio"_s, 100, 400);
    m_window = std::make_unique<ui::HostStandWindow>(m_restaurant->services());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->date(), HostStandFixture::day());
    QCOMPARE(m_window->service(), u"dinner"_s);
}

void tst_HostStandWindow::cleanup()
{
    m_window.reset();
    m_restaurant.reset();
}

QModelIndex tst_HostStandWindow::cell(const QString &table, const QTime &time) const
{
    const TimeSlotGridModel *model = m_window->gridModel();
    const double column = model->columnAt(HostStandFixture::at(time));
    return model->index(model->rowOfTable(table), int(column));
}

QPoint tst_HostStandWindow::cellCentre(const QString &table, const QTime &time) const
{
    m_window->gridView()->scrollTo(cell(table, time));
    return m_window->gridView()->visualRect(cell(table, time)).center();
}

void tst_HostStandWindow::clickCell(const QString &table, const QTime &time)
{
    QTest::mouseClick(m_window->gridView()->viewport(), Qt::LeftButton, {},
                      cellCentre(table, time));
}

BookingDialog *tst_HostStandWindow::bookingDialog() const
{
    for (BookingDialog *dialog : m_window->findChildren<BookingDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

ui::BookingDetailsDialog *tst_HostStandWindow::detailsDialog() const
{
    for (auto *dialog : m_window->findChildren<ui::BookingDetailsDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void tst_HostStandWindow::typeParty(BookingDialog *dialog, int party)
{
    QSpinBox *field = dialog->partyField();
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, QString::number(party));
}

void tst_HostStandWindow::clickAction(QAction *action)
{
    QWidget *button = m_window->actionsToolBar()->widgetForAction(action);
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void tst_HostStandWindow::pickBooking(const QString &bookingId)
{
    const QRect span = m_window->gridView()->spanRect(bookingId);
    QVERIFY(span.isValid());
    QTest::mouseClick(m_window->gridView()->viewport(), Qt::LeftButton, {}, span.center());
    QCOMPARE(m_window->selectedBookingId(), bookingId);
}

QString tst_HostStandWindow::bookTomorrow(const QString &table, const QTime &start, int party,
                                          const QString &guest)
{
    booker::BookingRequest request;
    request.tableId = table;
    request.start = HostStandFixture::at(start).addDays(1);
    request.partySize = party;
    request.guestName = guest;
    auto booked = m_restaurant->booker().book(request);
    if (!booked.ok() || !m_restaurant->settle())
        return {};
    return booked.value().toString();
}

void tst_HostStandWindow::showFloorPlan()
{
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->floorPlanPage());
    QTRY_VERIFY(!m_window->floorPlanPage()->view()->tableCentre(u"T3"_s).isNull());
}

void tst_HostStandWindow::chooseWithKeys(QComboBox *box, const QString &text)
{
    const int target = box->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    box->setFocus();
    while (box->currentIndex() != target) {
        const int before = box->currentIndex();
        QTest::keyClick(box, before < target ? Qt::Key_Down : Qt::Key_Up);
        QVERIFY(box->currentIndex() != before);
    }
}

QStringList tst_HostStandWindow::offeredTables(const BookingDialog *dialog)
{
    QStringList offered;
    const QComboBox *tables = dialog->tableField();
    for (int index = 0; index < tables->count(); ++index) {
        if (tables->itemText(index).endsWith(u" · free"_s))
            offered.append(tables->itemData(index).toString());
    }
    offered.sort();
    return offered;
}

QString tst_HostStandWindow::whyNotOffered(const BookingDialog *dialog, const QString &table)
{
    const QComboBox *tables = dialog->tableField();
    const int index = tables->findData(table);
    return index < 0 ? QString() : tables->itemText(index).section(u" · "_s, 2);
}

void tst_HostStandWindow::bookingFromAnEmptyCellEndsConfirmedInTheGrid()
{
    clickCell(u"T2"_s, QTime(19, 0));
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->request().tableId, u"T2"_s);
    QCOMPARE(dialog->request().start, HostStandFixture::at(QTime(19, 0)));
    QVERIFY(!dialog->okButton()->isEnabled());
    QTest::keyClicks(dialog->guestField(), u"Jones"_s);
    QTest::keyClicks(dialog->phoneField(), u"0171 555 0123"_s);
    typeParty(dialog, 4);
    QCOMPARE(dialog->durationField()->value(), 105);
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(!dialog);
    const QModelIndex booked = cell(u"T2"_s, QTime(19, 0));
    QTRY_COMPARE(booked.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
    QCOMPARE(booked.data(TimeSlotGridModel::GuestRole).toString(), u"Jones"_s);
    QCOMPARE(booked.data(TimeSlotGridModel::PartySizeRole).toInt(), 4);
    QCOMPARE(cell(u"T2"_s, QTime(20, 30)).data(TimeSlotGridModel::BookingIdRole),
             booked.data(TimeSlotGridModel::BookingIdRole));
    const QString id = booked.data(TimeSlotGridModel::BookingIdRole).toString();
    QTRY_COMPARE(m_window->selectedBookingId(), id);
    QVERIFY(m_window->gridView()->spanRect(id).width()
            >= 7 * m_window->gridView()->visualRect(booked).width() - 8);
}

void tst_HostStandWindow::draggingAcrossCellsBooksThatLong()
{
    QWidget *viewport = m_window->gridView()->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, cellCentre(u"T3"_s, QTime(20, 0)));
    QTest::mouseMove(viewport, cellCentre(u"T3"_s, QTime(20, 30)));
    QTest::mouseMove(viewport, cellCentre(u"T3"_s, QTime(21, 15)));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, cellCentre(u"T3"_s, QTime(21, 15)));
    QTRY_VERIFY(bookingDialog());
    BookingDialog *dialog = bookingDialog();
    QCOMPARE(dialog->request().tableId, u"T3"_s);
    QCOMPARE(dialog->request().start, HostStandFixture::at(QTime(20, 0)));
    QCOMPARE(dialog->durationField()->value(), 90);
    typeParty(dialog, 5);
    QCOMPARE(dialog->durationField()->value(), 90);
}

void tst_HostStandWindow::invalidInputIsExplainedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QString>("guest");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("party");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no guest name")
        << QString() << QString() << u"T2"_s << 2 << u"Enter the guest's name."_s;
    QTest::newRow("letters in the phone number")
        << u"Jones"_s << u"call me"_s << u"T2"_s << 2
        << u"A phone number uses digits, spaces and + - ( ) / only."_s;
    QTest::newRow("a party larger than the table")
        << u"Jones"_s << QString() << u"T1"_s << 5
        << u"Table T1 seats 2; a party of 5 does not fit."_s;
}

void tst_HostStandWindow::invalidInputIsExplainedBeforeAnythingIsSent()
{
    QFETCH(QString, guest);
    QFETCH(QString, phone);
    QFETCH(QString, table);
    QFETCH(int, party);
    QFETCH(QString, reason);
    const qint64 before = m_restaurant->lastPosition();
    clickCell(table, QTime(19, 0));
    QTRY_VERIFY(bookingDialog());
    BookingDialog *dialog = bookingDialog();
    QTest::keyClicks(dialog->guestField(), guest);
    QTest::keyClicks(dialog->phoneField(), phone);
    typeParty(dialog, party);
    dialog->setTable(table);
    QVERIFY(!dialog->okButton()->isEnabled());
    QCOMPARE(dialog->message(), reason);
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_restaurant->lastPosition(), before);
}

void tst_HostStandWindow::aRefusedBookingShowsWhyAndWritesNothing()
{
    QVERIFY(!m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Smith"_s).isEmpty());
    const qint64 before = m_restaurant->lastPosition();
    // 18:30 is free, but two guests keep the table 90 minutes: into Smith's booking.
    clickCell(u"T2"_s, QTime(18, 30));
    QTRY_VERIFY(bookingDialog());
    BookingDialog *dialog = bookingDialog();
    QCOMPARE(dialog->request().tableId, u"T2"_s);
    QTest::keyClicks(dialog->guestField(), u"Jones"_s);
    QVERIFY(dialog->message().contains(u"looks taken"_s));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    // Sent: the form is off until the engine answers, and cannot be closed.
    QVERIFY(dialog->isSending());
    QVERIFY(!dialog->isEnabled());
    dialog->reject();
    QVERIFY(dialog->isVisible());

    QTRY_VERIFY(!dialog->isSending());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->isEnabled());
    // The guest in the way is named, not their booking's id.
    QVERIFY2(dialog->message().startsWith(u"Table T2 is already booked from"_s)
                 && dialog->message().endsWith(u" by Smith."_s),
             qPrintable(dialog->message()));
    QCOMPARE(m_restaurant->lastPosition(), before);
    QVERIFY(cell(u"T2"_s, QTime(18, 30)).data(TimeSlotGridModel::BookingIdRole).isNull());
}

void tst_HostStandWindow::actionsChangeTheBookingsStatus_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("keyboard");
    QTest::addColumn<QKeySequence>("keys");
    QTest::addColumn<QTime>("now");
    QTest::addColumn<int>("before"); // the status to bring the booking to first
    QTest::addColumn<int>("after");
    QTest::addColumn<QString>("question");
    const QString cancelQuestion = u"Cancel the booking of Jones, 4 people at 19:00?"_s;
    const QString noShowQuestion
        = u"Mark Jones, 4 people at 19:00, as a no-show? Their table is freed."_s;
    const auto confirmed = int(BookingStatus::Confirmed);
    const auto seated = int(BookingStatus::Seated);
    for (const bool keyboard : {false, true}) {
        const QByteArray way = keyboard ? " from the keyboard" : " from the toolbar";
        QTest::newRow(QByteArray("cancel" + way).constData())
            << u"cancelBooking"_s << keyboard << QKeySequence(QKeySequence::Delete) << QTime(18, 0)
            << confirmed << int(BookingStatus::Cancelled) << cancelQuestion;
        QTest::newRow(QByteArray("arrived" + way).constData())
            << u"markArrived"_s << keyboard << QKeySequence(Qt::CTRL | Qt::Key_1) << QTime(18, 55)
            << confirmed << int(BookingStatus::Arrived) << QString();
        QTest::newRow(QByteArray("seated" + way).constData())
            << u"markSeated"_s << keyboard << QKeySequence(Qt::CTRL | Qt::Key_2) << QTime(19, 2)
            << confirmed << seated << QString();
        QTest::newRow(QByteArray("left" + way).constData())
            << u"markLeft"_s << keyboard << QKeySequence(Qt::CTRL | Qt::Key_3) << QTime(20, 10)
            << seated << int(BookingStatus::Left) << QString();
        QTest::newRow(QByteArray("no-show" + way).constData())
            << u"markNoShow"_s << keyboard << QKeySequence(Qt::CTRL | Qt::Key_4) << QTime(19, 20)
            << confirmed << int(BookingStatus::NoShow) << noShowQuestion;
    }
}

void tst_HostStandWindow::actionsChangeTheBookingsStatus()
{
    QFETCH(QString, action);
    QFETCH(bool, keyboard);
    QFETCH(QKeySequence, keys);
    QFETCH(QTime, now);
    QFETCH(int, before);
    QFETCH(int, after);
    QFETCH(QString, question);
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QVERIFY(!id.isEmpty());
    m_restaurant->clock().setNow(HostStandFixture::at(now));
    if (BookingStatus(before) == BookingStatus::Seated) {
        QVERIFY(m_restaurant->booker().seat(BookingId::create(id).value()).ok());
        QVERIFY(m_restaurant->settle());
    }
    QTRY_COMPARE(m_window->gridView()->spanRect(id).isValid(), true);
    pickBooking(id);
    auto *target = m_window->findChild<QAction *>(action);
    QVERIFY(target);
    QTRY_VERIFY(target->isEnabled());
    if (keyboard)
        QTest::keySequence(m_window->gridView(), keys);
    else
        clickAction(target);

    QTRY_COMPARE(int(m_restaurant->statusOf(id)), after);
    QCOMPARE(m_restaurant->prompt().questions,
             question.isEmpty() ? QStringList() : QStringList {question});
    QCOMPARE(m_restaurant->prompt().messages, QStringList());
    QTRY_VERIFY(!target->isEnabled());
}

void tst_HostStandWindow::declinedConfirmationLeavesTheBooking()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    pickBooking(id);
    m_restaurant->prompt().answer = false;
    const qint64 before = m_restaurant->lastPosition();
    clickAction(m_window->bookingActions()->cancel());
    QCOMPARE(m_restaurant->prompt().questions.size(), 1);
    QCOMPARE(m_restaurant->lastPosition(), before);
    QVERIFY(m_restaurant->statusOf(id) == BookingStatus::Confirmed);
}

// A cancel is in flight until the engine answered (the table is free):
// meanwhile no action can start a second command nor open a booking.
void tst_HostStandWindow::aCommandInFlightCannotBeStartedAgain()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    pickBooking(id);
    QAction *cancel = m_window->bookingActions()->cancel();
    QTRY_VERIFY(cancel->isEnabled());
    // As the command starts, the host presses again, and for a booking.
    bool sawInFlight = false;
    QMetaObject::Connection again = connect(cancel, &QAction::changed, this, [&] {
        if (!m_window->bookingActions()->isBusy())
            return;
        disconnect(again);
        sawInFlight = true;
        QVERIFY(!cancel->isEnabled());
        cancel->trigger();
        m_window->findChild<QAction *>(u"newBooking"_s)->trigger();
    });
    clickAction(cancel);

    QVERIFY(sawInFlight);
    QCOMPARE(m_restaurant->prompt().questions.size(), 1);
    QVERIFY(!bookingDialog());
    QTRY_VERIFY(m_restaurant->statusOf(id) == BookingStatus::Cancelled);
    QTRY_VERIFY(!m_window->bookingActions()->isBusy());
}

void tst_HostStandWindow::arrowKeysMoveAndEnterOpens()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    clickCell(u"T1"_s, QTime(18, 30));
    QTRY_VERIFY(bookingDialog());
    bookingDialog()->reject();
    QTRY_VERIFY(!bookingDialog());
    ui::TimeSlotGridView *grid = m_window->gridView();
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Right);
    QTest::keyClick(grid, Qt::Key_Right);
    QTest::keyClick(grid, Qt::Key_Down);
    QCOMPARE(grid->currentIndex(), cell(u"T2"_s, QTime(19, 0)));
    QCOMPARE(m_window->selectedBookingId(), id);
    QTest::keyClick(grid, Qt::Key_Return);
    QTRY_VERIFY(detailsDialog());
    QCOMPARE(detailsDialog()->bookingId(), id);
    QCOMPARE(detailsDialog()->statusText(), u"Confirmed"_s);
    detailsDialog()->reject();
    QTRY_VERIFY(!detailsDialog());

    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Left);
    QTest::keyClick(grid, Qt::Key_Return);
    QTRY_VERIFY(bookingDialog());
    QCOMPARE(bookingDialog()->request().tableId, u"T2"_s);
    QCOMPARE(bookingDialog()->request().start, HostStandFixture::at(QTime(18, 45)));
}

void tst_HostStandWindow::aWalkInIsSeatedFromTheFloorPlan()
{
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(19, 3)));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->floorPlanPage());
    ui::FloorPlanView *floor = m_window->floorPlanPage()->view();
    QTRY_VERIFY(!floor->tableCentre(u"T3"_s).isNull());
    QTest::mouseClick(floor->viewport(), Qt::LeftButton, {}, floor->tableCentre(u"T3"_s));
    QCOMPARE(m_window->floorPlanPage()->selectedTableId(), u"T3"_s);
    QTest::mouseClick(m_window->floorPlanPage()->walkInButton(), Qt::LeftButton);
    QTRY_VERIFY(bookingDialog());
    BookingDialog *dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::WalkIn);
    QCOMPARE(dialog->request().tableId, u"T3"_s);
    typeParty(dialog, 5);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!bookingDialog());

    const ui::FloorPlanTableItem *table = m_window->floorPlanPage()->scene()->tableItem(u"T3"_s);
    QTRY_VERIFY(table->state() == TableState::Occupied);
    QVERIFY(table->caption().contains(u"Walk-in (5)"_s));
    const QModelIndex seated = cell(u"T3"_s, QTime(19, 0));
    QTRY_COMPARE(seated.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Seated));
    QVERIFY(seated.data(TimeSlotGridModel::WalkInRole).toBool());
}

void tst_HostStandWindow::searchFindsAGuestOnAnotherDay()
{
    booker::BookingRequest tomorrow {u"P1"_s,
                                     HostStandFixture::at(QTime(20, 0)).addDays(1),
                                     3,
                                     u"Okafor"_s,
                                     u"+44 20 7946 0991"_s,
                                     {},
                                     {}};
    auto booked = m_restaurant->booker().book(tomorrow);
    QVERIFY(booked.ok());
    m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QVERIFY(m_restaurant->settle());

    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit *search = m_window->dayBar()->searchField();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, u"oka"_s);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->bookingListView());
    QTableView *list = m_window->bookingListView();
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, ui::BookingListModel::Guest).data().toString(), u"Okafor"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Return);

    QCOMPARE(m_window->tabs()->currentWidget(), m_window->gridView());
    QCOMPARE(m_window->date(), HostStandFixture::day().addDays(1));
    QCOMPARE(m_window->selectedBookingId(), booked.value().toString());
}

// The list's columns are as wide as what they can hold, not measured row by
// row at every change: a search's dated times, a phone, every status word.
void tst_HostStandWindow::theBookingListShowsEachColumnWhole()
{
    booker::BookingRequest request {u"T3"_s,
                                    HostStandFixture::at(QTime(20, 30)).addDays(3),
                                    6,
                                    u"Fernández-Okafor"_s,
                                    u"+44 20 7946 0991"_s,
                                    {},
                                    {}};
    QVERIFY(m_restaurant->booker().book(request).ok());
    const QString noShow = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Okafor"_s);
    QVERIFY(m_restaurant->settle());
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(19, 30)));
    QVERIFY(m_restaurant->booker().noShow(BookingId::create(noShow).value()).ok());
    QVERIFY(m_restaurant->settle());

    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(m_window->dayBar()->searchField(), u"okafor"_s);
    QTableView *list = m_window->bookingListView();
    QTRY_COMPARE(list->model()->rowCount(), 2);
    QHeaderView *header = list->horizontalHeader();
    // What the rows need, measured (QTableView hides it; the base class does not).
    const QAbstractItemView *rows = list;
    for (int column = 0; column < ui::BookingListModel::Note; ++column) {
        const QString title = list->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(column) >= rows->sizeHintForColumn(column),
                 qPrintable(u"%1 is %2 pixels wide for %3"_s.arg(title)
                                .arg(header->sectionSize(column))
                                .arg(rows->sizeHintForColumn(column))));
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column), qPrintable(title));
    }
}

void tst_HostStandWindow::draggingABookingMovesIt()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    QWidget *viewport = m_window->gridView()->viewport();
    const QPoint grab = cellCentre(u"T2"_s, QTime(19, 15));
    const QPoint drop = cellCentre(u"T3"_s, QTime(20, 15));
    QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
    QTest::mouseMove(viewport, grab + QPoint(20, 0));
    QTest::mouseMove(viewport, drop);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, drop);

    QCOMPARE(m_restaurant->prompt().questions.size(), 1);
    QVERIFY(m_restaurant->prompt().questions.constFirst().contains(
        u"from T2 at 19:00 to T3 at 20:00"_s));
    QVERIFY(m_restaurant->prompt().questions.constFirst().contains(
        u"keeps its place until the new one is confirmed"_s));
    // One booking from start to end: the same id, still confirmed, at its new place.
    const QModelIndex moved = cell(u"T3"_s, QTime(20, 0));
    QTRY_COMPARE(moved.data(TimeSlotGridModel::BookingIdRole).toString(), id);
    QCOMPARE(moved.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
    QCOMPARE(moved.data(TimeSlotGridModel::GuestRole).toString(), u"Jones"_s);
    QVERIFY(m_restaurant->statusOf(id) == BookingStatus::Confirmed);
    QVERIFY(cell(u"T2"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).isNull());
    QCOMPARE(m_restaurant->prompt().messages, QStringList());
}

void tst_HostStandWindow::aPlaceABookingCannotGoShowsRedWithWhyWhileDragged()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    m_restaurant->book(u"T3"_s, QTime(20, 0), 5, u"Rossi"_s);
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    QTRY_VERIFY(cell(u"T3"_s, QTime(20, 0)).data(TimeSlotGridModel::BookingIdRole).isValid());
    ui::TimeSlotGridView *grid = m_window->gridView();
    QWidget *viewport = grid->viewport();
    const qint64 written = m_restaurant->lastPosition();
    const QPoint grab = cellCentre(u"T2"_s, QTime(19, 0));
    QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
    QTest::mouseMove(viewport, grab + QPoint(20, 0));
    QTest::mouseMove(viewport, cellCentre(u"T1"_s, QTime(19, 0)));
    QVERIFY(grid->moveProblem());
    QCOMPARE(*grid->moveProblem(), u"T1 seats 2; the party is 4."_s);
    QTest::mouseMove(viewport, cellCentre(u"P1"_s, QTime(19, 30)));
    QVERIFY2(!grid->moveProblem(), qPrintable(grid->moveProblem().value_or(QString())));
    QTest::mouseMove(viewport, cellCentre(u"T3"_s, QTime(19, 0)));
    QCOMPARE(grid->moveProblem().value_or(QString()), u"T3 is taken then."_s);
    saveShots(*m_window, u"drag-cannot-go"_s);
    const QPoint drop = cellCentre(u"T3"_s, QTime(19, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, drop);

    // Refused before anything is asked or sent: the host is told why.
    QCOMPARE(m_restaurant->prompt().questions.size(), 0);
    QCOMPARE(m_window->statusBar()->currentMessage(), u"T3 is taken then."_s);
    QVERIFY(!grid->moveProblem());
    QCOMPARE(m_restaurant->lastPosition(), written);
    QCOMPARE(cell(u"T2"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).toString(), id);
}

void tst_HostStandWindow::altArrowsMoveThePickedBooking()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    pickBooking(id);
    ui::TimeSlotGridView *grid = m_window->gridView();

    QTest::keyClick(grid, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(m_restaurant->prompt().questions.size(), 1);
    QVERIFY(m_restaurant->prompt().questions.constLast().contains(
        u"from T2 at 19:00 to T3 at 19:00"_s));
    QTRY_COMPARE(cell(u"T3"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).toString(), id);
    QTRY_COMPARE(m_window->selectedBookingId(), id);

    QTest::keyClick(grid, Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(m_restaurant->prompt().questions.size(), 2);
    QVERIFY(m_restaurant->prompt().questions.constLast().contains(u"to T3 at 19:15"_s));
    // The span leaves 19:00 (at 19:15 it was already).
    QTRY_VERIFY(
        cell(u"T3"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).toString().isEmpty());
    QCOMPARE(cell(u"T3"_s, QTime(19, 15)).data(TimeSlotGridModel::BookingIdRole).toString(), id);
    QTRY_COMPARE(m_window->selectedBookingId(), id);

    QTest::keyClick(grid, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_restaurant->prompt().questions.size(), 3);
    QTRY_COMPARE(cell(u"T2"_s, QTime(19, 15)).data(TimeSlotGridModel::BookingIdRole).toString(),
                 id);
    QVERIFY(
        cell(u"T3"_s, QTime(19, 15)).data(TimeSlotGridModel::BookingIdRole).toString().isEmpty());
    QTRY_COMPARE(m_window->selectedBookingId(), id);
    // T1 seats 2: refused with why, nothing asked.
    QTest::keyClick(grid, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_restaurant->prompt().questions.size(), 3);
    QCOMPARE(m_window->statusBar()->currentMessage(), u"T1 seats 2; the party is 4."_s);
    QVERIFY(m_restaurant->statusOf(id) == BookingStatus::Confirmed);
}

void tst_HostStandWindow::ctrlEChangesThePickedBookingUnderItsOwnId()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    m_restaurant->book(u"T3"_s, QTime(19, 0), 5, u"Rossi"_s);
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    pickBooking(id);
    QTRY_VERIFY(m_window->findChild<QAction *>(u"editBooking"_s)->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::Edit);
    QCOMPARE(dialog->windowTitle(), u"Edit booking · Jones"_s);
    QCOMPARE(dialog->guestField()->text(), u"Jones"_s);
    QCOMPARE(dialog->partyField()->value(), 4);
    QCOMPARE(dialog->request().tableId, u"T2"_s);
    QCOMPARE(dialog->request().start, HostStandFixture::at(QTime(19, 0)));
    // Its own place counts as free; nothing is sent until something changes.
    QCOMPARE(offeredTables(dialog), (QStringList {u"P1"_s, u"T2"_s}));
    QCOMPARE(whyNotOffered(dialog, u"T3"_s), u"taken"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY2(dialog->message().contains(u"nothing has changed yet"_s),
             qPrintable(dialog->message()));
    QVERIFY(dialog->changeRequest().isEmpty());

    // Onto Rossi's table: the booker refuses, the dialog says why and stays.
    typeParty(dialog, 5);
    QTRY_VERIFY(dialog->message().contains(u"Table T2 seats 4"_s));
    QVERIFY(!dialog->okButton()->isEnabled());
    chooseWithKeys(dialog->tableField(),
                   dialog->tableField()->itemText(dialog->tableField()->findData(u"T3"_s)));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog->message().contains(u"by Rossi"_s));
    QVERIFY(dialog->isVisible());
    saveShots(*dialog, u"edit-booking-refused"_s);
    QCOMPARE(cell(u"T2"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).toString(), id);
    QCOMPARE(cell(u"T2"_s, QTime(19, 0)).data(TimeSlotGridModel::PartySizeRole).toInt(), 4);

    // To the patio for three, with a note: the same booking, at its new place.
    typeParty(dialog, 3);
    chooseWithKeys(dialog->tableField(),
                   dialog->tableField()->itemText(dialog->tableField()->findData(u"P1"_s)));
    QTest::keyClicks(dialog->noteField(), u"by the heater"_s);
    const booker::BookingChangeRequest change = dialog->changeRequest();
    QCOMPARE(change.tableId, std::optional(u"P1"_s));
    QCOMPARE(change.partySize, std::optional(3));
    QCOMPARE(change.note, std::optional(u"by the heater"_s));
    QVERIFY(!change.start && !change.durationMinutes && !change.guestName);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    const QModelIndex moved = cell(u"P1"_s, QTime(19, 0));
    QTRY_COMPARE(moved.data(TimeSlotGridModel::BookingIdRole).toString(), id);
    QCOMPARE(moved.data(TimeSlotGridModel::PartySizeRole).toInt(), 3);
    QCOMPARE(moved.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
    QVERIFY(cell(u"T2"_s, QTime(19, 0)).data(TimeSlotGridModel::BookingIdRole).isNull());
    QCOMPARE(m_window->selectedBookingId(), id);
    QVERIFY(m_restaurant->statusOf(id) == BookingStatus::Confirmed);
}

void tst_HostStandWindow::theTopShowsCoversAndTheStatusBarTheStore()
{
    m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    m_restaurant->book(u"T3"_s, QTime(20, 0), 5, u"Rossi"_s);
    QTRY_COMPARE(m_window->dayBar()->coversLabel()->text(), u"<b>9</b> covers booked · 16 seats"_s);
    const auto labels = m_window->statusBar()->findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts.append(label->text());
    QVERIFY(texts.contains(u"Store: %1"_s.arg(m_restaurant->storePath())));
    QVERIFY(texts.contains(u"Terminal: stand-1"_s));
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_window->date(), HostStandFixture::day().addDays(1));
    QTRY_COMPARE(m_window->dayBar()->coversLabel()->text(), u"<b>0</b> covers booked · 16 seats"_s);
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(m_window->date(), HostStandFixture::day());
}

void tst_HostStandWindow::othersPlugInAViewAndAnAction()
{
    auto *log = new QLabel(u"the event log"_s);
    const int tab = m_window->addViewTab(log, QIcon(), u"&Event log"_s);
    QCOMPARE(m_window->tabs()->widget(tab), log);
    QCOMPARE(log->accessibleName(), u"Event log"_s);
    auto *print = new QAction(u"&Print day sheet…"_s, m_window.get());
    print->setShortcut(QKeySequence::Print);
    int printed = 0;
    connect(print, &QAction::triggered, this, [&printed] { ++printed; });
    m_window->addToolAction(print);
    QVERIFY(m_window->toolsMenu()->actions().contains(print));
    QWidget *button = m_window->actionsToolBar()->widgetForAction(print);
    QVERIFY(button);
    QCOMPARE(button->accessibleName(), u"Print day sheet"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(printed, 2);
    int days = 0;
    connect(m_window.get(), &ui::HostStandWindow::dayChanged, this,
            [&days](const QDate &date, const QString &service) {
                days += date == HostStandFixture::day().addDays(1) && service == u"dinner"_s;
            });
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(days, 1);
}

void tst_HostStandWindow::ctrlNOpensANewBookingAtTheCurrentCellAndOkBooksIt()
{
    // The host has the grid's cursor on T3 at 20:00.
    ui::TimeSlotGridView *grid = m_window->gridView();
    grid->setFocus();
    grid->setCurrentIndex(cell(u"T3"_s, QTime(20, 0)));
    QVERIFY(!bookingDialog());
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::Ahead);
    QCOMPARE(dialog->request().tableId, u"T3"_s);
    QCOMPARE(dialog->request().start, HostStandFixture::at(QTime(20, 0)));
    QTest::keyClicks(dialog->guestField(), u"Nakamura"_s);
    typeParty(dialog, 5);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(!dialog);
    const QModelIndex booked = cell(u"T3"_s, QTime(20, 0));
    QTRY_COMPARE(booked.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
    QCOMPARE(booked.data(TimeSlotGridModel::GuestRole).toString(), u"Nakamura"_s);
    QCOMPARE(booked.data(TimeSlotGridModel::PartySizeRole).toInt(), 5);
}

void tst_HostStandWindow::ctrlWOpensTheWalkInDialogAndOkSeatsTheParty()
{
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(19, 3)));
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::WalkIn);
    typeParty(dialog, 3);
    // No table is picked: the dialog suggests a free one that fits the party as typed.
    const QString table = dialog->walkInRequest().tableId;
    QVERIFY2(offeredTables(dialog).contains(table), qPrintable(table));
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(!dialog);
    const QModelIndex seated = cell(table, QTime(19, 0));
    QTRY_COMPARE(seated.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Seated));
    QVERIFY(seated.data(TimeSlotGridModel::WalkInRole).toBool());
    QCOMPARE(seated.data(TimeSlotGridModel::PartySizeRole).toInt(), 3);
}

// A party larger than every table is not offered a table too small; a
// party whose tables are all taken is told which frees up first, and when.
void tst_HostStandWindow::aWalkInNoTableCanTakeIsToldWhyAndWhenOneFreesUp()
{
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(17, 0)));
    const QString smith = m_restaurant->book(u"T3"_s, QTime(19, 0), 6, u"Smith"_s, 120);
    QVERIFY(!smith.isEmpty());
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(19, 3)));
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::WalkIn);

    typeParty(dialog, 8);
    QCOMPARE(dialog->walkInRequest().tableId, QString());
    QVERIFY(!dialog->okButton()->isEnabled());
    QCOMPARE(dialog->message(), u"No table seats a party of 8; the largest seats 6."_s);

    typeParty(dialog, 6);
    QCOMPARE(dialog->walkInRequest().tableId, QString());
    QVERIFY(!dialog->okButton()->isEnabled());
    QCOMPARE(dialog->message(),
             u"Every table that seats a party of 6 is taken now; the first to "
             "free up is T3, at 21:00."_s);
    QCOMPARE(dialog->tableField()->placeholderText(), u"No free table fits the party"_s);
    saveShots(*dialog, u"walk-in-nothing-fits"_s);

    // The host may still pick a table by hand, and is told what is wrong with it.
    chooseWithKeys(dialog->tableField(), u"T2 · 4 seats · too small"_s);
    QCOMPARE(dialog->walkInRequest().tableId, u"T2"_s);
    QVERIFY(dialog->message().startsWith(u"Table T2 seats 4"_s));

    // A party that fits is offered the smallest free table again.
    typeParty(dialog, 2);
    QCOMPARE(dialog->walkInRequest().tableId, u"T2"_s); // the host's choice stays
    dialog->reject();
    QTRY_VERIFY(!dialog);
    QVERIFY(m_restaurant->statusOf(smith) == BookingStatus::Confirmed);
}

// A booking's step the table-locking saga could not take (an event it cannot
// read, as an older or broken terminal might write) shows in the status bar
// as a booking that needs attention, with the booking and why.
void tst_HostStandWindow::aSagaStepSetAsideShowsAsABookingThatNeedsAttention()
{
    auto *label = m_window->findChild<QLabel *>(u"needsAttention"_s);
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    HS_VERIFY_OK(m_restaurant->store().append(
        u"booking-0123456789ab"_s,
        {EventData::fromJson(u"table-booking-initiated"_s, QJsonObject {{u"nonsense"_s, 1}},
                             QJsonObject {{u"$correlationId"_s, u"0123456789ab"_s}})},
        ExpectedRevision::any()));
    QTRY_VERIFY(!m_restaurant->store().parkedEvents(TableLockingSaga::GroupName).value().isEmpty());
    m_window->refreshAttention();
    QTRY_VERIFY(label->isVisible());
    if (const QString shots = qEnvironmentVariable("HOSTSTAND_SHOTS_DIR"); !shots.isEmpty()) {
        m_window->resize(1024, 640);
        m_window->grab().save(shots + u"/needs-attention.png"_s);
    }
    QCOMPARE(label->text(), u"1 booking needs attention"_s);
    QVERIFY2(label->toolTip().contains(u"Booking 0123456789ab"_s), qPrintable(label->toolTip()));
    QVERIFY2(label->toolTip().contains(u"cannot read"_s), qPrintable(label->toolTip()));
}

void tst_HostStandWindow::theStatusBarTellsAClockOutOfStepFromOneSetOnPurpose_data()
{
    QTest::addColumn<bool>("deliberate");
    QTest::addColumn<QString>("label");
    QTest::newRow("the terminal's own clock a day ahead is a warning")
        << false << u"Clock out of step"_s;
    QTest::newRow("a clock set on purpose (--now) is named plainly")
        << true << u"Clock set to Fri 17 May 2030 17:00"_s;
}

// A terminal whose clock is a day ahead of the store's: the status bar says
// so, in red when nobody set it so on purpose, and then a walk-in (which
// depends on the time) is refused.
void tst_HostStandWindow::theStatusBarTellsAClockOutOfStepFromOneSetOnPurpose()
{
    QFETCH(bool, deliberate);
    QFETCH(QString, label);
    QTemporaryDir dir;
    ManualClock clock(HostStandFixture::at(QTime(17, 0)));
    ManualClock storeClock(clock.now().addDays(-1));
    RestaurantOptions options;
    options.store = dir.filePath(u"s.hoststand"_s);
    options.clockIsDeliberate = deliberate;
    options.storeTime = StoreClock::following(storeClock);
    auto engine = Engine::open(options, clock);
    HS_VERIFY_OK(engine);
    ScriptedPrompt prompt;
    ui::HostStandWindow window({*engine.value(), prompt, u"stand-2"_s});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *clockLabel = window.findChild<QLabel *>(u"clockWarning"_s);
    QVERIFY(clockLabel && clockLabel->isVisible());
    QCOMPARE(clockLabel->text(), label);
    QVERIFY2(clockLabel->toolTip().contains(u"ahead of the store's"_s),
             qPrintable(clockLabel->toolTip()));
    saveShots(window, deliberate ? u"clock-set"_s : u"clock-out-of-step"_s);
    booker::WalkInRequest request {u"T1"_s, 2, u"Lee"_s, {}, {}};
    auto walkedIn = engine.value()->view().booker().walkIn(request);
    QCOMPARE(walkedIn.ok(), deliberate ? walkedIn.ok() : false);
    if (!deliberate)
        QCOMPARE(walkedIn.error().code(), DomainError::Code::ClockOutOfStep);
}

void tst_HostStandWindow::altLeftAndThePreviousDayButtonShowTheDayBefore()
{
    const QString today = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    const QString tomorrow = bookTomorrow(u"P1"_s, QTime(20, 0), 3, u"Okafor"_s);
    QVERIFY(!today.isEmpty() && !tomorrow.isEmpty());
    const TimeSlotGridModel *grid = m_window->gridModel();
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_window->date(), HostStandFixture::day().addDays(2));
    QVERIFY(!grid->indexOfBooking(tomorrow).isValid());

    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->date(), HostStandFixture::day().addDays(1));
    QTRY_VERIFY(grid->indexOfBooking(tomorrow).isValid());
    QVERIFY(!grid->indexOfBooking(today).isValid());

    ui::DayBar *dayBar = m_window->dayBar();
    QWidget *previous = dayBar->widgetForAction(dayBar->previousDayAction());
    QVERIFY(previous);
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(m_window->date(), HostStandFixture::day());
    QTRY_VERIFY(grid->indexOfBooking(today).isValid());
    QVERIFY(!grid->indexOfBooking(tomorrow).isValid());
}

void tst_HostStandWindow::doubleClickingABookingOpensIt()
{
    const QString id = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    cellCentre(u"T2"_s, QTime(19, 0)); // scrolls the booking into view
    QTRY_VERIFY(m_window->gridView()->spanRect(id).isValid());
    const qint64 before = m_restaurant->lastPosition();
    QTest::mouseDClick(m_window->gridView()->viewport(), Qt::LeftButton, {},
                       m_window->gridView()->spanRect(id).center());
    QTRY_VERIFY(detailsDialog());
    QCOMPARE(detailsDialog()->bookingId(), id);
    QCOMPARE(detailsDialog()->statusText(), u"Confirmed"_s);
    // Opening a booking is neither a new booking nor a move.
    QVERIFY(!bookingDialog());
    QCOMPARE(m_restaurant->prompt().questions, QStringList());
    QCOMPARE(m_restaurant->lastPosition(), before);

    // Its Edit button opens the booking dialog on it.
    QToolButton *edit = nullptr;
    for (QToolButton *button : detailsDialog()->findChildren<QToolButton *>()) {
        if (button->defaultAction() && button->defaultAction()->objectName() == u"editBooking"_s)
            edit = button;
    }
    QVERIFY(edit);
    QVERIFY(edit->isEnabled());
    QTest::mouseClick(edit, Qt::LeftButton);
    QTRY_VERIFY(bookingDialog());
    QCOMPARE(bookingDialog()->mode(), BookingDialog::Mode::Edit);
    QCOMPARE(bookingDialog()->booking()->id, id);
}

// T1 seats 2, T2 and P1 seat 4, T3 seats 6; Smith holds T2 from 19:00 to 20:45.
void tst_HostStandWindow::theDialogOffersTheFreeTablesThatFitAsPartyAndTimeChange()
{
    QVERIFY(!m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Smith"_s).isEmpty());
    clickCell(u"T3"_s, QTime(19, 0));
    QTRY_VERIFY(bookingDialog());
    BookingDialog *dialog = bookingDialog();
    typeParty(dialog, 4);
    QCOMPARE(offeredTables(dialog), (QStringList {u"P1"_s, u"T3"_s}));
    QVERIFY(dialog->tableField()->itemText(0).endsWith(u" · free"_s));
    QCOMPARE(whyNotOffered(dialog, u"T1"_s), u"too small"_s);
    QCOMPARE(whyNotOffered(dialog, u"T2"_s), u"taken"_s);
    QCOMPARE(dialog->request().tableId, u"T3"_s);

    typeParty(dialog, 6);
    QCOMPARE(offeredTables(dialog), QStringList {u"T3"_s});
    QCOMPARE(whyNotOffered(dialog, u"P1"_s), u"too small"_s);

    typeParty(dialog, 2);
    QCOMPARE(offeredTables(dialog), (QStringList {u"P1"_s, u"T1"_s, u"T3"_s}));
    QCOMPARE(whyNotOffered(dialog, u"T2"_s), u"taken"_s);
    // The table the host clicked stays chosen while the party changes.
    QCOMPARE(dialog->request().tableId, u"T3"_s);

    // At 21:00 Smith has gone.
    chooseWithKeys(dialog->timeField(), u"21:00 · dinner"_s);
    QCOMPARE(dialog->request().start, HostStandFixture::at(QTime(21, 0)));
    QCOMPARE(offeredTables(dialog), (QStringList {u"P1"_s, u"T1"_s, u"T2"_s, u"T3"_s}));
    chooseWithKeys(dialog->timeField(), u"20:30 · dinner"_s);
    QCOMPARE(offeredTables(dialog), (QStringList {u"P1"_s, u"T1"_s, u"T3"_s}));
}

// Ahead, with every table large enough taken at the time chosen: no table is
// suggested, the dialog says so, and a time when one is free brings the
// suggestion back.
void tst_HostStandWindow::aBookingNoFreeTableFitsIsToldToTryAnotherTime()
{
    QVERIFY(!m_restaurant->book(u"T3"_s, QTime(19, 0), 6, u"Smith"_s).isEmpty());
    clickCell(u"T1"_s, QTime(19, 0));
    QTRY_VERIFY(bookingDialog());
    BookingDialog *dialog = bookingDialog();
    QTest::keyClicks(dialog->guestField(), u"Jones"_s);
    typeParty(dialog, 6);
    // The cell's table (T1) was the host's click, but seats 2: it stays chosen.
    QCOMPARE(dialog->request().tableId, u"T1"_s);
    QVERIFY(dialog->message().startsWith(u"Table T1 seats 2"_s));

    // Without the host's choice, nothing is suggested.
    dialog->tableField()->setCurrentIndex(-1);
    QVERIFY(!dialog->okButton()->isEnabled());
    chooseWithKeys(dialog->timeField(), u"19:15 · dinner"_s);
    QCOMPARE(dialog->request().tableId, QString());
    QCOMPARE(dialog->message(),
             u"Every table that seats a party of 6 is taken at 19:15; choose another time."_s);
    QVERIFY(!dialog->okButton()->isEnabled());

    typeParty(dialog, 9);
    QCOMPARE(dialog->message(), u"No table seats a party of 9; the largest seats 6."_s);
}

void tst_HostStandWindow::theFloorPlansBookButtonBooksThePickedTable()
{
    showFloorPlan();
    ui::FloorPlanPage *page = m_window->floorPlanPage();
    QVERIFY(!page->bookButton()->isEnabled());
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {},
                      page->view()->tableCentre(u"P1"_s));
    QCOMPARE(page->selectedTableId(), u"P1"_s);
    QVERIFY(page->bookButton()->isEnabled());
    QTest::mouseClick(page->bookButton(), Qt::LeftButton);
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::Ahead);
    QCOMPARE(dialog->request().tableId, u"P1"_s);
    QTest::keyClicks(dialog->guestField(), u"Lindqvist"_s);
    typeParty(dialog, 4);
    chooseWithKeys(dialog->timeField(), u"19:30 · dinner"_s);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(!dialog);
    const QModelIndex booked = cell(u"P1"_s, QTime(19, 30));
    QTRY_COMPARE(booked.data(TimeSlotGridModel::StatusRole).toInt(), int(BookingStatus::Confirmed));
    QCOMPARE(booked.data(TimeSlotGridModel::GuestRole).toString(), u"Lindqvist"_s);
}

void tst_HostStandWindow::theFloorPlansMomentShowsEachTableAsItIsThen()
{
    QVERIFY(!m_restaurant->book(u"T1"_s, QTime(19, 0), 2, u"Jones"_s).isEmpty());
    showFloorPlan();
    ui::FloorPlanPage *page = m_window->floorPlanPage();
    const ui::FloorPlanTableItem *t1 = page->scene()->tableItem(u"T1"_s);
    const ui::FloorPlanTableItem *t2 = page->scene()->tableItem(u"T2"_s);
    QCOMPARE(page->momentBox()->currentText(), u"Now"_s);
    QTRY_VERIFY(t1->state() == TableState::Free);

    chooseWithKeys(page->momentBox(), u"19:15 · dinner"_s);
    QCOMPARE(page->moment(), HostStandFixture::at(QTime(19, 15)));
    QTRY_VERIFY(t1->state() == TableState::Locked);
    QVERIFY(t1->caption().contains(u"Jones"_s));
    QVERIFY(t2->state() == TableState::Free);

    chooseWithKeys(page->momentBox(), u"18:30 · dinner"_s);
    QTRY_VERIFY(t1->state() == TableState::BookedSoon);
    chooseWithKeys(page->momentBox(), u"21:00 · dinner"_s);
    QTRY_VERIFY(t1->state() == TableState::Free);
    chooseWithKeys(page->momentBox(), u"Now"_s);
    QTRY_VERIFY(t1->state() == TableState::Free);
    QCOMPARE(page->moment(), m_restaurant->clock().now());
}

void tst_HostStandWindow::doubleClickingATableOnTheFloorPlanSeatsAWalkInThere()
{
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(19, 3)));
    showFloorPlan();
    ui::FloorPlanView *floor = m_window->floorPlanPage()->view();
    QVERIFY(!bookingDialog());
    QTest::mouseDClick(floor->viewport(), Qt::LeftButton, {}, floor->tableCentre(u"P1"_s));
    QTRY_VERIFY(bookingDialog());
    QPointer<BookingDialog> dialog = bookingDialog();
    QCOMPARE(dialog->mode(), BookingDialog::Mode::WalkIn);
    QCOMPARE(dialog->walkInRequest().tableId, u"P1"_s);
    typeParty(dialog, 4);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(!dialog);
    const ui::FloorPlanTableItem *table = m_window->floorPlanPage()->scene()->tableItem(u"P1"_s);
    QTRY_VERIFY(table->state() == TableState::Occupied);
    QVERIFY(table->caption().contains(u"Walk-in (4)"_s));
}

void tst_HostStandWindow::theServiceBoxShowsThatServicesColumns()
{
    const QString lunch = bookTomorrow(u"T2"_s, QTime(12, 30), 2, u"Lunch guest"_s);
    const QString dinner = bookTomorrow(u"T2"_s, QTime(19, 0), 2, u"Dinner guest"_s);
    QVERIFY(!lunch.isEmpty() && !dinner.isEmpty());
    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    const TimeSlotGridModel *grid = m_window->gridModel();
    const QDateTime tomorrow = HostStandFixture::at(QTime(0, 0)).addDays(1);
    QCOMPARE(m_window->service(), u"dinner"_s);
    QCOMPARE(grid->index(0, 0).data(TimeSlotGridModel::SlotStartRole).toDateTime(),
             tomorrow.addSecs(18 * 3600 + 30 * 60));
    QVERIFY(grid->indexOfBooking(dinner).isValid());
    QVERIFY(!grid->indexOfBooking(lunch).isValid());

    QComboBox *services = m_window->dayBar()->serviceBox();
    QCOMPARE(services->count(), 2);
    chooseWithKeys(services, u"Lunch"_s);
    QCOMPARE(m_window->service(), u"lunch"_s);
    QCOMPARE(grid->index(0, 0).data(TimeSlotGridModel::SlotStartRole).toDateTime(),
             tomorrow.addSecs(12 * 3600));
    QTRY_VERIFY(grid->indexOfBooking(lunch).isValid());
    QVERIFY(!grid->indexOfBooking(dinner).isValid());
    QCOMPARE(grid->index(grid->rowOfTable(u"T2"_s),
                         int(grid->columnAt(tomorrow.addSecs(12 * 3600 + 30 * 60))))
                 .data(TimeSlotGridModel::GuestRole)
                 .toString(),
             u"Lunch guest"_s);
}

void tst_HostStandWindow::theDateEditShowsThatDaysBookings()
{
    const QString today = m_restaurant->book(u"T2"_s, QTime(19, 0), 4, u"Jones"_s);
    const QString tomorrow = bookTomorrow(u"P1"_s, QTime(20, 0), 3, u"Okafor"_s);
    QVERIFY(!today.isEmpty() && !tomorrow.isEmpty());
    const TimeSlotGridModel *grid = m_window->gridModel();
    QTRY_VERIFY(grid->indexOfBooking(today).isValid());

    QDateEdit *dateEdit = m_window->dayBar()->dateEdit();
    dateEdit->setFocus();
    dateEdit->setCurrentSection(QDateTimeEdit::DaySection);
    QTest::keyClick(dateEdit, Qt::Key_Up);
    QCOMPARE(m_window->date(), HostStandFixture::day().addDays(1));
    QTRY_VERIFY(grid->indexOfBooking(tomorrow).isValid());
    QVERIFY(!grid->indexOfBooking(today).isValid());
    QTRY_COMPARE(m_window->dayBar()->coversLabel()->text(), u"<b>3</b> covers booked · 16 seats"_s);

    QTest::keyClick(dateEdit, Qt::Key_Down);
    QCOMPARE(m_window->date(), HostStandFixture::day());
    QTRY_VERIFY(grid->indexOfBooking(today).isValid());
    QVERIFY(!grid->indexOfBooking(tomorrow).isValid());
}

void tst_HostStandWindow::everyControlHasAnAccessibleName()
{
    clickCell(u"T2"_s, QTime(19, 0));
    QTRY_VERIFY(bookingDialog());
    QStringList unnamed;
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QComboBox *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QAbstractItemView *>(widget)
            || qobject_cast<QTabBar *>(widget) || qobject_cast<QGraphicsView *>(widget);
        if (!control || !widget->isVisibleTo(m_window.get())
            || widget->objectName().startsWith(u"qt_"_s))
            continue;
        // A line edit inside a spin box or a combo box speaks for its owner.
        if (qobject_cast<QLineEdit *>(widget)
            && (qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || qobject_cast<QComboBox *>(widget->parentWidget())))
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        if (widget->accessibleName().isEmpty() && !(button && !button->text().isEmpty()))
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' '
                           + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

void tst_HostStandWindow::statusColoursReadInLightAndDarkPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void tst_HostStandWindow::statusColoursReadInLightAndDarkPalettes()
{
    QFETCH(bool, dark);
    QPalette palette;
    palette.setColor(QPalette::Base, dark ? QColor(0x1e, 0x1e, 0x1e) : Qt::white);
    palette.setColor(QPalette::Text, dark ? QColor(0xee, 0xee, 0xee) : Qt::black);
    const ui::StatusStyle style(palette);
    QCOMPARE(style.isDark(), dark);
    for (const auto status :
         {BookingStatus::Initiated, BookingStatus::Confirmed, BookingStatus::Arrived,
          BookingStatus::Seated, BookingStatus::Left, BookingStatus::NoShow}) {
        const ui::StatusStyle::Look look = style.booking(status);
        QVERIFY2(ui::StatusStyle::contrast(look.text, look.fill) >= 4.5,
                 qPrintable(ui::StatusStyle::word(status)));
        QVERIFY(!ui::StatusStyle::word(status).isEmpty());
    }
    for (const auto state :
         {TableState::Free, TableState::BookedSoon, TableState::Occupied, TableState::Locked}) {
        const ui::StatusStyle::Look look = style.table(state);
        QVERIFY(ui::StatusStyle::contrast(look.text, look.fill) >= 4.5);
        // The table's outline stands out from the floor around it.
        QVERIFY(ui::StatusStyle::contrast(look.border, palette.color(QPalette::Base)) >= 3.0);
    }
    QVERIFY(ui::StatusStyle::contrast(style.nowLine(), palette.color(QPalette::Base)) >= 3.0);
}

QTEST_MAIN(tst_HostStandWindow)
#include "tst_hoststandwindow.moc"
