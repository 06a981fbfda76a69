#include "tests/support/EventLoopPauses.h"

#include <algorithm>

namespace hoststand::test {

EventLoopPauses::EventLoopPauses(std::chrono::milliseconds tick)
{
    m_clock.start();
    m_ticker.setInterval(tick);
    QObject::connect(&m_ticker, &QTimer::timeout, [this] {
        const qint64 now = m_clock.elapsed();
        m_longest = std::max(m_longest, now - m_lastTick);
        m_lastTick = now;
    });
    m_ticker.start();
}

qint64 EventLoopPauses::longestMs() const
{
    return std::max(m_longest, m_clock.elapsed() - m_lastTick);
}

} // namespace hoststand::test
