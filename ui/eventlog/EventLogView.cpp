#include "ui/eventlog/EventLogView.h"

#include "domain/contracts/EventCodec.h"
#include "readmodel/ReadModel.h"
#include "ui/common/NotReadOverlay.h"
#include "ui/common/ReadState.h"
#include "ui/common/ServiceCalendar.h"
#include "ui/common/TableOrder.h"
#include "ui/eventlog/EventLogFilterModel.h"
#include "ui/eventlog/EventLogModel.h"
#include "ui/eventlog/EventSummary.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

enum ChainColumn { ChainEvent, ChainSummary, ChainTime, ChainUser, ChainTerminal };

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

} // namespace

EventLogView::EventLogView(ReadModel &readModel, QWidget *parent)
    : QWidget(parent)
    , m_readModel(readModel)
    , m_model(new EventLogModel(readModel, this))
    , m_filter(new EventLogFilterModel(readModel, this))
{
    setObjectName(u"eventLogView"_s);
    setAccessibleName(tr("Event log"));
    m_filter->setSourceModel(m_model);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    m_table = new QTableView;
    splitter->addWidget(m_table);
    splitter->addWidget(buildChainPane());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());
    layout->addWidget(splitter, 1);

    m_table->setObjectName(u"eventLogTable"_s);
    m_table->setAccessibleName(tr("Events"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // One line per event, as dense as a log: a busy evening has hundreds.
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    for (int column : {EventLogModel::Position, EventLogModel::Stream, EventLogModel::Booking})
        m_table->hideColumn(column);
    // The table's own order: time, who, where, what.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(EventLogModel::Event),
                        header->visualIndex(EventLogModel::Terminal));
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    new NotReadOverlay(m_model->readState(), m_table->viewport());

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventLogView::onCurrentRowChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &EventLogView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &EventLogView::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &EventLogView::updateCount);
    // A page the narrowing leaves out entirely still changes what is loaded.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventLogView::updateCount);
    connect(&m_readModel, &ReadModel::auditAppended, this, [this] {
        if (!m_chainCorrelation.isEmpty())
            showChain(m_chainCorrelation);
    });
    // A burst of table changes (a lock changes its table's stream) fills the
    // filter once, when the burst is told.
    connect(&m_readModel, &ReadModel::tableChanged, this, [this] {
        if (!std::exchange(m_tablesStale, true))
            QTimer::singleShot(0, this, [this] {
                m_tablesStale = false;
                fillTables();
            });
    });
    updateCount();
}

EventLogView::~EventLogView() = default;

QWidget *EventLogView::buildFilterBar()
{
    auto *bar = new QWidget;
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_tableFilter = new QComboBox;
    m_tableFilter->setObjectName(u"eventLogTableFilter"_s);
    m_tableFilter->setAccessibleName(tr("Show the events of table"));
    m_tableFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillTables();
    m_typeFilter = new QComboBox;
    m_typeFilter->setObjectName(u"eventLogTypeFilter"_s);
    m_typeFilter->setAccessibleName(tr("Show the events of type"));
    fillTypes();
    m_bookingFilter = new QLineEdit;
    m_bookingFilter->setObjectName(u"eventLogBookingFilter"_s);
    m_bookingFilter->setAccessibleName(tr("Show the events of booking"));
    m_bookingFilter->setPlaceholderText(tr("Booking id"));
    m_bookingFilter->setClearButtonEnabled(true);
    m_bookingFilter->setMaximumWidth(fontMetrics().horizontalAdvance(u"0000000000000000"_s));
    m_textFilter = new QLineEdit;
    m_textFilter->setObjectName(u"eventLogTextFilter"_s);
    m_textFilter->setAccessibleName(tr("Search the event log"));
    m_textFilter->setPlaceholderText(tr("Guest, table, user, terminal…"));
    m_textFilter->setClearButtonEnabled(true);
    m_count = new QLabel;
    m_count->setObjectName(u"eventLogCount"_s);
    m_loadOlder = new QPushButton(tr("Load &older events"));
    m_loadOlder->setObjectName(u"eventLogLoadOlder"_s);
    m_loadOlder->setAccessibleName(tr("Load older events"));
    m_loadOlder->setToolTip(tr("Read the page of events before the oldest one loaded"));

    layout->addWidget(buddyLabel(tr("&Table:"), m_tableFilter));
    layout->addWidget(m_tableFilter);
    layout->addWidget(buddyLabel(tr("E&vent:"), m_typeFilter));
    layout->addWidget(m_typeFilter);
    layout->addWidget(buddyLabel(tr("Boo&king:"), m_bookingFilter));
    layout->addWidget(m_bookingFilter);
    layout->addWidget(buddyLabel(tr("Sea&rch:"), m_textFilter));
    layout->addWidget(m_textFilter, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_loadOlder);

    connect(m_tableFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTable(m_tableFilter->currentData().toString()); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
            [this] { setType(m_typeFilter->currentData().toString()); });
    connect(m_bookingFilter, &QLineEdit::textChanged, this, &EventLogView::setBooking);
    connect(m_textFilter, &QLineEdit::textChanged, m_filter, &EventLogFilterModel::setText);
    connect(m_loadOlder, &QPushButton::clicked, this, &EventLogView::loadOlder);
    return bar;
}

