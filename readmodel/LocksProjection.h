#pragma once

#include "readmodel/BatchChanges.h"
#include "readmodel/Projection.h"
#include "readmodel/ReadModelRows.h"

namespace hoststand {

// The table locks in force: a placed lock is a row until it is removed.
// Within a batch the locks change in memory and each is written once (a
// lock placed and removed in the same batch costs one delete).
class LocksProjection final : public Projection
{
public:
    QString name() const override;
    QList<ReadTable> tables() const override;
    QStringList schema() const override;
    QList<ReadIndex> indexes(const ReadDialect &dialect) const override;
    StoreResult<void> prepare(ReadConnection &connection) override;
    StoreResult<void> apply(const ProjectedEvent &event) override;
    StoreResult<void> finishBatch() override;
    void discardBatch() override;

private:
    struct Pending
    {
        LockRow lock;
        bool placed = false; // otherwise removed
    };

    void place(const ProjectedEvent &event);
    void remove(const ProjectedEvent &event);
    void keep(Pending change);

    std::unique_ptr<ReadStatement> m_place;
    std::unique_ptr<ReadStatement> m_remove;
    BatchChanges<Pending> m_pending; // by table and booking
};

} // namespace hoststand
