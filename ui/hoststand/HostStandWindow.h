#pragma once

#include "ui/booking/BookingDialog.h"
#include "ui/common/ServiceCalendar.h"
#include "ui/hoststand/HostStandServices.h"

#include <QDate>
#include <QMainWindow>

#include <chrono>

class QAction;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace hoststand::ui {

class BookingActions;
class BookingListModel;
class DayBar;
class FloorPlanModel;
class FloorPlanPage;
class TimeSlotGridModel;
class TimeSlotGridView;

// The host stand: one day and service at a time as a time-slot grid, a
// floor plan and a list of bookings (or a guest search's results), with
// the actions on a booking in a toolbar and menu, each with a shortcut.
// Others plug in with addViewTab() (the event log, a day sheet) and
// addToolAction() (print, the table editor) and follow dayChanged().
class HostStandWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit HostStandWindow(HostStandServices services, QWidget *parent = nullptr);
    ~HostStandWindow() override;

    QDate date() const;
    QString service() const;
    void showDay(const QDate &date, const QString &service);
    // The booking the current view has picked (grid, list or floor plan).
    QString selectedBookingId() const;
    void selectBooking(const QString &bookingId);

    // Adds a view after the built-in ones (the window takes it); returns its tab index.
    int addViewTab(QWidget *view, const QIcon &icon, const QString &title);
    // Adds an action to the Tools menu and, after a separator, to the booking toolbar.
    void addToolAction(QAction *action);
    // The Tools menu, made on first use.
    QMenu *toolsMenu();
    QToolBar *actionsToolBar() const { return m_actionsBar; }

    // For the tests, the screenshots and those who plug in.
    DayBar *dayBar() const { return m_dayBar; }
    QTabWidget *tabs() const { return m_tabs; }
    TimeSlotGridModel *gridModel() const { return m_gridModel; }
    TimeSlotGridView *gridView() const { return m_gridView; }
    FloorPlanModel *floorModel() const { return m_floorModel; }
    FloorPlanPage *floorPlanPage() const { return m_floorPage; }
    QTableView *bookingListView() const { return m_listView; }
    BookingListModel *bookingListModel() const { return m_listModel; }
    BookingActions *bookingActions() const { return m_bookingActions; }
    QAction *newBookingAction() const { return m_newBooking; }
    QAction *walkInAction() const { return m_walkIn; }

Q_SIGNALS:
    void dayChanged(const QDate &date, const QString &service);

public:
    // How often the window looks for bookings that need attention.
    static constexpr std::chrono::milliseconds AttentionInterval {5000};
    // Looks again now (also for tests).
    void refreshAttention();
    void showAttention(const QStringList &lines);

private:
    void buildViews();
    void buildActions();
    void buildMenus();
    void buildStatusBar();
    void connectSignals();

    void onDateChanged(const QDate &date);
    void applyDay();
    void goToday();
    void onSearch(const QString &text);
    void updateCovers();
    void updateNow();
    void refreshActions();

    void requestBooking(const QModelIndex &first, const QModelIndex &last);
    void newBooking();
    void newWalkIn(const QString &tableId);
    BookingDialog *openBookingDialog(BookingDialog::Mode mode);
    void openBooking(const QString &bookingId);
    void editBooking(const QString &bookingId);
    QFuture<std::optional<QString>> submitChange(BookingDialog &form);
    void openListBooking(const QModelIndex &index);
    void moveBooking(const QString &bookingId, const QModelIndex &target);
    std::optional<QString> moveProblem(const QString &bookingId, const QModelIndex &target) const;
    void selectWhenShown(const QString &bookingId);
    void tell(const QString &message);

    HostStandServices m_services;
    ServiceCalendar m_calendar;
    TimeSlotGridModel *m_gridModel;
    FloorPlanModel *m_floorModel;
    BookingListModel *m_listModel;
    QSortFilterProxyModel *m_listProxy;
    DayBar *m_dayBar;
    QTabWidget *m_tabs;
    TimeSlotGridView *m_gridView;
    FloorPlanPage *m_floorPage;
    QTableView *m_listView;
    QToolBar *m_actionsBar;
    QMenu *m_tools = nullptr; // made when the first tool is added
    QAction *m_toolsSeparator = nullptr;
    BookingActions *m_bookingActions;
    QAction *m_newBooking;
    QAction *m_walkIn;
    QAction *m_openBooking;
    QAction *m_editBooking;
    QLabel *m_storeLabel;
    QLabel *m_clockLabel;
    QLabel *m_attentionLabel;
    QTimer *m_attentionTimer;
    QLabel *m_terminalLabel;
    QTimer *m_nowTimer;
    QString m_selectWhenShown;
    bool m_busy = false;
};

} // namespace hoststand::ui
