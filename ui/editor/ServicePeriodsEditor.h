#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QList>
#include <QMap>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace hoststand::ui {

class ServicePeriodRow;

// The service periods of the week: the weekdays in a list, each with a
// summary of its services (and a warning when one is wrong), and the
// periods of the chosen day as rows to edit, add and remove. Checked as
// the manager types (booker::SettingsRules); nothing is saved here.
class ServicePeriodsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit ServicePeriodsEditor(QWidget *parent = nullptr);

    void setPeriods(const QList<ServicePeriod> &periods);
    // Every weekday's periods, by weekday and start, names trimmed.
    QList<ServicePeriod> periods() const;
    QList<ServicePeriod> periodsOn(int weekday) const { return m_draft.value(weekday); }
    bool isValid() const;
    int problemCount() const;

    int weekday() const { return m_weekday; }
    void showWeekday(int weekday);
    QListWidget *weekdayList() const { return m_days; }
    QList<ServicePeriodRow *> rows() const { return m_rows; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *copyButton() const { return m_copy; }

Q_SIGNALS:
    void changed();

private:
    void rebuildRows();
    void addRow(const ServicePeriod &period);
    void takeRows();
    void addPeriod();
    void copyToEveryDay();
    void refreshProblems();
    QString summaryOf(int weekday) const;

    QMap<int, QList<ServicePeriod>> m_draft;
    int m_weekday = 1;
    QListWidget *m_days;
    QLabel *m_dayTitle;
    QVBoxLayout *m_rowsLayout;
    QList<ServicePeriodRow *> m_rows;
    QLabel *m_noService;
    QPushButton *m_add;
    QPushButton *m_copy;
};

} // namespace hoststand::ui
