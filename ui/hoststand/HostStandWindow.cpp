#include "ui/hoststand/HostStandWindow.h"

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "eventstore/EventStore.h"
#include "readmodel/ReadModel.h"
#include "ui/booking/BookingActions.h"
#include "ui/booking/BookingDetailsDialog.h"
#include "ui/booking/BookingListModel.h"
#include "ui/booking/BookingMove.h"
#include "ui/common/NotReadOverlay.h"
#include "ui/common/PaletteIconEngine.h"
#include "ui/common/Prompt.h"
#include "ui/common/ReadState.h"
#include "ui/common/StatusStyle.h"
#include "ui/common/UiResources.h"
#include "ui/common/WhenAnswered.h"
#include "ui/floorplan/FloorPlanModel.h"
#include "ui/floorplan/FloorPlanPage.h"
#include "ui/floorplan/FloorPlanView.h"
#include "ui/grid/TimeSlotGridModel.h"
#include "ui/grid/TimeSlotGridView.h"
#include "ui/hoststand/DayBar.h"
#include "ui/store/StoreStatus.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hoststand::ui {
namespace {

// How often the line at now and the floor plan's "now" move on.
constexpr auto NowInterval = 30s;
constexpr auto MessageTimeout = 15s;

// The booking list's columns as wide as what they hold at the most (a
// time with its date, as a search shows it; a status word), the guest's
// roomy, the note the rest; the host may drag them wider. Measuring the
// rows instead (ResizeToContents) measured every booking's text again at
// each change, 40 ms of a burst of a thousand.
void fitBookingColumns(QTableView &view)
{
    const QFontMetrics metrics = view.fontMetrics();
    const QFontMetrics headerMetrics = view.horizontalHeader()->fontMetrics();
    const int margin = metrics.averageCharWidth() * 2 + 8;
    int status = 0;
    for (int value = int(BookingStatus::Initiated); value <= int(BookingStatus::NoShow); ++value)
        status
            = std::max(status, metrics.horizontalAdvance(StatusStyle::word(BookingStatus(value))));
    const std::pair<BookingListModel::Column, int> widths[] = {
        {BookingListModel::Time, metrics.horizontalAdvance(u"Wed 30 Sep 00:00–00:00"_s)},
        {BookingListModel::Table, metrics.horizontalAdvance(u"T000"_s)},
        {BookingListModel::Party, metrics.horizontalAdvance(u"000"_s)},
        {BookingListModel::Guest, metrics.averageCharWidth() * 28},
        {BookingListModel::Phone, metrics.horizontalAdvance(u"+000 000 000 000 00"_s)},
        {BookingListModel::Status, status},
    };
    QHeaderView *header = view.horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    for (const auto &[column, width] : widths) {
        const QString title = view.model()->headerData(column, Qt::Horizontal).toString();
        // The header's own label, and room for the sort arrow.
        const int titleWidth = headerMetrics.horizontalAdvance(title) + headerMetrics.height();
        header->resizeSection(column, std::max(width, titleWidth) + margin);
    }
}

QString refusalOf(const DomainError &error)
{
    return error.message();
}

// A booking that holds its table may change (Booking::change).
bool isChangeable(BookingStatus status)
{
    return status == BookingStatus::Confirmed || status == BookingStatus::Arrived
        || status == BookingStatus::Seated;
}

} // namespace

