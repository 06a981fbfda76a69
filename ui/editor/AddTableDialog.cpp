#include "ui/editor/AddTableDialog.h"

#include "domain/contracts/Count.h"
#include "domain/contracts/TableId.h"
#include "ui/editor/ProblemLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

TableShape shapeForSeats(int seats)
{
    return TableLayout::forSeats(seats, u"zone"_s, 0, 0).shape;
}

} // namespace

AddTableDialog::AddTableDialog(const QStringList &usedIds, const QStringList &inServiceIds,
                               const QStringList &zones, const QString &zone, QWidget *parent)
    : QDialog(parent)
    , m_inServiceIds(inServiceIds)
    , m_id(new QLineEdit(suggestId(usedIds), this))
    , m_seats(new QSpinBox(this))
    , m_shape(new QComboBox(this))
    , m_zone(new QComboBox(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"addTableDialog"_s);
    setWindowTitle(u"Add table"_s);
    setAccessibleName(u"Add table"_s);
    m_id->setObjectName(u"tableIdEdit"_s);
    m_id->setAccessibleName(u"Table name"_s);
    m_id->setToolTip(u"1 to 32 letters, digits, - or _"_s);
    m_seats->setObjectName(u"seatsBox"_s);
    m_seats->setAccessibleName(u"Seats"_s);
    m_seats->setRange(SeatCountTag::Min, SeatCountTag::Max);
    m_seats->setValue(4);
    m_shape->setObjectName(u"shapeBox"_s);
    m_shape->setAccessibleName(u"Shape"_s);
    m_shape->addItem(u"Round"_s, int(TableShape::Round));
    m_shape->addItem(u"Square"_s, int(TableShape::Square));
    m_shape->addItem(u"Rectangle"_s, int(TableShape::Rectangle));
    m_zone->setObjectName(u"zoneBox"_s);
    m_zone->setAccessibleName(u"Zone"_s);
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItems(zones);
    m_zone->setCurrentText(zone);
    m_zone->setToolTip(u"Choose a zone, or type a new zone's name"_s);
    m_problem->setObjectName(u"addTableProblem"_s);
    m_problem->setAccessibleName(u"Problem"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(u"&Add table"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(u"Add table"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(u"Cancel"_s);

    auto *form = new QFormLayout;
    form->addRow(u"&Name:"_s, m_id);
    form->addRow(u"&Seats:"_s, m_seats);
    form->addRow(u"S&hape:"_s, m_shape);
    form->addRow(u"&Zone:"_s, m_zone);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_id, &QLineEdit::textChanged, this, &AddTableDialog::validate);
    connect(m_zone, &QComboBox::currentTextChanged, this, &AddTableDialog::validate);
    connect(m_seats, &QSpinBox::valueChanged, this, &AddTableDialog::followSeats);
    connect(m_shape, &QComboBox::activated, this, [this] { m_shapeChosen = true; });
    followSeats();
    m_id->selectAll();
}

QString AddTableDialog::suggestId(const QStringList &usedIds)
{
    static const QRegularExpression numbered(u"^(.*?)(\\d+)$"_s);
    QMap<QString, int> highest;
    QMap<QString, int> uses;
    for (const QString &id : usedIds) {
        const QRegularExpressionMatch match = numbered.match(id);
        if (!match.hasMatch())
            continue;
        const QString prefix = match.captured(1);
        highest[prefix] = std::max(highest.value(prefix), match.captured(2).toInt());
        ++uses[prefix];
    }
    if (uses.isEmpty())
        return u"T1"_s;
    const auto most = std::max_element(uses.cbegin(), uses.cend());
    QString suggestion;
    for (int next = highest.value(most.key()) + 1;
         suggestion.isEmpty() || usedIds.contains(suggestion); ++next)
        suggestion = most.key() + QString::number(next);
    return suggestion;
}

TableLayout AddTableDialog::layoutFor(int seats, TableShape shape, const QString &zone, double x,
                                      double y)
{
    TableLayout layout = TableLayout::forSeats(seats, zone, x, y);
    if (layout.shape == shape)
        return layout;
    const double side = seats <= 2 ? 70 : seats <= 4 ? 90 : std::min(60.0 + 12 * seats, 300.0);
    layout.shape = shape;
    layout.width = shape == TableShape::Rectangle ? 90 : side;
    layout.height
        = shape == TableShape::Rectangle ? std::max(80.0, 40.0 * ((seats + 1) / 2)) : side;
    return layout;
}

QString AddTableDialog::tableId() const
{
    return m_id->text().trimmed();
}

int AddTableDialog::seats() const
{
    return m_seats->value();
}

TableShape AddTableDialog::shape() const
{
    return TableShape(m_shape->currentData().toInt());
}

QString AddTableDialog::zone() const
{
    return m_zone->currentText().trimmed();
}

// Until the manager picks a shape, the shape follows the seats.
void AddTableDialog::followSeats()
{
    if (!m_shapeChosen)
        m_shape->setCurrentIndex(m_shape->findData(int(shapeForSeats(seats()))));
    validate();
}

void AddTableDialog::validate()
{
    QString problem;
    if (auto id = TableId::create(tableId()); !id.ok())
        problem = id.error().message();
    else if (m_inServiceIds.contains(tableId()))
        problem = u"There is a table %1 already; choose another name."_s.arg(tableId());
    else if (zone().isEmpty() || zone().size() > 40)
        problem = u"Choose a zone, or type a new zone's name (up to 40 characters)."_s;
    m_problem->setProblem(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace hoststand::ui
