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
    return m_now;
}

void ManualClock::setNow(QDateTime now)
{
    m_now = now.toUTC();
    Q_EMIT jumped();
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    setNow(m_now.addMSecs(by.count()));
}

} // namespace hoststand
