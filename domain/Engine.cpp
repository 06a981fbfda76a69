#include "domain/Engine.h"

#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "eventstore/EventStore.h"
#include "eventstore/EventStoreFactory.h"
#include "readmodel/ReadModel.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace hoststand {

Engine::Engine(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new QObject)
{
    m_thread->setObjectName(u"engine"_s);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

StoreResult<std::unique_ptr<Engine>> Engine::open(const RestaurantOptions &options,
                                                  const Clock &clock, CommandContext context,
                                                  QObject *parent)
{
    return open([&options] { return openEventStore(options.store, options.createStore); }, options,
                clock, std::move(context), parent);
}

StoreResult<std::unique_ptr<Engine>> Engine::open(const StoreOpener &openStore,
                                                  const RestaurantOptions &options,
                                                  const Clock &clock, CommandContext context,
                                                  QObject *parent)
{
    std::unique_ptr<Engine> engine(new Engine(parent));

    // The view half first, here: its read model is caught up (or rebuilt,
    // reporting its progress) before the window opens.
    RestaurantOptions viewOptions = options;
    viewOptions.runSagas = false;
    viewOptions.runLockExpiry = false;
    // It reads the store's clock once, here, and then takes the engine's
    // readings (below): a check on a timer would be a round trip on this
    // thread, which hangs when the link drops just then.
    viewOptions.clockCheckInterval = std::chrono::milliseconds(0);
    auto ownStore = openStore();
    if (!ownStore.ok())
        return ownStore.error();
    auto view = Restaurant::open(std::move(ownStore).value(), viewOptions, clock, context);
    if (!view.ok())
        return view.error();
    engine->m_view = std::move(view).value();
    ReadModel *shown = engine->m_view->readModel();

    // Then the engine half, on its thread, projecting into the same read
    // tables; the view's read model follows it from before its first commit.
    RestaurantOptions engineOptions = options;
    engineOptions.readModel
        = shown ? RestaurantOptions::ReadModelUse::Follow : RestaurantOptions::ReadModelUse::None;
    engineOptions.readModelLocation = shown ? shown->location() : QString();
    engineOptions.readModelProgress = {};
    std::optional<StoreError> failed;
    QMetaObject::invokeMethod(
        engine->m_worker,
        [&] {
            auto store = openStore();
            if (!store.ok()) {
                failed = store.error();
                return;
            }
            auto opened = Restaurant::open(std::move(store).value(), engineOptions, clock, context);
            if (!opened.ok()) {
                failed = opened.error();
                return;
            }
            engine->m_engine = std::move(opened).value();
            if (shown)
                shown->followProjectionsOf(*engine->m_engine->readModel());
        },
        Qt::BlockingQueuedConnection);
    if (failed)
        return *failed;

    // The view's store leaves watching for other terminals' commits and for
    // the server to the engine's, whose looks may block: it hears of both
    // from there and never asks a server on this thread by itself. The
    // engine's store hears of the view's commits (the editor's) at once,
    // instead of at its next poll; a store finds no news in its own
    // commits, so the two never wake each other in turn.
    EventStore &engineStore = engine->m_engine->store();
    EventStore &viewStore = engine->m_view->store();
    viewStore.follow(engineStore);
    connect(&viewStore, &EventStore::appended, &engineStore, &EventStore::hearOfCommits,
            Qt::QueuedConnection);
    connect(&engine->m_engine->storeClock(), &StoreClock::checked, &engine->m_view->storeClock(),
            &StoreClock::takeReading, Qt::QueuedConnection);
    return engine;
}

Engine::~Engine()
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_worker, [this] { m_engine.reset(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_view.reset();
}

const Clock &Engine::clock() const
{
    return m_view->clock();
}

void Engine::postToEngine(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_worker, std::move(work), Qt::QueuedConnection);
}

QFuture<DomainResult<BookingOutcome>> Engine::book(const booker::BookingRequest &request)
{
    return postAndFollow<DomainResult<BookingOutcome>>(
        [request](Restaurant &restaurant) { return restaurant.requestBooking(request); });
}

QFuture<DomainResult<BookingOutcome>> Engine::walkIn(const booker::WalkInRequest &request)
{
    return postAndFollow<DomainResult<BookingOutcome>>(
        [request](Restaurant &restaurant) { return restaurant.requestWalkIn(request); });
}

QFuture<DomainResult<void>> Engine::arrive(const BookingId &booking)
{
    return post<DomainResult<void>>(
        [booking](Restaurant &restaurant) { return restaurant.booker().arrive(booking); });
}

QFuture<DomainResult<void>> Engine::seat(const BookingId &booking)
{
    return post<DomainResult<void>>(
        [booking](Restaurant &restaurant) { return restaurant.booker().seat(booking); });
}

QFuture<DomainResult<bool>> Engine::cancel(const BookingId &booking)
{
    return postAndFollow<DomainResult<bool>>(
        [booking](Restaurant &restaurant) { return restaurant.requestCancel(booking); });
}

QFuture<DomainResult<BookingChangeOutcome>> Engine::change(
    const BookingId &booking, const booker::BookingChangeRequest &request)
{
    return postAndFollow<DomainResult<BookingChangeOutcome>>(
        [booking, request](Restaurant &restaurant) {
            return restaurant.requestChange(booking, request);
        });
}

QFuture<DomainResult<bool>> Engine::noShow(const BookingId &booking)
{
    return postAndFollow<DomainResult<bool>>(
        [booking](Restaurant &restaurant) { return restaurant.requestNoShow(booking); });
}

QFuture<DomainResult<bool>> Engine::leave(const BookingId &booking)
{
    return postAndFollow<DomainResult<bool>>(
        [booking](Restaurant &restaurant) { return restaurant.requestLeave(booking); });
}

QFuture<QStringList> Engine::stepsNeedingAttention()
{
    return post<QStringList>(
        [](Restaurant &restaurant) { return restaurant.stepsNeedingAttention(); });
}

bool Engine::isQuiet()
{
    return call([](Restaurant &restaurant) { return restaurant.isQuiet(); }) && m_view->isQuiet();
}

} // namespace hoststand