HostStandWindow::HostStandWindow(HostStandServices services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(std::move(services))
    , m_calendar(m_services.restaurant().readModel()->settings())
    , m_gridModel(new TimeSlotGridModel(*m_services.restaurant().readModel(), this))
    , m_floorModel(new FloorPlanModel(*m_services.restaurant().readModel(), this))
    , m_listModel(new BookingListModel(*m_services.restaurant().readModel(), this))
    , m_listProxy(new QSortFilterProxyModel(this))
    , m_dayBar(new DayBar(this))
    , m_tabs(new QTabWidget(this))
    , m_gridView(new TimeSlotGridView(this))
    , m_floorPage(new FloorPlanPage(*m_floorModel, this))
    , m_listView(new QTableView(this))
    , m_actionsBar(new QToolBar(u"Booking"_s, this))
    , m_bookingActions(new BookingActions(m_services.engine, m_services.prompt, this))
    , m_newBooking(new QAction(PaletteIconEngine::icon(u"new-booking"_s), u"&New booking…"_s, this))
    , m_walkIn(new QAction(PaletteIconEngine::icon(u"walk-in"_s), u"&Walk-in…"_s, this))
    , m_openBooking(new QAction(u"&Open booking"_s, this))
    , m_editBooking(
          new QAction(PaletteIconEngine::icon(u"edit-booking"_s), u"&Edit booking…"_s, this))
    , m_storeLabel(new QLabel(this))
    , m_clockLabel(new QLabel(this))
    , m_attentionLabel(new QLabel(this))
    , m_attentionTimer(new QTimer(this))
    , m_terminalLabel(new QLabel(this))
    , m_nowTimer(new QTimer(this))
{
    initUiResources();
    setObjectName(u"hostStandWindow"_s);
    setWindowTitle(u"Hoststand — Host stand"_s);
    setWindowIcon(QIcon(u":/hoststand.svg"_s));
    setAccessibleName(u"Host stand"_s);
    buildViews();
    buildActions();
    buildMenus();
    buildStatusBar();
    connectSignals();
    m_nowTimer->start(NowInterval);
    goToday();
}

// The children outlive this destructor (QWidget deletes them later); their
// last signals must not reach a window that is no longer one.
HostStandWindow::~HostStandWindow()
{
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
}

void HostStandWindow::buildViews()
{
    m_gridView->setModel(m_gridModel);
    m_listProxy->setSourceModel(m_listModel);
    m_listProxy->setSortRole(BookingListModel::StartRole);
    m_listView->setModel(m_listProxy);
    m_listView->setObjectName(u"bookingList"_s);
    m_listView->setAccessibleName(u"Bookings"_s);
    m_listView->setSortingEnabled(true);
    m_listView->sortByColumn(BookingListModel::Time, Qt::AscendingOrder);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setAlternatingRowColors(true);
    m_listView->verticalHeader()->hide();
    fitBookingColumns(*m_listView);

    // Every view says the same when what it shows could not be read.
    new NotReadOverlay(m_gridModel->readState(), m_gridView->viewport());
    new NotReadOverlay(m_floorModel->readState(), m_floorPage->view()->viewport());
    new NotReadOverlay(m_listModel->readState(), m_listView->viewport());

    m_tabs->setObjectName(u"views"_s);
    m_tabs->setAccessibleName(u"Views"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_gridView, PaletteIconEngine::icon(u"grid"_s), u"&Grid"_s);
    m_tabs->addTab(m_floorPage, PaletteIconEngine::icon(u"floor-plan"_s), u"&Floor plan"_s);
    m_tabs->addTab(m_listView, PaletteIconEngine::icon(u"search"_s), u"&Bookings"_s);
    setCentralWidget(m_tabs);
    addToolBar(Qt::TopToolBarArea, m_dayBar);
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, m_actionsBar);
}

