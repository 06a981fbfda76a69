#pragma once

#include <QString>

namespace hoststand {
class Clock;
}

namespace hoststand::ui {

class Prompt;

// The demo restaurant at start-up, before the restaurant opens the store:
// `hoststand --demo` loads it into an empty store, and a new, empty store
// offers it through the prompt. Loaded before anything follows the store,
// so its history is exactly the demo's.
namespace DemoStart {

enum class Mode {
    Load, // load without asking; a store that holds events is left alone
    Offer, // ask first, and only when the store is empty
};

// What to tell the host ("Loaded the demo restaurant: …", or why not);
// empty when nothing was asked or done.
QString run(const QString &store, const Clock &clock, Mode mode, Prompt &prompt);

} // namespace DemoStart
} // namespace hoststand::ui
