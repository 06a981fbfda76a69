#pragma once

#include <QString>

#include <optional>

namespace hoststand {

// Stream names are 1 to 200 characters of letters, digits and "-_.:$@";
// the category is the part before the first '-' ("table-T1" is in "table").
namespace StreamName {

inline constexpr qsizetype MaxLength = 200;

// Why the name is not a valid stream name, or nothing when it is.
std::optional<QString> validate(const QString &name);
QString category(const QString &name);

} // namespace StreamName
} // namespace hoststand
