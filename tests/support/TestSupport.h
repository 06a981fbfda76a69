#pragma once

#include <QString>
#include <QStringList>

namespace hoststand::test {

// The build directory of the tests (where helper executables live).
QString binaryDir();
// The path of an executable built by this project, by target name.
QString executable(const QString &targetName);

} // namespace hoststand::test
