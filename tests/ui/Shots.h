#pragma once

#include <QString>

class QWidget;

namespace hoststand::test {

// Where HOSTSTAND_SHOTS_DIR is set, saves the window at 1024×640 as
// NAME.png in the light palette and NAME-dark.png in a dark one, for a
// person to look at; its palette is as before afterwards. Nothing otherwise.
void saveShots(QWidget &window, const QString &name);

} // namespace hoststand::test
