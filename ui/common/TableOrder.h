#pragma once

#include "readmodel/ReadModelRows.h"

namespace hoststand::ui {

// The order the host reads tables in: by zone, then by id with numbers
// compared as numbers ("T2" before "T10").
namespace TableOrder {

bool less(const TableRow &a, const TableRow &b);
bool idLess(const QString &a, const QString &b);

} // namespace TableOrder
} // namespace hoststand::ui
