#pragma once

#include "ui/common/ServiceCalendar.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace hoststand::ui {

class FloorPlanModel;
class FloorPlanScene;
class FloorPlanView;

// The floor plan tab: the room with each table's state at the chosen
// moment (now, or a slot of the day), and beside it the picked table with
// who holds it and who comes next, and the two things a host does with a
// table: book it, or seat a walk-in at it (also by double-clicking it).
class FloorPlanPage final : public QWidget
{
    Q_OBJECT

public:
    explicit FloorPlanPage(FloorPlanModel &model, QWidget *parent = nullptr);

    FloorPlanView *view() const { return m_view; }
    FloorPlanScene *scene() const { return m_scene; }
    QString selectedTableId() const;
    void selectTable(const QString &tableId);

    // The day shown: its slots to choose from, "now" only when it is today.
    void setDay(const ServiceCalendar &calendar, const QDate &date, const QDateTime &now);
    // Moves "now" on; the plan follows when it shows now.
    void setNow(const QDateTime &now);
    QDateTime moment() const;
    QComboBox *momentBox() const { return m_moment; }
    QPushButton *walkInButton() const { return m_walkIn; }
    QPushButton *bookButton() const { return m_book; }

Q_SIGNALS:
    void bookTableRequested(const QString &tableId);
    void walkInRequested(const QString &tableId);
    void selectedTableChanged(const QString &tableId);

private:
    void applyMoment();
    void showDetails();

    FloorPlanModel &m_model;
    FloorPlanScene *m_scene;
    FloorPlanView *m_view;
    QComboBox *m_moment;
    QLabel *m_title;
    QLabel *m_details;
    QPushButton *m_book;
    QPushButton *m_walkIn;
    QDateTime m_now;
    ServiceCalendar m_calendar;
};

} // namespace hoststand::ui
