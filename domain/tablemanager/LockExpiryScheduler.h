#pragma once

#include "domain/DomainError.h"
#include "domain/tablemanager/TableLock.h"
#include "eventstore/StoreError.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <map>
#include <optional>
#include <utility>

namespace hoststand {

class CatchUpSubscription;
class TableManager;
struct RecordedEvent;

// Releases each lock once its span has passed (slot-passed). It follows the
// table streams to know the locks held, sleeps on a single-shot timer until
// the next lock ends, and re-plans when the clock jumps or a lock appears.
// At start-up it first releases what expired while no instance ran.
// Several instances may run at once: the table stream's optimistic
// concurrency turns the second release of a lock into a no-op.
class LockExpiryScheduler final : public QObject
{
    Q_OBJECT

public:
    // The longest single sleep. A timer measures monotonic time, which
    // stops while the machine is suspended and ignores changes to the
    // wall clock; waking now and then re-aligns it with the clock.
    static constexpr std::chrono::milliseconds MaxSleep = std::chrono::hours(1);
    // How long to wait before trying again after the store failed.
    static constexpr std::chrono::milliseconds RetryDelay = std::chrono::seconds(5);

    explicit LockExpiryScheduler(TableManager &manager, QObject *parent = nullptr);
    ~LockExpiryScheduler() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // Releases every lock due at the clock's now, once, without following
    // the store (hoststand-cli expire-locks). Returns the locks released.
    DomainResult<QList<TableLock>> runOnce();

    // The end of the earliest lock held, when the scheduler knows of one.
    std::optional<QDateTime> nextExpiry() const;
    // Whether the timer is armed, and for how long it sleeps from when it was armed.
    bool isArmed() const { return m_timer.isActive(); }
    std::chrono::milliseconds sleepInterval() const { return m_timer.intervalAsDuration(); }

Q_SIGNALS:
    // Everything the store held at start-up is known and what was due is released.
    void caughtUp();
    void locksReleased(const QList<hoststand::TableLock> &locks);
    void failed(const hoststand::DomainError &error);

private:
    using LockKey = std::pair<TableId, BookingId>;

    void subscribe(qint64 afterPosition);
    void onEvent(const RecordedEvent &event);
    void onCaughtUp();
    void onDropped(const StoreError &error);
    void track(const TableLock &lock);
    void forget(const LockKey &key);
    void forgetEndedLocksOf(const TableId &table, const QDateTime &now);
    void releaseDue();
    void plan();

    TableManager &m_manager;
    QPointer<CatchUpSubscription> m_subscription;
    QTimer m_timer;
    // The locks held, by key and by end.
    QHash<LockKey, QDateTime> m_ends;
    std::multimap<QDateTime, LockKey> m_byEnd;
    bool m_running = false;
    bool m_caughtUp = false;
};

} // namespace hoststand
