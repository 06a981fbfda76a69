#include "tests/bench/EventStoreBench.h"

#include "eventstore/CatchUpSubscription.h"
#include "eventstore/PostgresEventStore.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/bench/PostgresBenchSchema.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <chrono>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace hoststand::bench {

namespace {

constexpr int SingleStreams = 100;
constexpr int BatchSize = 100;
constexpr int BatchStreams = 1000;
constexpr qint64 ReadPage = 1000;

const QString BookingInitiated = u"table-booking-initiated"_s;
const QByteArray Metadata = "{\"$correlationId\":\"booking-1\"}";

// The same ~200-byte table-booking-initiated payload as the peers build,
// formatted directly (as the raw SQLite limit does with snprintf).
EventData bookingEvent(qint64 i)
{
    QByteArray data;
    data.reserve(192);
    data += "{\"id\":\"booking-" + QByteArray::number(i) + "\",\"tableId\":\"T"
        + QByteArray::number(i % 40) + "\",\"partySize\":" + QByteArray::number(2 + i % 6)
        + ",\"guestName\":\"Guest Name\",\"timeSlot\":{\"from\":\"2026-12-01T19:00:00Z\","
          "\"to\":\"2026-12-01T20:30:00Z\"}}";
    return EventData {newEventId(), BookingInitiated, data, Metadata};
}

double perSecond(qint64 count, const QElapsedTimer &timer)
{
    return double(count) * 1e9 / double(std::max<qint64>(1, timer.nsecsElapsed()));
}

std::optional<QString> failure(const StoreError &error)
{
    return error.message();
}

// Each append is its own durable transaction with an exact expected revision.
std::optional<QString> singleAppends(EventStore &store, qint64 count, QJsonObject &figures)
{
    QHash<QString, qint64> revisions;
    QStringList streams;
    for (int s = 0; s < SingleStreams; ++s)
        streams.append(u"single-%1"_s.arg(s));
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < count; ++i) {
        const QString &stream = streams.at(int(i % SingleStreams));
        auto appended = store.append(stream, {bookingEvent(i)},
                                     ExpectedRevision::exact(revisions.value(stream, -1)));
        if (!appended.ok())
            return failure(appended.error());
        revisions.insert(stream, appended.value().revision);
    }
    figures.insert(u"singleAppendPerSec"_s, qRound64(perSecond(count, timer)));
    return std::nullopt;
}

std::optional<QString> batchedAppends(EventStore &store, qint64 count, QJsonObject &figures)
{
    std::vector<qint64> revisions(BatchStreams, -1);
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0, batch = 0; i < count; i += BatchSize, ++batch) {
        QList<EventData> events;
        events.reserve(BatchSize);
        for (qint64 j = 0; j < BatchSize; ++j)
            events.append(bookingEvent(i + j));
        const int s = int(batch % BatchStreams);
        auto appended = store.append(u"batch-%1"_s.arg(s), events,
                                     ExpectedRevision::exact(revisions[size_t(s)]));
        if (!appended.ok())
            return failure(appended.error());
        revisions[size_t(s)] = appended.value().revision;
    }
    figures.insert(u"batchedAppendPerSec"_s, qRound64(perSecond(count, timer)));
    return std::nullopt;
}

std::optional<QString> streamReads(EventStore &store, QJsonObject &figures)
{
    qint64 read = 0;
    QElapsedTimer timer;
    timer.start();
    for (int s = 0; s < BatchStreams; ++s) {
        auto events = store.readStream(u"batch-%1"_s.arg(s), ReadDirection::Forwards, 0,
                                       std::numeric_limits<qint64>::max());
        if (!events.ok())
            return failure(events.error());
        for (const RecordedEvent &event : events.value())
            read += event.data.isEmpty() ? 0 : 1;
    }
    figures.insert(u"readStreamPerSec"_s, qRound64(perSecond(read, timer)));
    figures.insert(u"readEvents"_s, read);
    return std::nullopt;
}

std::optional<QString> allReads(EventStore &store, QJsonObject &figures)
{
    qint64 read = 0;
    qint64 position = 0;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        auto page = store.readAll(position, ReadPage);
        if (!page.ok())
            return failure(page.error());
        read += page.value().size();
        if (page.value().size() < ReadPage)
            break;
        position = page.value().constLast().position;
    }
    figures.insert(u"readAllPerSec"_s, qRound64(perSecond(read, timer)));
    return std::nullopt;
}

