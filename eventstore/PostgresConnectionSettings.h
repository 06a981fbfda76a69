#pragma once

#include "eventstore/StoreError.h"

#include <QString>

namespace hoststand {

// Where a PostgreSQL event store lives, parsed from a URL such as
// postgresql://user:password@host:5432/database?schema=hoststand
// (the scheme postgres:// is accepted too). The store keeps its tables in a
// schema of their own, "hoststand" unless the URL names another.
struct PostgresConnectionSettings final
{
    QString host;
    int port = DefaultPort;
    QString user;
    QString password;
    QString database;
    QString schema = DefaultSchema;
    QString sslMode; // libpq's sslmode; empty: libpq's default

    static constexpr int DefaultPort = 5432;
    static inline const QString DefaultSchema = QStringLiteral("hoststand");
    // Schema names are lowercase identifiers short enough that the store's
    // notification channel (schema + "_events") stays a PostgreSQL name.
    static constexpr qsizetype MaxSchemaLength = 48;

    // True for text that names a server (postgresql:// or postgres://)
    // rather than a SQLite file.
    static bool isUrl(const QString &text);
    // Percent-decodes user, password and database; refuses a malformed URL
    // with InvalidArgument and a message that never shows the password.
    static StoreResult<PostgresConnectionSettings> fromUrl(const QString &url);

    // The URL without the password, for people and logs.
    QString location() const;
    // host:port, as messages name the server.
    QString serverName() const;

    bool operator==(const PostgresConnectionSettings &) const = default;
};

} // namespace hoststand
