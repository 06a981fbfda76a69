#include "ui/editor/TurnTimesEditor.h"

#include "domain/booker/RestaurantSettings.h"
#include "domain/booker/SettingsRules.h"
#include "domain/contracts/Count.h"
#include "ui/editor/TurnTimeRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

TurnTimesEditor::TurnTimesEditor(QWidget *parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
    , m_larger(new QSpinBox(this))
    , m_add(new QPushButton(u"Add party &size"_s, this))
{
    setObjectName(u"turnTimesEditor"_s);
    m_larger->setObjectName(u"largerPartyMinutes"_s);
    m_larger->setAccessibleName(u"Turn time for larger parties"_s);
    m_larger->setRange(booker::RestaurantSettings::MinTurnMinutes,
                       booker::RestaurantSettings::MaxTurnMinutes);
    m_larger->setSingleStep(15);
    m_larger->setSuffix(u" min"_s);
    m_add->setObjectName(u"addTurnTime"_s);
    m_add->setAccessibleName(u"Add party size"_s);

    auto *larger = new QHBoxLayout;
    larger->addWidget(new QLabel(u"Larger parties keep their table"_s, this));
    larger->addWidget(m_larger);
    larger->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    layout->addLayout(larger);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_larger, &QSpinBox::valueChanged, this, &TurnTimesEditor::changed);
    connect(m_add, &QPushButton::clicked, this, &TurnTimesEditor::addTurnTime);
}

void TurnTimesEditor::setTurnTimes(const QList<TurnTime> &turnTimes, int largerPartyMinutes)
{
    for (TurnTimeRow *row : std::as_const(m_rows)) {
        row->hide();
        row->deleteLater();
    }
    m_rows.clear();
    for (const TurnTime &turnTime : turnTimes)
        addRow(turnTime);
    const QSignalBlocker blocker(m_larger);
    m_larger->setValue(largerPartyMinutes);
    refreshProblems();
}

QList<TurnTime> TurnTimesEditor::turnTimes() const
{
    QList<TurnTime> turnTimes;
    for (const TurnTimeRow *row : m_rows)
        turnTimes.append(row->turnTime());
    std::sort(turnTimes.begin(), turnTimes.end(),
              [](const TurnTime &a, const TurnTime &b) { return a.maxPartySize < b.maxPartySize; });
    return turnTimes;
}

int TurnTimesEditor::largerPartyMinutes() const
{
    return m_larger->value();
}

int TurnTimesEditor::problemCount() const
{
    QList<TurnTime> turnTimes;
    for (const TurnTimeRow *row : m_rows)
        turnTimes.append(row->turnTime());
    const QStringList problems = booker::SettingsRules::turnTimeProblems(turnTimes);
    return int(std::count_if(problems.cbegin(), problems.cend(),
                             [](const QString &problem) { return !problem.isEmpty(); }));
}

bool TurnTimesEditor::isValid() const
{
    return problemCount() == 0;
}

void TurnTimesEditor::addRow(const TurnTime &turnTime)
{
    auto *row = new TurnTimeRow(turnTime, this);
    m_rowsLayout->addWidget(row);
    m_rows.append(row);
    connect(row, &TurnTimeRow::changed, this, [this] {
        refreshProblems();
        Q_EMIT changed();
    });
    connect(row, &TurnTimeRow::removeRequested, this, [this, row] { removeRow(row); });
}

void TurnTimesEditor::removeRow(TurnTimeRow *row)
{
    m_rows.removeOne(row);
    row->hide();
    row->deleteLater();
    refreshProblems();
    Q_EMIT changed();
}

// The next size up from the largest one there is.
void TurnTimesEditor::addTurnTime()
{
    const QList<TurnTime> present = turnTimes();
    TurnTime turnTime {2, 90};
    if (!present.isEmpty())
        turnTime = {std::min(present.constLast().maxPartySize + 2, int(PartySizeTag::Max)),
                    std::min(present.constLast().minutes + 15,
                             int(booker::RestaurantSettings::MaxTurnMinutes))};
    addRow(turnTime);
    refreshProblems();
    m_rows.constLast()->partyBox()->setFocus(Qt::OtherFocusReason);
    Q_EMIT changed();
}

void TurnTimesEditor::refreshProblems()
{
    QList<TurnTime> turnTimes;
    for (const TurnTimeRow *row : std::as_const(m_rows))
        turnTimes.append(row->turnTime());
    const QStringList problems = booker::SettingsRules::turnTimeProblems(turnTimes);
    for (qsizetype index = 0; index < m_rows.size(); ++index)
        m_rows.at(index)->setProblem(problems.value(index));
}

} // namespace hoststand::ui
