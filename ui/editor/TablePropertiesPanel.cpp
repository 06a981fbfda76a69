#include "ui/editor/TablePropertiesPanel.h"

#include "domain/contracts/Count.h"
#include "ui/common/PaletteIconEngine.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

constexpr int PositionLimit = 10000; // centimetres: a room of a hundred metres

void setValue(QSpinBox *box, double value)
{
    const QSignalBlocker blocker(box);
    box->setValue(int(std::lround(value)));
}

} // namespace

TablePropertiesPanel::TablePropertiesPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_zone(new QComboBox(this))
    , m_shape(new QComboBox(this))
    , m_seats(makeSpinBox(u"Seats"_s, SeatCountTag::Min, SeatCountTag::Max, QString()))
    , m_width(
          makeSpinBox(u"Width"_s, int(TableLayout::MinSize), int(TableLayout::MaxSize), u" cm"_s))
    , m_depth(
          makeSpinBox(u"Depth"_s, int(TableLayout::MinSize), int(TableLayout::MaxSize), u" cm"_s))
    , m_rotation(makeSpinBox(u"Rotation"_s, 0, 359, u"°"_s))
    , m_x(makeSpinBox(u"From left"_s, -PositionLimit, PositionLimit, u" cm"_s))
    , m_y(makeSpinBox(u"From top"_s, -PositionLimit, PositionLimit, u" cm"_s))
    , m_bookings(new QLabel(this))
    , m_remove(
          new QPushButton(PaletteIconEngine::icon(u"remove-table"_s), u"&Remove table"_s, this))
    , m_fields(new QWidget(this))
{
    setObjectName(u"tableProperties"_s);
    setAccessibleName(u"Table properties"_s);
    buildForm();
    showTable(std::nullopt, QString());
}

QSpinBox *TablePropertiesPanel::makeSpinBox(const QString &name, int minimum, int maximum,
                                            const QString &suffix)
{
    auto *box = new QSpinBox(this);
    box->setObjectName(name.toLower().remove(u' ') + u"Box"_s);
    box->setAccessibleName(name);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    box->setAccelerated(true);
    return box;
}

void TablePropertiesPanel::buildForm()
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(u"Picked table"_s);
    m_title->setWordWrap(true);

    m_zone->setObjectName(u"zoneBox"_s);
    m_zone->setAccessibleName(u"Zone"_s);
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->setToolTip(u"Choose a zone, or type a new zone's name and press Enter"_s);
    m_shape->setObjectName(u"shapeBox"_s);
    m_shape->setAccessibleName(u"Shape"_s);
    m_shape->addItem(u"Round"_s, int(TableShape::Round));
    m_shape->addItem(u"Square"_s, int(TableShape::Square));
    m_shape->addItem(u"Rectangle"_s, int(TableShape::Rectangle));
    m_rotation->setWrapping(true);
    m_rotation->setSingleStep(15);
    m_width->setSingleStep(10);
    m_depth->setSingleStep(10);
    m_x->setSingleStep(10);
    m_y->setSingleStep(10);
    m_bookings->setObjectName(u"tableBookings"_s);
    m_bookings->setAccessibleName(u"Bookings of the table"_s);
    m_bookings->setWordWrap(true);
    m_remove->setObjectName(u"removeTableButton"_s);
    m_remove->setAccessibleName(u"Remove table"_s);
    m_remove->setToolTip(u"Remove the picked table (Delete)"_s);

    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(u"&Zone:"_s, m_zone);
    form->addRow(u"S&hape:"_s, m_shape);
    form->addRow(u"&Seats:"_s, m_seats);
    form->addRow(u"&Width:"_s, m_width);
    form->addRow(u"&Depth:"_s, m_depth);
    form->addRow(u"R&otation:"_s, m_rotation);
    form->addRow(u"From &left:"_s, m_x);
    form->addRow(u"From &top:"_s, m_y);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_fields);
    layout->addWidget(m_bookings);
    layout->addWidget(m_remove);
    layout->addStretch();

    for (QSpinBox *box : {m_width, m_depth, m_rotation, m_x, m_y})
        connect(box, &QSpinBox::editingFinished, this, &TablePropertiesPanel::commitLayout);
    connect(m_seats, &QSpinBox::editingFinished, this, &TablePropertiesPanel::commitSeats);
    connect(m_shape, &QComboBox::activated, this, &TablePropertiesPanel::commitLayout);
    connect(m_zone, &QComboBox::activated, this, &TablePropertiesPanel::commitLayout);
    connect(m_zone->lineEdit(), &QLineEdit::editingFinished, this,
            &TablePropertiesPanel::commitLayout);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table)
            Q_EMIT removeRequested(m_table->id);
    });
}

