#pragma once

#include "readmodel/Projection.h"

namespace hoststand {

struct TableLayout;

// The restaurant's tables with their floor-plan layout; a removed table
// stays, out of service, so old bookings still name a known table.
class TablesProjection final : public Projection
{
public:
    QString name() const override;
    QList<ReadTable> tables() const override;
    QStringList schema() const override;
    QList<ReadIndex> indexes(const ReadDialect &dialect) const override;
    StoreResult<void> prepare(ReadConnection &connection) override;
    StoreResult<void> apply(const ProjectedEvent &event) override;

private:
    static void bindLayout(ReadStatement &statement, int first, const TableLayout &layout);

    std::unique_ptr<ReadStatement> m_add;
    std::unique_ptr<ReadStatement> m_move;
    std::unique_ptr<ReadStatement> m_seats;
    std::unique_ptr<ReadStatement> m_remove;
};

} // namespace hoststand
