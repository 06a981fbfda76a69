#include "ui/hoststand/DemoStart.h"

#include "domain/DemoRestaurant.h"
#include "eventstore/EventStoreFactory.h"
#include "eventstore/PostgresConnectionSettings.h"
#include "eventstore/SqliteEventStore.h"
#include "ui/common/Prompt.h"

#include <QObject>

using namespace Qt::StringLiterals;

namespace hoststand::ui::DemoStart {
namespace {

// Demo data needs no protection against a power cut, and a SQLite file
// that syncs every commit would take many seconds to fill.
StoreResult<std::unique_ptr<EventStore>> openForDemo(const QString &store)
{
    if (PostgresConnectionSettings::isUrl(store))
        return openEventStore(store);
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto opened = SqliteEventStore::open(store, options);
    if (!opened.ok())
        return opened.error();
    return std::unique_ptr<EventStore>(std::move(opened).value());
}

bool hostWantsTheDemo(Prompt &prompt)
{
    return prompt.confirm(
        nullptr, QObject::tr("Hoststand"),
        QObject::tr("This store is new and empty.\n\nLoad a demo restaurant to try Hoststand? "
                    "It has two rooms, twenty tables and a week of bookings around today. "
                    "Keep the real restaurant in a store of its own."),
        QObject::tr("Load the demo"));
}

} // namespace

QString run(const QString &store, const Clock &clock, Mode mode, Prompt &prompt)
{
    auto opened = openForDemo(store);
    if (!opened.ok())
        return {}; // the restaurant reports it when it opens the store
    EventStore &events = *opened.value();
    if (mode == Mode::Offer) {
        auto last = events.lastPosition();
        if (!last.ok() || last.value() > 0 || !hostWantsTheDemo(prompt))
            return {};
    }
    DemoRestaurant demo(events, clock);
    auto loaded = demo.load();
    if (!loaded.ok())
        return loaded.error().message();
    return QObject::tr("Loaded the demo restaurant: %1.").arg(loaded.value().describe());
}

} // namespace hoststand::ui::DemoStart
