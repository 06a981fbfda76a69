#include "ui/editor/SettingsPage.h"

#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "domain/booker/RestaurantSettings.h"
#include "domain/booker/SettingsRules.h"
#include "readmodel/ReadModel.h"
#include "ui/common/Prompt.h"
#include "ui/editor/ProblemLabel.h"
#include "ui/editor/ServicePeriodsEditor.h"
#include "ui/editor/TurnTimesEditor.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

QList<ServicePeriod> periodsOn(const QList<ServicePeriod> &periods, int weekday)
{
    QList<ServicePeriod> day;
    for (const ServicePeriod &period : periods) {
        if (period.weekday == weekday)
            day.append(period);
    }
    return day;
}

QList<int> changedWeekdays(const QList<ServicePeriod> &before, const QList<ServicePeriod> &after)
{
    QList<int> changed;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        if (periodsOn(before, weekday) != periodsOn(after, weekday))
            changed.append(weekday);
    }
    return changed;
}

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace

SettingsPage::SettingsPage(Restaurant &restaurant, Prompt &prompt, QWidget *parent)
    : QWidget(parent)
    , m_restaurant(restaurant)
    , m_prompt(prompt)
    , m_periods(new ServicePeriodsEditor(this))
    , m_turnTimes(new TurnTimesEditor(this))
    , m_slot(new QSpinBox(this))
    , m_timeZone(new QComboBox(this))
    , m_timeZoneProblem(new ProblemLabel(this))
    , m_status(new QLabel(this))
    , m_save(new QPushButton(u"&Save settings"_s, this))
    , m_revert(new QPushButton(u"Re&vert"_s, this))
{
    setObjectName(u"settingsPage"_s);
    setAccessibleName(u"Settings"_s);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"settingsScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildForm());

    m_status->setObjectName(u"settingsStatus"_s);
    m_status->setAccessibleName(u"Settings status"_s);
    m_save->setObjectName(u"saveSettings"_s);
    m_save->setAccessibleName(u"Save settings"_s);
    m_save->setDefault(true);
    m_revert->setObjectName(u"revertSettings"_s);
    m_revert->setAccessibleName(u"Revert settings"_s);
    m_revert->setToolTip(u"Drop the unsaved changes and show the saved settings"_s);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_revert);
    bar->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(bar);

    connect(m_periods, &ServicePeriodsEditor::changed, this, &SettingsPage::refreshState);
    connect(m_turnTimes, &TurnTimesEditor::changed, this, &SettingsPage::refreshState);
    connect(m_slot, &QSpinBox::valueChanged, this, &SettingsPage::refreshState);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &SettingsPage::refreshState);
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::revert);
    connect(m_restaurant.readModel(), &ReadModel::settingsChanged, this,
            &SettingsPage::onSettingsChanged);
    load(m_restaurant.readModel()->settings());
}

QWidget *SettingsPage::buildForm()
{
    m_slot->setObjectName(u"slotLength"_s);
    m_slot->setAccessibleName(u"Slot length"_s);
    m_slot->setRange(booker::RestaurantSettings::MinSlotMinutes,
                     booker::RestaurantSettings::MaxSlotMinutes);
    m_slot->setSingleStep(5);
    m_slot->setSuffix(u" min"_s);
    m_slot->setToolTip(u"Bookings start on this grid from the start of each period"_s);
    m_timeZone->setObjectName(u"timeZone"_s);
    m_timeZone->setAccessibleName(u"Time zone"_s);
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id));
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_timeZoneProblem->setObjectName(u"timeZoneProblem"_s);
    m_timeZoneProblem->setAccessibleName(u"Problem with the time zone"_s);

    auto *bookings = new QWidget(this);
    auto *bookingsForm = new QFormLayout(bookings);
    bookingsForm->setContentsMargins(0, 0, 0, 0);
    bookingsForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    bookingsForm->addRow(u"Slot &length:"_s, m_slot);
    bookingsForm->addRow(u"&Time zone:"_s, m_timeZone);
    bookingsForm->addRow(QString(), m_timeZoneProblem);

    auto *form = new QWidget(this);
    auto *layout = new QVBoxLayout(form);
    layout->addWidget(group(u"Service periods"_s, m_periods, form));
    layout->addWidget(group(u"Bookings"_s, bookings, form));
    layout->addWidget(group(u"Turn times by party size"_s, m_turnTimes, form));
    layout->addStretch();
    return form;
}

