#pragma once

#include "domain/BookingOutcome.h"
#include "domain/CommandContext.h"
#include "domain/DomainError.h"
#include "domain/RestaurantOptions.h"
#include "domain/booker/BookingChangeRequest.h"
#include "domain/booker/BookingRequest.h"
#include "domain/booker/WalkInRequest.h"
#include "eventstore/StoreError.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QStringList>

#include <functional>
#include <memory>
#include <type_traits>

class QThread;

namespace hoststand {

class Clock;
class EventStore;
class Restaurant;

// A window's restaurant in two halves (docs/architecture.md, "Threads and
// processes"). The engine half is a Restaurant on a thread of its own: the
// store connection the host's booking commands go through, both sagas, the
// lock expiry and the read model's projections. The view half is a
// Restaurant on the caller's thread with connections of its own, running
// no saga: its read model reads the tables the engine half projects and
// tells that one's change signals (ReadModel::followProjectionsOf). Each
// half tells the other of its store's commits at once, so neither waits
// for a poll.
//
// The window's thread sends commands and hears their outcome through
// futures that finish from its event loop; it never waits on a busy store,
// a lock, a network round trip or a saga for them.
class Engine final : public QObject
{
    Q_OBJECT

public:
    // Opens the view half here (its read model caught up, reporting
    // options.readModelProgress), then the engine half on its thread
    // (options.runSagas and runLockExpiry apply there). The clock must
    // outlive the engine; a ManualClock may be set from this thread.
    static StoreResult<std::unique_ptr<Engine>> open(const RestaurantOptions &options,
                                                     const Clock &clock,
                                                     CommandContext context
                                                     = CommandContext::ofThisProcess(),
                                                     QObject *parent = nullptr);
    // The same on stores openStore makes (with options of their own), once
    // on the engine thread and once here; options.store is not used.
    using StoreOpener = std::function<StoreResult<std::unique_ptr<EventStore>>()>;
    static StoreResult<std::unique_ptr<Engine>> open(
        const StoreOpener &openStore, const RestaurantOptions &options, const Clock &clock,
        CommandContext context = CommandContext::ofThisProcess(), QObject *parent = nullptr);
    // Closes the engine half on its thread (its sagas hand their leases on)
    // and stops the thread; a command in flight is answered first.
    ~Engine() override;

    // The view half, on this thread: the read model, the clock, the
    // manager's editor's commands (which run here for now).
    Restaurant &view() const { return *m_view; }
    const Clock &clock() const;

    // The host's booking commands, on the engine thread; each future
    // finishes with what Restaurant::requestBooking() and its kin answer
    // there, or is cancelled without an answer when the engine closed
    // before it could run the command.
    QFuture<DomainResult<BookingOutcome>> book(const booker::BookingRequest &request);
    QFuture<DomainResult<BookingOutcome>> walkIn(const booker::WalkInRequest &request);
    QFuture<DomainResult<void>> arrive(const BookingId &booking);
    QFuture<DomainResult<void>> seat(const BookingId &booking);
    QFuture<DomainResult<bool>> cancel(const BookingId &booking);
    QFuture<DomainResult<BookingChangeOutcome>> change(const BookingId &booking,
                                                       const booker::BookingChangeRequest &request);
    QFuture<DomainResult<bool>> noShow(const BookingId &booking);
    QFuture<DomainResult<bool>> leave(const BookingId &booking);
    // What needs the host's attention (Restaurant::stepsNeedingAttention),
    // asked of the half that runs the sagas.
    QFuture<QStringList> stepsNeedingAttention();

    // Runs work(restaurant) on the engine thread and waits for its result:
    // for tests and set-up, never for a window's command.
    template<typename Work>
    auto call(Work work) -> std::invoke_result_t<Work, Restaurant &>;

    // Whether both halves have nothing in hand (Restaurant::isQuiet): the
    // sagas handled every event and the read model projected every one.
    // Asks the engine thread and waits for its answer.
    bool isQuiet();

private:
    Engine(QObject *parent);
    // Posts work to the engine thread; the promise is kept there.
    template<typename T, typename Work>
    QFuture<T> post(Work work);
    // Work whose answer comes later (a future of the engine thread).
    template<typename T, typename Work>
    QFuture<T> postAndFollow(Work work);
    void postToEngine(std::function<void()> work);

    QThread *m_thread = nullptr;
    // Lives on the engine thread; the engine half's parent-less context.
    QObject *m_worker = nullptr;
    std::unique_ptr<Restaurant> m_engine; // used on the engine thread only
    std::unique_ptr<Restaurant> m_view;
};

template<typename T, typename Work>
QFuture<T> Engine::post(Work work)
{
    return postAndFollow<T>([work = std::move(work)](Restaurant &restaurant) {
        return QtFuture::makeReadyFuture(work(restaurant));
    });
}

template<typename T, typename Work>
QFuture<T> Engine::postAndFollow(Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    postToEngine([this, promise, work = std::move(work)] {
        if (!m_engine)
            return; // closed: the future is cancelled, unanswered
        QFuture<T> answer = work(*m_engine);
        answer.then(QtFuture::Launch::Sync, [promise](const T &result) {
            promise->addResult(result);
            promise->finish();
        });
    });
    return future;
}

template<typename Work>
auto Engine::call(Work work) -> std::invoke_result_t<Work, Restaurant &>
{
    using T = std::invoke_result_t<Work, Restaurant &>;
    if constexpr (std::is_void_v<T>) {
        post<bool>([work = std::move(work)](Restaurant &restaurant) {
            work(restaurant);
            return true;
        }).waitForFinished();
    } else {
        QFuture<T> answer = post<T>(std::move(work));
        answer.waitForFinished();
        return answer.result();
    }
}

} // namespace hoststand
