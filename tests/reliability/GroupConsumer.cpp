// hoststand_group_consumer: a child process for the lease takeover test.
// It consumes a persistent subscription group with the default settings,
// acks every event, and reports on standard output:
//   lease            when it holds the group's lease
//   handled POSITION after each event is acked

#include "eventstore/PersistentSubscription.h"
#include "eventstore/SqliteEventStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

static void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() < 3) {
        std::fprintf(stderr, "usage: %s PATH GROUP\n", argv[0]);
        return 2;
    }
    auto store = SqliteEventStore::open(app.arguments().at(1));
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message()));
        return 1;
    }
    PersistentSubscription consumer(*store.value(), app.arguments().at(2), {},
                                    [](const RecordedEvent &) { return Disposition::ack(); });
    QObject::connect(&consumer, &PersistentSubscription::leaseAcquired, &app, [] { say("lease"); });
    QObject::connect(&consumer, &PersistentSubscription::eventHandled, &app,
                     [](qint64 position) { say("handled " + QByteArray::number(position)); });
    QObject::connect(&consumer, &PersistentSubscription::failed, &app, [](const StoreError &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
    });
    consumer.start();
    return app.exec();
}
