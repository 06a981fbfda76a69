#pragma once

#include "readmodel/ReadModelRows.h"
#include "ui/common/ReadState.h"
#include "ui/common/ServiceCalendar.h"

#include <QAbstractTableModel>
#include <QDate>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// Bookings as a list: the bookings of one day, or those a guest search
// finds. A thin adapter on ReadModel::bookingsOn and searchGuests: a
// changed booking changes the cells of its row that changed, a booking that
// now belongs to the list is appended, one that no longer does is removed.
// A list that could not be read has no rows and says why (readState()),
// never "no bookings"; it is read again once the read model is available.
// The view sorts through a proxy (StartRole, by time).
class BookingListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Table, Party, Guest, Phone, Status, Note, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        BookingIdRole = Qt::UserRole,
        StartRole, // QDateTime, UTC: the time column's sort key
        StatusRole, // BookingStatus as int
        TableIdRole,
    };
    Q_ENUM(Role)

    explicit BookingListModel(ReadModel &readModel, QObject *parent = nullptr);

    void showDay(const QDate &date);
    // Bookings whose guest name or phone contains the text; an empty text shows the day again.
    void search(const QString &text);
    bool isSearching() const { return !m_search.isEmpty(); }
    QDate day() const { return m_day; }
    int rowOfBooking(const QString &bookingId) const;
    BookingRow bookingAt(int row) const { return m_rows.at(row); }
    // Whether the list could be read; while not, it has no rows.
    const ReadState &readState() const { return m_readState; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static constexpr int SearchLimit = 200;

private:
    void reload();
    void reloadAll();
    void onBookingChanged(const BookingChange &change);
    bool belongs(const BookingRow &booking) const;
    void update(int row, const BookingRow &booking);
    QVariant display(const BookingRow &booking, int column) const;

    ReadModel &m_readModel;
    ServiceCalendar m_calendar;
    QDate m_day;
    QString m_search;
    QList<BookingRow> m_rows;
    ReadState m_readState;
};

} // namespace hoststand::ui