void HostStandWindow::buildActions()
{
    m_newBooking->setObjectName(u"newBooking"_s);
    m_newBooking->setShortcut(QKeySequence::New);
    m_newBooking->setToolTip(u"New booking (Ctrl+N)"_s);
    m_walkIn->setObjectName(u"walkIn"_s);
    m_walkIn->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_walkIn->setToolTip(u"Seat a walk-in (Ctrl+W)"_s);
    m_openBooking->setObjectName(u"openBooking"_s);
    m_openBooking->setToolTip(u"Open the picked booking (Enter in the grid or the list)"_s);
    m_editBooking->setObjectName(u"editBooking"_s);
    m_editBooking->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editBooking->setToolTip(u"Change the picked booking: party, time, table, guest (Ctrl+E)"_s);
    m_editBooking->setEnabled(false);

    m_actionsBar->setObjectName(u"bookingBar"_s);
    m_actionsBar->setAccessibleName(u"Booking actions"_s);
    m_actionsBar->setMovable(false);
    m_actionsBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actionsBar->addAction(m_newBooking);
    m_actionsBar->addAction(m_walkIn);
    m_actionsBar->addSeparator();
    m_actionsBar->addAction(m_editBooking);
    m_actionsBar->addActions(m_bookingActions->all());
    for (QAction *action : m_actionsBar->actions()) {
        if (QWidget *button = m_actionsBar->widgetForAction(action)) {
            QString name = action->text();
            button->setAccessibleName(name.remove(u'&').remove(u'…'));
        }
    }
}

void HostStandWindow::buildMenus()
{
    QMenu *booking = menuBar()->addMenu(u"&Booking"_s);
    booking->addAction(m_newBooking);
    booking->addAction(m_walkIn);
    booking->addAction(m_openBooking);
    booking->addAction(m_editBooking);
    booking->addSeparator();
    booking->addActions(m_bookingActions->all());

    QMenu *view = menuBar()->addMenu(u"&View"_s);
    view->addAction(m_dayBar->previousDayAction());
    view->addAction(m_dayBar->nextDayAction());
    view->addAction(m_dayBar->todayAction());
    view->addAction(m_dayBar->searchAction());
    view->addSeparator();
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        QAction *show = view->addAction(m_tabs->tabIcon(tab), m_tabs->tabText(tab));
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | (Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, this, [this, tab] { m_tabs->setCurrentIndex(tab); });
    }
}

void HostStandWindow::buildStatusBar()
{
    new StoreStatus(m_services.restaurant().store(), *m_storeLabel, this);
    m_storeLabel->setAccessibleName(u"Store"_s);
    m_storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_terminalLabel->setText(u"Terminal: %1"_s.arg(m_services.terminal));
    m_terminalLabel->setAccessibleName(u"Terminal"_s);
    statusBar()->setAccessibleName(u"Status"_s);
    statusBar()->addPermanentWidget(m_clockLabel);
    statusBar()->addPermanentWidget(m_storeLabel);
    statusBar()->addPermanentWidget(m_terminalLabel);
    // A clock the store does not agree with stays in sight until fixed.
    m_clockLabel->setObjectName(u"clockWarning"_s);
    m_clockLabel->setAccessibleName(u"Clock"_s);
    m_clockLabel->setStyleSheet(u"QLabel { color: palette(highlighted-text); background: "
                                "#b3261e; padding: 1px 6px; font-weight: bold; }"_s);
    // A clock set on purpose (--now: a demo, a screenshot) is named
    // plainly; the terminal's own clock out of step is a warning.
    const StoreClock &clock = m_services.restaurant().storeClock();
    const QString warning = m_clockLabel->styleSheet();
    const auto showClock = [this, &clock, warning](const QString &problem) {
        m_clockLabel->setVisible(!problem.isEmpty());
        m_clockLabel->setToolTip(problem);
        if (problem.isEmpty())
            return;
        if (clock.isDeliberate()) {
            const QDateTime now = m_services.restaurant().clock().now();
            m_clockLabel->setText(u"Clock set to %1 %2"_s.arg(
                ServiceCalendar::dayText(m_calendar.localDate(now)), m_calendar.timeText(now)));
            m_clockLabel->setStyleSheet(QString());
        } else {
            // Also in the log, where whoever looks after the machine reads it.
            qWarning("%s", qPrintable(problem));
            m_clockLabel->setText(u"Clock out of step"_s);
            m_clockLabel->setStyleSheet(warning);
            tell(problem);
        }
    };
    showClock(clock.problem());
    connect(&clock, &StoreClock::problemChanged, this, showClock);

    // Saga steps set aside, or waiting on the store: looked at now and again.
    statusBar()->addPermanentWidget(m_attentionLabel);
    m_attentionLabel->setObjectName(u"needsAttention"_s);
    m_attentionLabel->setAccessibleName(u"Needs attention"_s);
    m_attentionLabel->setStyleSheet(warning);
    m_attentionLabel->hide();
    m_attentionTimer->setInterval(AttentionInterval);
    connect(m_attentionTimer, &QTimer::timeout, this, &HostStandWindow::refreshAttention);
    m_attentionTimer->start();
    refreshAttention();
}

