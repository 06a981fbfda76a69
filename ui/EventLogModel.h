#pragma once

#include "domain/readmodel/ReadModelRows.h"
#include "ui/ServiceCalendar.h"

#include <QAbstractTableModel>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// The audit trail, oldest first, one row per event, filtered by stream,
// event type or booking (its whole causation chain). Long histories arrive
// a page at a time through canFetchMore/fetchMore; once the last page is
// in, events committed later are appended as they come (auditAppended).
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

    // Shows the events the filter lets through from the start (its
    // afterPosition and limit are the model's to set).
    void setFilter(const AuditFilter &filter);
    AuditFilter filter() const { return m_filter; }
    void setPageSize(qint64 rows);
    AuditRow rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    void appendPage();
    QVariant display(const AuditRow &row, int column) const;

    ReadModel &m_readModel;
    ServiceCalendar m_calendar;
    AuditFilter m_filter;
    qint64 m_pageSize = DefaultPageSize;
    bool m_complete = false; // every matching event up to the last page read is in
    QList<AuditRow> m_rows;
};

} // namespace hoststand::ui
