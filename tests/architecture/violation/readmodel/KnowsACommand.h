#pragma once

// A read model header that knows a command of the domain: the layering
// check must refuse this tree.
#include "domain/booker/Booker.h"
