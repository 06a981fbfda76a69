#include "tests/bench/DomainBench.h"
#include "domain/StoreClock.h"

#include "domain/Clock.h"
#include "domain/EventSourcing.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "domain/booker/Booking.h"
#include "domain/booker/RestaurantSettings.h"
#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/Table.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/EventStoreFactory.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/support/HistoryGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace hoststand::bench {
namespace {

constexpr int Tables = 40;
constexpr int SlotMinutes = 15;
constexpr int WarmUpBookings = 20;
constexpr int RehydrateSamples = 300;
const QDateTime FirstDay = QDateTime(QDate(2030, 1, 7), QTime(0, 0), Qt::UTC);

int fromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

double percentileUs(std::vector<qint64> nanoseconds, double fraction)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const size_t index
        = std::min(nanoseconds.size() - 1, size_t(fraction * double(nanoseconds.size())));
    return double(nanoseconds[index]) / 1000.0;
}

template<typename T>
std::optional<QString> problemOf(const DomainResult<T> &result)
{
    return result.ok() ? std::nullopt : std::optional(result.error().message());
}

// Services around the clock, so that thousands of bookings of a slot
// each fit on one day without overlapping: booking i takes table i % 40
// at the (i / 40)th slot.
std::optional<QString> setUpRestaurant(Restaurant &restaurant)
{
    QList<ServicePeriod> periods;
    for (int weekday = 1; weekday <= 7; ++weekday)
        periods.append({weekday, u"all day"_s, QTime(0, 0), QTime(23, 45)});
    if (auto failed = problemOf(restaurant.booker().defineTimeZone(u"UTC"_s)))
        return failed;
    if (auto failed = problemOf(restaurant.booker().defineServicePeriods(periods)))
        return failed;
    for (int table = 0; table < Tables; ++table) {
        auto id = TableId::create(u"B%1"_s.arg(table));
        auto added = restaurant.tableManager().addTable(
            id.value(), SeatCount::create(8).value(),
            TableLayout::forSeats(8, u"Main room"_s, 100.0 * table, 100));
        if (auto failed = problemOf(added))
            return failed;
    }
    return std::nullopt;
}

// A restaurant on a new store, its sagas in this process and no read
// model, set up; durable: every commit waits for the disk.
Result<std::unique_ptr<Restaurant>, QString> openRestaurant(const QString &storePath, bool durable,
                                                            const Clock &clock)
{
    SqliteStoreOptions storeOptions;
    storeOptions.synchronousFull = durable;
    auto store = SqliteEventStore::open(storePath, storeOptions);
    if (!store.ok())
        return store.error().message();
    RestaurantOptions options;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.storeTime = StoreClock::following(clock);
    auto restaurant = Restaurant::open(std::move(store).value(), options, clock);
    if (!restaurant.ok())
        return restaurant.error().message();
    if (auto failed = setUpRestaurant(*restaurant.value()))
        return *failed;
    return std::move(restaurant).value();
}

booker::BookingRequest bookingNumber(int i)
{
    const int slotsPerDay = (24 * 60 - 30) / SlotMinutes;
    const int slot = i / Tables;
    booker::BookingRequest request;
    request.tableId = u"B%1"_s.arg(i % Tables);
    request.start = FirstDay.addDays(slot / slotsPerDay)
                        .addSecs(qint64(slot % slotsPerDay) * SlotMinutes * 60);
    request.partySize = 2;
    request.guestName = u"Guest %1"_s.arg(i);
    request.durationMinutes = SlotMinutes;
    return request;
}

