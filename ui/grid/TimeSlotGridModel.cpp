#include "ui/grid/TimeSlotGridModel.h"

#include "readmodel/ReadModel.h"
#include "ui/common/TableOrder.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

bool shownInGrid(BookingStatus status)
{
    return status != BookingStatus::Cancelled && status != BookingStatus::Rejected;
}

// A party that left early frees its table early: the span ends when it left.
QDateTime effectiveEnd(const BookingRow &booking, qint64 slotSeconds)
{
    if (booking.status != BookingStatus::Left || !booking.leftAt.isValid()
        || booking.leftAt >= booking.end)
        return booking.end;
    return std::max(booking.leftAt, booking.start.addSecs(slotSeconds));
}

bool spanLess(const GridSpan &a, const GridSpan &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    return a.bookingId < b.bookingId;
}

bool overlap(const GridSpan &a, const GridSpan &b)
{
    return a.start < b.end && b.start < a.end;
}

// Gives each span of one cluster of overlapping spans its lane, and marks
// spans that overlap another one holding the table as conflicts.
void layOutCluster(QList<GridSpan>::iterator first, QList<GridSpan>::iterator last)
{
    QList<QDateTime> laneEnds;
    for (auto span = first; span != last; ++span) {
        auto lane = std::find_if(laneEnds.begin(), laneEnds.end(),
                                 [&](const QDateTime &end) { return end <= span->start; });
        if (lane == laneEnds.end())
            lane = laneEnds.insert(laneEnds.end(), span->end);
        *lane = span->end;
        span->lane = int(lane - laneEnds.begin());
        span->conflict = false;
    }
    for (auto span = first; span != last; ++span) {
        span->lanes = int(laneEnds.size());
        for (auto other = first; other != last && !span->conflict; ++other) {
            span->conflict = other != span && isActive(span->status) && isActive(other->status)
                && overlap(*span, *other);
        }
    }
}

void layOutLanes(QList<GridSpan> &spans)
{
    std::sort(spans.begin(), spans.end(), spanLess);
    auto clusterStart = spans.begin();
    QDateTime clusterEnd;
    for (auto span = spans.begin(); span != spans.end(); ++span) {
        if (span != clusterStart && span->start >= clusterEnd) {
            layOutCluster(clusterStart, span);
            clusterStart = span;
        }
        clusterEnd = span == clusterStart ? span->end : std::max(clusterEnd, span->end);
    }
    layOutCluster(clusterStart, spans.end());
}

// The spans covering a column, by lane.
QList<GridSpan> spansAt(const QList<GridSpan> &spans, int column)
{
    QList<GridSpan> found;
    for (const GridSpan &span : spans) {
        if (span.covers(column))
            found.append(span);
    }
    std::sort(found.begin(), found.end(),
              [](const GridSpan &a, const GridSpan &b) { return a.lane < b.lane; });
    return found;
}

// The span a cell shows first: the one that started last, so that every
// span is found at its own first column.
const GridSpan *primaryAt(const QList<GridSpan> &spans, int column)
{
    const GridSpan *primary = nullptr;
    for (const GridSpan &span : spans) {
        if (span.covers(column)
            && (!primary || span.startColumn > primary->startColumn
                || (span.startColumn == primary->startColumn && span.lane > primary->lane)))
            primary = &span;
    }
    return primary;
}

QVariant spanData(const GridSpan &span, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return u"%1 (%2)"_s.arg(span.guestName).arg(span.partySize);
    case TimeSlotGridModel::BookingIdRole:
        return span.bookingId;
    case TimeSlotGridModel::StatusRole:
        return int(span.status);
    case TimeSlotGridModel::PartySizeRole:
        return span.partySize;
    case TimeSlotGridModel::GuestRole:
        return span.guestName;
    case TimeSlotGridModel::PendingRole:
        return span.pending();
    case TimeSlotGridModel::SpanStartRole:
        return span.startColumn;
    case TimeSlotGridModel::SpanLengthRole:
        return span.columns;
    case TimeSlotGridModel::LaneRole:
        return span.lane;
    case TimeSlotGridModel::LaneCountRole:
        return span.lanes;
    case TimeSlotGridModel::WalkInRole:
        return span.walkIn;
    default:
        return {};
    }
}

} // namespace

TimeSlotGridModel::TimeSlotGridModel(ReadModel &readModel, QObject *parent)
    : QAbstractTableModel(parent)
    , m_readModel(readModel)
{
    connect(&m_readModel, &ReadModel::tableChanged, this, &TimeSlotGridModel::onTableChanged);
    connect(&m_readModel, &ReadModel::bookingChanged, this, &TimeSlotGridModel::onBookingChanged);
    connect(&m_readModel, &ReadModel::settingsChanged, this, &TimeSlotGridModel::reloadAll);
    m_readState.rereadWhenAvailable(m_readModel, [this] { reloadAll(); });
}

