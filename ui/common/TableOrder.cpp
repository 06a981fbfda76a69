#include "ui/common/TableOrder.h"

#include "domain/contracts/NaturalOrder.h"

namespace hoststand::ui::TableOrder {

bool idLess(const QString &a, const QString &b)
{
    return naturalLess(a, b);
}

bool less(const TableRow &a, const TableRow &b)
{
    if (a.layout.zone != b.layout.zone)
        return naturalLess(a.layout.zone, b.layout.zone);
    return naturalLess(a.id, b.id);
}

} // namespace hoststand::ui::TableOrder
