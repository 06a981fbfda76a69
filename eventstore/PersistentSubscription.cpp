#include "eventstore/PersistentSubscription.h"

#include "eventstore/EventStore.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace hoststand {

static QString uniqueOwnerName()
{
    return u"%1:%2:%3"_s.arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

PersistentSubscription::PersistentSubscription(EventStore &store, QString group,
                                               ReadAllFilter filter, Handler handler,
                                               Settings settings, QObject *parent)
    : QObject(parent)
    , m_store(&store)
    , m_group(std::move(group))
    , m_filter(std::move(filter))
    , m_handler(std::move(handler))
    , m_settings(settings)
    , m_owner(uniqueOwnerName())
    , m_wakeUp(*this, [this] {
        if (m_holdsLease)
            pump();
    })
{
    m_renewTimer.setInterval(m_settings.renewInterval);
    connect(&m_renewTimer, &QTimer::timeout, this, &PersistentSubscription::renewLease);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &PersistentSubscription::pump);
}

PersistentSubscription::PersistentSubscription(EventStore &store, QString group,
                                               ReadAllFilter filter, Handler handler,
                                               QObject *parent)
    : PersistentSubscription(store, std::move(group), std::move(filter), std::move(handler),
                             Settings {}, parent)
{ }

PersistentSubscription::~PersistentSubscription()
{
    stop();
}

void PersistentSubscription::start()
{
    if (m_running || !m_store)
        return;
    if (auto created = m_store->createGroup(m_group, m_settings.startAfter); !created.ok()) {
        Q_EMIT failed(created.error());
        return;
    }
    m_running = true;
    // A wake-up is handled once the append that reported it has returned:
    // a handler never runs inside another's commit, nor on its call stack.
    connect(m_store, &EventStore::appended, this, [this] { m_wakeUp.post(); });
    m_renewTimer.start();
    renewLease();
}

void PersistentSubscription::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_renewTimer.stop();
    m_retryTimer.stop();
    m_nextWait = std::chrono::milliseconds(0);
    m_waitingFor.clear();
    if (m_store) {
        disconnect(m_store, nullptr, this, nullptr);
        if (m_holdsLease)
            (void)m_store->releaseLease(m_group, m_owner);
    }
    m_holdsLease = false;
}

void PersistentSubscription::renewLease()
{
    if (!m_running || !m_store)
        return;
    auto held = m_store->acquireLease(m_group, m_owner, m_settings.leaseDuration);
    const bool holds = held.ok() && held.value();
    if (!held.ok())
        Q_EMIT failed(held.error());
    if (holds == m_holdsLease) {
        if (holds)
            pump(); // also picks up replay requests made by other processes
        return;
    }
    m_holdsLease = holds;
    if (!holds) {
        m_retryTimer.stop();
        m_nextWait = std::chrono::milliseconds(0);
        m_waitingFor.clear();
        Q_EMIT leaseLost();
        return;
    }
    auto info = m_store->groupInfo(m_group);
    if (!info.ok()) {
        Q_EMIT failed(info.error());
        return;
    }
    m_checkpoint = info.value().checkpoint;
    m_readPosition = m_checkpoint;
    Q_EMIT leaseAcquired();
    pump();
}

// Delivers replayed parked events first, then everything after the
// checkpoint, one event at a time. Returns early (and resumes from the
// retry timer) when the handler asks for a retry.
void PersistentSubscription::pump()
{
    if (!m_holdsLease || !m_store || m_retryTimer.isActive())
        return;
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    bool finished = true;
    do {
        m_pumpAgain = false;
        if (!deliverReplays()) {
            finished = false;
            break;
        }
        for (;;) {
            // Read before the page: every event up to it is in the page or
            // filtered out, so the next read can start after it.
            const auto head = m_store->lastPosition();
            auto page = m_store->readAll(m_readPosition, PageSize, m_filter);
            if (!page.ok()) {
                Q_EMIT failed(page.error());
                finished = false;
                break;
            }
            for (const RecordedEvent &event : page.value()) {
                if (!m_holdsLease || !deliver(event, false)) {
                    finished = false;
                    break;
                }
            }
            if (!finished)
                break;
            if (page.value().size() < PageSize) {
                if (head.ok())
                    m_readPosition = std::max(m_readPosition, head.value());
                break;
            }
        }
    } while (finished && m_pumpAgain && m_holdsLease);
    m_pumping = false;
    if (finished && m_holdsLease)
        Q_EMIT idle();
}

