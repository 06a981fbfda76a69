#pragma once

#include "domain/contracts/TableLayout.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace hoststand::ui {

class ProblemLabel;

// Asks for a new table: its id (the next free one suggested), its seats,
// shape and zone. Says what is wrong beside the field before anything is
// sent, and sizes the table for its seats and shape.
class AddTableDialog final : public QDialog
{
    Q_OBJECT

public:
    // usedIds: every table ever added, removed ones too, so that the
    // suggestion never takes a removed table's id and history.
    AddTableDialog(const QStringList &usedIds, const QStringList &inServiceIds,
                   const QStringList &zones, const QString &zone, QWidget *parent = nullptr);

    // "T27" after T1 … T26: the most used prefix, one past its highest number.
    static QString suggestId(const QStringList &usedIds);
    // A sensible size for the seats and shape, centred on x and y.
    static TableLayout layoutFor(int seats, TableShape shape, const QString &zone, double x,
                                 double y);

    QString tableId() const;
    int seats() const;
    TableShape shape() const;
    QString zone() const;

    QLineEdit *idEdit() const { return m_id; }
    QSpinBox *seatsBox() const { return m_seats; }
    QComboBox *shapeBox() const { return m_shape; }
    QComboBox *zoneBox() const { return m_zone; }
    ProblemLabel *problemLabel() const { return m_problem; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void validate();
    void followSeats();

    QStringList m_inServiceIds;
    QLineEdit *m_id;
    QSpinBox *m_seats;
    QComboBox *m_shape;
    QComboBox *m_zone;
    ProblemLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_shapeChosen = false;
};

} // namespace hoststand::ui
