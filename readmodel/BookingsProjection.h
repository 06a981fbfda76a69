#pragma once

#include "readmodel/BatchChanges.h"
#include "readmodel/Projection.h"
#include "readmodel/ReadModelRows.h"

namespace hoststand {

// The bookings with their status, span, party, guest and the times the
// party arrived, was seated and left. It also keeps the longest span seen,
// so a query for a day scans only the bookings that can overlap it.
//
// A booking's events usually arrive in one batch, so they change a row in
// memory and the batch writes each booking once: an insert for a booking
// initiated in the batch, an update of the changed columns for the others.
// A booking that changed (booking-changed) takes its new table, span, party
// and details; one whose details changed, its new name, phone and note.
class BookingsProjection final : public Projection
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
    // A booking as the batch changed it. Whole: initiated in the batch, so
    // row holds every column; otherwise row holds only what changed (an
    // invalid time or an unset status stays as stored).
    struct Pending
    {
        BookingRow row;
        bool whole = false;
        bool statusChanged = false;
        bool rejected = false;
        bool placeChanged = false; // table, span and party
        bool detailsChanged = false; // name, phone and note
    };

    void initiate(const ProjectedEvent &event);
    Pending *pending(const ProjectedEvent &event);
    void setStatus(const ProjectedEvent &event, BookingStatus status);
    void change(const ProjectedEvent &event, bool place);
    StoreResult<void> insert(const BookingRow &row);
    StoreResult<void> update(const Pending &change);
    StoreResult<void> reshape(const Pending &change);
    StoreResult<void> widenSpanBound();

    std::unique_ptr<ReadStatement> m_insert;
    std::unique_ptr<ReadStatement> m_update;
    std::unique_ptr<ReadStatement> m_reshape;
    std::unique_ptr<ReadStatement> m_widen;
    std::unique_ptr<ReadStatement> m_readBound;
    BatchChanges<Pending> m_pending; // by booking id
    qint64 m_batchLongestMs = 0;
};

} // namespace hoststand
