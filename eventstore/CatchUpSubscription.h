#pragma once

#include "eventstore/PostedWakeUp.h"
#include "eventstore/ReadAllFilter.h"
#include "eventstore/RecordedEvent.h"
#include "eventstore/StoreError.h"

#include <QObject>
#include <QPointer>

namespace hoststand {

class EventStore;

// Delivers every event after a position: first the history, then live
// events as they are committed, always in position order and each once.
// Reports caughtUp() when it reaches the end of the history, and dropped()
// when a read fails or stop() is called; it does not restart by itself.
class CatchUpSubscription final : public QObject
{
    Q_OBJECT

public:
    CatchUpSubscription(EventStore &store, qint64 afterPosition, ReadAllFilter filter = {},
                        QObject *parent = nullptr);
    ~CatchUpSubscription() override;

    void start();
    void stop();

    bool isRunning() const { return m_running; }
    bool isCaughtUp() const { return m_caughtUp; }
    // The position of the last event read (delivered or filtered out).
    qint64 position() const { return m_position; }

    static constexpr qint64 PageSize = 500;

Q_SIGNALS:
    void eventAppeared(const hoststand::RecordedEvent &event);
    void caughtUp();
    void dropped(const hoststand::StoreError &error);

private:
    void readOn();

    QPointer<EventStore> m_store;
    ReadAllFilter m_filter;
    qint64 m_position;
    bool m_running = false;
    bool m_caughtUp = false;
    bool m_reading = false;
    bool m_wakeUpWhileReading = false;
    PostedWakeUp m_wakeUp {*this, [this] {
                               if (m_running)
                                   readOn();
                           }};
};

} // namespace hoststand
