#include "ui/common/Prompt.h"

namespace hoststand::ui {

Prompt::~Prompt() = default;

} // namespace hoststand::ui