void TimeSlotGridModel::reloadAll()
{
    beginResetModel();
    reload();
    endResetModel();
}

// Nothing the grid held can be vouched for once a read failed: a cell left
// empty would read as a free table.
void TimeSlotGridModel::showNotRead(const StoreError &error)
{
    beginResetModel();
    m_rows.clear();
    m_columns = m_bookableColumns;
    m_readState.setNotRead(error);
    endResetModel();
}

void TimeSlotGridModel::setService(const QDate &date, const QString &service)
{
    beginResetModel();
    m_date = date;
    m_service = service;
    reload();
    endResetModel();
}

void TimeSlotGridModel::reload()
{
    m_calendar = ServiceCalendar(m_readModel.settings());
    m_slotSeconds = qint64(m_calendar.slotMinutes()) * 60;
    const QList<QDateTime> starts = m_calendar.slotsOf(m_date, m_service);
    m_first = starts.isEmpty() ? QDateTime() : starts.constFirst();
    m_bookableColumns = int(starts.size());
    m_columns = m_bookableColumns;
    m_rows.clear();
    auto tables = m_readModel.tables();
    if (!tables.ok()) {
        m_readState.setNotRead(tables.error());
        return;
    }
    std::sort(tables.value().begin(), tables.value().end(), TableOrder::less);
    auto bookings = m_first.isValid() ? bookingsOfGrid()
                                      : StoreResult<QList<BookingRow>>(QList<BookingRow>());
    if (!bookings.ok()) {
        m_readState.setNotRead(bookings.error());
        return;
    }
    m_readState.setRead();
    for (const TableRow &table : std::as_const(tables.value())) {
        QList<BookingRow> own;
        std::copy_if(bookings.value().cbegin(), bookings.value().cend(), std::back_inserter(own),
                     [&](const BookingRow &b) { return b.tableId == table.id; });
        m_rows.append({table, spansFor(own)});
        m_columns = std::max(m_columns, neededColumns(m_rows.constLast().spans));
    }
}

StoreResult<QList<BookingRow>> TimeSlotGridModel::bookingsOfGrid() const
{
    return m_readModel.bookingsOn(m_date);
}

QDateTime TimeSlotGridModel::gridEnd() const
{
    return m_first.addSecs(m_slotSeconds * m_columns);
}

QList<GridSpan> TimeSlotGridModel::spansFor(const QList<BookingRow> &bookings) const
{
    QList<GridSpan> spans;
    for (const BookingRow &booking : bookings) {
        if (auto span = spanOf(booking))
            spans.append(*span);
    }
    layOutLanes(spans);
    return spans;
}

// A booking belongs to the service it starts in (or, between services, the
// next one); a booking of another service shows where it reaches into this grid.
std::optional<GridSpan> TimeSlotGridModel::spanOf(const BookingRow &booking) const
{
    if (!m_first.isValid() || !shownInGrid(booking.status))
        return std::nullopt;
    const QDateTime end = effectiveEnd(booking, m_slotSeconds);
    const bool ofThisService = m_calendar.localDate(booking.start) == m_date
        && m_calendar.serviceAt(booking.start) == m_service;
    const bool reachesIn = booking.start < gridEnd() && end > m_first;
    if (!ofThisService && !reachesIn)
        return std::nullopt;
    const auto startColumn = int(std::floor(double(m_first.secsTo(booking.start)) / m_slotSeconds));
    const auto endColumn = int(std::ceil(double(m_first.secsTo(end)) / m_slotSeconds));
    GridSpan span;
    span.bookingId = booking.id;
    span.startColumn = startColumn;
    span.columns = std::max(1, endColumn - startColumn);
    span.status = booking.status;
    span.partySize = booking.partySize;
    span.guestName = booking.guestName;
    span.start = booking.start;
    span.end = end;
    span.walkIn = booking.walkIn;
    return span;
}

int TimeSlotGridModel::neededColumns(const QList<GridSpan> &spans) const
{
    int needed = 0;
    for (const GridSpan &span : spans) {
        if (span.startColumn < m_bookableColumns)
            needed = std::max(needed, span.endColumn());
    }
    return needed;
}

