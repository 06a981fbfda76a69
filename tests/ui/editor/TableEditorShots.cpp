// tableeditor_shots: renders the table editor on the demo restaurant to PNG
// files, to look at it as a manager would and for the README. A program,
// not a test. Usage: tableeditor_shots OUTDIR [--dark]
//   OUTDIR/table-editor.png           the floor plan with a table picked
//   OUTDIR/table-editor-zone.png      one zone, a refusal's table picked
//   OUTDIR/table-editor-settings.png  the settings with a mistake shown

#include "domain/Clock.h"
#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "tests/ui/ScriptedPrompt.h"
#include "ui/common/UiResources.h"
#include "ui/editor/FloorPlanEditor.h"
#include "ui/editor/ServicePeriodRow.h"
#include "ui/editor/ServicePeriodsEditor.h"
#include "ui/editor/SettingsPage.h"
#include "ui/editor/TableEditView.h"
#include "ui/editor/TableEditorWindow.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/hoststand/DemoStart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPalette>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

// A Friday evening of the demo week, before dinner.
const QDateTime Now(QDate(2026, 11, 27), QTime(17, 30), QTimeZone::utc());

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "tableeditor_shots: %s\n", qPrintable(why));
    std::exit(1);
}

void save(QWidget &window, const QString &path)
{
    QTest::qWait(300);
    if (!window.grab().save(path, "PNG"))
        fail(u"cannot write "_s + path);
    std::printf("%s\n", qPrintable(path));
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return palette;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"outdir"_s, u"Where the PNG files go."_s);
    const QCommandLineOption dark(u"dark"_s, u"A dark palette."_s);
    parser.addOption(dark);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        fail(u"usage: tableeditor_shots OUTDIR [--dark]"_s);
    const QDir out(parser.positionalArguments().constFirst());
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    if (parser.isSet(dark))
        QApplication::setPalette(darkPalette());
    ui::initUiResources();

    QTemporaryDir dir;
    const QString store = dir.filePath(u"demo.hoststand"_s);
    ManualClock clock(Now);
    test::ScriptedPrompt prompt;
    std::fprintf(stderr, "%s\n",
                 qPrintable(ui::DemoStart::run(store, clock, ui::DemoStart::Mode::Load, prompt)));
    RestaurantOptions options;
    options.store = store;
    options.storeTime = StoreClock::following(clock);
    auto opened = Engine::open(options, clock);
    if (!opened.ok())
        fail(opened.error().message());

    ui::TableEditorWindow editor({*opened.value(), prompt, u"office"_s});
    editor.resize(1400, 900);
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        fail(u"the window was never shown"_s);
    ui::FloorPlanEditor *floor = editor.floorEditor();
    floor->selectTable(u"T11"_s);
    save(editor, out.filePath(u"table-editor.png"_s));

    floor->showZone(u"Terrace"_s);
    floor->selectTable(u"T25"_s);
    save(editor, out.filePath(u"table-editor-zone.png"_s));

    editor.tabs()->setCurrentWidget(editor.settingsPage());
    ui::ServicePeriodsEditor *periods = editor.settingsPage()->periodsEditor();
    periods->showWeekday(Qt::Friday);
    if (ui::ServicePeriodRow *dinner = periods->rows().value(1))
        dinner->endEdit()->setTime(QTime(18, 0));
    save(editor, out.filePath(u"table-editor-settings.png"_s));
    return 0;
}