void HostStandWindow::connectSignals()
{
    ReadModel &readModel = *m_services.restaurant().readModel();
    connect(m_dayBar, &DayBar::dateChanged, this, &HostStandWindow::onDateChanged);
    connect(&m_gridModel->readState(), &ReadState::changed, this, &HostStandWindow::updateCovers);
    connect(&readModel, &ReadModel::noticed, this, &HostStandWindow::tell);
    if (!readModel.notice().isEmpty())
        QTimer::singleShot(0, this, [this, notice = readModel.notice()] { tell(notice); });
    connect(m_dayBar, &DayBar::serviceChanged, this, &HostStandWindow::applyDay);
    connect(m_dayBar, &DayBar::todayRequested, this, &HostStandWindow::goToday);
    connect(m_dayBar, &DayBar::searchChanged, this, &HostStandWindow::onSearch);
    connect(m_dayBar, &DayBar::searchSubmitted, this, [this] {
        m_tabs->setCurrentWidget(m_listView);
        m_listView->setFocus();
        m_listView->selectRow(0);
    });
    connect(m_newBooking, &QAction::triggered, this, &HostStandWindow::newBooking);
    connect(m_walkIn, &QAction::triggered, this,
            [this] { newWalkIn(m_floorPage->selectedTableId()); });
    connect(m_openBooking, &QAction::triggered, this, [this] { openBooking(selectedBookingId()); });
    connect(m_editBooking, &QAction::triggered, this, [this] { editBooking(selectedBookingId()); });
    connect(m_bookingActions, &BookingActions::done, this, &HostStandWindow::tell);

    connect(m_gridView, &TimeSlotGridView::bookingRequested, this,
            &HostStandWindow::requestBooking);
    connect(m_gridView, &TimeSlotGridView::bookingOpened, this, &HostStandWindow::openBooking);
    connect(m_gridView, &TimeSlotGridView::moveRequested, this, &HostStandWindow::moveBooking);
    m_gridView->setMoveCheck([this](const QString &bookingId, const QModelIndex &target) {
        return moveProblem(bookingId, target);
    });
    connect(m_gridView, &TimeSlotGridView::moveRefused, this,
            [this](const QString &, const QString &why) { tell(why); });
    connect(m_gridView, &TimeSlotGridView::selectedBookingChanged, this,
            &HostStandWindow::refreshActions);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HostStandWindow::refreshActions);
    connect(m_listView, &QTableView::activated, this, &HostStandWindow::openListBooking);
    connect(m_floorPage, &FloorPlanPage::selectedTableChanged, this,
            &HostStandWindow::refreshActions);
    connect(m_floorPage, &FloorPlanPage::walkInRequested, this, &HostStandWindow::newWalkIn);
    connect(m_floorPage, &FloorPlanPage::bookTableRequested, this, [this](const QString &table) {
        if (BookingDialog *dialog = openBookingDialog(BookingDialog::Mode::Ahead))
            dialog->setTable(table);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &HostStandWindow::refreshActions);

    connect(m_gridModel, &QAbstractItemModel::dataChanged, this, &HostStandWindow::updateCovers);
    connect(m_gridModel, &QAbstractItemModel::rowsInserted, this, &HostStandWindow::updateCovers);
    connect(m_gridModel, &QAbstractItemModel::rowsRemoved, this, &HostStandWindow::updateCovers);
    connect(m_gridModel, &QAbstractItemModel::modelReset, this, &HostStandWindow::updateCovers);
    connect(m_gridModel, &QAbstractItemModel::headerDataChanged, this,
            &HostStandWindow::updateCovers);
    connect(&readModel, &ReadModel::bookingChanged, this, [this](const BookingChange &change) {
        const QString &bookingId = change.bookingId;
        if (bookingId == m_selectWhenShown && m_gridModel->indexOfBooking(bookingId).isValid()) {
            m_selectWhenShown.clear();
            selectBooking(bookingId);
        }
        if (bookingId == selectedBookingId())
            refreshActions();
    });
    connect(&readModel, &ReadModel::settingsChanged, this, [this] {
        m_calendar = ServiceCalendar(m_services.restaurant().readModel()->settings());
        onDateChanged(date());
    });
    connect(m_nowTimer, &QTimer::timeout, this, &HostStandWindow::updateNow);
    connect(&m_services.restaurant().clock(), &Clock::jumped, this, &HostStandWindow::updateNow);
}

