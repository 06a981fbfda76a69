#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <chrono>

namespace hoststand::test {

// The longest time this thread's event loop went without turning, from a
// timer that ticks at the interval while the object lives (up to now: a
// loop that has not turned since the last tick counts as standing still).
class EventLoopPauses final
{
public:
    explicit EventLoopPauses(std::chrono::milliseconds tick = std::chrono::milliseconds(20));

    qint64 longestMs() const;

private:
    QElapsedTimer m_clock;
    QTimer m_ticker;
    qint64 m_lastTick = 0;
    qint64 m_longest = 0;
};

} // namespace hoststand::test
