#include "eventstore/EventStoreFactory.h"

#include "eventstore/PostgresEventStore.h"
#include "eventstore/SqliteEventStore.h"

using namespace Qt::StringLiterals;

namespace hoststand {

template<typename Store>
static StoreResult<std::unique_ptr<EventStore>> asEventStore(
    StoreResult<std::unique_ptr<Store>> opened)
{
    if (!opened.ok())
        return opened.error();
    return std::unique_ptr<EventStore>(std::move(opened).value());
}

StoreResult<std::unique_ptr<EventStore>> openEventStore(const QString &pathOrUrl, bool create)
{
    if (pathOrUrl.trimmed().isEmpty())
        return StoreError(StoreError::Code::InvalidArgument,
                          u"No store was given: name a SQLite file or a postgresql:// URL."_s);
    if (PostgresConnectionSettings::isUrl(pathOrUrl))
        return asEventStore(PostgresEventStore::open(pathOrUrl));
    SqliteStoreOptions options;
    options.create = create;
    return asEventStore(SqliteEventStore::open(pathOrUrl, options));
}

} // namespace hoststand
