#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QList>
#include <QStringList>

namespace hoststand::ui {

// The settings form's checks, made as the manager types, before anything
// is saved: the same rules the booker enforces, worded for the field they
// concern. Each list of problems runs parallel to the rows checked; an
// empty string means the row is fine.
class SettingsCheck final
{
public:
    // One weekday's periods: a name, an end after the start, no overlap.
    static QStringList periodProblems(const QList<ServicePeriod> &periods);
    // Turn times: each party size once.
    static QStringList turnTimeProblems(const QList<TurnTime> &turnTimes);
    // Empty when the IANA id is a time zone this computer lists.
    static QString timeZoneProblem(const QString &ianaId);

    static bool fine(const QStringList &problems);
};

} // namespace hoststand::ui
