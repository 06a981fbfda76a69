#include "eventstore/PostgresSchema.h"

#include "eventstore/PostgresConnection.h"
#include "eventstore/PostgresEventStore.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {

// "HoSt" in the high half of the advisory lock keys; the low half is the
// schema's oid, or 0 for the creation of a schema.
static constexpr qint64 LockKeyBase = qint64(0x486f5374) << 32;

// The function and indexes the log's pages read (EventStore::readLog): by
// type, and by correlation id, each ending in the position; by stream, the
// table's own (stream, revision) serves. The function is immutable (the
// bytes decide) and answers null for metadata that is not JSON, so no
// event's metadata can make its append fail; it is parallel unsafe, since
// its exception block opens a subtransaction, which a parallel worker of
// PostgreSQL before 17 may not. A store made before them gains them the
// first time this version opens it.
static QStringList logIndexStatements(const QString &s)
{
    return {
        u"CREATE OR REPLACE FUNCTION %1.correlation_id(metadata bytea) RETURNS text "
        "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL UNSAFE AS $body$ "
        "BEGIN RETURN convert_from(metadata, 'UTF8')::json ->> '$correlationId'; "
        "EXCEPTION WHEN others THEN RETURN NULL; END $body$"_s.arg(s),
        u"CREATE INDEX IF NOT EXISTS events_by_type ON %1.events(type, position)"_s.arg(s),
        u"CREATE INDEX IF NOT EXISTS events_by_correlation "
        "ON %1.events(%1.correlation_id(metadata), position)"_s.arg(s),
    };
}

static QStringList schemaStatements(const QString &s)
{
    return {
        u"CREATE SCHEMA IF NOT EXISTS %1"_s.arg(s),
        u"CREATE TABLE %1.schema_version("
        "application text NOT NULL, "
        "version integer NOT NULL)"_s.arg(s),
        u"CREATE TABLE %1.events("
        "position bigint PRIMARY KEY, "
        "stream text NOT NULL, "
        "revision bigint NOT NULL, "
        "id uuid NOT NULL UNIQUE, "
        "type text NOT NULL, "
        "data bytea NOT NULL, "
        "metadata bytea NOT NULL, "
        "created timestamptz NOT NULL, "
        "UNIQUE(stream, revision))"_s.arg(s),
        u"CREATE TABLE %1.subscription_groups("
        "name text PRIMARY KEY, "
        "checkpoint bigint NOT NULL, "
        "lease_owner text, "
        "lease_expires timestamptz)"_s.arg(s),
        u"CREATE TABLE %1.subscription_retries("
        "group_name text NOT NULL, "
        "position bigint NOT NULL, "
        "attempts integer NOT NULL, "
        "PRIMARY KEY(group_name, position))"_s.arg(s),
        u"CREATE TABLE %1.subscription_parked("
        "group_name text NOT NULL, "
        "position bigint NOT NULL, "
        "attempts integer NOT NULL, "
        "reason text NOT NULL, "
        "parked_at timestamptz NOT NULL, "
        "replay_requested boolean NOT NULL DEFAULT false, "
        "PRIMARY KEY(group_name, position))"_s.arg(s),
        u"INSERT INTO %1.schema_version(application, version) VALUES('hoststand', %2)"_s.arg(s).arg(
            PostgresEventStore::SchemaVersion),
    };
}

// Reads one value of a one-row query; a null value reads as an invalid QVariant.
static StoreResult<QVariant> queryValue(PostgresConnection &connection, const QString &sql,
                                        PostgresConnection::Bindings bindings,
                                        const QString &action)
{
    QSqlQuery query;
    if (auto prepared = connection.prepare(query, sql); !prepared.ok())
        return prepared.error();
    if (auto done = connection.exec(query, bindings, action); !done.ok())
        return done.error();
    QVariant value;
    if (query.next() && !query.isNull(0))
        value = query.value(0);
    while (query.next()) { }
    if (auto checked = connection.checkRows(query, action); !checked.ok())
        return checked.error();
    return value;
}

static QString quoted(const QString &schema)
{
    return u"\"%1\""_s.arg(schema);
}

