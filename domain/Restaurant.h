#pragma once

#include "domain/BookingOutcome.h"
#include "domain/CommandContext.h"
#include "domain/DomainError.h"
#include "domain/RestaurantOptions.h"
#include "domain/booker/BookingChangeRequest.h"
#include "domain/booker/BookingRequest.h"
#include "domain/booker/WalkInRequest.h"
#include "domain/tablemanager/TableLock.h"
#include "eventstore/StoreError.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace hoststand {

class Clock;
class EventStore;
class StoreClock;
class LockExpiryScheduler;
class ReadModel;
class TableLockingSaga;
class TableManager;

namespace booker {
class Booker;
class BookingSaga;
class TableCatalog;
} // namespace booker

// The composition root of one process (the GUI, hoststand-cli, tests): the
// store, the read model, both contexts' command handlers, the two sagas and
// the lock expiry, wired on one clock and one command context. It decides
// nothing itself: the contexts do; it only waits for their sagas where a
// caller wants the outcome of a choreography.
class Restaurant final : public QObject
{
    Q_OBJECT

public:
    // Opens the store and the read model and starts what the options ask.
    // The clock must outlive the restaurant.
    static StoreResult<std::unique_ptr<Restaurant>> open(const RestaurantOptions &options,
                                                         const Clock &clock,
                                                         CommandContext context
                                                         = CommandContext::ofThisProcess(),
                                                         QObject *parent = nullptr);
    // The same on a store the caller opened (with options of its own);
    // options.store is not used.
    static StoreResult<std::unique_ptr<Restaurant>> open(
        std::unique_ptr<EventStore> store, const RestaurantOptions &options, const Clock &clock,
        CommandContext context = CommandContext::ofThisProcess(), QObject *parent = nullptr);
    // Stops the sagas, which hands their leases to another process at once.
    ~Restaurant() override;

    EventStore &store() const { return *m_store; }
    // Null when the options asked for none.
    ReadModel *readModel() const { return m_readModel.get(); }
    TableManager &tableManager() const { return *m_tableManager; }
    booker::Booker &booker() const { return *m_booker; }
    const Clock &clock() const { return m_clock; }
    // This terminal's clock as the store vouches for it, and its warnings.
    const StoreClock &storeClock() const { return *m_storeClock; }
    StoreClock &storeClock() { return *m_storeClock; }
    const RestaurantOptions &options() const { return m_options; }
    const CommandContext &context() const { return m_context; }

    // Initiates the booking; the future finishes once the sagas (here or in
    // the process holding their leases) confirmed or rejected it, or with
    // its outcome so far after options().settleTimeout. A refusal up front
    // is an error; a rejection by the sagas is an outcome. The future
    // finishes on this object's thread, from its event loop (at once when
    // refused): nothing waits meanwhile.
    QFuture<DomainResult<BookingOutcome>> requestBooking(const booker::BookingRequest &request);
    // Likewise for a walk-in, which is settled once seated or rejected.
    QFuture<DomainResult<BookingOutcome>> requestWalkIn(const booker::WalkInRequest &request);
    // A booking initiated elsewhere, once settled; its outcome so far on timeout.
    QFuture<DomainResult<BookingOutcome>> whenSettled(const BookingId &booking);
    // The booker's commands that end a booking; the future says whether the
    // table manager released its lock (true) before the settle timeout.
    QFuture<DomainResult<bool>> requestCancel(const BookingId &booking);
    // Changes a booking (Booker::changeBooking); the future finishes once
    // the sagas made or rejected the change, or with it still waiting after
    // options().settleTimeout. A refusal up front is an error.
    QFuture<DomainResult<BookingChangeOutcome>> requestChange(
        const BookingId &booking, const booker::BookingChangeRequest &request);
    QFuture<DomainResult<bool>> requestNoShow(const BookingId &booking);
    QFuture<DomainResult<bool>> requestLeave(const BookingId &booking);

    // The same, waiting for the answer with the event loop running
    // (hoststand-cli, tests).
    DomainResult<BookingOutcome> book(const booker::BookingRequest &request);
    DomainResult<BookingOutcome> walkIn(const booker::WalkInRequest &request);
    DomainResult<BookingOutcome> waitUntilSettled(const BookingId &booking);
    DomainResult<BookingChangeOutcome> change(const BookingId &booking,
                                              const booker::BookingChangeRequest &request);
    DomainResult<bool> cancel(const BookingId &booking);
    DomainResult<bool> noShow(const BookingId &booking);
    DomainResult<bool> leave(const BookingId &booking);

    // Releases every lock whose span has passed at the clock's now, once.
    DomainResult<QList<TableLock>> expireLocksNow();

    // Whether this process has nothing left in hand: its sagas handled every
    // wake-up (none waits to try again) and its read model projected every
    // event stored. Sagas run after the append that woke them, from the
    // event loop; a caller that appended runs the loop until quiet.
    // Pauses (a saga waiting out a failing store) count as work unless
    // countPauses is false.
    bool isQuiet(bool countPauses = true) const;

    // Whether this process holds both sagas' leases now.
    bool holdsSagaLeases() const;
    // What keeps a booking from being settled, in words for the host: a
    // saga step parked for it (and how to try it again), a saga of this
    // process waiting for the store, or the sagas running elsewhere.
    QString whyUnsettled(const BookingId &booking) const;
    // What the host should look into, a line each: every saga step set
    // aside (with its booking and why), and a saga of this process waiting
    // for the store. Empty when nothing needs attention.
    QStringList stepsNeedingAttention() const;

private:
    Restaurant(const RestaurantOptions &options, const Clock &clock, CommandContext context,
               std::unique_ptr<EventStore> store, QObject *parent);

    StoreResult<void> openReadModel();
    void startBackgroundWork();
    void checkClock();
    QFuture<DomainResult<BookingOutcome>> settle(const DomainResult<BookingId> &initiated);
    DomainResult<BookingOutcome> outcomeOf(const BookingId &booking);
    DomainResult<BookingChangeOutcome> changeOutcomeOf(const BookingId &booking, int change);
    QFuture<DomainResult<bool>> endBooking(const BookingId &booking,
                                           const std::function<DomainResult<void>()> &command);
    bool lockReleased(const TableId &table, const BookingId &booking) const;
    // Calls finish(true) once done() holds, checked now and after each
    // commit the store reports, or finish(false) at the settle timeout.
    void whenDone(std::function<bool()> done, std::function<void(bool reached)> finish);
    // A future that whenDone() answers with answer(reached).
    template<typename T>
    QFuture<T> answerWhen(std::function<bool()> done, std::function<T(bool reached)> answer);
    void checkWaiters();
    void expireWaiters();

    struct Waiter;
    QList<std::shared_ptr<Waiter>> m_waiters;
    bool m_closing = false; // set as it is destroyed, while waiters hear their answers
    QTimer m_waiterDeadline;

    RestaurantOptions m_options;
    const Clock &m_clock;
    CommandContext m_context;
    // Declared in the order they are built; destroyed in reverse.
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<StoreClock> m_storeClock;
    // The read file's folder when the store's own cannot be written.
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<ReadModel> m_readModel;
    std::unique_ptr<TableManager> m_tableManager;
    std::unique_ptr<booker::TableCatalog> m_tableCatalog;
    std::unique_ptr<booker::Booker> m_booker;
    std::unique_ptr<TableLockingSaga> m_tableLockingSaga;
    std::unique_ptr<booker::BookingSaga> m_bookingSaga;
    std::unique_ptr<LockExpiryScheduler> m_lockExpiry;
    QTimer m_clockCheck;
};

} // namespace hoststand
