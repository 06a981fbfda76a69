#pragma once

#include <QString>

namespace hoststand {
class Restaurant;
}

namespace hoststand::ui {

class Prompt;

// What the host stand works with. The composition root owns them and
// outlives the window: the restaurant (its read model, followed live, its
// booker and its clock), the prompt the window asks through, and the
// terminal's name for the status bar.
struct HostStandServices final
{
    Restaurant &restaurant;
    Prompt &prompt;
    QString terminal;
};

} // namespace hoststand::ui
