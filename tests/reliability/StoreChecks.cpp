#include "tests/reliability/StoreChecks.h"

#include "eventstore/SqliteConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand::test {

QString integrityCheck(const QString &path)
{
    SqliteConnection connection;
    if (auto opened = connection.open(path, u"QSQLITE_OPEN_READONLY"_s); !opened.ok())
        return opened.error().message();
    auto result = connection.queryValue(u"PRAGMA integrity_check"_s, u"check the store"_s);
    return result.ok() ? result.value().toString() : result.error().message();
}

StoreResult<QList<RecordedEvent>> readEverything(EventStore &store)
{
    QList<RecordedEvent> events;
    for (;;) {
        auto page = store.readAll(events.isEmpty() ? 0 : events.constLast().position, 5000);
        if (!page.ok())
            return page.error();
        events += page.value();
        if (page.value().size() < 5000)
            return events;
    }
}

} // namespace hoststand::test
