#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hoststand::booker {

// The rules of the restaurant's settings, in one place: RestaurantSettings
// refuses a definition that breaks them, and the manager's settings form
// asks them row by row as the manager types, worded for the field they
// concern. Each list of problems runs parallel to the rows checked; an
// empty string means the row is fine.
namespace SettingsRules {

// A period has a start and an end on the clock, the end after the start.
bool endsAfterStart(const ServicePeriod &period);
// Two periods of one day share a moment (both with valid times).
bool overlap(const ServicePeriod &a, const ServicePeriod &b);
// The IANA id names a time zone this computer lists (an alias such as
// Etc/UTC may work without being listed, and is refused).
bool isKnownTimeZone(const QString &ianaId);

// One weekday's periods: a name, an end after the start, no overlap.
QStringList periodProblems(const QList<ServicePeriod> &periods);
// Turn times: each party size once.
QStringList turnTimeProblems(const QList<TurnTime> &turnTimes);
// Empty when the IANA id is a time zone this computer knows.
QString timeZoneProblem(const QString &ianaId);

bool fine(const QStringList &problems);

} // namespace SettingsRules
} // namespace hoststand::booker