qint64 percentile(std::vector<qint64> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(fraction * double(values.size())));
    return values[index];
}

qint64 nanosecondsSince(std::chrono::steady_clock::time_point start)
{
    const auto elapsed = std::chrono::steady_clock::now() - start;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
}

void insertPercentiles(QJsonObject &figures, const QString &name,
                       const std::vector<qint64> &nanoseconds)
{
    figures.insert(name + u"P50Us"_s, double(percentile(nanoseconds, 0.50)) / 1000.0);
    figures.insert(name + u"P99Us"_s, double(percentile(nanoseconds, 0.99)) / 1000.0);
}

// From just before a durable append to the slot of an in-process
// subscriber, which hears of the commit at the event loop's next turn after
// the append returned. The part after the commit
// (from appended() to the slot) is reported too: the rest is the disk's
// sync, which varies with everything else the machine writes.
std::optional<QString> subscriptionLatency(EventStore &store, int samples, QJsonObject &figures)
{
    auto last = store.lastPosition();
    if (!last.ok())
        return failure(last.error());
    CatchUpSubscription subscription(store, last.value());
    std::vector<qint64> latencies;
    std::vector<qint64> afterCommit;
    latencies.reserve(size_t(samples));
    afterCommit.reserve(size_t(samples));
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point committed;
    // Connected before the subscription connects itself, so called first.
    QObject::connect(&store, &EventStore::appended, &subscription,
                     [&] { committed = std::chrono::steady_clock::now(); });
    QObject::connect(&subscription, &CatchUpSubscription::eventAppeared, &subscription, [&] {
        latencies.push_back(nanosecondsSince(started));
        afterCommit.push_back(nanosecondsSince(committed));
    });
    subscription.start();
    for (int i = 0; i < samples; ++i) {
        started = std::chrono::steady_clock::now();
        auto appended
            = store.append(u"latency-%1"_s.arg(i % 10), {bookingEvent(i)}, ExpectedRevision::any());
        if (!appended.ok())
            return failure(appended.error());
        // The subscriber hears of it from the event loop, once the append
        // has returned.
        const QDeadlineTimer deadline(5000);
        while (latencies.size() <= size_t(i) && !deadline.hasExpired())
            QCoreApplication::processEvents();
    }
    if (latencies.size() != size_t(samples))
        return u"the subscriber heard %1 of %2 appends"_s.arg(latencies.size()).arg(samples);
    insertPercentiles(figures, u"subscriptionLatency"_s, latencies);
    insertPercentiles(figures, u"subscriptionAfterCommit"_s, afterCommit);
    figures.insert(u"latencySamples"_s, samples);
    return std::nullopt;
}

std::optional<QString> runWorkload(EventStore &store, const BenchOptions &options,
                                   QJsonObject &figures)
{
    figures.insert(u"singleEvents"_s, options.singleEvents);
    figures.insert(u"batchedEvents"_s, options.batchedEvents);
    if (auto failed = singleAppends(store, options.singleEvents, figures))
        return failed;
    if (auto failed = batchedAppends(store, options.batchedEvents, figures))
        return failed;
    if (auto failed = streamReads(store, figures))
        return failed;
    if (auto failed = allReads(store, figures))
        return failed;
    if (options.latencySamples <= 0)
        return std::nullopt;
    return subscriptionLatency(store, options.latencySamples, figures);
}

// The same workload on a fresh schema of the server, with its durable
// commits (synchronous_commit on), dropped afterwards.
std::optional<QString> runOnPostgres(const BenchOptions &options, QJsonObject &figures)
{
    PostgresBenchSchema schema(options.storePath);
    std::optional<QString> failed;
    {
        auto opened = PostgresEventStore::open(schema.storeUrl());
        if (!opened.ok())
            return failure(opened.error());
        failed = runWorkload(*opened.value(), options, figures);
    }
    if (auto dropped = schema.drop(); dropped && !failed)
        return dropped;
    return failed;
}

} // namespace

std::optional<QString> runEventStoreSection(const BenchOptions &options, QJsonObject &figures)
{
    if (PostgresConnectionSettings::isUrl(options.storePath))
        return runOnPostgres(options, figures);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(options.storePath + suffix);
    auto opened = SqliteEventStore::open(options.storePath);
    if (!opened.ok())
        return failure(opened.error());
    return runWorkload(*opened.value(), options, figures);
}

} // namespace hoststand::bench