void TimeSlotGridModel::onTableChanged(const QString &tableId)
{
    if (!m_readState.isRead()) {
        reloadAll();
        return;
    }
    const int row = rowOfTable(tableId);
    const auto read = m_readModel.table(tableId);
    if (!read.ok()) {
        showNotRead(read.error());
        return;
    }
    const std::optional<TableRow> &table = read.value();
    const bool inService = table && table->inService;
    if (row < 0 && inService)
        insertTable(*table);
    else if (row >= 0 && !inService)
        removeRow(row);
    else if (row >= 0 && m_rows.at(row).table != *table)
        updateTable(row, *table);
}

void TimeSlotGridModel::insertTable(const TableRow &table)
{
    QList<BookingRow> own;
    if (m_first.isValid()) {
        const auto bookings = bookingsOfGrid();
        if (!bookings.ok()) {
            showNotRead(bookings.error());
            return;
        }
        std::copy_if(bookings.value().cbegin(), bookings.value().cend(), std::back_inserter(own),
                     [&](const BookingRow &b) { return b.tableId == table.id; });
    }
    QList<GridSpan> spans = spansFor(own);
    extendColumnsFor(spans);
    const int row = insertPosition(table);
    beginInsertRows({}, row, row);
    m_rows.insert(row, {table, std::move(spans)});
    endInsertRows();
}

void TimeSlotGridModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

// A new zone may move the row to its zone's group; new seats change its header.
void TimeSlotGridModel::updateTable(int row, const TableRow &table)
{
    QList<Row> others = m_rows;
    others.removeAt(row);
    const auto target
        = int(std::lower_bound(others.cbegin(), others.cend(), table, rowBefore) - others.cbegin());
    if (target != row) {
        // beginMoveRows counts the destination before the row is taken out.
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rows.move(row, target);
        endMoveRows();
    }
    m_rows[target].table = table;
    Q_EMIT headerDataChanged(Qt::Vertical, target, target);
}

bool TimeSlotGridModel::rowBefore(const Row &row, const TableRow &table)
{
    return TableOrder::less(row.table, table);
}

int TimeSlotGridModel::insertPosition(const TableRow &table) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), table, rowBefore)
               - m_rows.cbegin());
}

void TimeSlotGridModel::onBookingChanged(const BookingChange &change)
{
    if (!m_readState.isRead()) {
        reloadAll();
        return;
    }
    const QString &bookingId = change.bookingId;
    const auto read = m_readModel.booking(change);
    if (!read.ok()) {
        showNotRead(read.error());
        return;
    }
    const std::optional<BookingRow> &booking = read.value();
    if (!booking)
        return;
    const int row = rowOfTable(booking->tableId);
    // A booking that changed table leaves the row it was shown on.
    for (int other = 0; other < int(m_rows.size()); ++other) {
        const QList<GridSpan> &shown = m_rows.at(other).spans;
        if (other == row || std::none_of(shown.cbegin(), shown.cend(), [&](const GridSpan &span) {
                return span.bookingId == bookingId;
            }))
            continue;
        QList<GridSpan> left;
        for (const GridSpan &span : shown) {
            if (span.bookingId != bookingId)
                left.append(span);
        }
        layOutLanes(left);
        replaceSpans(other, std::move(left));
    }
    if (row < 0)
        return;
    const bool wasShown
        = std::any_of(m_rows.at(row).spans.cbegin(), m_rows.at(row).spans.cend(),
                      [&](const GridSpan &span) { return span.bookingId == bookingId; });
    const std::optional<GridSpan> span = spanOf(*booking);
    if (!wasShown && !span)
        return;
    QList<GridSpan> spans;
    for (const GridSpan &other : m_rows.at(row).spans) {
        if (other.bookingId != bookingId)
            spans.append(other);
    }
    if (span)
        spans.append(*span);
    layOutLanes(spans);
    extendColumnsFor(spans);
    replaceSpans(row, std::move(spans));
}

void TimeSlotGridModel::extendColumnsFor(const QList<GridSpan> &spans)
{
    const int needed = neededColumns(spans);
    if (needed <= m_columns)
        return;
    beginInsertColumns({}, m_columns, needed - 1);
    m_columns = needed;
    endInsertColumns();
}

// Names only the runs of cells whose content changed.
void TimeSlotGridModel::replaceSpans(int row, QList<GridSpan> spans)
{
    const QList<GridSpan> old = std::exchange(m_rows[row].spans, std::move(spans));
    const QList<GridSpan> &now = m_rows.at(row).spans;
    int runStart = -1;
    for (int column = 0; column <= m_columns; ++column) {
        const bool changed = column < m_columns && spansAt(old, column) != spansAt(now, column);
        if (changed && runStart < 0)
            runStart = column;
        if (!changed && runStart >= 0) {
            Q_EMIT dataChanged(index(row, runStart), index(row, column - 1));
            runStart = -1;
        }
    }
}