// --- Plugging in -------------------------------------------------------------

int HostStandWindow::addViewTab(QWidget *view, const QIcon &icon, const QString &title)
{
    const int index = m_tabs->addTab(view, icon, title);
    if (view->accessibleName().isEmpty()) {
        QString name = title;
        view->setAccessibleName(name.remove(u'&'));
    }
    return index;
}

void HostStandWindow::addToolAction(QAction *action)
{
    toolsMenu()->addAction(action);
    if (m_toolsSeparator == nullptr)
        m_toolsSeparator = m_actionsBar->addSeparator();
    m_actionsBar->addAction(action);
    if (QWidget *button = m_actionsBar->widgetForAction(action)) {
        QString name = action->text();
        button->setAccessibleName(name.remove(u'&').remove(u'…'));
    }
}

QMenu *HostStandWindow::toolsMenu()
{
    if (!m_tools)
        m_tools = menuBar()->addMenu(u"&Tools"_s);
    return m_tools;
}

// --- Day and service -------------------------------------------------------

QDate HostStandWindow::date() const
{
    return m_dayBar->date();
}

QString HostStandWindow::service() const
{
    return m_dayBar->service();
}

void HostStandWindow::showDay(const QDate &date, const QString &service)
{
    m_dayBar->setServices(m_calendar.servicesOn(date), service);
    if (date != m_dayBar->date())
        m_dayBar->setDate(date);
    else
        applyDay();
}

void HostStandWindow::onDateChanged(const QDate &date)
{
    m_dayBar->setServices(m_calendar.servicesOn(date), service());
    applyDay();
}

void HostStandWindow::applyDay()
{
    const QDateTime now = m_services.restaurant().clock().now();
    m_gridModel->setService(date(), service());
    if (!m_listModel->isSearching())
        m_listModel->showDay(date());
    m_floorPage->setDay(m_calendar, date(), now);
    m_gridView->setNow(now);
    updateCovers();
    refreshActions();
    Q_EMIT dayChanged(date(), service());
}

void HostStandWindow::goToday()
{
    const QDateTime now = m_services.restaurant().clock().now();
    showDay(m_calendar.localDate(now), m_calendar.serviceAt(now));
}

void HostStandWindow::onSearch(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_listModel->showDay(date());
        return;
    }
    m_listModel->search(text);
    m_tabs->setCurrentWidget(m_listView);
}

void HostStandWindow::updateCovers()
{
    const bool read = m_gridModel->readState().isRead();
    m_dayBar->setCovers(read ? std::optional(m_gridModel->coversBooked()) : std::nullopt,
                        m_gridModel->seats());
}

