#include "domain/booker/TableCatalog.h"

namespace hoststand::booker {

TableCatalog::~TableCatalog() = default;

} // namespace hoststand::booker
