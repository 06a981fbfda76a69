#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "domain/Restaurant.h"
#include "readmodel/ReadModel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {

static int showLocks(CommandRun &run, const QList<LockRow> &locks)
{
    QJsonArray json;
    for (const LockRow &lock : locks)
        json.append(run.presenter().json(lock));
    run.out().results(json, run.presenter().locks(locks).render());
    return ExitOk;
}

int locksList(CommandRun &run)
{
    Restaurant *restaurant = run.openToRead(RestaurantOptions::ReadModelUse::Follow);
    if (!restaurant)
        return run.failed();
    const auto locks = restaurant->readModel()->locks(run.text(u"table"_s));
    if (!locks.ok())
        return run.refuseUnread(locks.error());
    return showLocks(run, locks.value());
}

int expireLocks(CommandRun &run)
{
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto released = restaurant->expireLocksNow();
    if (!released.ok())
        return run.refuse(released.error());
    QList<LockRow> rows;
    for (const TableLock &lock : released.value())
        rows.append(Presenter::rowOf(lock));
    return showLocks(run, rows);
}

} // namespace hoststand::cli::commands
