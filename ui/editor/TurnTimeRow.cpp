#include "ui/editor/TurnTimeRow.h"

#include "domain/booker/RestaurantSettings.h"
#include "domain/contracts/Count.h"
#include "ui/editor/ProblemLabel.h"

#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

TurnTimeRow::TurnTimeRow(const TurnTime &turnTime, QWidget *parent)
    : QWidget(parent)
    , m_party(new QSpinBox(this))
    , m_minutes(new QSpinBox(this))
    , m_remove(new QToolButton(this))
    , m_problem(new ProblemLabel(this))
{
    setObjectName(u"turnTimeRow"_s);
    m_party->setObjectName(u"turnParty"_s);
    m_party->setRange(PartySizeTag::Min, PartySizeTag::Max);
    m_party->setValue(turnTime.maxPartySize);
    m_party->setSuffix(u" guests"_s);
    m_minutes->setObjectName(u"turnMinutes"_s);
    m_minutes->setRange(booker::RestaurantSettings::MinTurnMinutes,
                        booker::RestaurantSettings::MaxTurnMinutes);
    m_minutes->setSingleStep(15);
    m_minutes->setValue(turnTime.minutes);
    m_minutes->setSuffix(u" min"_s);
    m_remove->setObjectName(u"removeTurnTime"_s);
    m_remove->setText(u"Remove"_s);
    m_problem->setObjectName(u"turnTimeProblem"_s);
    nameAccessibly();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(u"Parties up to"_s, this), 0, 0);
    layout->addWidget(m_party, 0, 1);
    layout->addWidget(new QLabel(u"keep their table"_s, this), 0, 2);
    layout->addWidget(m_minutes, 0, 3);
    layout->addWidget(m_remove, 0, 4);
    layout->addWidget(m_problem, 1, 0, 1, 5);
    layout->setColumnStretch(5, 1);

    connect(m_party, &QSpinBox::valueChanged, this, [this] {
        nameAccessibly();
        Q_EMIT changed();
    });
    connect(m_minutes, &QSpinBox::valueChanged, this, &TurnTimeRow::changed);
    connect(m_remove, &QToolButton::clicked, this, &TurnTimeRow::removeRequested);
}

void TurnTimeRow::nameAccessibly()
{
    const int party = m_party->value();
    m_party->setAccessibleName(u"Largest party of this turn time (now %1)"_s.arg(party));
    m_minutes->setAccessibleName(u"Turn time for parties up to %1"_s.arg(party));
    m_remove->setAccessibleName(u"Remove the turn time for parties up to %1"_s.arg(party));
    m_problem->setAccessibleName(u"Problem with the turn time for parties up to %1"_s.arg(party));
}

TurnTime TurnTimeRow::turnTime() const
{
    return {m_party->value(), m_minutes->value()};
}

void TurnTimeRow::setProblem(const QString &problem)
{
    m_problem->setProblem(problem);
}

QString TurnTimeRow::problem() const
{
    return m_problem->text();
}

} // namespace hoststand::ui
