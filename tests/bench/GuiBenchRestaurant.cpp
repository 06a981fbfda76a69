#include "tests/bench/GuiBenchRestaurant.h"

#include "domain/Clock.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/PostgresConnectionSettings.h"
#include "readmodel/ReadModel.h"

#include <QFile>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::bench {

QDateTime guiBenchAt(int minutesFromSeven)
{
    return QDateTime(GuiBenchDay, QTime(7, 0), QTimeZone::utc())
        .addSecs(qint64(minutesFromSeven) * 60);
}

std::unique_ptr<Engine> openGuiBenchEngine(RestaurantOptions options, const Clock &clock,
                                           QString &failure)
{
    if (!PostgresConnectionSettings::isUrl(options.store)) {
        QFile::remove(options.store);
        QFile::remove(ReadModel::defaultLocationFor(options.store));
    }
    options.storeTime = StoreClock::following(clock);
    auto opened = Engine::open(options, clock);
    if (!opened.ok()) {
        failure = opened.error().message();
        return nullptr;
    }
    std::unique_ptr<Engine> engine = std::move(opened).value();
    Restaurant *restaurant = &engine->view();
    booker::Booker &booker = restaurant->booker();
    QList<ServicePeriod> periods;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday)
        periods.append({weekday, GuiBenchService, QTime(7, 0), QTime(23, 0)});
    for (const auto &defined :
         {booker.defineTimeZone(u"UTC"_s), booker.defineServicePeriods(periods)}) {
        if (!defined.ok()) {
            failure = defined.error().message();
            return nullptr;
        }
    }
    const QStringList zones {u"Bar"_s, u"Main room"_s, u"Garden"_s, u"Terrace"_s};
    for (int i = 0; i < GuiBenchTables; ++i) {
        const int seats = 2 + 2 * (i % 3);
        auto added = restaurant->tableManager().addTable(
            TableId::create(u"T%1"_s.arg(i + 1)).value(), SeatCount::create(seats).value(),
            TableLayout::forSeats(seats, zones.at(i % zones.size()), 100 + 150 * (i % 10),
                                  100 + 150 * (i / 10)));
        if (!added.ok()) {
            failure = added.error().message();
            return nullptr;
        }
    }
    return engine;
}

double percentile(QList<double> samples, double fraction)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto index = qsizetype(
        std::min<double>(double(samples.size() - 1), fraction * double(samples.size())));
    return samples.at(index);
}

double rounded(double value)
{
    return std::round(value * 1000) / 1000;
}

void SilentPrompt::inform(QWidget *, const QString &, const QString &message)
{
    qWarning("%s", qPrintable(message));
}

} // namespace hoststand::bench