void HostStandWindow::updateNow()
{
    const QDateTime now = m_services.restaurant().clock().now();
    m_gridView->setNow(now);
    m_floorPage->setNow(now);
    refreshActions();
}

// --- The picked booking ----------------------------------------------------

QString HostStandWindow::selectedBookingId() const
{
    if (m_tabs->currentWidget() == m_listView) {
        return m_listView->currentIndex().data(BookingListModel::BookingIdRole).toString();
    }
    if (m_tabs->currentWidget() == m_floorPage) {
        const int row = m_floorModel->rowOfTable(m_floorPage->selectedTableId());
        if (row < 0)
            return {};
        const QModelIndex table = m_floorModel->index(row);
        const QString current = table.data(FloorPlanModel::CurrentBookingIdRole).toString();
        return current.isEmpty() ? table.data(FloorPlanModel::NextBookingIdRole).toString()
                                 : current;
    }
    return m_gridView->selectedBookingId();
}

void HostStandWindow::selectBooking(const QString &bookingId)
{
    const auto read = m_services.restaurant().readModel()->booking(bookingId);
    if (!read.ok()) {
        tell(ReadState::notReadText(read.error().message()));
        return;
    }
    const std::optional<BookingRow> &booking = read.value();
    if (!booking)
        return;
    if (!m_gridModel->indexOfBooking(bookingId).isValid())
        showDay(m_calendar.localDate(booking->start), m_calendar.serviceAt(booking->start));
    if (m_tabs->currentWidget() != m_gridView)
        m_tabs->setCurrentWidget(m_gridView);
    m_gridView->selectBooking(bookingId);
    m_gridView->setFocus();
    refreshActions();
}

void HostStandWindow::refreshActions()
{
    const QString id = selectedBookingId();
    bool changeable = false;
    if (id.isEmpty()) {
        m_bookingActions->setBooking(std::nullopt);
    } else if (const auto read = m_services.restaurant().readModel()->booking(id); read.ok()) {
        m_bookingActions->setBooking(read.value());
        changeable = read.value() && isChangeable(read.value()->status);
    } else {
        m_bookingActions->setBookingNotRead(read.error().message());
    }
    m_openBooking->setEnabled(!id.isEmpty());
    m_editBooking->setEnabled(changeable);
}

void HostStandWindow::refreshAttention()
{
    whenAnswered(m_services.engine.stepsNeedingAttention(), this,
                 [this](const QStringList &lines) { showAttention(lines); });
}

void HostStandWindow::showAttention(const QStringList &lines)
{
    m_attentionLabel->setVisible(!lines.isEmpty());
    m_attentionLabel->setText(lines.size() == 1
                                  ? u"1 booking needs attention"_s
                                  : u"%1 bookings need attention"_s.arg(lines.size()));
    m_attentionLabel->setToolTip(
        lines.join(u'\n')
        + u"\n\nhoststand-cli sagas parked lists them; sagas retry tries one again once its "
          "cause is fixed."_s);
}

void HostStandWindow::tell(const QString &message)
{
    statusBar()->showMessage(message, int(std::chrono::milliseconds(MessageTimeout).count()));
}

// --- Booking ---------------------------------------------------------------

BookingDialog *HostStandWindow::openBookingDialog(BookingDialog::Mode mode)
{
    if (m_busy || m_bookingActions->isBusy())
        return nullptr;
    auto *dialog = new BookingDialog(mode, *m_services.restaurant().readModel(),
                                     m_services.restaurant().clock(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this](BookingDialog &form) {
        if (form.mode() == BookingDialog::Mode::Edit)
            return submitChange(form);
        const QString guest = form.request().guestName;
        const QString table = form.request().tableId;
        auto sent = form.mode() == BookingDialog::Mode::Ahead
            ? m_services.engine.book(form.request())
            : m_services.engine.walkIn(form.walkInRequest());
        return whenAnswered(
            sent, this,
            [this, guest,
             table](const DomainResult<BookingOutcome> &outcome) -> std::optional<QString> {
                if (!outcome.ok())
                    return refusalOf(outcome.error());
                if (outcome.value().isRejected())
                    return refusalOf(outcome.value().rejection());
                tell(outcome.value().isSettled()
                         ? u"Booked %1 at %2."_s.arg(guest, table)
                         : u"The booking of %1 is waiting for the table manager."_s.arg(guest));
                selectWhenShown(outcome.value().bookingId.toString());
                return std::nullopt;
            });
    });
    dialog->open();
    return dialog;
}

