// hoststand: the host stand window. main() only parses the arguments and
// wires the restaurant, the prompt and the window together.

#include "domain/Clock.h"
#include "domain/CommandContext.h"
#include "domain/Restaurant.h"
#include "ui/HostStandWindow.h"
#include "ui/MessageBoxPrompt.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

QString defaultStore()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder + u"/restaurant.hoststand"_s;
}

// A fixed time for a demonstration or a script; the system's clock otherwise.
std::unique_ptr<Clock> clockFor(const QString &now)
{
    if (now.isEmpty())
        return std::make_unique<SystemClock>();
    return std::make_unique<ManualClock>(QDateTime::fromString(now, Qt::ISODate).toUTC());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Hoststand"_s);
    QApplication::setOrganizationName(u"Hoststand"_s);
    QApplication::setDesktopFileName(u"hoststand"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The host stand: the day's bookings as a time-slot grid and "
                                     "a floor plan."_s);
    parser.addHelpOption();
    const QCommandLineOption store(u"store"_s,
                                   u"The store: a SQLite file or a postgresql:// URL."_s,
                                   u"path-or-url"_s, defaultStore());
    const QCommandLineOption terminal(u"terminal"_s,
                                      u"This terminal's name in the event log (default: the host "
                                      "name)."_s,
                                      u"name"_s);
    const QCommandLineOption now(u"now"_s, u"A fixed time, ISO 8601, instead of the clock."_s,
                                 u"time"_s);
    parser.addOptions({store, terminal, now});
    parser.process(app);

    const QString fixedNow = parser.value(now);
    if (!fixedNow.isEmpty() && !QDateTime::fromString(fixedNow, Qt::ISODate).isValid()) {
        std::fprintf(stderr, "--now needs an ISO 8601 time, not %s\n", qPrintable(fixedNow));
        return 2;
    }
    const std::unique_ptr<Clock> clock = clockFor(fixedNow);
    CommandContext context = CommandContext::ofThisProcess();
    if (parser.isSet(terminal))
        context.terminal = parser.value(terminal);

    RestaurantOptions options;
    options.store = parser.value(store);
    options.runLockExpiry = true;
    auto restaurant = Restaurant::open(options, *clock, context);
    if (!restaurant.ok()) {
        QMessageBox::critical(nullptr, u"Hoststand"_s,
                              u"The store %1 could not be opened.\n\n%2"_s.arg(
                                  options.store, restaurant.error().message()));
        return 1;
    }
    ui::MessageBoxPrompt prompt;
    ui::HostStandWindow window({*restaurant.value(), prompt, context.terminal});
    window.resize(1280, 800);
    window.show();
    return app.exec();
}
