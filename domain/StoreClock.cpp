#include "domain/StoreClock.h"

#include "eventstore/EventStore.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

QString duration(qint64 seconds)
{
    seconds = std::abs(seconds);
    if (seconds < 2 * 3600)
        return u"%1 minutes"_s.arg(seconds / 60);
    if (seconds < 2 * 86400)
        return u"%1 hours"_s.arg(seconds / 3600);
    return u"%1 days"_s.arg(seconds / 86400);
}

} // namespace

StoreClock::Source StoreClock::following(const Clock &clock)
{
    return [&clock] {
        return StoreResult<QDateTime>(clock.now());
    };
}

StoreClock::StoreClock(const Clock &terminal, EventStore &store, bool deliberate, Source storeTime,
                       QObject *parent)
    : Clock(parent)
    , m_terminal(terminal)
    , m_store(store)
    , m_deliberate(deliberate)
    , m_source(std::move(storeTime))
{
    // A clock set anew (--now, a test) is judged anew; a test's store clock
    // (following()) may have moved with it.
    connect(&terminal, &Clock::jumped, this, [this] {
        if (!m_sinceCheck.isValid() || !check().ok())
            judge();
        Q_EMIT jumped();
    });
}

StoreResult<void> StoreClock::check()
{
    auto storeTime = m_source ? m_source() : m_store.storeTime();
    if (!storeTime.ok())
        return storeTime.error();
    auto last = m_store.lastPosition();
    if (!last.ok())
        return last.error();
    QDateTime newest;
    if (last.value() > 0) {
        auto events = m_store.readAll(last.value() - 1, 1);
        if (!events.ok())
            return events.error();
        if (!events.value().isEmpty())
            newest = events.value().constFirst().created;
    }
    m_storeTime = storeTime.value();
    m_newestEvent = newest;
    m_sinceCheck.start();
    judge();
    return {};
}

QDateTime StoreClock::storeNow() const
{
    if (!m_storeTime.isValid())
        return m_terminal.now();
    const qint64 elapsed = m_sinceCheck.isValid() ? m_sinceCheck.elapsed() : 0;
    QDateTime vouched = m_storeTime.addMSecs(elapsed);
    if (m_newestEvent.isValid()) {
        const QDateTime limit
            = m_newestEvent.addSecs(std::chrono::seconds(QuietLimit).count()).addMSecs(elapsed);
        vouched = std::min(vouched, limit);
    }
    return vouched;
}

QDateTime StoreClock::now() const
{
    const QDateTime own = m_terminal.now();
    if (!m_storeTime.isValid())
        return own; // never checked: nothing to bound by yet
    return std::min(own, storeNow());
}

QString StoreClock::shown(const QDateTime &moment) const
{
    const QDateTime local = moment.toTimeZone(m_zone);
    return QLocale::c().toString(local, u"ddd d MMM yyyy HH:mm"_s);
}

StoreClock::Verdict StoreClock::verdict() const
{
    if (!m_storeTime.isValid())
        return {};
    const qint64 elapsed = m_sinceCheck.isValid() ? m_sinceCheck.elapsed() : 0;
    const QDateTime store = m_storeTime.addMSecs(elapsed);
    const QDateTime own = m_terminal.now();
    const qint64 skew = store.secsTo(own);
    const qint64 tolerance = std::chrono::seconds(Tolerance).count();
    if (m_newestEvent.isValid() && m_storeTime.secsTo(m_newestEvent) > tolerance)
        return {Trouble::StoreClockBehind,
                u"The store's clock says %1, %2 before the newest event in the store (%3): a "
                "clock was set back. Fix the clock of %4; until then no table is released by "
                "time."_s.arg(shown(store), duration(m_storeTime.secsTo(m_newestEvent)),
                              shown(m_newestEvent),
                              m_store.location().startsWith(u"postgres"_s) ? u"the store's server"_s
                                                                           : u"this computer"_s)};
    if (std::abs(skew) > tolerance)
        return {Trouble::TerminalOutOfStep,
                u"This terminal's clock says %1, %2 %3 the store's (%4). Times shown and "
                "checked here are wrong until it is fixed; tables are released by the store's "
                "time."_s.arg(shown(own), duration(skew), skew > 0 ? u"ahead of"_s : u"behind"_s,
                              shown(store))};
    if (m_newestEvent.isValid()
        && m_newestEvent.secsTo(m_storeTime) > std::chrono::seconds(QuietLimit).count())
        return {
            Trouble::QuietStore,
            u"The clock says %1, %2 after the newest event in the store (%3). If the "
            "restaurant was not closed all that time, the clock is wrong; until new events "
            "come, tables are released only up to a day after that event."_s.arg(
                shown(store), duration(m_newestEvent.secsTo(m_storeTime)), shown(m_newestEvent))};
    return {};
}

void StoreClock::judge()
{
    const Verdict before = m_verdict;
    m_verdict = verdict();
    if (m_verdict.problem != before.problem)
        Q_EMIT problemChanged(m_verdict.problem);
}

// A long quiet store is told of, not refused: the clock may well be right.
std::optional<DomainError> StoreClock::refusal() const
{
    if (m_deliberate || m_verdict.trouble == Trouble::None
        || m_verdict.trouble == Trouble::QuietStore)
        return std::nullopt;
    return DomainError(DomainError::Code::ClockOutOfStep, m_verdict.problem);
}

} // namespace hoststand
