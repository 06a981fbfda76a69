#pragma once

#include "readmodel/ReadModelRows.h"
#include "ui/common/ReadState.h"
#include "ui/common/ServiceCalendar.h"

#include <QAbstractTableModel>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// The audit trail, newest first, one row per event, filtered by stream,
// event type or booking (its whole causation chain). It opens on the newest
// page, however long the history; older pages follow through
// canFetchMore/fetchMore, and events committed later are inserted at the
// top as they come (auditAppended), so a selection stays where it was.
// A log that could not be read has no rows and says why (readState()); it
// is read again once the read model is available.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Position, Time, Event, Stream, Booking, User, Terminal, Summary, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        PositionRole = Qt::UserRole, // qint64
        CreatedRole, // QDateTime, UTC
        TypeRole,
        StreamRole,
        CorrelationIdRole,
        CausationIdRole,
        EventIdRole,
        DataRole, // the event's JSON as QByteArray, for a details pane
    };
    Q_ENUM(Role)

    static constexpr qint64 DefaultPageSize = 500;

    explicit EventLogModel(ReadModel &readModel, QObject *parent = nullptr);

    // Shows the newest events the filter lets through (its positions, limit
    // and order are the model's to set).
    void setFilter(const EventLogFilter &filter);
    EventLogFilter filter() const { return m_filter; }
    void setPageSize(qint64 rows);
    AuditRow rowAt(int row) const { return m_rows.at(row); }
    // Whether the log could be read; while not, it has no rows.
    const ReadState &readState() const { return m_readState; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

private:
    EventLogFilter newestPage() const;
    void reload();
    void reloadAll();
    void showNotRead(const StoreError &error);
    void appendOlderPage();
    void insertNewer(qint64 lastPosition);
    QVariant display(const AuditRow &row, int column) const;

    ReadModel &m_readModel;
    ServiceCalendar m_calendar;
    EventLogFilter m_filter;
    qint64 m_pageSize = DefaultPageSize;
    bool m_complete = false; // the oldest matching event is in
    qint64 m_newest = 0; // every matching event up to this position is in
    QList<AuditRow> m_rows; // newest first
    ReadState m_readState;
};

} // namespace hoststand::ui