bool PersistentSubscription::deliverReplays()
{
    auto parked = m_store->parkedEvents(m_group);
    if (!parked.ok()) {
        Q_EMIT failed(parked.error());
        return false;
    }
    for (const ParkedEvent &entry : parked.value()) {
        if (!entry.replayRequested)
            continue;
        auto events = m_store->readAll(entry.position - 1, 1);
        if (!events.ok()) {
            Q_EMIT failed(events.error());
            return false;
        }
        if (events.value().isEmpty() || events.value().constFirst().position != entry.position) {
            (void)m_store->unparkEvent(m_group, m_owner, entry.position);
            continue;
        }
        if (!deliver(events.value().constFirst(), true))
            return false;
    }
    return true;
}

// Hands one event to the handler and records its answer in the store.
// Returns false when delivery must pause (a retry is scheduled, or the
// store refused the bookkeeping).
bool PersistentSubscription::deliver(const RecordedEvent &event, bool replay)
{
    Disposition disposition = m_handler(event);
    if (disposition.action == Disposition::Action::Wait) {
        m_nextWait = m_nextWait.count() == 0
            ? std::max(m_settings.waitDelay, std::chrono::milliseconds(1))
            : std::min(m_nextWait * 2, m_settings.maxWaitDelay);
        m_waitingFor = disposition.reason;
        m_retryTimer.start(m_nextWait);
        Q_EMIT waiting(event.position, disposition.reason);
        return false;
    }
    m_nextWait = std::chrono::milliseconds(0);
    m_waitingFor.clear();
    if (disposition.action == Disposition::Action::Retry) {
        auto attempts = m_store->recordRetry(m_group, m_owner, event.position);
        if (!attempts.ok()) {
            Q_EMIT failed(attempts.error());
            return false;
        }
        if (attempts.value() <= m_settings.maxRetryCount) {
            m_retryTimer.start(m_settings.retryDelay);
            Q_EMIT eventHandled(event.position, Disposition::Action::Retry);
            return false;
        }
        disposition
            = Disposition::park(u"Gave up after %1 retries: %2"_s.arg(m_settings.maxRetryCount)
                                    .arg(disposition.reason));
    }

    StoreResult<void> recorded;
    switch (disposition.action) {
    case Disposition::Action::Park:
        recorded = m_store->parkEvent(m_group, m_owner, event.position, disposition.reason);
        break;
    case Disposition::Action::Ack:
    case Disposition::Action::Skip:
        recorded = replay ? m_store->unparkEvent(m_group, m_owner, event.position)
                          : m_store->advanceCheckpoint(m_group, m_owner, event.position);
        break;
    case Disposition::Action::Retry:
    case Disposition::Action::Wait:
        break;
    }
    if (!recorded.ok()) {
        if (recorded.error().code() == StoreError::Code::LeaseNotHeld) {
            m_holdsLease = false;
            Q_EMIT leaseLost();
        }
        Q_EMIT failed(recorded.error());
        return false;
    }
    if (!replay) {
        m_checkpoint = std::max(m_checkpoint, event.position);
        m_readPosition = std::max(m_readPosition, event.position);
    }
    Q_EMIT eventHandled(event.position, disposition.action);
    if (disposition.action == Disposition::Action::Park)
        Q_EMIT eventParked(event.position, disposition.reason);
    return true;
}

} // namespace hoststand
