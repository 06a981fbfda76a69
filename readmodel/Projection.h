#pragma once

#include "eventstore/StoreError.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace hoststand {

class ProjectedEvent;
class ReadConnection;
class ReadDialect;
class ReadStatement;

// A read table and the order its rows are listed in by a dump.
struct ReadTable final
{
    QString name;
    QString orderBy;
};

// An index of a read table. A long catch-up drops it and makes it again
// at the end: sorting the rows once is cheaper than growing the index row
// by row.
struct ReadIndex final
{
    QString name;
    QString sql; // CREATE INDEX IF NOT EXISTS ...
};

// One projection: the read tables it owns and how each event changes them.
// The runner calls apply() inside its write transaction, for events after
// the projection's checkpoint only, and saves the checkpoint in the same
// transaction, so apply() never sees an event twice.
class Projection
{
public:
    virtual ~Projection();

    // Its name in the projections table (the checkpoints).
    virtual QString name() const = 0;
    virtual QList<ReadTable> tables() const = 0;
    // CREATE TABLE statements, with the column types written as the
    // dialect's marks ({BIGINT}, ...).
    virtual QStringList schema() const = 0;
    // The indexes on this dialect (a text search is indexed differently
    // on SQLite and on PostgreSQL).
    virtual QList<ReadIndex> indexes(const ReadDialect &dialect) const = 0;
    // Prepares the statements; again after the tables were made anew.
    virtual StoreResult<void> prepare(ReadConnection &connection) = 0;
    virtual StoreResult<void> apply(const ProjectedEvent &event) = 0;
    // Writes what apply() kept in memory for the batch (a booking's seven
    // events become one row write); called once per batch, in its
    // transaction, before the checkpoint is saved.
    virtual StoreResult<void> finishBatch() { return {}; }
    // Forgets what apply() kept: the batch was rolled back.
    virtual void discardBatch() { }
};

// Prepares each statement of a list, stopping at the first failure.
StoreResult<void> prepareStatements(
    ReadConnection &connection,
    std::initializer_list<std::pair<std::unique_ptr<ReadStatement> *, QString>> list);

} // namespace hoststand
