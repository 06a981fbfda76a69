#pragma once

#include "domain/DomainError.h"
#include "domain/booker/TableSnapshot.h"

#include <QList>

namespace hoststand::booker {

// The booker's port to the tables: it never reads the table manager's code,
// only what its events say. EventSourcedTableCatalog folds them from the
// store; a read model can offer the same port faster.
class TableCatalog
{
public:
    virtual ~TableCatalog();

    // Every table ever added (removed ones with inService false), by id.
    virtual DomainResult<QList<TableSnapshot>> snapshot() = 0;
};

} // namespace hoststand::booker
