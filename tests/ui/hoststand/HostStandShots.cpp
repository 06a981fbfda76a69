// hoststand_gui_shots: renders the host stand on a busy Friday evening to
// PNG files, to look at the window as a host would and for the README.
// A program, not a test. Usage: hoststand_gui_shots OUTDIR [--dark] [--scale F]

#include "domain/Clock.h"
#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/EventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/ui/ScriptedPrompt.h"
#include "ui/floorplan/FloorPlanPage.h"
#include "ui/grid/TimeSlotGridView.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

const QDate Friday(2026, 12, 4);

QDateTime at(int hour, int minute)
{
    return QDateTime(Friday, QTime(hour, minute), QTimeZone::utc());
}

[[noreturn]] void fail(const QString &what, const QString &why)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(what), qPrintable(why));
    std::exit(1);
}

template<typename T>
T check(DomainResult<T> result, const QString &what)
{
    if (!result.ok())
        fail(what, result.error().message());
    if constexpr (!std::is_void_v<T>)
        return std::move(result).value();
}

struct Table
{
    QString id;
    int seats;
    QString zone;
    double x;
    double y;
};

// Twenty tables in two zones, as a bistro with a terrace might have them.
const QList<Table> Tables {
    {u"T1"_s, 2, u"Main room"_s, 80, 60},    {u"T2"_s, 2, u"Main room"_s, 260, 60},
    {u"T3"_s, 2, u"Main room"_s, 440, 60},   {u"T4"_s, 2, u"Main room"_s, 620, 60},
    {u"T5"_s, 4, u"Main room"_s, 80, 260},   {u"T6"_s, 4, u"Main room"_s, 300, 260},
    {u"T7"_s, 4, u"Main room"_s, 520, 260},  {u"T8"_s, 4, u"Main room"_s, 80, 460},
    {u"T9"_s, 4, u"Main room"_s, 300, 460},  {u"T10"_s, 4, u"Main room"_s, 520, 460},
    {u"T11"_s, 6, u"Main room"_s, 780, 240}, {u"T12"_s, 6, u"Main room"_s, 780, 460},
    {u"T13"_s, 8, u"Main room"_s, 960, 300}, {u"T14"_s, 4, u"Main room"_s, 960, 520},
    {u"T21"_s, 2, u"Terrace"_s, 80, 780},    {u"T22"_s, 2, u"Terrace"_s, 260, 780},
    {u"T23"_s, 2, u"Terrace"_s, 440, 780},   {u"T24"_s, 2, u"Terrace"_s, 620, 780},
    {u"T25"_s, 4, u"Terrace"_s, 800, 770},   {u"T26"_s, 4, u"Terrace"_s, 1000, 770},
};

struct Visit
{
    QString table;
    QTime start;
    int party;
    QString guest;
    QList<std::pair<QTime, BookingStatus>> steps; // what happened, and when
};

// Friday's dinner as it stands at 19:40.
const QList<Visit> Dinner {
    {u"T1"_s,
     {18, 0},
     2,
     u"Okafor"_s,
     {{{17, 58}, BookingStatus::Seated}, {{19, 25}, BookingStatus::Left}}},
    {u"T5"_s, {18, 0}, 4, u"Rossi"_s, {{{18, 4}, BookingStatus::Seated}}},
    {u"T6"_s, {18, 15}, 3, u"Fischer"_s, {{{18, 45}, BookingStatus::NoShow}}},
    {u"T2"_s, {18, 30}, 2, u"Nakamura"_s, {{{18, 33}, BookingStatus::Seated}}},
    {u"T11"_s,
     {18, 30},
     6,
     u"Dubois"_s,
     {{{18, 28}, BookingStatus::Arrived}, {{18, 40}, BookingStatus::Seated}}},
    {u"T7"_s, {18, 45}, 4, u"Kowalski"_s, {{{19, 36}, BookingStatus::Arrived}}},
    {u"T13"_s, {19, 0}, 8, u"García-Fernández family"_s, {{{19, 6}, BookingStatus::Seated}}},
    {u"T3"_s, {19, 0}, 2, u"Patel"_s, {{{18, 57}, BookingStatus::Seated}}},
    {u"T21"_s, {19, 0}, 2, u"Kaur"_s, {{{19, 2}, BookingStatus::Seated}}},
    {u"T8"_s, {19, 30}, 4, u"Andersson"_s, {}},
    {u"T25"_s, {19, 30}, 4, u"Walsh"_s, {{{19, 31}, BookingStatus::Arrived}}},
    {u"T9"_s, {19, 45}, 3, u"O'Brien"_s, {}},
    {u"T1"_s, {20, 0}, 2, u"Müller"_s, {}},
    {u"T12"_s, {20, 0}, 5, u"Haddad"_s, {}},
    {u"T24"_s, {20, 0}, 2, u"Yilmaz"_s, {{{15, 10}, BookingStatus::Cancelled}}},
    {u"T4"_s, {20, 15}, 2, u"Nguyen"_s, {}},
    {u"T10"_s, {20, 30}, 4, u"Smith"_s, {}},
    {u"T6"_s, {20, 30}, 4, u"Brennan"_s, {}},
    {u"T23"_s, {20, 45}, 2, u"Lindgren"_s, {}},
    {u"T5"_s, {21, 0}, 3, u"Costa"_s, {}},
    {u"T2"_s, {21, 0}, 2, u"Van Dijk"_s, {}},
    {u"T14"_s, {21, 15}, 4, u"Schneider"_s, {}},
    {u"T13"_s, {21, 30}, 7, u"Moreau"_s, {}},
    {u"T3"_s, {22, 0}, 2, u"Santos"_s, {}},
};

