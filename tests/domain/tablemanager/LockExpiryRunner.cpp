// One lock expiry pass in a process of its own, as hoststand-cli
// expire-locks runs it, for the tests that run several at once.
// Arguments: the store's path and the clock's now (ISO 8601). Prints
// "ready", waits for a line on its standard input so that all runners
// start together, runs, and prints "released <count>".

#include "domain/tablemanager/LockExpiryScheduler.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/SqliteEventStore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace hoststand;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const QDateTime now = QDateTime::fromString(arguments.value(2), Qt::ISODate);
    if (arguments.size() != 3 || !now.isValid()) {
        qCritical("usage: hoststand_lock_expiry_runner <store> <now, ISO 8601>");
        return 2;
    }
    auto store = SqliteEventStore::open(arguments.at(1));
    if (!store.ok()) {
        qCritical("%s", qPrintable(store.error().message()));
        return 1;
    }
    ManualClock clock(now);
    TableManager manager(*store.value(), clock,
                         CommandContext {u"expiry"_s, u"runner-%1"_s.arg(app.applicationPid())});
    LockExpiryScheduler scheduler(manager);

    QTextStream out(stdout);
    out << u"ready"_s << Qt::endl;
    (void)QTextStream(stdin).readLine();
    auto released = scheduler.runOnce();
    if (!released.ok()) {
        qCritical("%s", qPrintable(released.error().message()));
        return 1;
    }
    out << u"released %1"_s.arg(released.value().size()) << Qt::endl;
    return 0;
}
