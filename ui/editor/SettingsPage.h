#pragma once

#include "readmodel/ReadModelRows.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace hoststand {
class Restaurant;
}

namespace hoststand::ui {

class ProblemLabel;
class Prompt;
class ServicePeriodsEditor;
class TurnTimesEditor;

// The restaurant's settings as a form: service periods per weekday, the
// slot length, the time zone and the turn times by party size. What is
// wrong is said beside the field as the manager types, and Save stays off
// until it is fixed; saving issues the booker's settings commands for
// what changed, each an event. Changes from another terminal show at once
// while the form holds no unsaved edits.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(Restaurant &restaurant, Prompt &prompt, QWidget *parent = nullptr);

    // The settings as the form holds them now.
    RestaurantSettingsRow draft() const;
    bool hasUnsavedChanges() const;
    bool isValid() const;
    // Saves what changed; false when the booker refused (the prompt says why).
    bool save();
    // Shows the saved settings again, dropping the edits.
    void revert();

    ServicePeriodsEditor *periodsEditor() const { return m_periods; }
    TurnTimesEditor *turnTimesEditor() const { return m_turnTimes; }
    QSpinBox *slotBox() const { return m_slot; }
    QComboBox *timeZoneBox() const { return m_timeZone; }
    ProblemLabel *timeZoneProblem() const { return m_timeZoneProblem; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }

Q_SIGNALS:
    void saved(const QString &message);

private:
    QWidget *buildForm();
    void load(const RestaurantSettingsRow &settings);
    void refreshState();
    QString zoneProblem() const;
    void onSettingsChanged();

    Restaurant &m_restaurant;
    Prompt &m_prompt;
    RestaurantSettingsRow m_loaded;
    bool m_changedElsewhere = false;
    ServicePeriodsEditor *m_periods;
    TurnTimesEditor *m_turnTimes;
    QSpinBox *m_slot;
    QComboBox *m_timeZone;
    ProblemLabel *m_timeZoneProblem;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_revert;
};

} // namespace hoststand::ui
