#pragma once

#include "readmodel/ReadModelRows.h"
#include "ui/common/ReadState.h"
#include "ui/common/ServiceCalendar.h"
#include "ui/grid/GridSpan.h"

#include <QAbstractTableModel>
#include <QDate>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// One service of one day as a grid: a row per table in service, grouped by
// zone (sorted by zone, then id in natural order), a column per slot from
// the service's first start, extended to the right while a booking that
// starts in the service runs past its end. A booking is a span over its
// columns; every cell it covers answers with its roles.
//
// A thin adapter on the ReadModel: a booking's change touches only the
// cells of its row that changed, a table added or removed one row; a new
// day, service or settings is a new grid (a reset). Cancelled and rejected
// bookings are not drawn: they no longer hold their table. A grid whose
// tables or bookings could not be read has no rows and says why
// (readState()); it is read again once the read model is available.
class TimeSlotGridModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        // Cells and the vertical header.
        TableIdRole = Qt::UserRole,
        // The vertical header.
        SeatsRole,
        ZoneRole,
        // Cells and the horizontal header: the slot's start (UTC) and
        // whether a booking may start then (false for the columns added
        // after the service's last slot).
        SlotStartRole,
        BookableRole,
        // Cells: the booking drawn there (the one starting last when
        // bookings overlap), empty roles for a free cell.
        BookingIdRole,
        StatusRole, // BookingStatus as int
        PartySizeRole,
        GuestRole,
        ConflictRole, // two bookings that hold the table overlap here
        PendingRole, // initiated, the sagas have not settled it yet
        SpanStartRole, // the span's first column, < 0 when it began before the grid
        SpanLengthRole, // in columns
        LaneRole,
        LaneCountRole,
        WalkInRole,
        // Cells: every span covering the cell (QList<GridSpan>), by lane.
        // The vertical header: every span on the table's row, for a view
        // that paints a row at once.
        SpansRole,
    };
    Q_ENUM(Role)

    explicit TimeSlotGridModel(ReadModel &readModel, QObject *parent = nullptr);

    // A new grid: the service's slots on that local date.
    void setService(const QDate &date, const QString &service);
    QDate date() const { return m_date; }
    QString service() const { return m_service; }
    const ServiceCalendar &calendar() const { return m_calendar; }

    int slotMinutes() const { return m_slotSeconds / 60; }
    QDateTime slotStart(int column) const;
    // The fractional column of a moment (negative before the grid).
    double columnAt(const QDateTime &moment) const;
    int rowOfTable(const QString &tableId) const;
    QModelIndex indexOfBooking(const QString &bookingId) const;

    // The guests of the bookings starting in the service that did not
    // fail to come, and the seats of the tables in service.
    int coversBooked() const;
    int seats() const;
    // Whether the grid could be read; while not, it has no rows.
    const ReadState &readState() const { return m_readState; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        TableRow table;
        QList<GridSpan> spans; // by start
    };
    static bool rowBefore(const Row &row, const TableRow &table);

    void reload();
    void reloadAll();
    void showNotRead(const StoreError &error);
    void onTableChanged(const QString &tableId);
    void onBookingChanged(const BookingChange &change);
    void insertTable(const TableRow &table);
    void removeRow(int row);
    void updateTable(int row, const TableRow &table);
    void replaceSpans(int row, QList<GridSpan> spans);
    void extendColumnsFor(const QList<GridSpan> &spans);
    int neededColumns(const QList<GridSpan> &spans) const;

    QList<GridSpan> spansFor(const QList<BookingRow> &bookings) const;
    std::optional<GridSpan> spanOf(const BookingRow &booking) const;
    StoreResult<QList<BookingRow>> bookingsOfGrid() const;
    QDateTime gridEnd() const;
    int insertPosition(const TableRow &table) const;
    QVariant cellData(const Row &row, int column, int role) const;
    QVariant tableHeader(const TableRow &table, int role) const;
    QVariant slotHeader(int column, int role) const;

    ReadModel &m_readModel;
    ReadState m_readState;
    ServiceCalendar m_calendar;
    QDate m_date;
    QString m_service;
    QDateTime m_first; // the first slot's start, UTC
    qint64 m_slotSeconds = 15 * 60;
    int m_bookableColumns = 0;
    int m_columns = 0;
    QList<Row> m_rows;
};

} // namespace hoststand::ui
