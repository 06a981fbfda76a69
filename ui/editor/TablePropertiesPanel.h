#pragma once

#include "readmodel/ReadModelRows.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace hoststand::ui {

// The picked table as a form: zone, shape, seats, size, rotation and
// position. Each field is one edit once the manager has finished with it
// (Enter, leaving the field, choosing from a list); the panel only asks,
// and shows the table as the read model has it again when it changes.
class TablePropertiesPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit TablePropertiesPanel(QWidget *parent = nullptr);

    // The note says what holds the table; with nothing picked, the form
    // gives way to the note (the floor's summary) and how to pick a table.
    void showTable(const std::optional<TableRow> &table, const QString &note);
    // Shows the table as it is again in every field, dropping what was
    // typed (after a refusal).
    void resetFields();
    void setZones(const QStringList &zones);
    QString tableId() const { return m_table ? m_table->id : QString(); }

    QComboBox *zoneBox() const { return m_zone; }
    QComboBox *shapeBox() const { return m_shape; }
    QSpinBox *seatsBox() const { return m_seats; }
    QSpinBox *widthBox() const { return m_width; }
    QSpinBox *depthBox() const { return m_depth; }
    QSpinBox *rotationBox() const { return m_rotation; }
    QSpinBox *xBox() const { return m_x; }
    QSpinBox *yBox() const { return m_y; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    // shown: the layout the form showed; edited: with the manager's change.
    void layoutEdited(const QString &tableId, const TableLayout &shown, const TableLayout &edited);
    void seatsEdited(const QString &tableId, int seats);
    void removeRequested(const QString &tableId);

private:
    QSpinBox *makeSpinBox(const QString &name, int minimum, int maximum, const QString &suffix);
    void buildForm();
    void showFields(const TableRow *before);
    void commitLayout();
    void commitSeats();
    TableLayout editedLayout() const;

    std::optional<TableRow> m_table;
    QLabel *m_title;
    QComboBox *m_zone;
    QComboBox *m_shape;
    QSpinBox *m_seats;
    QSpinBox *m_width;
    QSpinBox *m_depth;
    QSpinBox *m_rotation;
    QSpinBox *m_x;
    QSpinBox *m_y;
    QLabel *m_bookings;
    QPushButton *m_remove;
    QWidget *m_fields;
};

} // namespace hoststand::ui
