#pragma once

#include "eventstore/StoreError.h"
#include "readmodel/Projection.h"

#include <QStringList>

#include <functional>

namespace hoststand {

class ReadConnection;

// Lists the rows of read tables as text lines, table by table in each
// table's canonical order: "bookings: id=b1 | table_id=T1 | ...". Two read
// models built from the same events list the same lines, so comparing
// them checks a read model against a fresh rebuild.
namespace ReadModelDump {

// Calls line() for each row; stops early when it returns false.
StoreResult<void> forEachLine(ReadConnection &connection, const ReadTable &table,
                              const std::function<bool(const QString &)> &line);

StoreResult<QStringList> lines(ReadConnection &connection, const QList<ReadTable> &tables);

// The lines that differ between two read models, at most maxDifferences
// (then one more line says how many were left out). Empty: they match.
StoreResult<QStringList> differences(ReadConnection &actual, ReadConnection &expected,
                                     const QList<ReadTable> &tables, int maxDifferences);

} // namespace ReadModelDump
} // namespace hoststand
