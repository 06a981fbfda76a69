#include "tests/bench/GuiBench.h"

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/bench/GuiBenchRestaurant.h"
#include "tests/bench/ReadModelBench.h"
#include "ui/booking/BookingDialog.h"
#include "ui/common/Prompt.h"
#include "ui/eventlog/EventLogView.h"
#include "ui/grid/TimeSlotGridModel.h"
#include "ui/grid/TimeSlotGridView.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;

namespace hoststand::bench {
namespace {

const QDate &Day = GuiBenchDay;
const QString &Service = GuiBenchService;
constexpr int Tables = GuiBenchTables;

QDateTime at(int minutesFromSeven)
{
    return guiBenchAt(minutesFromSeven);
}

int fromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// This thread's processor time: what a repaint costs, however busy the machine.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The bench's restaurant on a fresh store file.
std::unique_ptr<Engine> openEngine(const QString &path, const Clock &clock, QString &failure)
{
    RestaurantOptions options;
    options.store = path;
    return openGuiBenchEngine(options, clock, failure);
}

// Three bookings on each table, through the day; some arrived, seated or gone.
std::optional<QString> fillTheDay(Restaurant &restaurant, ManualClock &clock)
{
    QList<BookingId> booked;
    for (int table = 0; table < Tables; ++table) {
        for (int seating = 0; seating < 3; ++seating) {
            const int start = (table % 4) * 30 + seating * 300;
            booker::BookingRequest request {u"T%1"_s.arg(table + 1),
                                            at(start),
                                            2,
                                            u"Guest %1-%2"_s.arg(table + 1).arg(seating),
                                            {},
                                            {},
                                            {}};
            auto outcome = restaurant.book(request);
            if (!outcome.ok())
                return outcome.error().message();
            if (!outcome.value().isSettled() || outcome.value().isRejected())
                return u"the sagas did not confirm %1"_s.arg(request.guestName);
            booked.append(outcome.value().bookingId);
        }
    }
    clock.setNow(at(60));
    for (qsizetype i = 0; i < booked.size(); i += 3) {
        const BookingId &first = booked.at(i);
        const auto done
            = i % 2 == 0 ? restaurant.booker().seat(first) : restaurant.booker().arrive(first);
        if (!done.ok())
            return done.error().message();
    }
    return std::nullopt;
}

// Runs the event loop until done() holds, checking after each change of the model.
bool waitUntil(const std::function<bool()> &done, const QAbstractItemModel *model, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QObject::connect(model, &QAbstractItemModel::dataChanged, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

std::optional<QString> measureRepaint(const BenchOptions &options, QJsonObject &figures)
{
    ManualClock clock(at(-60));
    QString failure;
    const std::unique_ptr<Engine> engine
        = openEngine(options.storePath + u".gui-grid"_s, clock, failure);
    if (!engine)
        return failure;
    Restaurant *restaurant = &engine->view();
    if (auto failed = fillTheDay(*restaurant, clock))
        return failed;
    QCoreApplication::processEvents();
    ui::TimeSlotGridModel model(*restaurant->readModel());
    model.setService(Day, Service);
    if (model.rowCount() != Tables || model.columnCount() != 64)
        return u"the grid has %1 rows and %2 columns, not %3 and 64"_s.arg(model.rowCount())
            .arg(model.columnCount())
            .arg(Tables);
    ui::TimeSlotGridView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setModel(&model);
    view.setNow(at(60));
    view.show();
    view.resize(view.gridSize() + QSize(view.frameWidth() * 2, view.frameWidth() * 2));
    QCoreApplication::processEvents();
    QImage image(view.size() * view.devicePixelRatio(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(view.devicePixelRatio());
    const int repaints = fromEnvironment("HOSTSTAND_BENCH_GUI_REPAINTS", 200);
    QList<double> samples;
    QList<double> cpu;
    for (int i = -10; i < repaints; ++i) {
        QElapsedTimer timer;
        const double cpuBefore = threadCpuMs();
        timer.start();
        view.render(&image);
        if (i >= 0) {
            samples.append(double(timer.nsecsElapsed()) / 1e6);
            cpu.append(threadCpuMs() - cpuBefore);
        }
    }
    // A repaint that draws every row again, as after a new palette: the
    // rows' images, the texts and the marks drawn anew.
    QList<double> uncached;
    QPalette palettes[2] = {view.palette(), view.palette()};
    palettes[1].setColor(QPalette::Highlight, palettes[0].color(QPalette::Highlight).darker(110));
    for (int i = 0; i < std::max(20, repaints / 10); ++i) {
        view.setPalette(palettes[(i + 1) % 2]);
        QElapsedTimer timer;
        timer.start();
        view.render(&image);
        uncached.append(double(timer.nsecsElapsed()) / 1e6);
    }
    figures.insert(u"gridRepaintUncachedMs"_s, rounded(percentile(uncached, 0.5)));
    figures.insert(u"gridRepaintUncachedP99Ms"_s, rounded(percentile(uncached, 0.99)));
    figures.insert(u"gridRepaintMs"_s, rounded(percentile(samples, 0.5)));
    figures.insert(u"gridRepaintP99Ms"_s, rounded(percentile(samples, 0.99)));
    figures.insert(u"gridRepaintCpuMs"_s, rounded(percentile(cpu, 0.5)));
    figures.insert(u"gridRepaintPixels"_s, u"%1x%2"_s.arg(image.width()).arg(image.height()));
    return std::nullopt;
}

std::optional<QString> measureDialogToConfirmed(const BenchOptions &options, QJsonObject &figures)
{
    ManualClock clock(at(-60));
    QString failure;
    const std::unique_ptr<Engine> engine
        = openEngine(options.storePath + u".gui-dialog"_s, clock, failure);
    if (!engine)
        return failure;
    SilentPrompt prompt;
    ui::HostStandWindow window({*engine, prompt, u"bench"_s});
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(1280, 800);
    window.show();
    window.showDay(Day, Service);
    QCoreApplication::processEvents();
    const ui::TimeSlotGridModel *grid = window.gridModel();
    const int bookings = fromEnvironment("HOSTSTAND_BENCH_GUI_BOOKINGS", 200);
    QList<double> samples;
    QList<double> gridShares; // from the domain's answer to the grid showing it
    for (int i = 0; i < bookings; ++i) {
        // Ten two-hour turns a table: 90 minutes each, every 96 minutes.
        const QString table = u"T%1"_s.arg(i / 10 + 1);
        const QDateTime start = at((i % 10) * 90);
        window.newBookingAction()->trigger();
        QPointer<ui::BookingDialog> dialog;
        for (ui::BookingDialog *open : window.findChildren<ui::BookingDialog *>()) {
            if (open->isVisible())
                dialog = open;
        }
        if (!dialog)
            return u"no booking dialog opened"_s;
        dialog->setStart(start);
        dialog->setTable(table);
        dialog->guestField()->setText(u"Guest %1"_s.arg(i));
        const QModelIndex cell = grid->index(grid->rowOfTable(table), int(grid->columnAt(start)));
        QElapsedTimer timer;
        qint64 settledNs = 0;
        QObject::connect(dialog, &QDialog::accepted, dialog,
                         [&] { settledNs = timer.nsecsElapsed(); });
        timer.start();
        dialog->okButton()->click();
        const bool shown = waitUntil(
            [&] {
                return cell.data(ui::TimeSlotGridModel::StatusRole).toInt()
                    == int(BookingStatus::Confirmed)
                    && cell.data(ui::TimeSlotGridModel::GuestRole).toString()
                    == u"Guest %1"_s.arg(i);
            },
            grid, 10000);
        samples.append(double(timer.nsecsElapsed()) / 1e6);
        gridShares.append(double(timer.nsecsElapsed() - settledNs) / 1e6);
        if (!shown)
            return u"booking %1 at %2 never showed confirmed (the cell shows status %3, guest "
                   u"\"%4\"): %5"_s.arg(i)
                       .arg(table)
                       .arg(cell.data(ui::TimeSlotGridModel::StatusRole).toInt())
                       .arg(cell.data(ui::TimeSlotGridModel::GuestRole).toString(),
                            dialog ? dialog->message() : QString());
    }
    figures.insert(u"dialogOkToConfirmedP50Ms"_s, rounded(percentile(samples, 0.5)));
    figures.insert(u"dialogOkToConfirmedP99Ms"_s, rounded(percentile(samples, 0.99)));
    figures.insert(u"dialogConfirmedToGridP50Ms"_s, rounded(percentile(gridShares, 0.5)));
    figures.insert(u"dialogConfirmedToGridP99Ms"_s, rounded(percentile(gridShares, 0.99)));
    figures.insert(u"dialogOkToConfirmedBookings"_s, bookings);
    return std::nullopt;
}

// The resident memory of this process, from /proc (0 where there is none).
double residentMb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * 4096 / (1024 * 1024) : 0;
}

// The read model of the read model section's history, kept beside it so
// that only the first run projects the million events.
StoreResult<std::unique_ptr<ReadModel>> openHistoryReadModel(EventStore &store,
                                                             const QString &historyPath)
{
    auto model = ReadModel::open(store, ReadModel::defaultLocationFor(historyPath));
    if (!model.ok())
        return model.error();
    if (model.value()->position() == 0)
        std::fprintf(stderr, "gui: projecting the history into %s\n",
                     qPrintable(ReadModel::defaultLocationFor(historyPath)));
    if (auto started = model.value()->start(); !started.ok())
        return started.error();
    return model;
}

// The read model section's history: its store and its read model, open.
struct History
{
    std::unique_ptr<SqliteEventStore> store;
    std::unique_ptr<ReadModel> model; // destroyed before its store
};

std::optional<QString> openHistory(const QString &historyPath, History &history)
{
    SqliteStoreOptions storeOptions;
    storeOptions.synchronousFull = false;
    auto store = SqliteEventStore::open(historyPath, storeOptions);
    if (!store.ok())
        return store.error().message();
    history.store = std::move(store).value();
    auto model = openHistoryReadModel(*history.store, historyPath);
    if (!model.ok())
        return model.error().message();
    history.model = std::move(model).value();
    return std::nullopt;
}

// eventLogShowMs: from making the host stand's event log view on the
// history's read model to its first screen rendered; eventLogRows, the
// events it then holds, and eventLogResidentMb, the memory they take.
std::optional<QString> measureEventLog(QJsonObject &figures)
{
    QString historyPath;
    test::HistorySummary summary;
    if (auto failed = cachedHistory(historyPath, summary))
        return failed;
    History history;
    if (auto failed = openHistory(historyPath, history))
        return failed;
    const double residentBefore = residentMb();
    QElapsedTimer timer;
    timer.start();
    ui::EventLogView view(*history.model);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();
    const QPixmap firstScreen = view.grab();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (firstScreen.isNull() || view.table()->model()->rowCount() == 0)
        return u"the event log shows no events"_s;
    figures.insert(u"eventLogShowMs"_s, rounded(ms));
    figures.insert(u"eventLogRows"_s, view.table()->model()->rowCount());
    figures.insert(u"eventLogResidentMb"_s, rounded(residentMb() - residentBefore));
    figures.insert(u"eventLogHistoryEvents"_s, history.model->position());
    return std::nullopt;
}

// openToGridModelMs: from opening the history's store, with its read model
// already built, to the host stand's grid model of the history's last day
// (dinner) holding its rows and columns; the model the window's grid shows.
std::optional<QString> measureOpenToGridModel(QJsonObject &figures)
{
    QString historyPath;
    test::HistorySummary summary;
    if (auto failed = cachedHistory(historyPath, summary))
        return failed;
    if (History built; auto failed = openHistory(historyPath, built))
        return failed; // the read model is built once, outside the measurement
    QElapsedTimer timer;
    timer.start();
    History history;
    if (auto failed = openHistory(historyPath, history))
        return failed;
    ui::TimeSlotGridModel grid(*history.model);
    grid.setService(summary.lastDay, u"dinner"_s);
    const int rows = grid.rowCount();
    const int columns = grid.columnCount();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (rows == 0 || columns == 0)
        return u"the grid model of %1 is empty"_s.arg(summary.lastDay.toString(Qt::ISODate));
    figures.insert(u"openToGridModelMs"_s, rounded(ms));
    figures.insert(u"openToGridModelCells"_s, rows * columns);
    return std::nullopt;
}

} // namespace

std::optional<QString> runGuiSection(const BenchOptions &options, QJsonObject &figures)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return u"the gui section needs a QApplication"_s;
    if (auto failed = measureRepaint(options, figures))
        return failed;
    if (auto failed = measureDialogToConfirmed(options, figures))
        return failed;
    if (auto failed = measureOpenToGridModel(figures))
        return failed;
    return measureEventLog(figures);
}

} // namespace hoststand::bench
