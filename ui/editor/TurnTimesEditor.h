#pragma once

#include "domain/contracts/ServicePeriod.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace hoststand::ui {

class TurnTimeRow;

// How long a party keeps its table by its size: a row per size, and the
// time for parties larger than all of them. Checked as the manager types.
class TurnTimesEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit TurnTimesEditor(QWidget *parent = nullptr);

    void setTurnTimes(const QList<TurnTime> &turnTimes, int largerPartyMinutes);
    // By ascending party size, as the booker wants them.
    QList<TurnTime> turnTimes() const;
    int largerPartyMinutes() const;
    bool isValid() const;
    int problemCount() const;

    QList<TurnTimeRow *> rows() const { return m_rows; }
    QSpinBox *largerPartyBox() const { return m_larger; }
    QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    void changed();

private:
    void addRow(const TurnTime &turnTime);
    void removeRow(TurnTimeRow *row);
    void addTurnTime();
    void refreshProblems();

    QVBoxLayout *m_rowsLayout;
    QList<TurnTimeRow *> m_rows;
    QSpinBox *m_larger;
    QPushButton *m_add;
};

} // namespace hoststand::ui
