#pragma once

namespace hoststand::ui {

// Registers the icons and the application icon (resources/hoststand.qrc).
// The widgets layer is a static library, so its resources are registered
// by hand before first use; calling it again does nothing.
void initUiResources();

} // namespace hoststand::ui
