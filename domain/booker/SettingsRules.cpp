#include "domain/booker/SettingsRules.h"

#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::booker::SettingsRules {
namespace {

QString hhmm(const QTime &time)
{
    return time.toString(u"HH:mm"_s);
}

QString nameOf(const ServicePeriod &period)
{
    return period.name.trimmed().isEmpty() ? u"another period"_s : period.name.trimmed();
}

} // namespace

bool endsAfterStart(const ServicePeriod &period)
{
    return period.start.isValid() && period.end.isValid() && period.start < period.end;
}

bool overlap(const ServicePeriod &a, const ServicePeriod &b)
{
    return endsAfterStart(a) && endsAfterStart(b) && a.start < b.end && b.start < a.end;
}

bool isKnownTimeZone(const QString &ianaId)
{
    const QByteArray id = ianaId.trimmed().toUtf8();
    return !id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id);
}

QStringList periodProblems(const QList<ServicePeriod> &periods)
{
    QStringList problems;
    for (qsizetype row = 0; row < periods.size(); ++row) {
        const ServicePeriod &period = periods.at(row);
        QString problem;
        if (period.end == period.start)
            problem
                = u"Starts and ends at %1; it must end after it starts."_s.arg(hhmm(period.start));
        else if (period.end < period.start)
            problem = u"Ends at %1, before it starts at %2; it must end after it starts."_s.arg(
                hhmm(period.end), hhmm(period.start));
        for (qsizetype other = 0; problem.isEmpty() && other < periods.size(); ++other) {
            if (other != row && overlap(period, periods.at(other)))
                problem = u"Overlaps %1 (%2 to %3); periods on one day must not overlap."_s.arg(
                    nameOf(periods.at(other)), hhmm(periods.at(other).start),
                    hhmm(periods.at(other).end));
        }
        if (problem.isEmpty() && period.name.trimmed().isEmpty())
            problem = u"Give it a name, for example lunch or dinner."_s;
        problems.append(problem);
    }
    return problems;
}

QStringList turnTimeProblems(const QList<TurnTime> &turnTimes)
{
    QStringList problems;
    for (qsizetype row = 0; row < turnTimes.size(); ++row) {
        const int size = turnTimes.at(row).maxPartySize;
        const bool twice
            = std::count_if(turnTimes.cbegin(), turnTimes.cend(),
                            [size](const TurnTime &turn) { return turn.maxPartySize == size; })
            > 1;
        problems.append(twice ? u"Parties up to %1 have a turn time already."_s.arg(size)
                              : QString());
    }
    return problems;
}

QString timeZoneProblem(const QString &ianaId)
{
    if (isKnownTimeZone(ianaId))
        return {};
    return u"Not a time zone this computer knows; choose one from the list, for example "
           "Europe/Berlin."_s;
}

bool fine(const QStringList &problems)
{
    return std::all_of(problems.cbegin(), problems.cend(),
                       [](const QString &problem) { return problem.isEmpty(); });
}

} // namespace hoststand::booker::SettingsRules
