#pragma once

#include "eventstore/EventStore.h"

#include <QString>

namespace hoststand::test {

// SQLite's own check of a store file: "ok" when sound.
QString integrityCheck(const QString &path);

// Every event of the store, in order of position.
StoreResult<QList<RecordedEvent>> readEverything(EventStore &store);

} // namespace hoststand::test