void HostStandWindow::selectWhenShown(const QString &bookingId)
{
    if (m_gridModel->indexOfBooking(bookingId).isValid())
        selectBooking(bookingId);
    else
        m_selectWhenShown = bookingId;
}

void HostStandWindow::requestBooking(const QModelIndex &first, const QModelIndex &last)
{
    if (!first.data(TimeSlotGridModel::BookableRole).toBool()) {
        tell(u"Bookings for %1 start by %2; the later columns show bookings running on."_s.arg(
            service(), m_gridModel->headerData(0, Qt::Horizontal).toString()));
        return;
    }
    BookingDialog *dialog = openBookingDialog(BookingDialog::Mode::Ahead);
    if (!dialog)
        return;
    dialog->setStart(first.data(TimeSlotGridModel::SlotStartRole).toDateTime());
    if (last.column() > first.column())
        dialog->setDurationMinutes((last.column() - first.column() + 1)
                                   * m_gridModel->slotMinutes());
    dialog->setTable(first.data(TimeSlotGridModel::TableIdRole).toString());
}

// Prefilled from where the host is: the grid's cell, or the floor plan's table.
void HostStandWindow::newBooking()
{
    BookingDialog *dialog = openBookingDialog(BookingDialog::Mode::Ahead);
    if (!dialog)
        return;
    if (m_tabs->currentWidget() == m_floorPage) {
        dialog->setTable(m_floorPage->selectedTableId());
        return;
    }
    const QModelIndex cell = m_gridView->currentIndex();
    if (cell.isValid() && cell.data(TimeSlotGridModel::BookableRole).toBool()) {
        dialog->setStart(cell.data(TimeSlotGridModel::SlotStartRole).toDateTime());
        dialog->setTable(cell.data(TimeSlotGridModel::TableIdRole).toString());
    }
}

void HostStandWindow::newWalkIn(const QString &tableId)
{
    BookingDialog *dialog = openBookingDialog(BookingDialog::Mode::WalkIn);
    if (dialog && !tableId.isEmpty())
        dialog->setTable(tableId);
}

