#include "ui/editor/ServicePeriodsEditor.h"

#include "domain/booker/SettingsRules.h"
#include "ui/editor/ServicePeriodRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

QString dayName(int weekday)
{
    return QLocale::c().dayName(weekday);
}

QString hhmm(const QTime &time)
{
    return time.toString(u"HH:mm"_s);
}

} // namespace

ServicePeriodsEditor::ServicePeriodsEditor(QWidget *parent)
    : QWidget(parent)
    , m_days(new QListWidget(this))
    , m_dayTitle(new QLabel(this))
    , m_rowsLayout(new QVBoxLayout)
    , m_noService(new QLabel(u"No service on this day: the restaurant is closed."_s, this))
    , m_add(new QPushButton(u"Add &period"_s, this))
    , m_copy(new QPushButton(u"Use these periods on &every day"_s, this))
{
    setObjectName(u"servicePeriodsEditor"_s);
    m_days->setObjectName(u"weekdayList"_s);
    m_days->setAccessibleName(u"Weekdays"_s);
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday)
        m_days->addItem(dayName(weekday));
    // Wide enough for a day of two services, tall enough for the week.
    m_days->setFixedWidth(
        fontMetrics().horizontalAdvance(u"lunch 12:00–14:30, dinner 18:30–22:30, late"_s)
        + 2 * m_days->frameWidth() + fontMetrics().averageCharWidth() * 2);
    m_days->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_days->setTextElideMode(Qt::ElideRight);
    m_days->setSpacing(2);
    m_days->setMinimumHeight(7 * (2 * fontMetrics().lineSpacing() + 6) + 2 * m_days->frameWidth());
    QFont bold = m_dayTitle->font();
    bold.setBold(true);
    m_dayTitle->setFont(bold);
    m_noService->setObjectName(u"noService"_s);
    m_add->setObjectName(u"addPeriod"_s);
    m_add->setAccessibleName(u"Add period"_s);
    m_copy->setObjectName(u"copyPeriods"_s);
    m_copy->setAccessibleName(u"Use these periods on every day"_s);

    auto *dayColumn = new QVBoxLayout;
    dayColumn->addWidget(m_dayTitle);
    dayColumn->addLayout(m_rowsLayout);
    dayColumn->addWidget(m_noService);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_copy);
    buttons->addStretch();
    dayColumn->addLayout(buttons);
    dayColumn->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_days);
    layout->addLayout(dayColumn, 1);

    connect(m_days, &QListWidget::currentRowChanged, this,
            [this](int row) { showWeekday(row + 1); });
    connect(m_add, &QPushButton::clicked, this, &ServicePeriodsEditor::addPeriod);
    connect(m_copy, &QPushButton::clicked, this, &ServicePeriodsEditor::copyToEveryDay);
    m_days->setCurrentRow(0);
}

void ServicePeriodsEditor::setPeriods(const QList<ServicePeriod> &periods)
{
    m_draft.clear();
    for (const ServicePeriod &period : periods)
        m_draft[period.weekday].append(period);
    rebuildRows();
}

QList<ServicePeriod> ServicePeriodsEditor::periods() const
{
    QList<ServicePeriod> all;
    for (const QList<ServicePeriod> &day : m_draft)
        all.append(day);
    for (ServicePeriod &period : all)
        period.name = period.name.trimmed();
    std::sort(all.begin(), all.end(), [](const ServicePeriod &a, const ServicePeriod &b) {
        return a.weekday != b.weekday ? a.weekday < b.weekday : a.start < b.start;
    });
    return all;
}

int ServicePeriodsEditor::problemCount() const
{
    int count = 0;
    for (const QList<ServicePeriod> &day : m_draft) {
        const QStringList problems = booker::SettingsRules::periodProblems(day);
        count += int(std::count_if(problems.cbegin(), problems.cend(),
                                   [](const QString &problem) { return !problem.isEmpty(); }));
    }
    return count;
}

bool ServicePeriodsEditor::isValid() const
{
    return problemCount() == 0;
}