static StoreResult<void> createSchema(PostgresConnection &connection, const QString &schema)
{
    auto tables
        = queryValue(connection, u"SELECT count(*) FROM pg_tables WHERE schemaname = :schema"_s,
                     {{u":schema"_s, schema}}, u"read the database's schemas"_s);
    if (!tables.ok())
        return tables.error();
    if (tables.value().toLongLong() != 0)
        return StoreError(StoreError::Code::NotAStore,
                          u"The schema \"%1\" of %2 holds tables of another application; name "
                          "another schema in the URL (?schema=...)."_s.arg(
                              schema, connection.settings().database));
    for (const QString &sql : schemaStatements(quoted(schema))) {
        if (auto done = connection.execOnce(sql, u"create the store"_s); !done.ok())
            return done;
    }
    return {};
}

static StoreResult<void> checkVersion(PostgresConnection &connection, const QString &schema)
{
    auto version = queryValue(connection,
                              u"SELECT max(version) FROM %1.schema_version "
                              "WHERE application = 'hoststand'"_s.arg(quoted(schema)),
                              {}, u"read the store's schema version"_s);
    if (!version.ok())
        return version.error();
    if (!version.value().isValid())
        return StoreError(StoreError::Code::NotAStore,
                          u"The schema \"%1\" of %2 is not a Hoststand event store."_s.arg(
                              schema, connection.settings().database));
    const int found = version.value().toInt();
    if (found > PostgresEventStore::SchemaVersion)
        return StoreError(StoreError::Code::NewerSchema,
                          u"The store was written by a newer Hoststand (schema version %1; this "
                          "version reads up to schema version %2)."_s.arg(found)
                              .arg(PostgresEventStore::SchemaVersion));
    return {};
}

static StoreResult<void> addMissingIndexes(PostgresConnection &connection, const QString &schema)
{
    auto found = queryValue(connection, u"SELECT to_regclass(:index)::text"_s,
                            {{u":index"_s, u"%1.events_by_correlation"_s.arg(quoted(schema))}},
                            u"look for the store's indexes"_s);
    if (!found.ok())
        return found.error();
    if (found.value().isValid())
        return {};
    // A role that may write events but not make indexes still opens the
    // store: its log is read without them, a page by correlation fails.
    if (auto saved = connection.execOnce(u"SAVEPOINT log_indexes"_s, u"index the store's log"_s);
        !saved.ok())
        return saved;
    for (const QString &sql : logIndexStatements(quoted(schema))) {
        if (auto done = connection.execOnce(sql, u"index the store's log"_s); !done.ok()) {
            qWarning("The store's log is not indexed: %s", qPrintable(done.error().message()));
            return connection.execOnce(u"ROLLBACK TO SAVEPOINT log_indexes"_s,
                                       u"index the store's log"_s);
        }
    }
    return {};
}

static StoreResult<void> createOrCheck(PostgresConnection &connection, const QString &schema)
{
    const QString versionTable = u"%1.schema_version"_s.arg(quoted(schema));
    auto exists = queryValue(connection, u"SELECT to_regclass(:table)::text"_s,
                             {{u":table"_s, versionTable}}, u"look for the store's schema"_s);
    if (!exists.ok())
        return exists.error();
    if (!exists.value().isValid()) {
        if (auto created = createSchema(connection, schema); !created.ok())
            return created;
    }
    if (auto checked = checkVersion(connection, schema); !checked.ok())
        return checked;
    return addMissingIndexes(connection, schema);
}

StoreResult<PostgresSchemaInfo> preparePostgresSchema(PostgresConnection &connection,
                                                      const QString &schema)
{
    PostgresTransaction transaction(connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    if (auto locked = queryValue(connection, u"SELECT pg_advisory_xact_lock(:key)"_s,
                                 {{u":key"_s, LockKeyBase}}, u"lock the store's schema"_s);
        !locked.ok())
        return locked.error();
    if (auto ready = createOrCheck(connection, schema); !ready.ok())
        return ready.error();
    auto oid
        = queryValue(connection, u"SELECT oid::bigint FROM pg_namespace WHERE nspname = :schema"_s,
                     {{u":schema"_s, schema}}, u"read the store's schema"_s);
    if (!oid.ok())
        return oid.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return PostgresSchemaInfo {schema, LockKeyBase | oid.value().toLongLong(),
                               schema + u"_events"_s};
}

} // namespace hoststand