// Durable: every commit waits for the disk (synchronous=FULL), as a
// booking must survive a power cut; five commits stand between book() and
// its return (the booking, the lock, the confirmation and the two sagas'
// checkpoints). Without the syncs, what remains is the code's own time.
std::optional<QString> measureBookToConfirmed(const QString &storePath, bool durable,
                                              const QString &name, QJsonObject &figures)
{
    const int bookings = fromEnvironment("HOSTSTAND_BENCH_BOOKINGS", 2000);
    ManualClock clock(FirstDay.addDays(-1));
    auto restaurant = openRestaurant(storePath, durable, clock);
    if (!restaurant.ok())
        return restaurant.error();
    std::vector<qint64> latencies;
    latencies.reserve(size_t(bookings));
    QElapsedTimer timer;
    for (int i = 0; i < WarmUpBookings + bookings; ++i) {
        // An application's event loop runs between two bookings: the sagas
        // renew their leases there, which expire after a few seconds without.
        QCoreApplication::processEvents();
        timer.start();
        auto outcome = restaurant.value()->book(bookingNumber(i));
        const qint64 elapsed = timer.nsecsElapsed();
        if (auto failed = problemOf(outcome))
            return failed;
        if (outcome.value().status != BookingStatus::Confirmed)
            return u"booking %1 ended %2"_s.arg(i).arg(toString(outcome.value().status));
        if (i >= WarmUpBookings)
            latencies.push_back(elapsed);
    }
    figures.insert(u"bookToConfirmedBookings"_s, bookings);
    figures.insert(name + u"P50Us"_s, percentileUs(latencies, 0.50));
    figures.insert(name + u"P99Us"_s, percentileUs(latencies, 0.99));
    return std::nullopt;
}

// Booking i on an even table, 2 (i % 20), at slot i / 20: the odd table
// beside it is free for its move.
booker::BookingRequest movableNumber(int i)
{
    return bookingNumber(Tables * (i / (Tables / 2)) + 2 * (i % (Tables / 2)));
}

// A booking moved to the table beside it, durable, through both sagas
// until it is at its new place: as a change of the booking (one booking,
// its lock moved), or as the move was made before bookings could change (a
// new booking confirmed, then the old one cancelled and its lock released).
std::optional<QString> measureMove(const QString &storePath, bool byChange, const QString &name,
                                   QJsonObject &figures)
{
    const int moves = fromEnvironment("HOSTSTAND_BENCH_MOVES", 500);
    ManualClock clock(FirstDay.addDays(-1));
    auto opened = openRestaurant(storePath, true, clock);
    if (!opened.ok())
        return opened.error();
    Restaurant &restaurant = *opened.value();
    QList<BookingId> booked;
    for (int i = 0; i < WarmUpBookings + moves; ++i) {
        QCoreApplication::processEvents();
        auto outcome = restaurant.book(movableNumber(i));
        if (auto failed = problemOf(outcome))
            return failed;
        booked.append(outcome.value().bookingId);
    }
    std::vector<qint64> latencies;
    latencies.reserve(size_t(moves));
    QElapsedTimer timer;
    for (int i = 0; i < WarmUpBookings + moves; ++i) {
        QCoreApplication::processEvents();
        const booker::BookingRequest was = movableNumber(i);
        const QString beside = u"B%1"_s.arg(was.tableId.mid(1).toInt() + 1);
        timer.start();
        if (byChange) {
            booker::BookingChangeRequest change;
            change.tableId = beside;
            auto outcome = restaurant.change(booked.at(i), change);
            if (auto failed = problemOf(outcome))
                return failed;
            if (!outcome.value().changed())
                return u"the change of booking %1 was not made"_s.arg(i);
        } else {
            booker::BookingRequest request = was;
            request.tableId = beside;
            auto outcome = restaurant.book(request);
            if (auto failed = problemOf(outcome))
                return failed;
            if (outcome.value().status != BookingStatus::Confirmed)
                return u"the new booking %1 ended %2"_s.arg(i).arg(
                    toString(outcome.value().status));
            auto cancelled = restaurant.cancel(booked.at(i));
            if (auto failed = problemOf(cancelled))
                return failed;
        }
        const qint64 elapsed = timer.nsecsElapsed();
        if (i >= WarmUpBookings)
            latencies.push_back(elapsed);
    }
    figures.insert(u"moveBookings"_s, moves);
    figures.insert(name + u"P50Us"_s, percentileUs(latencies, 0.50));
    figures.insert(name + u"P99Us"_s, percentileUs(latencies, 0.99));
    return std::nullopt;
}

