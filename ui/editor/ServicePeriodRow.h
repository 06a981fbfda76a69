#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QWidget>

class QLineEdit;
class QTimeEdit;
class QToolButton;

namespace hoststand::ui {

class ProblemLabel;

// One service period of a weekday in the settings form: its name, start
// and end, a button that removes it, and under them what is wrong with it.
class ServicePeriodRow final : public QWidget
{
    Q_OBJECT

public:
    explicit ServicePeriodRow(const ServicePeriod &period, QWidget *parent = nullptr);

    ServicePeriod period() const;
    // Shown under the row; empty hides it.
    void setProblem(const QString &problem);
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QTimeEdit *startEdit() const { return m_start; }
    QTimeEdit *endEdit() const { return m_end; }
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void changed();
    void removeRequested();

private:
    QTimeEdit *makeTimeEdit(const QTime &time);
    void nameAccessibly();

    int m_weekday;
    QLineEdit *m_name;
    QTimeEdit *m_start;
    QTimeEdit *m_end;
    QToolButton *m_remove;
    ProblemLabel *m_problem;
};

} // namespace hoststand::ui
