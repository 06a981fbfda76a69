#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hoststand::test {

QString binaryDir()
{
    const QString fromEnvironment = qEnvironmentVariable("HOSTSTAND_TEST_BINARY_DIR");
    return fromEnvironment.isEmpty() ? QCoreApplication::applicationDirPath() : fromEnvironment;
}

QString executable(const QString &targetName)
{
    QDirIterator it(binaryDir(), {targetName}, QDir::Files | QDir::Executable,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace hoststand::test
