#pragma once

#include <QDateTime>
#include <QMutex>
#include <QObject>

namespace hoststand {

// Where the domain reads the time. Production uses SystemClock; tests and
// scripts (hoststand-cli --now) use ManualClock and move it explicitly, so
// nothing in a test sleeps.
class Clock : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Clock() override;

    // The current time in UTC.
    virtual QDateTime now() const = 0;

Q_SIGNALS:
    // The time jumped (a ManualClock was set): timers must be re-planned.
    void jumped();
};

class SystemClock final : public Clock
{
    Q_OBJECT

public:
    using Clock::Clock;
    QDateTime now() const override;
};

class ManualClock final : public Clock
{
    Q_OBJECT

public:
    explicit ManualClock(QDateTime now, QObject *parent = nullptr);
    QDateTime now() const override;

    void setNow(QDateTime now);
    void advance(std::chrono::milliseconds by);

private:
    // Read by the engine thread while a test or the window sets it.
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace hoststand
