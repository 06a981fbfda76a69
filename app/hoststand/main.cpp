// hoststand: the host stand window. main() only parses the arguments and
// wires the restaurant, the prompt and the window together.

#include "domain/Clock.h"
#include "domain/CommandContext.h"
#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "ui/common/MessageBoxPrompt.h"
#include "ui/common/WindowScreenshot.h"
#include "ui/common/WindowState.h"
#include "ui/editor/TableEditorLauncher.h"
#include "ui/editor/TableEditorWindow.h"
#include "ui/hoststand/DemoStart.h"
#include "ui/hoststand/HostStandTools.h"
#include "ui/hoststand/HostStandWindow.h"
#include "ui/store/RebuildProgress.h"
#include "ui/store/StoreFields.h"
#include "ui/store/StoreSwitcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

// The file every Hoststand program opens when told nothing else.
QString defaultStore()
{
    return ui::StoreFields::defaultFile();
}

// A fixed time for a demonstration or a script; the system's clock otherwise.
std::unique_ptr<Clock> clockFor(const QString &now)
{
    if (now.isEmpty())
        return std::make_unique<SystemClock>();
    return std::make_unique<ManualClock>(QDateTime::fromString(now, Qt::ISODate).toUTC());
}

// What main() read from the command line, the same for every store the
// host stand opens in this session.
struct Session final
{
    const Clock &clock;
    CommandContext context;
    ui::WindowScreenshot shot;
    bool takingScreenshot = false;
    bool loadDemo = false;
    bool editor = false;
};

