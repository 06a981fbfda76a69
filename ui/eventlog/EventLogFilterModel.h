#pragma once

#include "ui/eventlog/EventSummary.h"

#include <QHash>
#include <QSortFilterProxyModel>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// What the event log view shows of the events the EventLogModel has loaded:
// those of one table (its own stream and its bookings' events), of one
// booking (by the start of its id), or containing a text; the summary
// column in words (EventSummary), in the model's order, newest first.
// While it narrows, it fetches no older pages of its own accord: a narrow
// search would otherwise read page after page to fill the screen.
class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilterModel(ReadModel &readModel, QObject *parent = nullptr);

    // Empty: no narrowing by that.
    void setTable(const QString &tableId);
    void setBooking(const QString &bookingIdStart);
    void setText(const QString &text);
    // Whether a table, booking or text leaves out some of the loaded events.
    bool isNarrowing() const;

    // The sentence of an event row of the source model.
    QString summaryOf(const QModelIndex &sourceIndex) const;
    // The sentence of any audit row, as the summary column says it.
    QString sentence(const AuditRow &row) const { return m_summary.summarize(row); }
    // The table an event concerns, from its stream or its data.
    QString tableOf(const QModelIndex &sourceIndex) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refreshSummaries();
    bool matchesText(const QModelIndex &sourceIndex) const;
    QString guestOf(const QString &bookingId) const;

    ReadModel &m_readModel;
    EventSummary m_summary;
    QString m_table;
    QString m_booking;
    QString m_text;
    // By position: an event never changes, nor does a booking's guest.
    mutable QHash<qint64, QString> m_summaries;
    mutable QHash<QString, QString> m_guests;
};

} // namespace hoststand::ui
