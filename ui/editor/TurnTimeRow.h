#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QWidget>

class QSpinBox;
class QToolButton;

namespace hoststand::ui {

class ProblemLabel;

// One turn time in the settings form: "parties up to 4 guests keep their
// table 105 minutes", a button that removes it, and what is wrong with it.
class TurnTimeRow final : public QWidget
{
    Q_OBJECT

public:
    explicit TurnTimeRow(const TurnTime &turnTime, QWidget *parent = nullptr);

    TurnTime turnTime() const;
    void setProblem(const QString &problem);
    QString problem() const;

    QSpinBox *partyBox() const { return m_party; }
    QSpinBox *minutesBox() const { return m_minutes; }
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void changed();
    void removeRequested();

private:
    void nameAccessibly();

    QSpinBox *m_party;
    QSpinBox *m_minutes;
    QToolButton *m_remove;
    ProblemLabel *m_problem;
};

} // namespace hoststand::ui
