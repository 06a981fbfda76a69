#include "domain/Restaurant.h"

#include "domain/Clock.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/booker/EventSourcedTableCatalog.h"
#include "domain/tablemanager/LockExpiryScheduler.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/EventStore.h"
#include "eventstore/EventStoreFactory.h"
#include "readmodel/ReadModel.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QPromise>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hoststand {

struct Restaurant::Waiter
{
    std::function<bool()> done;
    std::function<void(bool reached)> finish;
    QDeadlineTimer deadline;
};

StoreResult<std::unique_ptr<Restaurant>> Restaurant::open(const RestaurantOptions &options,
                                                          const Clock &clock,
                                                          CommandContext context, QObject *parent)
{
    auto store = openEventStore(options.store, options.createStore);
    if (!store.ok())
        return store.error();
    return open(std::move(store).value(), options, clock, std::move(context), parent);
}

StoreResult<std::unique_ptr<Restaurant>> Restaurant::open(std::unique_ptr<EventStore> store,
                                                          const RestaurantOptions &options,
                                                          const Clock &clock,
                                                          CommandContext context, QObject *parent)
{
    std::unique_ptr<Restaurant> restaurant(
        new Restaurant(options, clock, std::move(context), std::move(store), parent));
    if (auto opened = restaurant->openReadModel(); !opened.ok())
        return opened.error();
    restaurant->startBackgroundWork();
    return restaurant;
}