QWidget *EventLogView::buildChainPane()
{
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_chainTitle = new QLabel(tr("Select an event to see its booking's causation chain."));
    m_chainTitle->setObjectName(u"eventLogChainTitle"_s);
    m_chainTitle->setTextFormat(Qt::PlainText);
    m_chain = new QTreeWidget;
    m_chain->setObjectName(u"eventLogChain"_s);
    m_chain->setAccessibleName(tr("Causation chain"));
    m_chain->setHeaderLabels({tr("Event"), tr("Summary"), tr("Time"), tr("User"), tr("Terminal")});
    m_chain->setAlternatingRowColors(true);
    m_chain->setRootIsDecorated(true);
    m_chain->setUniformRowHeights(true);
    m_chain->header()->setStretchLastSection(false);
    m_chain->header()->setSectionResizeMode(ChainSummary, QHeaderView::Stretch);
    layout->addWidget(m_chainTitle);
    layout->addWidget(m_chain, 1);
    return pane;
}

void EventLogView::fillTables()
{
    auto read = m_readModel.tables(true);
    if (!read.ok())
        return; // the tables known stay; the next change of a table reads them again
    QList<TableRow> tables = std::move(read).value();
    std::sort(tables.begin(), tables.end(), TableOrder::less);
    const QString current = m_tableFilter->currentData().toString();
    const QSignalBlocker blocker(m_tableFilter);
    m_tableFilter->clear();
    m_tableFilter->addItem(tr("All tables"), QString());
    for (const TableRow &table : std::as_const(tables)) {
        const QString label = table.inService ? table.id : tr("%1 (removed)").arg(table.id);
        m_tableFilter->addItem(label, table.id);
    }
    m_tableFilter->setCurrentIndex(std::max(0, m_tableFilter->findData(current)));
}

void EventLogView::fillTypes()
{
    m_typeFilter->addItem(tr("All events"), QString());
    for (const QString &type : EventCodec::knownTypes())
        m_typeFilter->addItem(EventSummary::title(type), type);
}

// An event type is read from the whole log, newest first.
void EventLogView::setType(const QString &type)
{
    EventLogFilter filter = m_model->filter();
    filter.type = type;
    m_model->setFilter(filter);
}

// The start of an id narrows the events loaded; a booking's whole id reads
// its chain from the whole log, however old the booking is.
void EventLogView::setBooking(const QString &text)
{
    m_filter->setBooking(text);
    const QString id = text.trimmed().toLower();
    EventLogFilter filter = m_model->filter();
    const auto booking = m_readModel.booking(id);
    const QString correlation = booking.ok() && booking.value() ? id : QString();
    if (filter.correlationId != correlation) {
        filter.correlationId = correlation;
        m_model->setFilter(filter);
    }
}

void EventLogView::loadOlder()
{
    m_model->fetchMore({});
    updateCount();
}

