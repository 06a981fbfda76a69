#pragma once

#include "domain/readmodel/Projection.h"

namespace hoststand {

// The bookings with their status, span, party, guest and the times the
// party arrived, was seated and left. It also keeps the longest span seen,
// so a query for a day scans only the bookings that can overlap it.
class BookingsProjection final : public Projection
{
public:
    QString name() const override;
    QList<ReadTable> tables() const override;
    QStringList schema() const override;
    QList<ReadIndex> indexes() const override;
    StoreResult<void> prepare(ReadConnection &connection) override;
    StoreResult<void> apply(const ProjectedEvent &event) override;

private:
    StoreResult<void> initiate(const ProjectedEvent &event);
    StoreResult<void> setStatus(const ProjectedEvent &event, const QString &status);
    StoreResult<void> reject(const ProjectedEvent &event);
    StoreResult<void> setMoment(ReadStatement &statement, const ProjectedEvent &event);
    StoreResult<void> widenSpanBound(qint64 spanMs);

    std::unique_ptr<ReadStatement> m_initiate;
    std::unique_ptr<ReadStatement> m_status;
    std::unique_ptr<ReadStatement> m_reject;
    std::unique_ptr<ReadStatement> m_arrive;
    std::unique_ptr<ReadStatement> m_seat;
    std::unique_ptr<ReadStatement> m_leave;
    std::unique_ptr<ReadStatement> m_widen;
    std::unique_ptr<ReadStatement> m_readBound;
    qint64 m_knownBoundMs = -1;
};

} // namespace hoststand
