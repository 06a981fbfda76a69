#include "ui/eventlog/EventLogFilterModel.h"

#include "readmodel/ReadModel.h"
#include "ui/eventlog/EventLogModel.h"

using namespace Qt::StringLiterals;

namespace hoststand::ui {

EventLogFilterModel::EventLogFilterModel(ReadModel &readModel, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_readModel(readModel)
{
    refreshSummaries();
    connect(&m_readModel, &ReadModel::settingsChanged, this, [this] {
        refreshSummaries();
        invalidate();
    });
}

// The summaries say times in the restaurant's zone, which the settings give.
void EventLogFilterModel::refreshSummaries()
{
    const QByteArray zoneId = m_readModel.settings().timeZone.toUtf8();
    const QTimeZone zone = zoneId.isEmpty() ? QTimeZone::utc() : QTimeZone(zoneId);
    m_summary = EventSummary(zone.isValid() ? zone : QTimeZone::utc(),
                             [this](const QString &booking) { return guestOf(booking); });
    m_summaries.clear();
}

QString EventLogFilterModel::guestOf(const QString &bookingId) const
{
    const auto cached = m_guests.constFind(bookingId);
    if (cached != m_guests.cend())
        return cached.value();
    const auto booking = m_readModel.booking(bookingId);
    if (!booking.ok() || !booking.value())
        return {}; // not projected yet, or not read: ask again next time
    m_guests.insert(bookingId, booking.value()->guestName);
    return booking.value()->guestName;
}

void EventLogFilterModel::setTable(const QString &tableId)
{
    m_table = tableId;
    invalidateFilter();
}

void EventLogFilterModel::setBooking(const QString &bookingIdStart)
{
    m_booking = bookingIdStart.trimmed().toLower();
    invalidateFilter();
}

void EventLogFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool EventLogFilterModel::isNarrowing() const
{
    return !m_table.isEmpty() || !m_booking.isEmpty() || !m_text.isEmpty();
}

bool EventLogFilterModel::canFetchMore(const QModelIndex &parent) const
{
    return !isNarrowing() && QSortFilterProxyModel::canFetchMore(parent);
}

QString EventLogFilterModel::summaryOf(const QModelIndex &sourceIndex) const
{
    const qint64 position = sourceIndex.data(EventLogModel::PositionRole).toLongLong();
    const auto cached = m_summaries.constFind(position);
    if (cached != m_summaries.cend())
        return cached.value();
    AuditRow row;
    row.type = sourceIndex.data(EventLogModel::TypeRole).toString();
    row.data = sourceIndex.data(EventLogModel::DataRole).toByteArray();
    row.created = sourceIndex.data(EventLogModel::CreatedRole).toDateTime();
    const QString summary = m_summary.summarize(row);
    const QString booking = EventSummary::bookingOf(row.data);
    // A sentence that lacks its guest is asked again once the booking is in.
    if (booking.isEmpty() || !guestOf(booking).isEmpty())
        m_summaries.insert(position, summary);
    return summary;
}

QString EventLogFilterModel::tableOf(const QModelIndex &sourceIndex) const
{
    const QString stream = sourceIndex.data(EventLogModel::StreamRole).toString();
    if (stream.startsWith(u"table-"_s))
        return stream.mid(6);
    return EventSummary::tableOf(sourceIndex.data(EventLogModel::DataRole).toByteArray());
}

QVariant EventLogFilterModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == EventLogModel::Summary
        && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return summaryOf(mapToSource(index));
    if (index.column() == EventLogModel::Event && role == Qt::ToolTipRole)
        return EventSummary::title(QSortFilterProxyModel::data(index).toString());
    return QSortFilterProxyModel::data(index, role);
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex source = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_booking.isEmpty()
        && !source.data(EventLogModel::CorrelationIdRole).toString().startsWith(m_booking))
        return false;
    if (!m_table.isEmpty() && tableOf(source) != m_table)
        return false;
    return m_text.isEmpty() || matchesText(source);
}

bool EventLogFilterModel::matchesText(const QModelIndex &source) const
{
    for (int role : {int(EventLogModel::TypeRole), int(EventLogModel::StreamRole),
                     int(EventLogModel::CorrelationIdRole)}) {
        if (source.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    const int row = source.row();
    for (int column : {EventLogModel::User, EventLogModel::Terminal}) {
        if (sourceModel()
                ->index(row, column)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return summaryOf(source).contains(m_text, Qt::CaseInsensitive);
}

} // namespace hoststand::ui
