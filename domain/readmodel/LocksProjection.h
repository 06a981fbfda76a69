#pragma once

#include "domain/readmodel/Projection.h"

namespace hoststand {

// The table locks in force: a placed lock is a row until it is removed.
class LocksProjection final : public Projection
{
public:
    QString name() const override;
    QList<ReadTable> tables() const override;
    QStringList schema() const override;
    QList<ReadIndex> indexes() const override;
    StoreResult<void> prepare(ReadConnection &connection) override;
    StoreResult<void> apply(const ProjectedEvent &event) override;

private:
    StoreResult<void> place(const ProjectedEvent &event);
    StoreResult<void> remove(const ProjectedEvent &event);

    std::unique_ptr<ReadStatement> m_place;
    std::unique_ptr<ReadStatement> m_remove;
};

} // namespace hoststand
