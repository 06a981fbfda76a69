#include "ui/common/UiResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE names a function in the global namespace.
static void registerHoststandResources()
{
    Q_INIT_RESOURCE(hoststand);
}

namespace hoststand::ui {

void initUiResources()
{
    static const bool registered = [] {
        registerHoststandResources();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace hoststand::ui
