#pragma once

#include "eventstore/PostgresConnection.h"
#include "eventstore/PostgresEventTable.h"
#include "eventstore/PostgresSchema.h"
#include "eventstore/PostgresSubscriptionGroups.h"

#include <chrono>
#include <memory>

namespace hoststand {

// One live connection of a PostgreSQL store with everything prepared on
// it: the schema checked, the statements prepared, LISTEN issued. When the
// connection is lost the store drops the whole session and opens a new one.
class PostgresSession final
{
public:
    static StoreResult<std::unique_ptr<PostgresSession>> open(
        const PostgresConnectionSettings &settings, std::chrono::seconds connectTimeout);
    ~PostgresSession();

    PostgresConnection &connection() { return *m_connection; }
    PostgresEventTable &events() { return *m_events; }
    PostgresSubscriptionGroups &groups() { return *m_groups; }
    const PostgresSchemaInfo &schema() const { return m_schema; }
    bool isConnected() const { return m_connection->isConnected(); }

private:
    explicit PostgresSession(const PostgresConnectionSettings &settings);
    StoreResult<void> prepare(std::chrono::seconds connectTimeout);

    std::unique_ptr<PostgresConnection> m_connection;
    PostgresSchemaInfo m_schema;
    std::unique_ptr<PostgresEventTable> m_events;
    std::unique_ptr<PostgresSubscriptionGroups> m_groups;
};

} // namespace hoststand