// Opens the restaurant on the store and runs the host stand until it
// quits; next is the store the host chose instead (Open store…, or the
// dialog after the store could not be opened), for main() to open then.
int runOn(const QString &store, const Session &session, QSettings &settings,
          std::optional<QString> &next)
{
    RestaurantOptions options;
    options.store = store;
    // A screenshot renders what the store holds and writes nothing: no
    // saga settles a pending booking and no lock expires on its account.
    options.runLockExpiry = !session.takingScreenshot;
    options.runSagas = !session.takingScreenshot;
    ui::MessageBoxPrompt prompt;
    QString demoMessage;
    if (session.loadDemo || !session.takingScreenshot)
        demoMessage = ui::DemoStart::run(
            options.store, session.clock,
            session.loadDemo ? ui::DemoStart::Mode::Load : ui::DemoStart::Mode::Offer, prompt);
    if (session.loadDemo)
        std::fprintf(stderr, "hoststand: %s\n", qPrintable(demoMessage));
    ui::RebuildProgress rebuild;
    if (!session.takingScreenshot)
        options.readModelProgress = [&rebuild](qint64 done, qint64 total) {
            rebuild.report(done, total);
        };
    auto engine = Engine::open(options, session.clock, session.context);
    if (!engine.ok()) {
        // Never the password: the location as people see it.
        const QString message = u"The store %1 could not be opened.\n\n%2"_s.arg(
            ui::StoreFields::fromLocation(options.store).shownLocation(), engine.error().message());
        if (session.takingScreenshot) {
            std::fprintf(stderr, "hoststand: %s\n", qPrintable(message));
            return 1;
        }
        QMessageBox::critical(nullptr, u"Hoststand"_s, message);
        next = ui::StoreSwitcher::afterFailure(settings, options.store);
        return 1;
    }
    const ui::HostStandServices services {*engine.value(), prompt, session.context.terminal};
    ui::HostStandWindow window(services);
    auto *tools = new ui::HostStandTools(window, services);
    auto *tableEditor = new ui::TableEditorLauncher(window, services);
    if (session.takingScreenshot) {
        const std::optional<QString> failed = session.shot.view == u"editor"_s
            ? session.shot.take(*tableEditor->open())
            : session.shot.take(window, *tools);
        if (failed)
            std::fprintf(stderr, "hoststand: %s\n", qPrintable(*failed));
        return failed ? 1 : 0;
    }
    if (session.editor) {
        tableEditor->open()->statusBar()->showMessage(demoMessage, 15000);
        return QApplication::exec();
    }
    // Open store… ends this run; main() opens the chosen store next.
    auto *switcher = new ui::StoreSwitcher(window, settings, options.store);
    QObject::connect(switcher, &ui::StoreSwitcher::storeChosen, &window,
                     [] { QApplication::exit(); });
    window.resize(1280, 800);
    new ui::WindowState(window, *window.tabs());
    window.show();
    window.statusBar()->showMessage(demoMessage, 15000);
    const int status = QApplication::exec();
    next = switcher->chosen();
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    // A screenshot needs no screen: chosen before the application starts.
    if (std::any_of(argv, argv + argc,
                    [](const char *arg) { return qstrcmp(arg, "--screenshot") == 0; })
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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
    const QCommandLineOption demo(u"demo"_s,
                                  u"Load the demo restaurant into an empty store first."_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
                                        u"Write the window to a PNG file and quit."_s, u"file"_s);
    const QCommandLineOption screenshotDate(u"date"_s, u"The day of the screenshot, ISO 8601."_s,
                                            u"date"_s);
    const QCommandLineOption screenshotView(
        u"view"_s, u"The view of the screenshot: grid, floor, log or editor."_s, u"view"_s,
        u"grid"_s);
    const QCommandLineOption editor(u"editor"_s,
                                    u"Open the table editor instead of the host stand."_s);
    parser.addOptions(
        {store, terminal, now, demo, screenshot, screenshotDate, screenshotView, editor});
    // A store file given as a file (the desktop entry's %F, a file manager).
    parser.addPositionalArgument(u"store"_s, u"The store, as --store gives it."_s, u"[store]"_s);
    parser.process(app);
    if (parser.positionalArguments().size() > 1
        || (parser.isSet(store) && !parser.positionalArguments().isEmpty())) {
        std::fprintf(stderr, "hoststand: give one store, with --store or as the argument.\n");
        return 2;
    }
    const bool takingScreenshot = parser.isSet(screenshot);
    // --editor opens the editor, in a screenshot too, unless --view says otherwise.
    const QString view = parser.isSet(editor) && !parser.isSet(screenshotView)
        ? u"editor"_s
        : parser.value(screenshotView);
    ui::WindowScreenshot shot {parser.value(screenshot), view,
                               QDate::fromString(parser.value(screenshotDate), Qt::ISODate)};
    if (takingScreenshot
        && (shot.problem() || (parser.isSet(screenshotDate) && !shot.date.isValid()))) {
        std::fprintf(stderr, "hoststand: %s\n",
                     qPrintable(shot.problem().value_or(u"--date needs an ISO 8601 date."_s)));
        return 2;
    }

    const QString fixedNow = parser.value(now);
    if (!fixedNow.isEmpty() && !QDateTime::fromString(fixedNow, Qt::ISODate).isValid()) {
        std::fprintf(stderr, "--now needs an ISO 8601 time, not %s\n", qPrintable(fixedNow));
        return 2;
    }
    const std::unique_ptr<Clock> clock = clockFor(fixedNow);
    CommandContext context = CommandContext::ofThisProcess();
    if (parser.isSet(terminal))
        context.terminal = parser.value(terminal);

    // Without --store: the store remembered, or the Open store dialog.
    QSettings settings;
    std::optional<QString> chosen = !parser.positionalArguments().isEmpty()
        ? std::optional(parser.positionalArguments().constFirst())
        : parser.isSet(store) || takingScreenshot ? std::optional(parser.value(store))
                                                  : ui::StoreSwitcher::atStartUp(settings);
    const Session session {
        *clock, context, shot, takingScreenshot, parser.isSet(demo), parser.isSet(editor)};
    int status = 0;
    while (chosen) {
        std::optional<QString> next;
        status = runOn(*chosen, session, settings, next);
        chosen = next;
    }
    return status;
}
