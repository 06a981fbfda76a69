#include "readmodel/PostgresReadSchema.h"

#include "readmodel/PostgresReadConnection.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace hoststand::PostgresReadSchema {
namespace {

Q_LOGGING_CATEGORY(lcReadSchema, "hoststand.readmodel.postgres")

const QString Application = u"hoststand-read"_s;

// Where the schema is, for messages: the schema and the database.
QString place(const PostgresConnectionSettings &settings)
{
    return u"The schema \"%1\" of the database %2"_s.arg(settings.schema, settings.database);
}

StoreError anotherApplication(const PostgresConnectionSettings &settings)
{
    return StoreError(StoreError::Code::NotAStore,
                      u"%1 holds tables of another application, not a Hoststand read model, so "
                      "it was left as it is. Name another schema for the read model "
                      "(?schema=...)."_s.arg(place(settings)));
}

StoreError newer(const PostgresConnectionSettings &settings, const QString &what, qint64 found,
                 int known)
{
    return StoreError(
        StoreError::Code::NewerSchema,
        u"%1 holds a read model written by a newer Hoststand (%2 %3; this version "
        "knows up to %4), so it was left as it is. Update Hoststand, or name "
        "another schema for the read model (?schema=...)."_s.arg(place(settings), what)
            .arg(found)
            .arg(known));
}

// Schema names are checked lowercase identifiers (PostgresConnectionSettings),
// so they can stand in the SQL as they are.
StoreResult<bool> exists(PostgresReadConnection &connection, const QString &relation)
{
    auto found = connection.queryValue(
        u"SELECT to_regclass('\"%1\".%2')::text"_s.arg(connection.schema(), relation));
    if (!found.ok())
        return found.error();
    return found.value().isValid();
}

StoreResult<void> createSchemaIfMissing(PostgresReadConnection &connection)
{
    // Looked up first: CREATE SCHEMA IF NOT EXISTS needs the right to
    // create schemas even when the schema is there already.
    auto count = connection.queryValue(
        u"SELECT count(*) FROM pg_namespace WHERE nspname = '%1'"_s.arg(connection.schema()));
    if (!count.ok())
        return count.error();
    if (count.value().toLongLong() > 0)
        return {};
    return connection.execute(u"CREATE SCHEMA \"%1\""_s.arg(connection.schema()));
}

StoreResult<void> markAsReadModel(PostgresReadConnection &connection,
                                  const PostgresConnectionSettings &settings)
{
    auto relations = connection.queryValue(
        u"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = '%1'"_s.arg(connection.schema()));
    if (!relations.ok())
        return relations.error();
    if (relations.value().toLongLong() > 0)
        return anotherApplication(settings);
    for (const QString &sql :
         {u"CREATE TABLE read_model_format(application TEXT NOT NULL, version INTEGER NOT NULL)"_s,
          u"INSERT INTO read_model_format(application, version) VALUES('%1', %2)"_s.arg(Application)
              .arg(FormatVersion)}) {
        if (auto done = connection.execute(sql); !done.ok())
            return done;
    }
    return {};
}

StoreResult<void> checkVersions(PostgresReadConnection &connection,
                                const PostgresConnectionSettings &settings, int projectionVersion)
{
    auto format = connection.queryValue(
        u"SELECT max(version) FROM read_model_format WHERE application = '%1'"_s.arg(Application));
    if (!format.ok())
        return format.error();
    if (!format.value().isValid())
        return anotherApplication(settings);
    if (format.value().toInt() > FormatVersion)
        return newer(settings, u"format"_s, format.value().toInt(), FormatVersion);
    auto hasProjections = exists(connection, u"projections"_s);
    if (!hasProjections.ok())
        return hasProjections.error();
    if (!hasProjections.value())
        return {};
    auto newest = connection.queryValue(u"SELECT coalesce(max(version), 0) FROM projections"_s);
    if (!newest.ok())
        return newest.error();
    if (newest.value().toLongLong() > projectionVersion)
        return newer(settings, u"projection version"_s, newest.value().toLongLong(),
                     projectionVersion);
    return {};
}

StoreResult<void> prepareSchema(PostgresReadConnection &connection,
                                const PostgresConnectionSettings &settings, int projectionVersion)
{
    ReadTransaction transaction(connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun;
    if (auto created = createSchemaIfMissing(connection); !created.ok())
        return created;
    auto marked = exists(connection, u"read_model_format"_s);
    if (!marked.ok())
        return marked.error();
    if (!marked.value()) {
        if (auto done = markAsReadModel(connection, settings); !done.ok())
            return done;
    } else if (auto checked = checkVersions(connection, settings, projectionVersion);
               !checked.ok()) {
        return checked;
    }
    return transaction.commit();
}

// The guest search's GIN trigram indexes need pg_trgm, which PostgreSQL 13
// and later let a database owner create. Without it (no right to create
// it) the search reads every booking: a warning, not a read model that
// cannot open. The operator class is named with the schema the extension
// lives in, which need not be on the search path.
StoreResult<void> findTrigramOps(PostgresReadConnection &connection)
{
    if (auto created = connection.execute(u"CREATE EXTENSION IF NOT EXISTS pg_trgm"_s);
        !created.ok()) {
        if (created.error().code() == StoreError::Code::Unavailable)
            return created;
        qCWarning(lcReadSchema).noquote()
            << u"The guest search goes without an index: %1"_s.arg(created.error().message());
    }
    auto schema = connection.queryValue(
        u"SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"_s);
    if (!schema.ok())
        return schema.error();
    if (schema.value().isValid()) {
        QString name = schema.value().toString();
        name.replace(u"\""_s, u"\"\""_s);
        connection.setTrigramOps(u"\"%1\".gin_trgm_ops"_s.arg(name));
    }
    return {};
}

} // namespace

StoreResult<std::unique_ptr<PostgresReadConnection>> open(
    const PostgresConnectionSettings &settings, int projectionVersion)
{
    auto connection = PostgresReadConnection::open(settings);
    if (!connection.ok())
        return connection.error();
    if (auto prepared = prepareSchema(*connection.value(), settings, projectionVersion);
        !prepared.ok())
        return prepared.error();
    if (auto found = findTrigramOps(*connection.value()); !found.ok())
        return found.error();
    return connection;
}

} // namespace hoststand::PostgresReadSchema
