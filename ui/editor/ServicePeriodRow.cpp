#include "ui/editor/ServicePeriodRow.h"

#include "ui/editor/ProblemLabel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimeEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

ServicePeriodRow::ServicePeriodRow(const ServicePeriod &period, QWidget *parent)
    : QWidget(parent)
    , m_weekday(period.weekday)
    , m_name(new QLineEdit(period.name, this))
    , m_start(makeTimeEdit(period.start))
    , m_end(makeTimeEdit(period.end))
    , m_remove(new QToolButton(this))
    , m_problem(new ProblemLabel(this))
{
    setObjectName(u"servicePeriodRow"_s);
    m_name->setObjectName(u"periodName"_s);
    m_name->setToolTip(u"The service's name, for example lunch or dinner"_s);
    m_start->setObjectName(u"periodStart"_s);
    m_end->setObjectName(u"periodEnd"_s);
    m_remove->setObjectName(u"removePeriod"_s);
    m_remove->setText(u"Remove"_s);
    m_remove->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_problem->setObjectName(u"periodProblem"_s);
    nameAccessibly();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_name, 0, 0);
    layout->addWidget(new QLabel(u"from"_s, this), 0, 1);
    layout->addWidget(m_start, 0, 2);
    layout->addWidget(new QLabel(u"to"_s, this), 0, 3);
    layout->addWidget(m_end, 0, 4);
    layout->addWidget(m_remove, 0, 5);
    layout->addWidget(m_problem, 1, 0, 1, 7);
    layout->setColumnStretch(6, 1);
    m_name->setMinimumWidth(fontMetrics().averageCharWidth() * 18);

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        nameAccessibly();
        Q_EMIT changed();
    });
    connect(m_start, &QTimeEdit::timeChanged, this, &ServicePeriodRow::changed);
    connect(m_end, &QTimeEdit::timeChanged, this, &ServicePeriodRow::changed);
    connect(m_remove, &QToolButton::clicked, this, &ServicePeriodRow::removeRequested);
}

QTimeEdit *ServicePeriodRow::makeTimeEdit(const QTime &time)
{
    auto *edit = new QTimeEdit(time, this);
    edit->setDisplayFormat(u"HH:mm"_s);
    edit->setKeyboardTracking(true);
    return edit;
}

// A screen reader says which period each field belongs to.
void ServicePeriodRow::nameAccessibly()
{
    const QString name
        = m_name->text().trimmed().isEmpty() ? u"period"_s : m_name->text().trimmed();
    m_name->setAccessibleName(u"Name of the %1"_s.arg(name));
    m_start->setAccessibleName(u"Start of %1"_s.arg(name));
    m_end->setAccessibleName(u"End of %1"_s.arg(name));
    m_remove->setAccessibleName(u"Remove %1"_s.arg(name));
    m_problem->setAccessibleName(u"Problem with %1"_s.arg(name));
}

ServicePeriod ServicePeriodRow::period() const
{
    return {m_weekday, m_name->text().trimmed(), m_start->time(), m_end->time()};
}

void ServicePeriodRow::setProblem(const QString &problem)
{
    m_problem->setProblem(problem);
}

QString ServicePeriodRow::problem() const
{
    return m_problem->text();
}

} // namespace hoststand::ui
