#include "ui/booking/BookingListModel.h"

#include "readmodel/GuestSearch.h"
#include "readmodel/ReadModel.h"
#include "ui/common/StatusStyle.h"

using namespace Qt::StringLiterals;

namespace hoststand::ui {

BookingListModel::BookingListModel(ReadModel &readModel, QObject *parent)
    : QAbstractTableModel(parent)
    , m_readModel(readModel)
{
    connect(&m_readModel, &ReadModel::bookingChanged, this, &BookingListModel::onBookingChanged);
    connect(&m_readModel, &ReadModel::settingsChanged, this, &BookingListModel::reloadAll);
    m_readState.rereadWhenAvailable(m_readModel, [this] { reloadAll(); });
}

void BookingListModel::reloadAll()
{
    beginResetModel();
    reload();
    endResetModel();
}

void BookingListModel::showDay(const QDate &date)
{
    beginResetModel();
    m_day = date;
    m_search.clear();
    reload();
    endResetModel();
}

void BookingListModel::search(const QString &text)
{
    beginResetModel();
    m_search = text.trimmed();
    reload();
    endResetModel();
}

void BookingListModel::reload()
{
    m_calendar = ServiceCalendar(m_readModel.settings());
    auto read = m_search.isEmpty() ? m_readModel.bookingsOn(m_day)
                                   : m_readModel.searchGuests(m_search, SearchLimit);
    if (!read.ok()) {
        m_rows.clear();
        m_readState.setNotRead(read.error());
        return;
    }
    m_rows = std::move(read).value();
    m_readState.setRead();
}

// A search matches as the read model's query does (GuestSearch); a day
// holds the bookings whose span overlaps it.
bool BookingListModel::belongs(const BookingRow &booking) const
{
    if (m_search.isEmpty() && !m_day.isValid())
        return false;
    if (m_search.isEmpty())
        return m_readModel.localDate(booking.start) <= m_day
            && m_readModel.localDate(booking.end.addSecs(-1)) >= m_day;
    const QString folded = m_search.toCaseFolded();
    if (GuestSearch::foldedText(booking.guestName, booking.phone).contains(folded))
        return true;
    const QString digits = GuestSearch::digits(folded);
    return digits.size() >= 3 && GuestSearch::digits(booking.phone).contains(digits);
}

void BookingListModel::onBookingChanged(const BookingChange &change)
{
    if (!m_readState.isRead()) {
        reloadAll();
        return;
    }
    const QString &bookingId = change.bookingId;
    const auto read = m_readModel.booking(change);
    if (!read.ok()) {
        // A list missing a booking it should hold would be false.
        beginResetModel();
        m_rows.clear();
        m_readState.setNotRead(read.error());
        endResetModel();
        return;
    }
    const std::optional<BookingRow> &booking = read.value();
    const int row = rowOfBooking(bookingId);
    const bool belongsNow = booking && belongs(*booking);
    if (row >= 0 && !belongsNow) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    } else if (row < 0 && belongsNow) {
        const auto end = int(m_rows.size());
        beginInsertRows({}, end, end);
        m_rows.append(*booking);
        endInsertRows();
    } else if (row >= 0) {
        update(row, *booking);
    }
}

// Names the run of columns whose text changed.
void BookingListModel::update(int row, const BookingRow &booking)
{
    const BookingRow old = std::exchange(m_rows[row], booking);
    int first = -1;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (display(old, column) != display(booking, column)) {
            first = first < 0 ? column : first;
            last = column;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(row, first), index(row, last));
}

int BookingListModel::rowOfBooking(const QString &bookingId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == bookingId)
            return row;
    }
    return -1;
}

int BookingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BookingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BookingListModel::display(const BookingRow &booking, int column) const
{
    switch (column) {
    case Time: {
        const QString time
            = u"%1–%2"_s.arg(m_calendar.timeText(booking.start), m_calendar.timeText(booking.end));
        if (m_search.isEmpty())
            return time;
        return QString(m_calendar.localDate(booking.start).toString(u"ddd d MMM"_s) + u' ' + time);
    }
    case Table:
        return booking.tableId;
    case Party:
        return booking.partySize;
    case Guest:
        return booking.walkIn ? u"%1 (walk-in)"_s.arg(booking.guestName) : booking.guestName;
    case Phone:
        return booking.phone;
    case Status:
        return StatusStyle::word(booking.status);
    case Note:
        return booking.note;
    default:
        return {};
    }
}

QVariant BookingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BookingRow &booking = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(booking, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Party ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case BookingIdRole:
        return booking.id;
    case StartRole:
        return booking.start;
    case StatusRole:
        return int(booking.status);
    case TableIdRole:
        return booking.tableId;
    default:
        return {};
    }
}

QVariant BookingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return u"Time"_s;
    case Table:
        return u"Table"_s;
    case Party:
        return u"Party"_s;
    case Guest:
        return u"Guest"_s;
    case Phone:
        return u"Phone"_s;
    case Status:
        return u"Status"_s;
    case Note:
        return u"Note"_s;
    default:
        return {};
    }
}

QHash<int, QByteArray> BookingListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{BookingIdRole, "bookingId"},
                  {StartRole, "start"},
                  {StatusRole, "status"},
                  {TableIdRole, "tableId"}});
    return names;
}

} // namespace hoststand::ui
