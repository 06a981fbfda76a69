#include "domain/CommandContext.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace hoststand {

CommandContext CommandContext::ofThisProcess()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME", u"staff"_s);
    return CommandContext {user, QSysInfo::machineHostName()};
}

} // namespace hoststand
