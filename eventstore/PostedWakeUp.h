#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <utility>

namespace hoststand {

// A wake-up that runs its work from the event loop, once however often it
// was asked for before then: a subscriber hears of an append only after the
// append returned, never inside the appender's commit or on its call stack.
// A member of the object it runs on; what is posted goes with that object.
class PostedWakeUp final
{
public:
    PostedWakeUp(QObject &owner, std::function<void()> work)
        : m_owner(owner)
        , m_work(std::move(work))
    { }

    void post()
    {
        if (m_posted)
            return;
        m_posted = true;
        QMetaObject::invokeMethod(
            &m_owner,
            [this] {
                m_posted = false;
                m_work();
            },
            Qt::QueuedConnection);
    }
    bool isPosted() const { return m_posted; }

private:
    QObject &m_owner;
    std::function<void()> m_work;
    bool m_posted = false;
};

} // namespace hoststand
