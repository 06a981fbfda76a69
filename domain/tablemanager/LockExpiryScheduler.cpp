#include "domain/tablemanager/LockExpiryScheduler.h"

#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/CatchUpSubscription.h"
#include "eventstore/EventStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand {

LockExpiryScheduler::LockExpiryScheduler(TableManager &manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    m_timer.setSingleShot(true);
    // Minutes of coarse slack would release a table visibly late.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LockExpiryScheduler::releaseDue);
    connect(&m_manager.clock(), &Clock::jumped, this, [this] {
        if (m_running && m_caughtUp)
            releaseDue();
    });
}

LockExpiryScheduler::~LockExpiryScheduler()
{
    stop();
}

void LockExpiryScheduler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_caughtUp = false;
    m_ends.clear();
    m_byEnd.clear();
    subscribe(0);
}

void LockExpiryScheduler::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_caughtUp = false;
    m_timer.stop();
    if (CatchUpSubscription *subscription = m_subscription.data()) {
        m_subscription = nullptr;
        subscription->stop();
        // stop() may be called from within one of its signals.
        subscription->deleteLater();
    }
}

void LockExpiryScheduler::subscribe(qint64 afterPosition)
{
    const ReadAllFilter lockEvents {
        {u"table"_s}, {TableLockPlaced::Type.toString(), TableLockRemoved::Type.toString()}};
    auto *subscription
        = new CatchUpSubscription(m_manager.store(), afterPosition, lockEvents, this);
    m_subscription = subscription;
    connect(subscription, &CatchUpSubscription::eventAppeared, this, &LockExpiryScheduler::onEvent);
    connect(subscription, &CatchUpSubscription::caughtUp, this, &LockExpiryScheduler::onCaughtUp);
    connect(subscription, &CatchUpSubscription::dropped, this, &LockExpiryScheduler::onDropped);
    subscription->start();
}

void LockExpiryScheduler::onEvent(const RecordedEvent &event)
{
    auto decoded = EventCodec::decode(event);
    if (!decoded.ok()) {
        Q_EMIT failed(
            DomainError(DomainError::Code::StoreFailure,
                        u"Lock expiry cannot read %1 at position %2: %3"_s.arg(
                            event.type, QString::number(event.position), decoded.error().message)));
        return;
    }
    if (const auto *placed = std::get_if<TableLockPlaced>(&decoded.value()))
        track(TableLock {placed->tableId, placed->bookingId, placed->span, placed->partySize});
    else if (const auto *removed = std::get_if<TableLockRemoved>(&decoded.value()))
        forget({removed->tableId, removed->bookingId});
    plan();
}

void LockExpiryScheduler::onCaughtUp()
{
    m_caughtUp = true;
    releaseDue();
    Q_EMIT caughtUp();
}

// The subscription does not restart by itself; resume from where it stopped.
void LockExpiryScheduler::onDropped(const StoreError &error)
{
    if (!m_running)
        return;
    Q_EMIT failed(DomainError::fromStore(error));
    CatchUpSubscription *subscription = m_subscription.data();
    if (!subscription)
        return;
    const qint64 position = subscription->position();
    m_subscription = nullptr;
    subscription->deleteLater();
    QTimer::singleShot(RetryDelay, this, [this, position] {
        if (m_running && !m_subscription)
            subscribe(position);
    });
}

void LockExpiryScheduler::track(const TableLock &lock)
{
    const LockKey key {lock.tableId, lock.bookingId};
    forget(key);
    m_ends.insert(key, lock.span.end());
    m_byEnd.emplace(lock.span.end(), key);
}

void LockExpiryScheduler::forget(const LockKey &key)
{
    const auto end = m_ends.constFind(key);
    if (end == m_ends.cend())
        return;
    auto [first, last] = m_byEnd.equal_range(*end);
    const auto entry
        = std::find_if(first, last, [&](const auto &candidate) { return candidate.second == key; });
    if (entry != last)
        m_byEnd.erase(entry);
    m_ends.erase(end);
}

// The table's stream has just answered: none of its locks ended at now is
// held any more, whether this instance released it or another one did.
void LockExpiryScheduler::forgetEndedLocksOf(const TableId &table, const QDateTime &now)
{
    QList<LockKey> ended;
    for (auto it = m_byEnd.cbegin(); it != m_byEnd.cend() && it->first <= now; ++it) {
        if (it->second.first == table)
            ended.append(it->second);
    }
    for (const LockKey &key : std::as_const(ended))
        forget(key);
}

void LockExpiryScheduler::releaseDue()
{
    if (!m_running || !m_caughtUp)
        return;
    const QDateTime now = m_manager.clock().now();
    QList<TableId> due;
    for (auto it = m_byEnd.cbegin(); it != m_byEnd.cend() && it->first <= now; ++it) {
        if (!due.contains(it->second.first))
            due.append(it->second.first);
    }
    QList<TableLock> released;
    bool storeFailed = false;
    for (const TableId &table : std::as_const(due)) {
        auto expired = m_manager.expireLocks(table);
        if (!expired.ok()) {
            storeFailed = true;
            Q_EMIT failed(expired.error());
            continue;
        }
        released.append(expired.value());
        forgetEndedLocksOf(table, now);
    }
    if (!released.isEmpty())
        Q_EMIT locksReleased(released);
    if (storeFailed)
        m_timer.start(RetryDelay);
    else
        plan();
}

void LockExpiryScheduler::plan()
{
    if (!m_running || !m_caughtUp)
        return;
    if (m_byEnd.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 untilNext = m_manager.clock().now().msecsTo(m_byEnd.cbegin()->first);
    m_timer.start(std::chrono::milliseconds(std::clamp<qint64>(untilNext, 0, MaxSleep.count())));
}

std::optional<QDateTime> LockExpiryScheduler::nextExpiry() const
{
    if (m_byEnd.empty())
        return std::nullopt;
    return m_byEnd.cbegin()->first;
}

DomainResult<QList<TableLock>> LockExpiryScheduler::runOnce()
{
    auto held = m_manager.locks();
    if (!held.ok())
        return held.error();
    const QDateTime now = m_manager.clock().now();
    QList<TableId> due;
    for (const TableLock &lock : held.value()) {
        if (lock.span.end() <= now && !due.contains(lock.tableId))
            due.append(lock.tableId);
    }
    QList<TableLock> released;
    for (const TableId &table : std::as_const(due)) {
        auto expired = m_manager.expireLocks(table);
        if (!expired.ok())
            return expired.error();
        released.append(expired.value());
    }
    if (!released.isEmpty())
        Q_EMIT locksReleased(released);
    return released;
}

} // namespace hoststand
