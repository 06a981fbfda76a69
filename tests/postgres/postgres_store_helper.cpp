// A second terminal for the PostgreSQL tests, as a process of its own with
// its own connection:
//   postgres_store_helper write URL STREAM BATCHES BATCH_SIZE
//       appends BATCHES appends of BATCH_SIZE events to STREAM, each at the
//       exact revision, then prints "done"
//   postgres_store_helper consume URL GROUP LEASE_MS
//       consumes the persistent subscription group, printing "lease" when it
//       holds the lease and "handled POSITION" for each event it acks
// Errors go to standard error with exit status 1.

#include "eventstore/EventData.h"
#include "eventstore/PersistentSubscription.h"
#include "eventstore/PostgresEventStore.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fputs(qPrintable(message + u'\n'), stderr);
    return 1;
}

int write(EventStore &store, const QString &stream, int batches, int batchSize)
{
    qint64 revision = NoStreamRevision;
    for (int batch = 0; batch < batches; ++batch) {
        QList<EventData> events;
        for (int i = 0; i < batchSize; ++i)
            events.append(
                EventData::fromJson(u"written"_s, {{u"batch"_s, batch}, {u"index"_s, i}}));
        auto appended = store.append(stream, events, ExpectedRevision::exact(revision));
        if (!appended.ok())
            return fail(appended.error().message());
        revision = appended.value().revision;
    }
    say(u"done"_s);
    return 0;
}

int consume(QCoreApplication &app, EventStore &store, const QString &group, int leaseMs)
{
    PersistentSubscription::Settings settings;
    settings.leaseDuration = std::chrono::milliseconds(leaseMs);
    settings.renewInterval = std::chrono::milliseconds(std::max(50, leaseMs / 5));
    PersistentSubscription subscription(
        store, group, {}, [](const RecordedEvent &) { return Disposition::ack(); }, settings);
    QObject::connect(&subscription, &PersistentSubscription::leaseAcquired, &app,
                     [] { say(u"lease"_s); });
    QObject::connect(
        &subscription, &PersistentSubscription::eventHandled, &app,
        [](qint64 position, Disposition::Action) { say(u"handled %1"_s.arg(position)); });
    subscription.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.size() < 2)
        return fail(u"usage: postgres_store_helper write|consume URL ..."_s);
    auto store = PostgresEventStore::open(arguments.at(1));
    if (!store.ok())
        return fail(store.error().message());
    if (arguments.at(0) == u"write"_s && arguments.size() == 5)
        return write(*store.value(), arguments.at(2), arguments.at(3).toInt(),
                     arguments.at(4).toInt());
    if (arguments.at(0) == u"consume"_s && arguments.size() == 4)
        return consume(app, *store.value(), arguments.at(2), arguments.at(3).toInt());
    return fail(u"usage: postgres_store_helper write|consume URL ..."_s);
}
