#pragma once

#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "domain/RestaurantOptions.h"
#include "ui/common/Prompt.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace hoststand {
class Clock;
}

namespace hoststand::bench {

// The restaurant of the gui section, for every section that opens a host
// stand on it: open 07:00 to 23:00 in one long service of 64 quarter-hour
// slots, on a weekday far ahead so that every slot of it is still to come,
// with a hundred tables.
inline const QDate GuiBenchDay(2031, 3, 14);
inline const QString GuiBenchService = QStringLiteral("all-day");
constexpr int GuiBenchTables = 100;

// The bench day at 07:00 (UTC, the restaurant's zone) plus the minutes.
QDateTime guiBenchAt(int minutesFromSeven);

// Makes the restaurant on a fresh store at options.store (a SQLite file,
// replaced with its read file, or a postgresql:// URL naming an empty
// schema): its settings and tables, through the real commands, and opens
// it as the application does, an engine. The store is durable, as the
// application's. Null, with the reason, when it fails.
std::unique_ptr<Engine> openGuiBenchEngine(RestaurantOptions options, const Clock &clock,
                                           QString &failure);

double percentile(QList<double> samples, double fraction);
// To the microsecond, for the JSON line.
double rounded(double value);

// No questions in a benchmark.
class SilentPrompt final : public ui::Prompt
{
public:
    bool confirm(QWidget *, const QString &, const QString &, const QString &) override
    {
        return true;
    }
    void inform(QWidget *, const QString &, const QString &message) override;
};

} // namespace hoststand::bench