Restaurant::Restaurant(const RestaurantOptions &options, const Clock &clock, CommandContext context,
                       std::unique_ptr<EventStore> store, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
    , m_context(std::move(context))
    , m_store(std::move(store))
    , m_storeClock(std::make_unique<StoreClock>(
          clock, *m_store,
          options.clockIsDeliberate.value_or(dynamic_cast<const SystemClock *>(&clock) == nullptr),
          options.storeTime))
    , m_tableManager(std::make_unique<TableManager>(*m_store, *m_storeClock, m_context))
    , m_tableCatalog(std::make_unique<booker::EventSourcedTableCatalog>(*m_store))
    , m_booker(std::make_unique<booker::Booker>(*m_store, *m_tableCatalog, m_clock, m_context))
{
    m_booker->setTimeGuard([this] { return m_storeClock->refusal(); });
    connect(&m_clockCheck, &QTimer::timeout, this, &Restaurant::checkClock);
    m_waiterDeadline.setSingleShot(true);
    connect(&m_waiterDeadline, &QTimer::timeout, this, &Restaurant::expireWaiters);
    connect(m_store.get(), &EventStore::appended, this, &Restaurant::checkWaiters);
}

// The store's clock is read at open and then now and again: the bound it
// sets on the table manager's time follows the store, and a terminal whose
// clock drifts out of step says so (StoreClock::problemChanged).
void Restaurant::checkClock()
{
    if (auto settings = m_booker->settings(); settings.ok())
        m_storeClock->setTimeZone(settings.value().timeZone());
    if (auto checked = m_storeClock->check(); !checked.ok())
        qWarning("The store's clock could not be read: %s", qPrintable(checked.error().message()));
}

Restaurant::~Restaurant()
{
    m_closing = true;
    // Whoever waits hears the outcome so far rather than a broken promise.
    for (const std::shared_ptr<Waiter> &waiter : std::exchange(m_waiters, {}))
        waiter->finish(false);
    if (m_lockExpiry)
        m_lockExpiry->stop();
    if (m_bookingSaga)
        m_bookingSaga->stop();
    if (m_tableLockingSaga)
        m_tableLockingSaga->stop();
}

StoreResult<void> Restaurant::openReadModel()
{
    if (m_options.readModel == RestaurantOptions::ReadModelUse::None)
        return {};
    QString location = m_options.readModelLocation.isEmpty()
        ? ReadModel::defaultLocationFor(m_store->location())
        : m_options.readModelLocation;
    // A store this user can only read, beside a read file it cannot write:
    // the read tables are built afresh in a folder of this process's own.
    if (!m_store->isWritable() && !ReadModel::canWriteAt(location)) {
        m_scratch = std::make_unique<QTemporaryDir>();
        location = m_scratch->filePath(u"store.read"_s);
    }
    auto model = ReadModel::open(*m_store, location);
    if (!model.ok())
        return model.error();
    m_readModel = std::move(model).value();
    if (m_options.readModelProgress)
        connect(m_readModel.get(), &ReadModel::rebuildProgress, this, m_options.readModelProgress);
    if (m_options.readModel == RestaurantOptions::ReadModelUse::Follow)
        return m_readModel->start();
    return {};
}

void Restaurant::startBackgroundWork()
{
    checkClock();
    if (m_options.clockCheckInterval.count() > 0)
        m_clockCheck.start(m_options.clockCheckInterval);
    if (!m_store->isWritable())
        return; // the sagas and the lock expiry write
    if (m_options.runSagas) {
        m_tableLockingSaga
            = std::make_unique<TableLockingSaga>(*m_tableManager, m_options.sagaSettings);
        m_bookingSaga
            = std::make_unique<booker::BookingSaga>(*m_store, m_context, m_options.sagaSettings);
        m_tableLockingSaga->start();
        m_bookingSaga->start();
    }
    if (m_options.runLockExpiry) {
        m_lockExpiry = std::make_unique<LockExpiryScheduler>(*m_tableManager);
        m_lockExpiry->start();
    }
}

bool Restaurant::holdsSagaLeases() const
{
    return m_tableLockingSaga && m_bookingSaga && m_tableLockingSaga->subscription().holdsLease()
        && m_bookingSaga->subscription().holdsLease();
}

QString Restaurant::whyUnsettled(const BookingId &booking) const
{
    QStringList reasons;
    const std::pair<QString, PersistentSubscription *> sagas[] = {
        {TableLockingSaga::GroupName,
         m_tableLockingSaga ? &m_tableLockingSaga->subscription() : nullptr},
        {booker::BookingSaga::GroupName, m_bookingSaga ? &m_bookingSaga->subscription() : nullptr},
    };
    for (const auto &[group, subscription] : sagas) {
        auto parked = m_store->parkedEvents(group);
        for (const ParkedEvent &step : parked.ok() ? parked.value() : QList<ParkedEvent>()) {
            auto events = m_store->readAll(step.position - 1, 1);
            if (!events.ok() || events.value().isEmpty()
                || events.value().constFirst().metadataObject().value(u"$correlationId"_s)
                    != booking.toString())
                continue;
            reasons.append(u"The %1 saga set its step for this booking aside: %2 Once that is "
                           "fixed, `hoststand-cli sagas retry %1/%3` tries it again."_s.arg(
                               group, step.reason, QString::number(step.position)));
        }
        if (subscription && subscription->holdsLease() && !subscription->waitingFor().isEmpty())
            reasons.append(u"The %1 saga is waiting: %2 It tries again by itself."_s.arg(
                group, subscription->waitingFor()));
        if (!subscription || !subscription->holdsLease()) {
            auto info = m_store->groupInfo(group);
            if (info.ok() && !info.value().leaseOwner.isEmpty())
                reasons.append(u"The %1 saga runs in another process (%2), which has not "
                               "settled it yet."_s.arg(group, info.value().leaseOwner));
            else if (info.ok())
                reasons.append(u"No process runs the %1 saga: open a host stand on this "
                               "store."_s.arg(group));
        }
    }
    return reasons.join(u' ');
}

QStringList Restaurant::stepsNeedingAttention() const
{
    QStringList lines;
    const std::pair<QString, PersistentSubscription *> sagas[] = {
        {TableLockingSaga::GroupName,
         m_tableLockingSaga ? &m_tableLockingSaga->subscription() : nullptr},
        {booker::BookingSaga::GroupName, m_bookingSaga ? &m_bookingSaga->subscription() : nullptr},
    };
    for (const auto &[group, subscription] : sagas) {
        auto parked = m_store->parkedEvents(group);
        if (!parked.ok()) {
            lines.append(u"The %1 saga's set-aside steps cannot be read: %2"_s.arg(
                group, parked.error().message()));
            continue;
        }
        for (const ParkedEvent &step : parked.value()) {
            auto events = m_store->readAll(step.position - 1, 1);
            const QString booking = events.ok() && !events.value().isEmpty()
                ? events.value().constFirst().metadataObject().value(u"$correlationId"_s).toString()
                : QString();
            lines.append(u"Booking %1: the %2 saga set its step aside (%2/%3): %4"_s.arg(
                booking.isEmpty() ? u"?"_s : booking, group, QString::number(step.position),
                step.reason));
        }
        if (subscription && subscription->holdsLease() && !subscription->waitingFor().isEmpty())
            lines.append(u"The %1 saga is waiting: %2"_s.arg(group, subscription->waitingFor()));
    }
    return lines;
}

bool Restaurant::isQuiet(bool countPauses) const
{
    for (const PersistentSubscription *saga :
         {m_tableLockingSaga ? &m_tableLockingSaga->subscription() : nullptr,
          m_bookingSaga ? &m_bookingSaga->subscription() : nullptr}) {
        if (saga && (saga->hasWorkInHand() || (countPauses && saga->isPausing())))
            return false;
    }
    if (!m_readModel)
        return true;
    auto last = m_store->lastPosition();
    return last.ok() && m_readModel->position() >= last.value();
}

namespace {

// The answer of a future of this thread, the event loop running until it comes.
template<typename T>
T await(const QFuture<T> &future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

template<typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace

QFuture<DomainResult<BookingOutcome>> Restaurant::requestBooking(
    const booker::BookingRequest &request)
{
    return settle(m_booker->book(request));
}

QFuture<DomainResult<BookingOutcome>> Restaurant::requestWalkIn(
    const booker::WalkInRequest &request)
{
    return settle(m_booker->walkIn(request));
}

QFuture<DomainResult<BookingOutcome>> Restaurant::settle(const DomainResult<BookingId> &initiated)
{
    if (!initiated.ok())
        return ready(DomainResult<BookingOutcome>(initiated.error()));
    return whenSettled(initiated.value());
}

template<typename T>
QFuture<T> Restaurant::answerWhen(std::function<bool()> done, std::function<T(bool reached)> answer)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    whenDone(std::move(done), [promise, answer = std::move(answer)](bool reached) {
        promise->addResult(answer(reached));
        promise->finish();
    });
    return future;
}

QFuture<DomainResult<BookingOutcome>> Restaurant::whenSettled(const BookingId &booking)
{
    return answerWhen<DomainResult<BookingOutcome>>(
        [this, booking] {
            auto outcome = outcomeOf(booking);
            return !outcome.ok() || outcome.value().isSettled();
        },
        [this, booking](bool) { return outcomeOf(booking); });
}

DomainResult<BookingOutcome> Restaurant::outcomeOf(const BookingId &booking)
{
    auto found = m_booker->booking(booking);
    if (!found.ok())
        return found.error();
    const booker::Booking &current = found.value();
    return BookingOutcome {booking, current.status(), current.rejectionReason(),
                           current.rejectionMessage()};
}

QFuture<DomainResult<bool>> Restaurant::requestCancel(const BookingId &booking)
{
    return endBooking(booking, [this, booking] { return m_booker->cancel(booking); });
}

QFuture<DomainResult<BookingChangeOutcome>> Restaurant::requestChange(
    const BookingId &booking, const booker::BookingChangeRequest &request)
{
    auto requested = m_booker->changeBooking(booking, request);
    if (!requested.ok())
        return ready(DomainResult<BookingChangeOutcome>(requested.error()));
    const int change = requested.value().value_or(0);
    if (change == 0)
        return ready(changeOutcomeOf(booking, 0));
    return answerWhen<DomainResult<BookingChangeOutcome>>(
        [this, booking, change] {
            auto outcome = changeOutcomeOf(booking, change);
            return !outcome.ok() || outcome.value().state != BookingChangeOutcome::State::Waiting;
        },
        [this, booking, change](bool) { return changeOutcomeOf(booking, change); });
}

DomainResult<BookingChangeOutcome> Restaurant::changeOutcomeOf(const BookingId &booking, int change)
{
    auto found = m_booker->booking(booking);
    if (!found.ok())
        return found.error();
    const booker::Booking &current = found.value();
    BookingChangeOutcome outcome {
        booking, change, BookingChangeOutcome::State::Changed, current.status(), std::nullopt, {}};
    const auto &rejected = current.lastChangeRejection();
    if (change > 0 && rejected && rejected->change == change) {
        outcome.state = BookingChangeOutcome::State::Rejected;
        outcome.rejectionReason = rejected->reason;
        outcome.rejectionMessage = rejected->message;
    } else if (change > 0 && current.pendingChange() && current.pendingChange()->change == change) {
        outcome.state = BookingChangeOutcome::State::Waiting;
    }
    return outcome;
}

QFuture<DomainResult<bool>> Restaurant::requestNoShow(const BookingId &booking)
{
    return endBooking(booking, [this, booking] { return m_booker->noShow(booking); });
}

QFuture<DomainResult<bool>> Restaurant::requestLeave(const BookingId &booking)
{
    return endBooking(booking, [this, booking] { return m_booker->leave(booking); });
}

QFuture<DomainResult<bool>> Restaurant::endBooking(
    const BookingId &booking, const std::function<DomainResult<void>()> &command)
{
    if (auto done = command(); !done.ok())
        return ready(DomainResult<bool>(done.error()));
    auto ended = m_booker->booking(booking);
    if (!ended.ok())
        return ready(DomainResult<bool>(ended.error()));
    const TableId table = ended.value().tableId();
    return answerWhen<DomainResult<bool>>(
        [this, table, booking] { return lockReleased(table, booking); },
        [](bool released) { return DomainResult<bool>(released); });
}

// Released, or refused: a booking ended before the table-locking saga got
// to it gets its lock placed and then released, in that order.
bool Restaurant::lockReleased(const TableId &table, const BookingId &booking) const
{
    auto current = m_tableManager->table(table);
    if (!current.ok())
        return false;
    const auto state = current.value().lockState(booking);
    return state && *state != Table::LockState::Held;
}

DomainResult<BookingOutcome> Restaurant::book(const booker::BookingRequest &request)
{
    return await(requestBooking(request));
}

DomainResult<BookingOutcome> Restaurant::walkIn(const booker::WalkInRequest &request)
{
    return await(requestWalkIn(request));
}

DomainResult<BookingOutcome> Restaurant::waitUntilSettled(const BookingId &booking)
{
    return await(whenSettled(booking));
}

DomainResult<BookingChangeOutcome> Restaurant::change(const BookingId &booking,
                                                      const booker::BookingChangeRequest &request)
{
    return await(requestChange(booking, request));
}

DomainResult<bool> Restaurant::cancel(const BookingId &booking)
{
    return await(requestCancel(booking));
}

DomainResult<bool> Restaurant::noShow(const BookingId &booking)
{
    return await(requestNoShow(booking));
}

DomainResult<bool> Restaurant::leave(const BookingId &booking)
{
    return await(requestLeave(booking));
}

DomainResult<QList<TableLock>> Restaurant::expireLocksNow()
{
    LockExpiryScheduler once(*m_tableManager);
    return once.runOnce();
}

void Restaurant::whenDone(std::function<bool()> done, std::function<void(bool reached)> finish)
{
    if (done()) {
        finish(true);
        return;
    }
    m_waiters.append(std::make_shared<Waiter>(
        Waiter {std::move(done), std::move(finish), QDeadlineTimer(m_options.settleTimeout)}));
    if (!m_waiterDeadline.isActive())
        m_waiterDeadline.start(m_options.settleTimeout);
}

// After each commit the store reports: the waiters whose condition holds now
// are answered, each once, in the order they came.
void Restaurant::checkWaiters()
{
    const auto waiting = m_waiters;
    for (const std::shared_ptr<Waiter> &waiter : waiting) {
        if (!m_waiters.contains(waiter) || !waiter->done())
            continue;
        m_waiters.removeOne(waiter);
        waiter->finish(true);
    }
}

void Restaurant::expireWaiters()
{
    const auto waiting = m_waiters;
    qint64 next = -1;
    for (const std::shared_ptr<Waiter> &waiter : waiting) {
        if (!waiter->deadline.hasExpired()) {
            const qint64 left = waiter->deadline.remainingTime();
            next = next < 0 ? left : std::min(next, left);
            continue;
        }
        m_waiters.removeOne(waiter);
        waiter->finish(false);
    }
    if (next >= 0)
        m_waiterDeadline.start(std::chrono::milliseconds(next + 1));
}

} // namespace hoststand