QDateTime TimeSlotGridModel::slotStart(int column) const
{
    return m_first.addSecs(m_slotSeconds * column);
}

double TimeSlotGridModel::columnAt(const QDateTime &moment) const
{
    if (!m_first.isValid())
        return -1;
    return double(m_first.msecsTo(moment)) / double(m_slotSeconds * 1000);
}

int TimeSlotGridModel::rowOfTable(const QString &tableId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).table.id == tableId)
            return row;
    }
    return -1;
}

QModelIndex TimeSlotGridModel::indexOfBooking(const QString &bookingId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        for (const GridSpan &span : m_rows.at(row).spans) {
            if (span.bookingId == bookingId)
                return index(row, std::clamp(span.startColumn, 0, std::max(0, m_columns - 1)));
        }
    }
    return {};
}

int TimeSlotGridModel::coversBooked() const
{
    int covers = 0;
    for (const Row &row : m_rows) {
        for (const GridSpan &span : row.spans) {
            if (span.status != BookingStatus::NoShow && span.startColumn >= 0
                && span.startColumn < m_bookableColumns)
                covers += span.partySize;
        }
    }
    return covers;
}

int TimeSlotGridModel::seats() const
{
    int seats = 0;
    for (const Row &row : m_rows)
        seats += row.table.seats;
    return seats;
}

int TimeSlotGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimeSlotGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant TimeSlotGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(m_rows.at(index.row()), index.column(), role);
}

QVariant TimeSlotGridModel::cellData(const Row &row, int column, int role) const
{
    switch (role) {
    case TableIdRole:
        return row.table.id;
    case SlotStartRole:
    case BookableRole:
        return slotHeader(column, role);
    case SpansRole:
        return QVariant::fromValue(spansAt(row.spans, column));
    case ConflictRole: {
        const QList<GridSpan> here = spansAt(row.spans, column);
        return std::count_if(here.cbegin(), here.cend(),
                             [](const GridSpan &s) { return isActive(s.status); })
            > 1;
    }
    case Qt::AccessibleTextRole: {
        const GridSpan *span = primaryAt(row.spans, column);
        const QString where
            = u"%1 at %2"_s.arg(row.table.id, m_calendar.timeText(slotStart(column)));
        return span ? u"%1: %2, %3 guests, %4"_s.arg(where, span->guestName)
                          .arg(span->partySize)
                          .arg(toString(span->status))
                    : u"%1: free"_s.arg(where);
    }
    default:
        break;
    }
    const GridSpan *span = primaryAt(row.spans, column);
    if (!span)
        return {};
    if (role == Qt::DisplayRole && span->startColumn != column && column != 0)
        return {};
    return spanData(*span, role);
}

QVariant TimeSlotGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows.size())
            return {};
        if (role == SpansRole)
            return QVariant::fromValue(m_rows.at(section).spans);
        return tableHeader(m_rows.at(section).table, role);
    }
    return section >= 0 && section < m_columns ? slotHeader(section, role) : QVariant();
}

QVariant TimeSlotGridModel::tableHeader(const TableRow &table, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return table.id;
    case Qt::ToolTipRole:
        return u"Table %1, %2 seats, %3"_s.arg(table.id).arg(table.seats).arg(table.layout.zone);
    case TableIdRole:
        return table.id;
    case SeatsRole:
        return table.seats;
    case ZoneRole:
        return table.layout.zone;
    default:
        return {};
    }
}

QVariant TimeSlotGridModel::slotHeader(int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return m_calendar.timeText(slotStart(column));
    case SlotStartRole:
        return slotStart(column);
    case BookableRole:
        return column < m_bookableColumns;
    default:
        return {};
    }
}

QHash<int, QByteArray> TimeSlotGridModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{TableIdRole, "tableId"},
                  {SeatsRole, "seats"},
                  {ZoneRole, "zone"},
                  {SlotStartRole, "slotStart"},
                  {BookableRole, "bookable"},
                  {BookingIdRole, "bookingId"},
                  {StatusRole, "status"},
                  {PartySizeRole, "partySize"},
                  {GuestRole, "guest"},
                  {ConflictRole, "conflict"},
                  {PendingRole, "pending"},
                  {SpanStartRole, "spanStart"},
                  {SpanLengthRole, "spanLength"},
                  {LaneRole, "lane"},
                  {LaneCountRole, "laneCount"},
                  {WalkInRole, "walkIn"},
                  {SpansRole, "spans"}});
    return names;
}

} // namespace hoststand::ui
