#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace hoststand {

// Turns the data of one schema version of an event type into the next
// version's. Stored events are never rewritten; they are upcast when read.
using Upcaster = std::function<QJsonObject(const QJsonObject &)>;

namespace Upcasters {

// The upcaster from fromVersion to fromVersion + 1, or an empty function.
Upcaster find(const QString &type, int fromVersion);

} // namespace Upcasters
} // namespace hoststand
