#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace hoststand {
class ReadModel;
struct AuditRow;
} // namespace hoststand

namespace hoststand::ui {

class EventLogFilterModel;
class EventLogModel;
class ServiceCalendar;

// The audit trail as the manager reads it: every event with its time, who
// wrote it from which terminal, its type and a sentence, newest first;
// narrowed by table, event type, booking and text. Selecting an event
// shows its booking's causation chain below: every event with the same
// correlation id, each under the event that caused it.
//
// It opens on the newest page of events and loads older ones as the table
// is scrolled to its end. An event type or a whole booking id is asked of
// the read model, so it finds events of any age; a table, the start of a
// booking id or a text narrows the events loaded, and "Load older events"
// brings the page before them.
class EventLogView final : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogView(ReadModel &readModel, QWidget *parent = nullptr);
    ~EventLogView() override;

    // Narrows the log to one booking and shows its chain.
    void showBooking(const QString &bookingId);
    // Selects the newest event of a type and shows its chain, loading the
    // pages down to it; false when the log shows none.
    bool selectNewest(const QString &type);

    QTableView *table() const { return m_table; }
    EventLogModel *model() const { return m_model; }
    QTreeWidget *chain() const { return m_chain; }
    QComboBox *tableFilter() const { return m_tableFilter; }
    QComboBox *typeFilter() const { return m_typeFilter; }
    QLineEdit *bookingFilter() const { return m_bookingFilter; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QPushButton *loadOlderButton() const { return m_loadOlder; }
    QLabel *countLabel() const { return m_count; }
    EventLogFilterModel *filterModel() const { return m_filter; }
    // The correlation id whose chain is shown; empty when none is.
    const QString &chainCorrelation() const { return m_chainCorrelation; }

private:
    QWidget *buildFilterBar();
    QWidget *buildChainPane();
    void fillTables();
    void fillTypes();
    void setType(const QString &type);
    void setBooking(const QString &text);
    void loadOlder();
    void updateCount();
    void onCurrentRowChanged(const QModelIndex &current);
    void showChain(const QString &correlationId);
    QTreeWidgetItem *chainItem(const AuditRow &row, const ServiceCalendar &calendar) const;

    ReadModel &m_readModel;
    EventLogModel *m_model = nullptr;
    EventLogFilterModel *m_filter = nullptr;
    QComboBox *m_tableFilter = nullptr;
    bool m_tablesStale = false; // the table filter is filled again at the next turn
    QComboBox *m_typeFilter = nullptr;
    QLineEdit *m_bookingFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_loadOlder = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_chainTitle = nullptr;
    QTreeWidget *m_chain = nullptr;
    QString m_chainCorrelation;
};

} // namespace hoststand::ui
