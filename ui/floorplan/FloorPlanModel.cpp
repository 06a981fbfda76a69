#include "ui/floorplan/FloorPlanModel.h"

#include "readmodel/ReadModel.h"
#include "ui/common/TableOrder.h"

#include <QRectF>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

bool sameStatus(const TableStatusRow &a, const TableStatusRow &b)
{
    return a.table == b.table && a.state == b.state && a.current == b.current && a.next == b.next;
}

bool statusBefore(const TableStatusRow &row, const TableRow &table)
{
    return TableOrder::less(row.table, table);
}

QString whenText(const QDateTime &start, const QDateTime &moment, const QTimeZone &zone)
{
    const QDateTime local = start.toTimeZone(zone);
    const QDate day = moment.toTimeZone(zone).date();
    if (local.date() == day)
        return local.toString(u"HH:mm"_s);
    if (local.date() > day && local.date() < day.addDays(7))
        return local.toString(u"ddd HH:mm"_s);
    return local.toString(u"ddd d MMM HH:mm"_s);
}

QVariant bookingData(const std::optional<BookingRow> &booking, int role, const QTimeZone &zone)
{
    if (!booking)
        return {};
    switch (role) {
    case FloorPlanModel::CurrentBookingIdRole:
    case FloorPlanModel::NextBookingIdRole:
        return booking->id;
    case FloorPlanModel::CurrentGuestRole:
    case FloorPlanModel::NextGuestRole:
        return booking->guestName;
    case FloorPlanModel::CurrentPartyRole:
    case FloorPlanModel::NextPartyRole:
        return booking->partySize;
    case FloorPlanModel::NextStartRole:
        return booking->start.toTimeZone(zone);
    default:
        return {};
    }
}

} // namespace

FloorPlanModel::FloorPlanModel(ReadModel &readModel, QObject *parent)
    : QAbstractListModel(parent)
    , m_readModel(readModel)
{
    connect(&m_readModel, &ReadModel::tableChanged, this, &FloorPlanModel::refreshTable);
    connect(&m_readModel, &ReadModel::bookingChanged, this, [this](const BookingChange &change) {
        if (!m_readState.isRead()) {
            reloadAll();
            return;
        }
        const auto booking = m_readModel.booking(change);
        if (!booking.ok())
            showNotRead(booking.error());
        else if (booking.value())
            refreshTable(booking.value()->tableId);
    });
    connect(&m_readModel, &ReadModel::settingsChanged, this, &FloorPlanModel::reloadAll);
    m_readState.rereadWhenAvailable(m_readModel, [this] { reloadAll(); });
}

void FloorPlanModel::reloadAll()
{
    beginResetModel();
    reload();
    endResetModel();
}

// No state of a table is vouched for once a read failed.
void FloorPlanModel::showNotRead(const StoreError &error)
{
    beginResetModel();
    m_rows.clear();
    m_readState.setNotRead(error);
    endResetModel();
}

void FloorPlanModel::setMoment(const QDateTime &moment)
{
    if (moment == m_moment)
        return;
    const bool anotherDay = m_moment.toTimeZone(m_zone).date() != moment.toTimeZone(m_zone).date();
    m_moment = moment;
    refreshAll();
    // The next bookings' times are told against the moment's day.
    if (anotherDay && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {NextWhenRole});
}

void FloorPlanModel::refreshAll()
{
    if (m_rows.isEmpty()) {
        reloadAll();
        return;
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        auto status = m_readModel.tableAt(m_rows.at(row).table.id, m_moment);
        if (!status.ok()) {
            showNotRead(status.error());
            return;
        }
        setStatus(row, std::move(status).value());
    }
}

