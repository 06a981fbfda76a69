#pragma once

#include <QString>

#include <optional>

namespace hoststand::bench {

// A schema of its own for one benchmark run on a PostgreSQL server, so
// that every run starts from an empty store whatever ran before; dropped
// when the run ends.
class PostgresBenchSchema final
{
public:
    // serverUrl: postgresql://user:password@host:port/database
    explicit PostgresBenchSchema(const QString &serverUrl);
    ~PostgresBenchSchema();
    PostgresBenchSchema(const PostgresBenchSchema &) = delete;
    PostgresBenchSchema &operator=(const PostgresBenchSchema &) = delete;

    // The server's URL naming the fresh schema.
    const QString &storeUrl() const { return m_storeUrl; }
    // Drops the schema with everything in it, and its read schema (_read)
    // if a read model made one; returns the problem, if any.
    std::optional<QString> drop();

private:
    QString m_serverUrl;
    QString m_schema;
    QString m_storeUrl;
    bool m_dropped = false;
};

} // namespace hoststand::bench
