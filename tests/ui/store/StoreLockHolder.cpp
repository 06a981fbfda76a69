// hoststand_gui_lock_holder: the host stand of a GUI fixture, in a process
// of its own that tst_storelocks probes and kills. It opens both file
// dialogs of the window on the store's folder (Export day sheet to PDF, and
// Browse… in File → Open store…), lets each list the folder as a host would
// look at it, and cancels them; then, on "book" from stdin, seats a walk-in
// through the window and stays open until killed. It says on stdout:
//   ready PATH          the store file
//   dialogs closed
//   booked STREAM       the walk-in's booking stream, seated

#include "readmodel/ReadModel.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/booking/BookingDialog.h"
#include "ui/daysheet/DaySheetActions.h"
#include "ui/hoststand/HostStandTools.h"
#include "ui/hoststand/HostStandWindow.h"
#include "ui/store/OpenStoreDialog.h"
#include "ui/store/StoreSwitcher.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void giveUp(const char *why)
{
    std::fprintf(stderr, "hoststand_gui_lock_holder: %s\n", why);
    std::exit(1);
}

bool waitFor(const std::function<bool()> &condition, int milliseconds = 20000)
{
    const QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(10);
    }
    return true;
}

// Takes the file dialog to the folder and cancels it once it has listed the
// folder and had a moment to fetch each file's icon and type (which is when
// Qt's file system model reads the files).
void browseAndCancel(QFileDialog &dialog, const QString &folder)
{
    auto *model = dialog.findChild<QFileSystemModel *>();
    if (!model)
        giveUp("the file dialog has no file system model");
    bool listed = false;
    QObject::connect(model, &QFileSystemModel::directoryLoaded, &dialog,
                     [&listed, folder](const QString &path) {
                         listed = listed || QFileInfo(path) == QFileInfo(folder);
                     });
    dialog.setDirectory(folder);
    if (!waitFor([&listed] { return listed; }))
        giveUp("the file dialog never listed the store's folder");
    QTest::qWait(800);
    dialog.reject();
}

QFileDialog *openFileDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QFileDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

// Runs open(), which returns once the modal file dialog it shows is closed.
void withFileDialog(const std::function<void()> &open, const QString &folder)
{
    bool browsed = false;
    QTimer::singleShot(0, [&browsed, folder] {
        if (!waitFor([] { return openFileDialog() != nullptr; }))
            giveUp("no file dialog opened");
        browseAndCancel(*openFileDialog(), folder);
        browsed = true;
    });
    open();
    if (!browsed)
        giveUp("the file dialog closed before it was browsed");
}

QString seatWalkIn(test::HostStandFixture &restaurant, ui::HostStandWindow &window)
{
    const qint64 before = restaurant.lastPosition();
    auto *walkIn = window.findChild<QAction *>(u"walkIn"_s);
    if (!walkIn)
        giveUp("the window has no walk-in action");
    walkIn->trigger(); // Ctrl+W
    ui::BookingDialog *dialog = nullptr;
    if (!waitFor([&] { return (dialog = window.findChild<ui::BookingDialog *>()) != nullptr; }))
        giveUp("the walk-in dialog did not open");
    if (!waitFor([dialog] { return dialog->okButton()->isEnabled(); }))
        giveUp("the walk-in dialog offers no table");
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QString stream;
    waitFor([&] {
        auto written = restaurant.store().readAll(before, 100);
        if (!written.ok())
            return false;
        for (const RecordedEvent &event : written.value()) {
            if (event.type == u"party-seated"_s)
                stream = event.stream;
        }
        return !stream.isEmpty();
    });
    return stream;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    test::HostStandFixture restaurant;
    restaurant.addTable(u"T1"_s, 4, u"Main room"_s);
    restaurant.clock().setNow(test::HostStandFixture::at(QTime(19, 3)));
    const QString store = restaurant.storePath();
    const QString folder = QFileInfo(store).absolutePath();
    QSettings settings(folder + u"/settings.ini"_s, QSettings::IniFormat);

    ui::HostStandWindow window(restaurant.services());
    ui::HostStandTools tools(window, restaurant.services());
    ui::StoreSwitcher switcher(window, settings, store);
    window.resize(1024, 640);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        giveUp("the window was never shown");
    say(u"ready "_s + store);

    withFileDialog([&tools] { tools.daySheet()->exportAction()->trigger(); }, folder);
    switcher.openAction()->trigger();
    ui::OpenStoreDialog *dialog = nullptr;
    if (!waitFor([&] { return (dialog = window.findChild<ui::OpenStoreDialog *>()) != nullptr; }))
        giveUp("File → Open store… showed no dialog");
    auto *browse = dialog->findChild<QPushButton *>(u"browse"_s);
    if (!browse)
        giveUp("the Open store dialog has no Browse… button");
    withFileDialog([browse] { browse->click(); }, folder);
    dialog->reject();
    say(u"dialogs closed"_s);

    std::string line;
    while (std::getline(std::cin, line) && line != "book") { }
    const QString stream = seatWalkIn(restaurant, window);
    if (stream.isEmpty())
        giveUp("the walk-in was not seated");
    say(u"booked "_s + stream);
    return QApplication::exec();
}