// table-added, then locks placed and removed in turn: 1000 events.
std::optional<QString> writeLongTableStream(EventStore &store, const TableId &table)
{
    QList<DomainEvent> events {TableAdded {table, SeatCount::create(4).value(),
                                           TableLayout::forSeats(4, u"Main room"_s, 0, 0)}};
    for (int lock = 0; events.size() < 1000; ++lock) {
        const BookingId booking = BookingId::create(u"bench%1"_s.arg(lock)).value();
        const QDateTime start = FirstDay.addSecs(qint64(lock) * 2 * 3600);
        const TimeSpan span = TimeSpan::create(start, start.addSecs(90 * 60)).value();
        events.append(TableLockPlaced {table, booking, span, PartySize::create(2).value()});
        if (events.size() < 1000)
            events.append(TableLockRemoved {table, booking, LockRemovalReason::PartyLeft});
    }
    const EventMetadata metadata {u"bench"_s, u"bench"_s, u"bench"_s, u"bench"_s};
    for (qsizetype from = 0; from < events.size(); from += 100) {
        auto appended = EventSourcing::append(store, table.streamName(), events.mid(from, 100),
                                              ExpectedRevision::any(), metadata);
        if (auto failed = problemOf(appended))
            return failed;
    }
    return std::nullopt;
}

std::optional<QString> measureRehydrate(const QString &storePath, QJsonObject &figures)
{
    auto store = openEventStore(storePath);
    if (!store.ok())
        return store.error().message();
    const TableId table = TableId::create(u"long"_s).value();
    if (auto failed = writeLongTableStream(*store.value(), table))
        return failed;
    SystemClock clock;
    TableManager manager(*store.value(), clock);
    std::vector<qint64> samples;
    QElapsedTimer timer;
    for (int i = 0; i < RehydrateSamples; ++i) {
        timer.start();
        auto loaded = manager.table(table);
        samples.push_back(timer.nsecsElapsed());
        if (auto failed = problemOf(loaded))
            return failed;
        if (loaded.value().lockState(BookingId::create(u"bench499"_s).value())
            != Table::LockState::Held)
            return u"the long table's last lock was not rebuilt"_s;
    }
    figures.insert(u"rehydrateTable1000Us"_s, percentileUs(samples, 0.50));
    figures.insert(u"rehydrateTable1000P99Us"_s, percentileUs(samples, 0.99));
    // The first load of the table in a process replays its whole stream.
    std::vector<qint64> cold;
    for (int i = 0; i < RehydrateSamples; ++i) {
        TableManager fresh(*store.value(), clock);
        timer.start();
        auto loaded = fresh.table(table);
        cold.push_back(timer.nsecsElapsed());
        if (auto failed = problemOf(loaded))
            return failed;
    }
    figures.insert(u"rehydrateTable1000ColdUs"_s, percentileUs(cold, 0.50));
    return std::nullopt;
}

// The aggregates a replay folds each stream into.
struct Aggregates
{
    QHash<QString, Table> tables;
    QHash<QString, booker::Booking> bookings;
    booker::RestaurantSettings settings;

    void apply(const RecordedEvent &recorded, const DomainEvent &event)
    {
        if (recorded.stream.startsWith(u"table-"_s)) {
            auto table = tables.find(recorded.stream);
            if (table == tables.end())
                table = tables.insert(recorded.stream,
                                      Table(TableId::create(recorded.stream.mid(6)).value()));
            table->apply(event);
        } else if (recorded.stream.startsWith(u"booking-"_s)) {
            auto booking = bookings.find(recorded.stream);
            if (booking == bookings.end())
                booking = bookings.insert(
                    recorded.stream,
                    booker::Booking(BookingId::create(recorded.stream.mid(8)).value()));
            booking->apply(event);
        } else {
            settings.apply(event);
        }
    }
};

