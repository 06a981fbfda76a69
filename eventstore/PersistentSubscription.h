#pragma once

#include "eventstore/PostedWakeUp.h"
#include "eventstore/ReadAllFilter.h"
#include "eventstore/RecordedEvent.h"
#include "eventstore/StoreError.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

namespace hoststand {

class EventStore;

// How a consumer answers one delivered event: ack, or nack with retry,
// park or skip; or wait, when the store itself fails for now (a full disk,
// a lost connection): the event is delivered again later, with a growing
// pause, and such failures are never counted towards parking it.
struct Disposition final
{
    enum class Action { Ack, Retry, Park, Skip, Wait };

    Action action = Action::Ack;
    QString reason;

    static Disposition ack() { return {Action::Ack, {}}; }
    static Disposition retry(QString reason) { return {Action::Retry, std::move(reason)}; }
    static Disposition park(QString reason) { return {Action::Park, std::move(reason)}; }
    static Disposition skip(QString reason) { return {Action::Skip, std::move(reason)}; }
    static Disposition wait(QString reason) { return {Action::Wait, std::move(reason)}; }
};

// A consumer of a persistent subscription group: the sagas' delivery.
// The store keeps the group's checkpoint, its retry counts and its parked
// events. One consumer holds the group at a time through a lease that it
// renews; when the holder stops renewing, another takes over. Delivery is at
// least once and in position order, so handlers must be idempotent.
class PersistentSubscription final : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int maxRetryCount = 5; // retries after the first attempt, then parked
        std::chrono::milliseconds leaseDuration {3000};
        std::chrono::milliseconds renewInterval {1000};
        std::chrono::milliseconds retryDelay {0};
        // The first pause after a Wait, doubled at each one up to maxWaitDelay.
        std::chrono::milliseconds waitDelay {250};
        std::chrono::milliseconds maxWaitDelay {30000};
        qint64 startAfter = 0; // where a new group starts
    };
    using Handler = std::function<Disposition(const RecordedEvent &)>;

    PersistentSubscription(EventStore &store, QString group, ReadAllFilter filter, Handler handler,
                           Settings settings, QObject *parent = nullptr);
    PersistentSubscription(EventStore &store, QString group, ReadAllFilter filter, Handler handler,
                           QObject *parent = nullptr);
    ~PersistentSubscription() override;

    // Creates the group if needed and tries to take its lease, now and at
    // every renewal; delivers while it holds it.
    void start();
    // Releases the lease.
    void stop();

    const QString &group() const { return m_group; }
    const QString &owner() const { return m_owner; }
    bool holdsLease() const { return m_holdsLease; }
    static constexpr qint64 PageSize = 500;

    // The group's checkpoint as this consumer last wrote or read it.
    qint64 checkpoint() const { return m_checkpoint; }
    // Why delivery waits (the handler's last Wait), while it does; empty
    // once an event was handled again.
    const QString &waitingFor() const { return m_waitingFor; }
    // Whether delivery has work in hand: a wake-up not yet handled, a
    // delivery under way, or a pause before the next try.
    bool hasWorkPending() const { return hasWorkInHand() || isPausing(); }
    // A wake-up not yet handled, or a delivery under way.
    bool hasWorkInHand() const { return m_running && (m_wakeUp.isPosted() || m_pumping); }
    // Waiting out a handler's Wait or Retry before the next try.
    bool isPausing() const { return m_running && m_retryTimer.isActive(); }

Q_SIGNALS:
    void leaseAcquired();
    void leaseLost();
    void eventHandled(qint64 position, hoststand::Disposition::Action action);
    void eventParked(qint64 position, const QString &reason);
    // The handler asked to wait: the event comes again after the pause.
    void waiting(qint64 position, const QString &reason);
    // Everything stored so far is handled (or parked).
    void idle();
    void failed(const hoststand::StoreError &error);

private:
    void renewLease();
    void pump();
    bool deliverReplays();
    bool deliver(const RecordedEvent &event, bool replay);

    QPointer<EventStore> m_store;
    QString m_group;
    ReadAllFilter m_filter;
    Handler m_handler;
    Settings m_settings;
    QString m_owner;
    PostedWakeUp m_wakeUp;
    QTimer m_renewTimer;
    QTimer m_retryTimer;
    qint64 m_checkpoint = 0;
    std::chrono::milliseconds m_nextWait {0};
    QString m_waitingFor;
    // Where the next read starts: past the checkpoint when the events after
    // it did not match the filter (kept in memory; the checkpoint is what
    // the store keeps).
    qint64 m_readPosition = 0;
    bool m_running = false;
    bool m_holdsLease = false;
    bool m_pumping = false;
    bool m_pumpAgain = false;
};

} // namespace hoststand
