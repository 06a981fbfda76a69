#include "domain/Clock.h"

namespace hoststand {

Clock::~Clock() = default;

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(QDateTime now, QObject *parent)
    : Clock(parent)
    , m_now(now.toUTC())
{ }

QDateTime ManualClock::now() const
{
    const QMutexLocker locker(&m_mutex);
    return m_now;
}

void ManualClock::setNow(QDateTime now)
{
    {
        const QMutexLocker locker(&m_mutex);
        m_now = now.toUTC();
    }
    Q_EMIT jumped();
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    setNow(now().addMSecs(by.count()));
}

} // namespace hoststand
