#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "domain/Restaurant.h"
#include "domain/tablemanager/TableManager.h"
#include "readmodel/ReadModel.h"

#include <QJsonArray>
#include <QPointF>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {
namespace {

const QString DefaultZone = u"Main room"_s;
constexpr double Margin = 100; // cm from the walls, and the first table's spot
constexpr double Gap = 50; // cm between tables placed side by side

int show(CommandRun &run, const Table &table)
{
    const TableRow row = Presenter::rowOf(table);
    run.out().result(run.presenter().json(row), run.presenter().text(row));
    return ExitOk;
}

// Without coordinates a new table goes right of its zone's last one, so a
// script's tables do not all pile up on one spot of the floor plan.
DomainResult<QPointF> nextSpot(TableManager &manager, const QString &zone)
{
    auto tables = manager.tables();
    if (!tables.ok())
        return tables.error();
    std::optional<QPointF> spot;
    for (const Table &table : tables.value()) {
        if (table.layout().zone != zone)
            continue;
        const double right = table.layout().x + table.layout().width + Gap;
        if (!spot || right > spot->x())
            spot = QPointF(right, table.layout().y);
    }
    return spot.value_or(QPointF(Margin, Margin));
}

std::optional<TableShape> shapeOption(CommandRun &run)
{
    if (!run.isSet(u"shape"_s))
        return std::nullopt;
    const auto shape = tableShapeFromString(run.text(u"shape"_s));
    if (!shape)
        run.problem(
            u"--shape: \"%1\" is not round, square or rectangle."_s.arg(run.text(u"shape"_s)));
    return shape;
}

void requireBothOrNeither(CommandRun &run, const QString &a, const QString &b)
{
    if (run.isSet(a) != run.isSet(b))
        run.problem(u"--%1 and --%2 go together."_s.arg(a, b));
}

} // namespace

int tablesAdd(CommandRun &run)
{
    run.require({u"seats"_s});
    const auto seats = run.integer(u"seats"_s);
    const auto x = run.number(u"x"_s);
    const auto y = run.number(u"y"_s);
    requireBothOrNeither(run, u"x"_s, u"y"_s);
    const auto shape = shapeOption(run);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto id = TableId::create(run.argument(0));
    if (!id.ok())
        return run.refuse(id.error());
    auto count = SeatCount::create(*seats);
    if (!count.ok())
        return run.refuse(count.error());
    const QString zone = run.isSet(u"zone"_s) ? run.text(u"zone"_s) : DefaultZone;
    auto spot
        = x ? DomainResult<QPointF>(QPointF(*x, *y)) : nextSpot(restaurant->tableManager(), zone);
    if (!spot.ok())
        return run.refuse(spot.error());
    TableLayout layout = TableLayout::forSeats(*seats, zone, spot.value().x(), spot.value().y());
    layout.shape = shape.value_or(layout.shape);
    auto added = restaurant->tableManager().addTable(id.value(), count.value(), layout);
    if (!added.ok())
        return run.refuse(added.error());
    return show(run, added.value());
}

int tablesMove(CommandRun &run)
{
    run.require({u"x"_s, u"y"_s});
    const auto x = run.number(u"x"_s);
    const auto y = run.number(u"y"_s);
    const auto rotation = run.number(u"rotation"_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto id = TableId::create(run.argument(0));
    if (!id.ok())
        return run.refuse(id.error());
    auto current = restaurant->tableManager().table(id.value());
    if (!current.ok())
        return run.refuse(current.error());
    TableLayout layout = current.value().layout();
    layout.x = *x;
    layout.y = *y;
    layout.rotation = rotation.value_or(layout.rotation);
    if (run.isSet(u"zone"_s))
        layout.zone = run.text(u"zone"_s);
    auto moved = restaurant->tableManager().moveTable(id.value(), layout);
    if (!moved.ok())
        return run.refuse(moved.error());
    return show(run, moved.value());
}

int tablesSeats(CommandRun &run)
{
    const auto seats = run.integerArgument(1, u"seats"_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto id = TableId::create(run.argument(0));
    if (!id.ok())
        return run.refuse(id.error());
    auto count = SeatCount::create(*seats);
    if (!count.ok())
        return run.refuse(count.error());
    auto changed = restaurant->tableManager().changeSeats(id.value(), count.value());
    if (!changed.ok())
        return run.refuse(changed.error());
    return show(run, changed.value());
}

int tablesRemove(CommandRun &run)
{
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto id = TableId::create(run.argument(0));
    if (!id.ok())
        return run.refuse(id.error());
    auto removed = restaurant->tableManager().removeTable(id.value());
    if (!removed.ok())
        return run.refuse(removed.error());
    return show(run, removed.value());
}

int tablesList(CommandRun &run)
{
    Restaurant *restaurant = run.openToRead(RestaurantOptions::ReadModelUse::Follow);
    if (!restaurant)
        return run.failed();
    const auto read = restaurant->readModel()->tables(run.isSet(u"all"_s));
    if (!read.ok())
        return run.refuseUnread(read.error());
    const QList<TableRow> &tables = read.value();
    QJsonArray json;
    for (const TableRow &table : tables)
        json.append(run.presenter().json(table));
    run.out().results(json, run.presenter().tables(tables).render());
    return ExitOk;
}

} // namespace hoststand::cli::commands