void TablePropertiesPanel::setZones(const QStringList &zones)
{
    const QSignalBlocker blocker(m_zone);
    const QString shown = m_zone->currentText();
    m_zone->clear();
    m_zone->addItems(zones);
    m_zone->setCurrentText(shown);
}

void TablePropertiesPanel::showTable(const std::optional<TableRow> &table,
                                     const QString &bookingsNote)
{
    const std::optional<TableRow> before = std::exchange(m_table, table);
    m_fields->setVisible(table.has_value());
    m_remove->setVisible(table.has_value());
    m_bookings->setText(bookingsNote);
    m_bookings->setVisible(!bookingsNote.isEmpty());
    if (!table) {
        m_title->setText(u"No table picked"_s);
        m_bookings->setText(bookingsNote
                            + u"\n\nClick a table on the plan to change it, or add "
                              "one (Ctrl+N)."_s);
        m_bookings->show();
        return;
    }
    m_title->setText(u"Table %1"_s.arg(table->id));
    showFields(before && before->id == table->id ? &*before : nullptr);
}

void TablePropertiesPanel::resetFields()
{
    if (m_table)
        showFields(nullptr);
}

// Only the fields whose value changed since before are shown afresh, so
// that a field the manager is typing in keeps what was typed while other
// tables and bookings change; without before, all of them are.
void TablePropertiesPanel::showFields(const TableRow *before)
{
    const TableLayout &now = m_table->layout;
    const TableLayout *was = before ? &before->layout : nullptr;
    if (!was || was->zone != now.zone) {
        const QSignalBlocker blocker(m_zone);
        m_zone->setCurrentText(now.zone);
    }
    if (!was || was->shape != now.shape) {
        const QSignalBlocker blocker(m_shape);
        m_shape->setCurrentIndex(m_shape->findData(int(now.shape)));
    }
    if (!before || before->seats != m_table->seats)
        setValue(m_seats, m_table->seats);
    if (!was || was->width != now.width)
        setValue(m_width, now.width);
    if (!was || was->height != now.height)
        setValue(m_depth, now.height);
    if (!was || was->rotation != now.rotation)
        setValue(m_rotation, now.rotation);
    if (!was || was->x != now.x)
        setValue(m_x, now.x);
    if (!was || was->y != now.y)
        setValue(m_y, now.y);
}

TableLayout TablePropertiesPanel::editedLayout() const
{
    TableLayout layout = m_table->layout;
    layout.zone = m_zone->currentText().trimmed();
    layout.shape = TableShape(m_shape->currentData().toInt());
    // A field left as it was keeps the table's exact value (it may lie
    // between whole centimetres).
    auto edited = [](const QSpinBox *box, double was) {
        return box->value() == int(std::lround(was)) ? was : double(box->value());
    };
    layout.width = edited(m_width, layout.width);
    layout.height = edited(m_depth, layout.height);
    layout.rotation = edited(m_rotation, layout.rotation);
    layout.x = edited(m_x, layout.x);
    layout.y = edited(m_y, layout.y);
    return layout;
}

void TablePropertiesPanel::commitLayout()
{
    if (!m_table)
        return;
    const TableLayout layout = editedLayout();
    if (layout.zone.isEmpty()) {
        const QSignalBlocker blocker(m_zone);
        m_zone->setCurrentText(m_table->layout.zone);
        return;
    }
    if (layout != m_table->layout)
        Q_EMIT layoutEdited(m_table->id, m_table->layout, layout);
}

void TablePropertiesPanel::commitSeats()
{
    if (m_table && m_seats->value() != m_table->seats)
        Q_EMIT seatsEdited(m_table->id, m_seats->value());
}

} // namespace hoststand::ui