StoreResult<QList<RecordedEvent>> readEverything(EventStore &store)
{
    QList<RecordedEvent> all;
    for (;;) {
        auto page = store.readAll(all.isEmpty() ? 0 : all.constLast().position, 5000);
        if (!page.ok())
            return page.error();
        all.append(page.value());
        if (page.value().size() < 5000)
            return all;
    }
}

// Writing an event as the commands do (QJsonObject, then compact bytes),
// for the same history's events: what each append pays before the store.
std::optional<QString> measureEncoding(const QList<RecordedEvent> &events, QJsonObject &figures)
{
    QList<DomainEvent> decoded;
    decoded.reserve(events.size());
    for (const RecordedEvent &recorded : events)
        decoded.append(EventCodec::decode(recorded).value());
    const EventMetadata metadata {u"booking-b1"_s, u"e1"_s, u"host"_s, u"stand"_s};
    qint64 bytes = 0;
    QElapsedTimer timer;
    timer.start();
    for (const DomainEvent &event : std::as_const(decoded)) {
        auto encoded = EventCodec::toEventData(event, metadata);
        if (!encoded.ok())
            return encoded.error().message;
        bytes += encoded.value().data.size();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    figures.insert(u"encodeEventsPerSec"_s, qRound64(double(decoded.size()) / seconds));
    figures.insert(u"encodedBytes"_s, bytes);
    return std::nullopt;
}

std::optional<QString> measureReplay(const QString &storePath, QJsonObject &figures)
{
    SqliteStoreOptions options;
    options.synchronousFull = false; // the history is only a source of events
    auto store = SqliteEventStore::open(storePath, options);
    if (!store.ok())
        return store.error().message();
    test::HistoryOptions history;
    history.events = fromEnvironment("HOSTSTAND_BENCH_REPLAY_EVENTS", 200'000);
    if (auto generated = test::generateHistory(*store.value(), history); !generated.ok())
        return generated.error().message();
    auto events = readEverything(*store.value());
    if (!events.ok())
        return events.error().message();
    Aggregates aggregates;
    QElapsedTimer timer;
    timer.start();
    for (const RecordedEvent &recorded : events.value()) {
        auto decoded = EventCodec::decode(recorded);
        if (!decoded.ok())
            return u"position %1: %2"_s.arg(recorded.position).arg(decoded.error().message);
        aggregates.apply(recorded, decoded.value());
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    figures.insert(u"aggregateReplayEvents"_s, events.value().size());
    figures.insert(u"aggregateReplayEventsPerSec"_s,
                   qRound64(double(events.value().size()) / seconds));
    return measureEncoding(events.value(), figures);
}

} // namespace

std::optional<QString> runDomainSection(const BenchOptions &, QJsonObject &figures)
{
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return u"cannot make a temporary folder"_s;
    std::fprintf(stderr, "domain: booking until confirmed\n");
    if (auto failed = measureBookToConfirmed(scratch.filePath(u"bookings.hoststand"_s), true,
                                             u"bookToConfirmed"_s, figures))
        return failed;
    if (auto failed = measureBookToConfirmed(scratch.filePath(u"unsynced.hoststand"_s), false,
                                             u"bookToConfirmedUnsynced"_s, figures))
        return failed;
    std::fprintf(stderr, "domain: moving a booking to another table\n");
    if (auto failed = measureMove(scratch.filePath(u"changes.hoststand"_s), true,
                                  u"changeToConfirmed"_s, figures))
        return failed;
    if (auto failed = measureMove(scratch.filePath(u"rebooks.hoststand"_s), false,
                                  u"moveByRebookToConfirmed"_s, figures))
        return failed;
    std::fprintf(stderr, "domain: rehydrating a table\n");
    if (auto failed = measureRehydrate(scratch.filePath(u"table.hoststand"_s), figures))
        return failed;
    std::fprintf(stderr, "domain: replaying a history through the aggregates\n");
    return measureReplay(scratch.filePath(u"history.hoststand"_s), figures);
}

} // namespace hoststand::bench
