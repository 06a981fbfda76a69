#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace hoststand {

// A moment as events hold it: ISO-8601 with a UTC offset or Z, returned in
// UTC; nothing for text without an offset or that is not a moment. The
// form the codec writes, "2026-12-01T19:00:00Z", is read by hand: replays
// read millions, and QDateTime's general parser is slow.
std::optional<QDateTime> parseIsoMoment(QByteArrayView utf8);

// Only the codec's form, "2026-12-01T19:00:00Z"; nothing for any other.
std::optional<QDateTime> parseUtcSeconds(QByteArrayView text);

} // namespace hoststand
