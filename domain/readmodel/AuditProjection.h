#pragma once

#include "domain/readmodel/Projection.h"

namespace hoststand {

// The audit log: every event of the store with its metadata and raw data,
// for the event log view and a booking's causation chain. It reads no
// event's data, which keeps it the cheapest projection of a rebuild. The
// data has a table of its own: the audit log's indexes are made by reading
// the whole table, which is then a third of the size.
class AuditProjection final : public Projection
{
public:
    QString name() const override;
    QList<ReadTable> tables() const override;
    QStringList schema() const override;
    QList<ReadIndex> indexes() const override;
    StoreResult<void> prepare(ReadConnection &connection) override;
    StoreResult<void> apply(const ProjectedEvent &event) override;

private:
    std::unique_ptr<ReadStatement> m_insert;
    std::unique_ptr<ReadStatement> m_insertData;
};

} // namespace hoststand
