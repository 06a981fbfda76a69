#pragma once

#include "readmodel/ProjectedEvent.h"
#include "readmodel/Projection.h"

namespace hoststand {

// The audit log: every event of the store with its metadata and raw data,
// for the event log view and a booking's causation chain. It reads no
// event's data, which keeps it the cheapest projection of a rebuild. The
// data has a table of its own: the audit log's indexes are made by reading
// the whole table, which is then a third of the size. A batch's rows are
// written RowsPerInsert at a time: SQLite's work per statement is about as
// much as its work per row.
class AuditProjection final : public Projection
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

    static constexpr int RowsPerInsert = 32;

private:
    // An event of the batch (alive until the batch is written) and its metadata.
    struct Row
    {
        const RecordedEvent *event;
        MetadataReader::Parsed metadata;
    };

    StoreResult<void> write(ReadStatement &rows, ReadStatement &data, qsizetype first, int count);

    std::unique_ptr<ReadStatement> m_insertOne;
    std::unique_ptr<ReadStatement> m_insertDataOne;
    std::unique_ptr<ReadStatement> m_insertMany;
    std::unique_ptr<ReadStatement> m_insertDataMany;
    QList<Row> m_rows;
};

} // namespace hoststand
