#include "domain/StoreClock.h"

#include "eventstore/EventStore.h"

#include <QLocale>
#include <QTimeZone>

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
    // A clock set anew (--now, a test) is judged anew. A test's store clock
    // (following()) moved with it, on purpose: the store vouches for it.
    connect(&terminal, &Clock::jumped, this, [this] {
        if (m_sinceCheck.isValid() && check().ok() && m_source) {
            m_anchor = m_storeTime;
            m_sinceAnchor.start();
        }
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
    takeReading(storeTime.value(), newest);
    Q_EMIT checked(storeTime.value(), newest);
    return {};
}

void StoreClock::takeReading(const QDateTime &storeTime, const QDateTime &newestEvent)
{
    m_storeTime = storeTime;
    m_newestEvent = newestEvent;
    m_sinceCheck.start();
    if (!m_anchor.isValid()) {
        m_anchor = newestEvent.isValid() ? newestEvent : m_storeTime;
        m_sinceAnchor.start();
    }
    judge();
}

QDateTime StoreClock::storeNow() const
{
    if (!m_storeTime.isValid())
        return m_terminal.now();
    const QDateTime store = m_storeTime.addMSecs(m_sinceCheck.elapsed());
    const QDateTime limit = m_anchor.addSecs(std::chrono::seconds(QuietLimit).count())
                                .addMSecs(m_sinceAnchor.elapsed());
    return std::min(store, limit);
}

QDateTime StoreClock::now() const
{
    if (!m_storeTime.isValid())
        return QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc()); // release nothing yet
    return std::min(m_terminal.now(), storeNow());
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
    const qint64 quiet = m_anchor.secsTo(store) - m_sinceAnchor.elapsed() / 1000;
    if (quiet > std::chrono::seconds(QuietLimit).count())
        return {Trouble::QuietStore,
                u"The clock says %1, %2 after the newest event in the store (%3). If the "
                "restaurant was not closed all that time, the clock is wrong. This terminal "
                "releases no table booked to end more than 12 hours after that event; start "
                "it again once the clock is right and new bookings were made."_s.arg(
                    shown(store), duration(quiet), shown(m_anchor))};
    return {};
}

void StoreClock::judge()
{
    const Verdict before = m_verdict;
    m_verdict = verdict();
    if (m_verdict.problem != before.problem)
        Q_EMIT problemChanged(m_verdict.problem);
}

// Only a terminal's own clock out of step with the store's is refused. A
// long quiet store is told of (the clock may well be right), and so is a
// store clock behind its newest event: once a clock set wrong stamped
// events ahead, refusing until those times pass could stop bookings for a
// year; the table manager decides on the earlier of the two anyway.
std::optional<DomainError> StoreClock::refusal() const
{
    if (m_deliberate || m_verdict.trouble != Trouble::TerminalOutOfStep)
        return std::nullopt;
    return DomainError(DomainError::Code::ClockOutOfStep, m_verdict.problem);
}

} // namespace hoststand
