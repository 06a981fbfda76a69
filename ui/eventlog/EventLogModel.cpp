#include "ui/eventlog/EventLogModel.h"

#include "readmodel/ReadModel.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// The event's scalar fields, "tableId T4 · partySize 4", for a glance.
QString summaryOf(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QStringList parts;
    for (auto it = object.constBegin(); it != object.constEnd() && parts.size() < 5; ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            parts.append(it.key() + u' ' + value.toString());
        else if (value.isDouble() || value.isBool())
            parts.append(it.key() + u' ' + value.toVariant().toString());
    }
    return parts.join(u" · "_s);
}

} // namespace

EventLogModel::EventLogModel(ReadModel &readModel, QObject *parent)
    : QAbstractTableModel(parent)
    , m_readModel(readModel)
{
    connect(&m_readModel, &ReadModel::auditAppended, this, &EventLogModel::insertNewer);
    connect(&m_readModel, &ReadModel::settingsChanged, this, [this] {
        m_calendar = ServiceCalendar(m_readModel.settings());
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
    });
    m_readState.rereadWhenAvailable(m_readModel, [this] { reloadAll(); });
    reload();
}

void EventLogModel::reloadAll()
{
    beginResetModel();
    reload();
    endResetModel();
}

// A log with a gap would be false: nothing is shown until it reads again.
void EventLogModel::showNotRead(const StoreError &error)
{
    beginResetModel();
    m_rows.clear();
    m_complete = true;
    m_readState.setNotRead(error);
    endResetModel();
}

void EventLogModel::setFilter(const EventLogFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    reload();
    endResetModel();
}

void EventLogModel::setPageSize(qint64 rows)
{
    beginResetModel();
    m_pageSize = std::max<qint64>(1, rows);
    reload();
    endResetModel();
}

// The filter's newest page; callers bound it below or above.
EventLogFilter EventLogModel::newestPage() const
{
    EventLogFilter page = m_filter;
    page.afterPosition = 0;
    page.beforePosition = 0;
    page.limit = m_pageSize;
    page.newestFirst = true;
    return page;
}

void EventLogModel::reload()
{
    m_calendar = ServiceCalendar(m_readModel.settings());
    auto page = m_readModel.audit(newestPage());
    if (!page.ok()) {
        m_rows.clear();
        m_complete = true;
        m_readState.setNotRead(page.error());
        return;
    }
    m_readState.setRead();
    m_rows = std::move(page).value();
    m_complete = m_rows.size() < m_pageSize;
    // Another process may have projected past this read model's position.
    m_newest
        = std::max(m_readModel.position(), m_rows.isEmpty() ? 0 : m_rows.constFirst().position);
}

// The page before the oldest row; the model is complete once a page comes short.
void EventLogModel::appendOlderPage()
{
    EventLogFilter page = newestPage();
    page.beforePosition = m_rows.constLast().position;
    const auto read = m_readModel.audit(page);
    if (!read.ok()) {
        showNotRead(read.error());
        return;
    }
    const QList<AuditRow> &older = read.value();
    m_complete = older.size() < m_pageSize;
    if (older.isEmpty())
        return;
    const auto first = int(m_rows.size());
    beginInsertRows({}, first, first + int(older.size()) - 1);
    m_rows.append(older);
    endInsertRows();
}

// Every matching event after the newest row held, read a page at a time
// from the newest down, inserted above the rows in one go.
void EventLogModel::insertNewer(qint64 lastPosition)
{
    if (!m_readState.isRead()) {
        reloadAll();
        return;
    }
    QList<AuditRow> newer;
    EventLogFilter page = newestPage();
    page.afterPosition = m_newest;
    for (;;) {
        const auto read = m_readModel.audit(page);
        if (!read.ok()) {
            showNotRead(read.error());
            return;
        }
        const QList<AuditRow> &more = read.value();
        newer.append(more);
        if (more.size() < m_pageSize)
            break;
        page.beforePosition = more.constLast().position;
    }
    m_newest
        = std::max({m_newest, lastPosition, newer.isEmpty() ? 0 : newer.constFirst().position});
    if (newer.isEmpty())
        return;
    beginInsertRows({}, 0, int(newer.size()) - 1);
    newer.append(m_rows);
    m_rows = std::move(newer);
    endInsertRows();
}

bool EventLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void EventLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        appendOlderPage();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::display(const AuditRow &row, int column) const
{
    switch (column) {
    case Position:
        return row.position;
    case Time:
        return m_calendar.momentText(row.created);
    case Event:
        return row.type;
    case Stream:
        return row.stream;
    case Booking:
        return row.correlationId;
    case User:
        return row.user;
    case Terminal:
        return row.terminal;
    case Summary:
        return summaryOf(row.data);
    default:
        return {};
    }
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case PositionRole:
        return row.position;
    case CreatedRole:
        return row.created;
    case TypeRole:
        return row.type;
    case StreamRole:
        return row.stream;
    case CorrelationIdRole:
        return row.correlationId;
    case CausationIdRole:
        return row.causationId;
    case EventIdRole:
        return row.eventId;
    case DataRole:
        return row.data;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Position:
        return u"#"_s;
    case Time:
        return u"Time"_s;
    case Event:
        return u"Event"_s;
    case Stream:
        return u"Stream"_s;
    case Booking:
        return u"Booking"_s;
    case User:
        return u"User"_s;
    case Terminal:
        return u"Terminal"_s;
    case Summary:
        return u"Details"_s;
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{PositionRole, "position"},
                  {CreatedRole, "created"},
                  {TypeRole, "type"},
                  {StreamRole, "stream"},
                  {CorrelationIdRole, "correlationId"},
                  {CausationIdRole, "causationId"},
                  {EventIdRole, "eventId"},
                  {DataRole, "data"}});
    return names;
}

} // namespace hoststand::ui
