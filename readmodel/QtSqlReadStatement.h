#pragma once

#include "readmodel/SqlQueryReadStatement.h"

namespace hoststand {

// A statement of a QtSqlReadConnection: prepared once, its values bound
// straight into the query by position.
class QtSqlReadStatement final : public SqlQueryReadStatement
{
public:
    static StoreResult<std::unique_ptr<QtSqlReadStatement>> prepare(const QSqlDatabase &database,
                                                                    const QString &sql);

    StoreResult<void> execute() override;
    StoreResult<bool> next() override;
    void reset() override;

private:
    explicit QtSqlReadStatement(QSqlQuery query);
    void bind(int index, QVariant value) override;
    StoreError error(const QString &action) const;

    bool m_running = false;
};

} // namespace hoststand
