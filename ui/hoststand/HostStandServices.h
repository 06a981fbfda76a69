#pragma once

#include "domain/Engine.h"

#include <QString>

namespace hoststand::ui {

class Prompt;

// What the host stand works with. The composition root owns them and
// outlives the window: the engine (the booking commands and the sagas on
// its thread; the read model, followed live, and the clock on this one),
// the prompt the window asks through, and the terminal's name for the
// status bar.
struct HostStandServices final
{
    Engine &engine;
    Prompt &prompt;
    QString terminal;

    // The engine's view half, on the window's thread.
    Restaurant &restaurant() const { return engine.view(); }
};

} // namespace hoststand::ui