void act(booker::Booker &booker, Restaurant &restaurant, const BookingId &id, BookingStatus to)
{
    switch (to) {
    case BookingStatus::Arrived:
        check(booker.arrive(id), u"arrive"_s);
        break;
    case BookingStatus::Seated:
        check(booker.seat(id), u"seat"_s);
        break;
    case BookingStatus::Left:
        check(restaurant.leave(id), u"leave"_s);
        break;
    case BookingStatus::NoShow:
        check(restaurant.noShow(id), u"no-show"_s);
        break;
    case BookingStatus::Cancelled:
        check(restaurant.cancel(id), u"cancel"_s);
        break;
    default:
        break;
    }
}

// The day from the morning's bookings up to 19:40, with the sagas settling
// each; what happened is played in the order it happened.
void playTheDay(const QString &store, ManualClock &clock)
{
    clock.setNow(at(10, 0));
    RestaurantOptions options;
    options.store = store;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.storeTime = StoreClock::following(clock);
    auto opened = Restaurant::open(options, clock);
    if (!opened.ok())
        fail(u"store"_s, opened.error().message());
    Restaurant &restaurant = *opened.value();
    booker::Booker &booker = restaurant.booker();
    check(booker.defineTimeZone(u"UTC"_s), u"time zone"_s);
    QList<ServicePeriod> periods;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        periods.append({weekday, u"lunch"_s, QTime(12, 0), QTime(14, 30)});
        periods.append({weekday, u"dinner"_s, QTime(18, 0), QTime(22, 30)});
    }
    check(booker.defineServicePeriods(periods), u"service periods"_s);
    for (const Table &table : Tables)
        check(restaurant.tableManager().addTable(
                  TableId::create(table.id).value(), SeatCount::create(table.seats).value(),
                  TableLayout::forSeats(table.seats, table.zone, table.x, table.y)),
              table.id);
    QList<std::tuple<QTime, BookingId, BookingStatus>> steps;
    for (const Visit &visit : Dinner) {
        booker::BookingRequest request {visit.table, at(visit.start.hour(), visit.start.minute()),
                                        visit.party, visit.guest,
                                        {},          {},
                                        {}};
        const auto outcome = check(restaurant.book(request), visit.guest);
        for (const auto &[when, status] : visit.steps)
            steps.append({when, outcome.bookingId, status});
    }
    std::sort(steps.begin(), steps.end(),
              [](const auto &a, const auto &b) { return std::get<0>(a) < std::get<0>(b); });
    for (const auto &[when, id, status] : steps) {
        if (when > QTime(19, 20))
            break;
        clock.setNow(at(when.hour(), when.minute()));
        act(booker, restaurant, id, status);
    }
    clock.setNow(at(19, 20));
    check(restaurant.walkIn({u"T22"_s, 2, u"Walk-in"_s, {}, {}}), u"walk-in"_s);
    for (const auto &[when, id, status] : steps) {
        if (when > QTime(19, 20)) {
            clock.setNow(at(when.hour(), when.minute()));
            act(booker, restaurant, id, status);
        }
    }
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe8));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa0));
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    return dark;
}

bool save(QWidget &window, const QString &path)
{
    QTest::qWait(50);
    const bool saved = window.grab().save(path);
    std::printf("%s %s\n", saved ? "wrote" : "could not write", qPrintable(path));
    return saved;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QCommandLineParser parser;
    parser.addPositionalArgument(u"outdir"_s, u"Where the PNG files go."_s);
    const QCommandLineOption dark(u"dark"_s, u"Use a dark palette."_s);
    const QCommandLineOption suffix(u"suffix"_s, u"Appended to the file names."_s, u"text"_s);
    parser.addOptions({dark, suffix});
    parser.addHelpOption();
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    if (parser.isSet(dark))
        QApplication::setPalette(darkPalette());
    const QString outdir = parser.positionalArguments().constFirst();
    QDir().mkpath(outdir);

    QTemporaryDir scratch;
    const QString store = scratch.filePath(u"bistro.hoststand"_s);
    ManualClock clock(at(10, 0));
    playTheDay(store, clock);
    clock.setNow(at(19, 40));

    // This terminal runs no sagas: its last bookings wait, two of them on one table.
    RestaurantOptions options;
    options.store = store;
    options.runSagas = false;
    options.storeTime = StoreClock::following(clock);
    auto opened = Engine::open(options, clock, {u"host"_s, u"front-desk"_s});
    if (!opened.ok())
        fail(u"store"_s, opened.error().message());
    Restaurant &restaurant = opened.value()->view();
    for (const auto &[guest, start] :
         {std::pair {u"Novak"_s, QTime(21, 0)}, std::pair {u"Hughes"_s, QTime(21, 15)}})
        check(restaurant.booker().book(
                  {u"T26"_s, at(start.hour(), start.minute()), 4, guest, {}, {}, {}}),
              guest);

    test::ScriptedPrompt prompt;
    ui::HostStandWindow window({*opened.value(), prompt, u"front-desk"_s});
    window.resize(1440, 960);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(u"window"_s, u"not shown"_s);
    QTest::qWait(300);
    const QString tail = parser.value(suffix);
    const auto kowalski = restaurant.readModel()->searchGuests(u"Kowalski"_s).value();
    if (!kowalski.isEmpty())
        window.selectBooking(kowalski.constFirst().id);
    bool saved = save(window, QDir(outdir).filePath(u"host-stand-grid%1.png"_s.arg(tail)));
    window.tabs()->setCurrentWidget(window.floorPlanPage());
    window.floorPlanPage()->selectTable(u"T7"_s);
    saved = save(window, QDir(outdir).filePath(u"host-stand-floor%1.png"_s.arg(tail))) && saved;
    return saved ? 0 : 1;
}