void ServicePeriodsEditor::showWeekday(int weekday)
{
    if (weekday < Qt::Monday || weekday > Qt::Sunday)
        return;
    m_weekday = weekday;
    if (m_days->currentRow() != weekday - 1)
        m_days->setCurrentRow(weekday - 1);
    rebuildRows();
}

void ServicePeriodsEditor::takeRows()
{
    for (ServicePeriodRow *row : std::as_const(m_rows)) {
        row->hide();
        row->deleteLater();
    }
    m_rows.clear();
}

void ServicePeriodsEditor::rebuildRows()
{
    takeRows();
    m_dayTitle->setText(u"Service on %1"_s.arg(dayName(m_weekday)));
    for (const ServicePeriod &period : m_draft.value(m_weekday))
        addRow(period);
    refreshProblems();
}

void ServicePeriodsEditor::addRow(const ServicePeriod &period)
{
    auto *row = new ServicePeriodRow(period, this);
    m_rowsLayout->addWidget(row);
    m_rows.append(row);
    connect(row, &ServicePeriodRow::changed, this, [this, row] {
        const qsizetype index = m_rows.indexOf(row);
        m_draft[m_weekday][index] = row->period();
        refreshProblems();
        Q_EMIT changed();
    });
    connect(row, &ServicePeriodRow::removeRequested, this, [this, row] {
        const qsizetype index = m_rows.indexOf(row);
        m_draft[m_weekday].removeAt(index);
        rebuildRows();
        Q_EMIT changed();
    });
}

// A new period starts when the day's last one ends, two hours long.
void ServicePeriodsEditor::addPeriod()
{
    const QList<ServicePeriod> &day = m_draft[m_weekday];
    ServicePeriod period {m_weekday, QString(), QTime(12, 0), QTime(14, 30)};
    if (!day.isEmpty()) {
        const QTime lastEnd = std::max_element(day.cbegin(), day.cend(),
                                               [](const ServicePeriod &a, const ServicePeriod &b) {
                                                   return a.end < b.end;
                                               })
                                  ->end;
        period.start = lastEnd;
        period.end
            = lastEnd.secsTo(QTime(23, 59)) > 2 * 3600 ? lastEnd.addSecs(2 * 3600) : QTime(23, 59);
    }
    m_draft[m_weekday].append(period);
    addRow(period);
    refreshProblems();
    m_rows.constLast()->nameEdit()->setFocus(Qt::OtherFocusReason);
    Q_EMIT changed();
}

void ServicePeriodsEditor::copyToEveryDay()
{
    const QList<ServicePeriod> day = m_draft.value(m_weekday);
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        QList<ServicePeriod> copy = day;
        for (ServicePeriod &period : copy)
            period.weekday = weekday;
        m_draft[weekday] = copy;
    }
    rebuildRows();
    Q_EMIT changed();
}

void ServicePeriodsEditor::refreshProblems()
{
    const QStringList problems = booker::SettingsRules::periodProblems(m_draft.value(m_weekday));
    for (qsizetype index = 0; index < m_rows.size(); ++index)
        m_rows.at(index)->setProblem(problems.value(index));
    m_noService->setVisible(m_rows.isEmpty());
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        QListWidgetItem *item = m_days->item(weekday - 1);
        const bool fine = booker::SettingsRules::fine(
            booker::SettingsRules::periodProblems(m_draft.value(weekday)));
        item->setText(u"%1%2\n%3"_s.arg(dayName(weekday), fine ? QString() : u"  ⚠ to fix"_s,
                                        summaryOf(weekday)));
        item->setToolTip(item->text());
    }
}

// "lunch 12:00–14:30, dinner 18:30–22:30"
QString ServicePeriodsEditor::summaryOf(int weekday) const
{
    QList<ServicePeriod> day = m_draft.value(weekday);
    if (day.isEmpty())
        return u"closed"_s;
    std::sort(day.begin(), day.end(),
              [](const ServicePeriod &a, const ServicePeriod &b) { return a.start < b.start; });
    QStringList parts;
    for (const ServicePeriod &period : std::as_const(day))
        parts.append(
            u"%1 %2–%3"_s.arg(period.name.trimmed(), hhmm(period.start), hhmm(period.end)));
    return parts.join(u", "_s);
}

} // namespace hoststand::ui
