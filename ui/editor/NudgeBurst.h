#pragma once

#include <QObject>
#include <QPointF>
#include <QString>
#include <QTimer>

#include <chrono>

namespace hoststand::ui {

// Arrow-key nudges of one table are coalesced: the table follows every
// press on screen, and once the keys have rested for Pause (or before any
// other edit, or when another table is nudged) the whole burst lands as
// one move, so the event log and the undo stack see one step, not twenty.
class NudgeBurst final : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds Pause {600};

    explicit NudgeBurst(QObject *parent = nullptr);

    // Starts a burst at from, or goes on with the one of this table;
    // returns where the table stands now.
    QPointF nudge(const QString &tableId, const QPointF &from, const QPointF &to);
    bool isActive() const { return !m_tableId.isEmpty(); }
    const QString &tableId() const { return m_tableId; }
    // Where the burst started and where it stands now.
    QPointF start() const { return m_start; }
    QPointF position() const { return m_position; }

    // Lands the burst now, if there is one.
    void land();

Q_SIGNALS:
    void landed(const QString &tableId, const QPointF &start, const QPointF &position);

private:
    QTimer m_pause;
    QString m_tableId;
    QPointF m_start;
    QPointF m_position;
};

} // namespace hoststand::ui