void FloorPlanModel::reload()
{
    const QTimeZone zone(m_readModel.settings().timeZone.toUtf8());
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    m_rows.clear();
    if (m_moment.isValid()) {
        auto floor = m_readModel.floorAt(m_moment);
        if (!floor.ok()) {
            m_readState.setNotRead(floor.error());
            return;
        }
        m_rows = std::move(floor).value();
    }
    m_readState.setRead();
    std::sort(m_rows.begin(), m_rows.end(), [](const TableStatusRow &a, const TableStatusRow &b) {
        return TableOrder::less(a.table, b.table);
    });
}

void FloorPlanModel::refreshTable(const QString &tableId)
{
    if (!m_moment.isValid())
        return;
    if (!m_readState.isRead()) {
        reloadAll();
        return;
    }
    const int row = rowOfTable(tableId);
    auto read = m_readModel.tableAt(tableId, m_moment);
    if (!read.ok()) {
        showNotRead(read.error());
        return;
    }
    TableStatusRow status = std::move(read).value();
    const bool inService = status.state != TableState::OutOfService;
    if (row < 0 && inService) {
        const int target = insertPosition(status.table);
        beginInsertRows({}, target, target);
        m_rows.insert(target, std::move(status));
        endInsertRows();
    } else if (row >= 0 && !inService) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    } else if (row >= 0) {
        setStatus(row, std::move(status));
    }
}

// A table that changed zone moves to its zone's place first.
void FloorPlanModel::setStatus(int row, TableStatusRow status)
{
    if (sameStatus(m_rows.at(row), status))
        return;
    QList<TableStatusRow> others = m_rows;
    others.removeAt(row);
    const auto target
        = int(std::lower_bound(others.cbegin(), others.cend(), status.table, statusBefore)
              - others.cbegin());
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rows.move(row, target);
        endMoveRows();
    }
    m_rows[target] = std::move(status);
    Q_EMIT dataChanged(index(target), index(target));
}

int FloorPlanModel::insertPosition(const TableRow &table) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), table, statusBefore)
               - m_rows.cbegin());
}

int FloorPlanModel::rowOfTable(const QString &tableId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).table.id == tableId)
            return row;
    }
    return -1;
}

int FloorPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant FloorPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableStatusRow &row = m_rows.at(index.row());
    const TableLayout &layout = row.table.layout;
    switch (role) {
    case Qt::DisplayRole:
    case TableIdRole:
        return row.table.id;
    case Qt::ToolTipRole:
        return u"Table %1, %2 seats"_s.arg(row.table.id).arg(row.table.seats);
    case SeatsRole:
        return row.table.seats;
    case ZoneRole:
        return layout.zone;
    case ShapeRole:
        return int(layout.shape);
    case GeometryRole:
        return QRectF(layout.x - layout.width / 2, layout.y - layout.height / 2, layout.width,
                      layout.height);
    case RotationRole:
        return layout.rotation;
    case StateRole:
        return int(row.state);
    case CurrentBookingIdRole:
    case CurrentGuestRole:
    case CurrentPartyRole:
        return bookingData(row.current, role, m_zone);
    case NextBookingIdRole:
    case NextStartRole:
    case NextGuestRole:
    case NextPartyRole:
        return bookingData(row.next, role, m_zone);
    case NextWhenRole:
        return row.next ? whenText(row.next->start, m_moment, m_zone) : QVariant();
    default:
        return {};
    }
}

QHash<int, QByteArray> FloorPlanModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{TableIdRole, "tableId"},
                  {SeatsRole, "seats"},
                  {ZoneRole, "zone"},
                  {ShapeRole, "shape"},
                  {GeometryRole, "geometry"},
                  {RotationRole, "rotation"},
                  {StateRole, "state"},
                  {CurrentBookingIdRole, "currentBookingId"},
                  {CurrentGuestRole, "currentGuest"},
                  {CurrentPartyRole, "currentParty"},
                  {NextBookingIdRole, "nextBookingId"},
                  {NextStartRole, "nextStart"},
                  {NextGuestRole, "nextGuest"},
                  {NextPartyRole, "nextParty"},
                  {NextWhenRole, "nextWhen"}});
    return names;
}

} // namespace hoststand::ui
