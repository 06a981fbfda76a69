#pragma once

#include "eventstore/StoreError.h"

#include <QHash>
#include <QString>

#include <memory>

namespace hoststand {

class ReadConnection;
class ReadStatement;

// Where a projection stands: the version of the code that built its tables
// and the position of the last event it applied.
struct Checkpoint final
{
    int version = 0;
    qint64 position = 0;

    bool operator==(const Checkpoint &) const = default;
};

// The projections table: one checkpoint per projection, written in the
// same transaction as the projection's rows.
class ProjectionCheckpoints final
{
public:
    static QString schema();

    StoreResult<void> prepare(ReadConnection &connection);
    StoreResult<QHash<QString, Checkpoint>> read();
    StoreResult<void> save(const QString &projection, const Checkpoint &checkpoint);

private:
    std::unique_ptr<ReadStatement> m_read;
    std::unique_ptr<ReadStatement> m_save;
};

} // namespace hoststand