void SettingsPage::load(const RestaurantSettingsRow &settings)
{
    m_loaded = settings;
    m_changedElsewhere = false;
    m_periods->setPeriods(settings.periods);
    m_turnTimes->setTurnTimes(settings.turnTimes, settings.largerPartyMinutes);
    {
        const QSignalBlocker slotBlocker(m_slot);
        const QSignalBlocker zoneBlocker(m_timeZone);
        m_slot->setValue(settings.slotMinutes);
        if (m_timeZone->findText(settings.timeZone) < 0)
            m_timeZone->addItem(settings.timeZone);
        m_timeZone->setCurrentText(settings.timeZone);
    }
    refreshState();
}

RestaurantSettingsRow SettingsPage::draft() const
{
    RestaurantSettingsRow draft = m_loaded; // keeps what this page does not edit
    draft.periods = m_periods->periods();
    draft.slotMinutes = m_slot->value();
    draft.timeZone = m_timeZone->currentText().trimmed();
    draft.turnTimes = m_turnTimes->turnTimes();
    draft.largerPartyMinutes = m_turnTimes->largerPartyMinutes();
    return draft;
}

bool SettingsPage::hasUnsavedChanges() const
{
    return draft() != m_loaded;
}

bool SettingsPage::isValid() const
{
    return m_periods->isValid() && m_turnTimes->isValid() && zoneProblem().isEmpty();
}

// The zone a store was made with (the computer's, perhaps an alias that is
// not listed) stays acceptable while it is not changed: it is not saved again.
QString SettingsPage::zoneProblem() const
{
    const QString zone = m_timeZone->currentText().trimmed();
    return zone == m_loaded.timeZone ? QString() : booker::SettingsRules::timeZoneProblem(zone);
}

void SettingsPage::refreshState()
{
    const QString zoneProblem = this->zoneProblem();
    m_timeZoneProblem->setProblem(zoneProblem);
    const int problems
        = m_periods->problemCount() + m_turnTimes->problemCount() + (zoneProblem.isEmpty() ? 0 : 1);
    const bool unsaved = hasUnsavedChanges();
    m_save->setEnabled(unsaved && problems == 0);
    m_revert->setEnabled(unsaved || m_changedElsewhere);
    if (problems > 0)
        m_status->setText(problems == 1 ? u"One thing to fix before saving."_s
                                        : u"%1 things to fix before saving."_s.arg(problems));
    else if (unsaved && m_changedElsewhere)
        m_status->setText(u"Unsaved changes. Another terminal changed the settings meanwhile; "
                          "Revert shows theirs."_s);
    else if (unsaved)
        m_status->setText(u"Unsaved changes."_s);
    else
        m_status->setText(u"These are the restaurant's settings."_s);
}

bool SettingsPage::save()
{
    if (!isValid() || !hasUnsavedChanges())
        return false;
    const RestaurantSettingsRow draft = this->draft();
    booker::Booker &booker = m_restaurant.booker();
    QList<std::function<DomainResult<void>()>> commands;
    if (draft.periods != m_loaded.periods) {
        // One weekday changed: only that day is restated, so a change to
        // another day made meanwhile at another terminal stays.
        const QList<int> days = changedWeekdays(m_loaded.periods, draft.periods);
        if (days.size() == 1)
            commands.append([&booker, &draft, day = days.constFirst()] {
                return booker.defineServicePeriodsOn(day, periodsOn(draft.periods, day));
            });
        else
            commands.append(
                [&booker, &draft] { return booker.defineServicePeriods(draft.periods); });
    }
    if (draft.slotMinutes != m_loaded.slotMinutes)
        commands.append([&booker, &draft] { return booker.defineSlotLength(draft.slotMinutes); });
    if (draft.timeZone != m_loaded.timeZone)
        commands.append([&booker, &draft] { return booker.defineTimeZone(draft.timeZone); });
    if (draft.turnTimes != m_loaded.turnTimes
        || draft.largerPartyMinutes != m_loaded.largerPartyMinutes)
        commands.append([&booker, &draft] {
            return booker.defineTurnTimes(draft.turnTimes, draft.largerPartyMinutes);
        });
    for (const auto &command : std::as_const(commands)) {
        if (const DomainResult<void> result = command(); !result.ok()) {
            m_prompt.inform(window(), u"Settings not saved"_s, result.error().message());
            return false;
        }
    }
    m_loaded = draft;
    m_changedElsewhere = false;
    refreshState();
    Q_EMIT saved(u"Settings saved."_s);
    return true;
}

void SettingsPage::revert()
{
    load(m_restaurant.readModel()->settings());
}

void SettingsPage::onSettingsChanged()
{
    const RestaurantSettingsRow settings = m_restaurant.readModel()->settings();
    if (!hasUnsavedChanges()) {
        load(settings);
        return;
    }
    m_changedElsewhere = settings != m_loaded;
    refreshState();
}

} // namespace hoststand::ui