void HostStandWindow::openBooking(const QString &bookingId)
{
    if (bookingId.isEmpty())
        return;
    if (m_tabs->currentWidget() == m_gridView)
        m_gridView->selectBooking(bookingId);
    auto *dialog = new BookingDetailsDialog(bookingId, *m_services.restaurant().readModel(),
                                            *m_bookingActions, m_editBooking, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    refreshActions();
    dialog->open();
}

// Opens the booking dialog on the booking, as the read model shows it.
void HostStandWindow::editBooking(const QString &bookingId)
{
    if (bookingId.isEmpty())
        return;
    const auto read = m_services.restaurant().readModel()->booking(bookingId);
    if (!read.ok()) {
        m_services.prompt.inform(this, u"Edit booking"_s,
                                 u"The booking could not be read, so it cannot be changed now: "
                                 u"%1"_s.arg(read.error().message()));
        return;
    }
    if (!read.value() || !isChangeable(read.value()->status))
        return;
    BookingDialog *dialog = openBookingDialog(BookingDialog::Mode::Edit);
    if (dialog)
        dialog->setBooking(*read.value());
}

QFuture<std::optional<QString>> HostStandWindow::submitChange(BookingDialog &form)
{
    const BookingRow was = *form.booking();
    auto id = BookingId::create(was.id);
    if (!id.ok())
        return QtFuture::makeReadyFuture(std::optional<QString>(id.error().message()));
    const QString guest = form.changeRequest().guestName.value_or(was.guestName);
    return whenAnswered(
        m_services.engine.change(id.value(), form.changeRequest()), this,
        [this, guest,
         was](const DomainResult<BookingChangeOutcome> &outcome) -> std::optional<QString> {
            if (!outcome.ok())
                return refusalOf(outcome.error());
            if (outcome.value().isRejected())
                return refusalOf(outcome.value().rejection());
            tell(outcome.value().changed()
                     ? u"Changed the booking of %1."_s.arg(guest)
                     : u"The change of %1's booking is waiting for the table manager; the booking "
                       u"stays as it was until then."_s.arg(guest));
            selectWhenShown(was.id);
            return std::nullopt;
        });
}

void HostStandWindow::openListBooking(const QModelIndex &index)
{
    const QString bookingId = index.data(BookingListModel::BookingIdRole).toString();
    selectBooking(bookingId);
}

// What the read model shows of the place, while the booking is dragged
// there: a table too small, a time begun, a table taken then. What cannot
// be read now is no reason to refuse: the domain decides on the drop.
std::optional<QString> HostStandWindow::moveProblem(const QString &bookingId,
                                                    const QModelIndex &target) const
{
    const ReadModel &readModel = *m_services.restaurant().readModel();
    const auto read = readModel.booking(bookingId);
    if (!read.ok() || !read.value())
        return std::nullopt;
    const BookingRow &booking = *read.value();
    const QString table = target.data(TimeSlotGridModel::TableIdRole).toString();
    const QDateTime start = target.data(TimeSlotGridModel::SlotStartRole).toDateTime();
    if (table.isEmpty() || !start.isValid())
        return std::nullopt;
    if (start != booking.start && start <= m_services.restaurant().clock().now())
        return u"%1 has already begun."_s.arg(m_calendar.timeText(start));
    if (const auto row = readModel.table(table);
        row.ok() && row.value() && row.value()->seats < booking.partySize)
        return u"%1 seats %2; the party is %3."_s.arg(table)
            .arg(row.value()->seats)
            .arg(booking.partySize);
    const auto free = readModel.freeTables(start, start.addSecs(booking.start.secsTo(booking.end)),
                                           booking.partySize, bookingId);
    if (free.ok() && !free.value().contains(table))
        return u"%1 is taken then."_s.arg(table);
    return std::nullopt;
}

void HostStandWindow::moveBooking(const QString &bookingId, const QModelIndex &target)
{
    if (m_busy || m_bookingActions->isBusy())
        return;
    const auto read = m_services.restaurant().readModel()->booking(bookingId);
    if (!read.ok()) {
        m_services.prompt.inform(this, u"Move booking"_s,
                                 u"The booking could not be read, so it was not moved: %1"_s.arg(
                                     read.error().message()));
        return;
    }
    const std::optional<BookingRow> &booking = read.value();
    if (!booking)
        return;
    const QString table = target.data(TimeSlotGridModel::TableIdRole).toString();
    const QDateTime start = target.data(TimeSlotGridModel::SlotStartRole).toDateTime();
    BookingMove move(m_services.engine, *booking);
    if (!m_services.prompt.confirm(this, u"Move booking"_s, move.question(table, start), u"Move"_s))
        return;
    m_busy = true;
    whenAnswered(
        move.to(table, start), this,
        [this, bookingId](const BookingMove::Outcome &outcome) {
            m_busy = false;
            if (!outcome.moved) {
                m_services.prompt.inform(this, u"Move booking"_s, outcome.message);
                return;
            }
            tell(outcome.message);
            selectWhenShown(bookingId);
        },
        [this] { m_busy = false; });
}

} // namespace hoststand::ui
