// tableeditor_peer: another terminal on the same store, for
// tst_tableeditorcrossprocess. It opens the restaurant as the host stand
// does, its read model following the store, prints "ready", and then a
// line "<table> <x> <y> <milliseconds since the epoch>" each time its read
// model says a table changed. Usage: tableeditor_peer STORE

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "readmodel/ReadModel.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: tableeditor_peer STORE\n");
        return 2;
    }
    SystemClock clock;
    RestaurantOptions options;
    options.store = QString::fromLocal8Bit(argv[1]);
    options.runSagas = false;
    auto opened = Restaurant::open(options, clock, {u"host"_s, u"peer"_s});
    if (!opened.ok()) {
        std::fprintf(stderr, "tableeditor_peer: %s\n", qPrintable(opened.error().message()));
        return 1;
    }
    ReadModel &readModel = *opened.value()->readModel();
    QObject::connect(&readModel, &ReadModel::tableChanged, &app, [&](const QString &tableId) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const std::optional<TableRow> table = readModel.table(tableId).value();
        if (!table)
            return;
        std::printf("%s %g %g %lld\n", qPrintable(tableId), table->layout.x, table->layout.y,
                    static_cast<long long>(now));
        std::fflush(stdout);
    });
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}
