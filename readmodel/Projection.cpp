#include "readmodel/Projection.h"

#include "readmodel/ReadConnection.h"

namespace hoststand {

Projection::~Projection() = default;

StoreResult<void> prepareStatements(
    ReadConnection &connection,
    std::initializer_list<std::pair<std::unique_ptr<ReadStatement> *, QString>> list)
{
    for (const auto &[statement, sql] : list) {
        auto prepared = connection.prepare(sql);
        if (!prepared.ok())
            return prepared.error();
        *statement = std::move(prepared).value();
    }
    return {};
}

} // namespace hoststand