// The count says when older events are still to load: a search covers only
// the events loaded.
void EventLogView::updateCount()
{
    const QLocale locale;
    const int shown = m_filter->rowCount();
    const int all = m_model->rowCount();
    const bool older = m_model->canFetchMore({});
    m_loadOlder->setEnabled(older);
    if (!older) {
        m_count->setText(
            shown == all ? tr("%1 events").arg(locale.toString(all))
                         : tr("%1 of %2 events").arg(locale.toString(shown), locale.toString(all)));
        return;
    }
    m_count->setText(
        shown == all
            ? tr("Newest %1 events").arg(locale.toString(all))
            : tr("%1 of the newest %2 events").arg(locale.toString(shown), locale.toString(all)));
}

void EventLogView::onCurrentRowChanged(const QModelIndex &current)
{
    if (!current.isValid())
        return;
    showChain(current.data(EventLogModel::CorrelationIdRole).toString());
}

void EventLogView::showBooking(const QString &bookingId)
{
    m_bookingFilter->setText(bookingId);
    showChain(bookingId);
}

bool EventLogView::selectNewest(const QString &type)
{
    EventLogFilter newest;
    newest.type = type;
    newest.limit = 1;
    newest.newestFirst = true;
    const auto read = m_readModel.audit(newest);
    if (!read.ok() || read.value().isEmpty())
        return false;
    const QList<AuditRow> &found = read.value();
    // Pages down to it, and no further, however old it is.
    const qint64 position = found.constFirst().position;
    while (m_model->canFetchMore({}) && m_model->rowAt(m_model->rowCount() - 1).position > position)
        m_model->fetchMore({});
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, EventLogModel::Summary);
        if (index.data(EventLogModel::TypeRole).toString() == type) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            return true;
        }
    }
    return false;
}

// Each event hangs under the event that caused it; an event caused by a
// command (a person's tap) starts a branch of its own.
void EventLogView::showChain(const QString &correlationId)
{
    m_chainCorrelation = correlationId;
    m_chain->clear();
    if (correlationId.isEmpty())
        return;
    EventLogFilter filter;
    filter.correlationId = correlationId;
    filter.limit = 10000;
    const auto read = m_readModel.audit(filter);
    if (!read.ok()) {
        m_chainTitle->setText(ReadState::notReadText(read.error().message()));
        return;
    }
    const QList<AuditRow> &rows = read.value();
    const ServiceCalendar calendar(m_readModel.settings());
    QHash<QString, QTreeWidgetItem *> byEventId;
    for (const AuditRow &row : rows) {
        QTreeWidgetItem *item = chainItem(row, calendar);
        if (QTreeWidgetItem *cause = byEventId.value(row.causationId))
            cause->addChild(item);
        else
            m_chain->addTopLevelItem(item);
        byEventId.insert(row.eventId, item);
    }
    m_chain->expandAll();
    for (int column : {ChainEvent, ChainTime, ChainUser, ChainTerminal})
        m_chain->resizeColumnToContents(column);
    const auto readBooking = m_readModel.booking(correlationId);
    const std::optional<BookingRow> booking = readBooking.ok() ? readBooking.value() : std::nullopt;
    const QString events = rows.size() == 1 ? tr("1 event") : tr("%1 events").arg(rows.size());
    m_chainTitle->setText(
        booking ? tr("Causation chain of booking %1 (%2, %3): %4")
                      .arg(correlationId, booking->guestName, booking->tableId, events)
                : tr("Causation chain of command %1: %2").arg(correlationId, events));
}

QTreeWidgetItem *EventLogView::chainItem(const AuditRow &row, const ServiceCalendar &calendar) const
{
    auto *item = new QTreeWidgetItem;
    item->setText(ChainEvent, row.type);
    item->setToolTip(ChainEvent, EventSummary::title(row.type));
    item->setText(ChainSummary, m_filter->sentence(row));
    item->setToolTip(ChainSummary, item->text(ChainSummary));
    item->setText(ChainTime, calendar.momentText(row.created));
    item->setText(ChainUser, row.user);
    item->setText(ChainTerminal, row.terminal);
    item->setData(ChainEvent, Qt::UserRole, row.position);
    return item;
}

} // namespace hoststand::ui
