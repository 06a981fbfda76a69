#pragma once

#include "eventstore/EventMetadata.h"

#include <QString>

namespace hoststand {

// Who issues commands from where: every event a command writes carries them.
struct CommandContext final
{
    QString user;
    QString terminal;

    // The user name and host name of this process.
    static CommandContext ofThisProcess();

    EventMetadata metadata(const QString &correlationId, const QString &causationId) const
    {
        return EventMetadata {correlationId, causationId, user, terminal};
    }
};

} // namespace hoststand
