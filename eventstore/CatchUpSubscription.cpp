#include "eventstore/CatchUpSubscription.h"

#include "eventstore/EventStore.h"

using namespace Qt::StringLiterals;

namespace hoststand {

CatchUpSubscription::CatchUpSubscription(EventStore &store, qint64 afterPosition,
                                         ReadAllFilter filter, QObject *parent)
    : QObject(parent)
    , m_store(&store)
    , m_filter(std::move(filter))
    , m_position(afterPosition)
{ }

CatchUpSubscription::~CatchUpSubscription() = default;

void CatchUpSubscription::start()
{
    if (m_running || !m_store)
        return;
    m_running = true;
    m_caughtUp = false;
    // Read on once the append that reported new events has returned, so a
    // reader never runs inside another's commit, nor on its call stack.
    connect(m_store, &EventStore::appended, this, [this](qint64 lastPosition) {
        if (lastPosition > m_position)
            m_wakeUp.post();
    });
    readOn();
}

void CatchUpSubscription::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    Q_EMIT dropped(StoreError(StoreError::Code::Unavailable, u"The subscription was stopped."_s));
}

// Reads pages until the end of the store. A wake-up that arrives while a
// handler runs (a handler may append) is remembered and read after the
// current page, so delivery stays in order and never re-enters.
void CatchUpSubscription::readOn()
{
    if (m_reading) {
        m_wakeUpWhileReading = true;
        return;
    }
    m_reading = true;
    do {
        m_wakeUpWhileReading = false;
        while (m_running && m_store) {
            // With a filter, the last position read may be past the last
            // event delivered: known before the read, it is reached when
            // the page is the last one, so filtered-out events are not
            // scanned again at every wake-up.
            const auto end
                = m_filter.isEmpty() ? StoreResult<qint64>(m_position) : m_store->lastPosition();
            auto page = m_store->readAll(m_position, PageSize, m_filter);
            if (!page.ok()) {
                m_running = false;
                m_reading = false;
                disconnect(m_store, nullptr, this, nullptr);
                Q_EMIT dropped(page.error());
                return;
            }
            const QList<RecordedEvent> &events = page.value();
            for (const RecordedEvent &event : events) {
                if (!m_running)
                    break;
                m_position = event.position;
                Q_EMIT eventAppeared(event);
            }
            if (events.size() < PageSize) {
                if (m_running && end.ok())
                    m_position = std::max(m_position, end.value());
                break;
            }
        }
    } while (m_running && m_wakeUpWhileReading);
    m_reading = false;
    if (m_running && !m_caughtUp) {
        m_caughtUp = true;
        Q_EMIT caughtUp();
    }
}

} // namespace hoststand
