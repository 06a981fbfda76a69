#include "ui/EventLogModel.h"

#include "domain/readmodel/ReadModel.h"

#include <QJsonDocument>
#include <QJsonObject>

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
    connect(&m_readModel, &ReadModel::auditAppended, this, [this] {
        if (m_complete)
            appendPage();
    });
    connect(&m_readModel, &ReadModel::settingsChanged, this, [this] {
        m_calendar = ServiceCalendar(m_readModel.settings());
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, Time), index(int(m_rows.size()) - 1, Time));
    });
    reload();
}

void EventLogModel::setFilter(const AuditFilter &filter)
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

void EventLogModel::reload()
{
    m_calendar = ServiceCalendar(m_readModel.settings());
    m_rows.clear();
    m_complete = false;
    AuditFilter page = m_filter;
    page.afterPosition = 0;
    page.limit = m_pageSize;
    m_rows = m_readModel.audit(page);
    m_complete = m_rows.size() < m_pageSize;
}

// The next page after the last row; the model is complete once a page comes short.
void EventLogModel::appendPage()
{
    AuditFilter page = m_filter;
    page.afterPosition = m_rows.isEmpty() ? 0 : m_rows.constLast().position;
    page.limit = m_pageSize;
    const QList<AuditRow> more = m_readModel.audit(page);
    m_complete = more.size() < m_pageSize;
    if (more.isEmpty())
        return;
    const auto first = int(m_rows.size());
    beginInsertRows({}, first, first + int(more.size()) - 1);
    m_rows.append(more);
    endInsertRows();
}

bool EventLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void EventLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        appendPage();
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
        return QString(m_calendar.localDate(row.created).toString(u"ddd d MMM"_s) + u' '
                       + m_calendar.timeText(row.created) + row.created.toString(u":ss"_s));
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
