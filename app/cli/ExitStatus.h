#pragma once

namespace hoststand::cli {

// hoststand-cli's exit statuses, as the README documents them.
enum ExitStatus : int {
    ExitOk = 0,
    ExitRefused = 1, // the domain refused, a booking was rejected, the store failed
    ExitUsage = 2, // unknown command or option, a malformed value
};

} // namespace hoststand::cli
