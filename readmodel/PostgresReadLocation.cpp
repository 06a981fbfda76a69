#include "readmodel/PostgresReadLocation.h"

#include "eventstore/PostgresEventStore.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace hoststand::PostgresReadLocation {
namespace {

const QString SchemaItem = u"schema"_s;

bool namesSchema(const QString &url)
{
    return QUrlQuery(QUrl(url.trimmed())).hasQueryItem(SchemaItem);
}

bool sameDatabase(const PostgresConnectionSettings &a, const PostgresConnectionSettings &b)
{
    return a.host == b.host && a.port == b.port && a.database == b.database;
}

} // namespace

bool isLocation(const QString &location)
{
    return PostgresConnectionSettings::isUrl(location);
}

QString defaultFor(const QString &storeUrl)
{
    QUrl url(storeUrl);
    QUrlQuery query(url);
    const QString storeSchema = query.queryItemValue(SchemaItem, QUrl::FullyDecoded);
    const bool defaultStore
        = storeSchema.isEmpty() || storeSchema == PostgresConnectionSettings::DefaultSchema;
    query.removeAllQueryItems(SchemaItem);
    query.addQueryItem(SchemaItem, defaultStore ? DefaultSchema : storeSchema + u"_read"_s);
    url.setQuery(query);
    return url.toString();
}

StoreResult<PostgresConnectionSettings> settingsFor(const QString &location,
                                                    const EventStore &store)
{
    auto parsed = PostgresConnectionSettings::fromUrl(location);
    if (!parsed.ok())
        return parsed.error();
    PostgresConnectionSettings settings = parsed.value();
    if (!namesSchema(location))
        settings.schema = DefaultSchema;
    const auto *postgres = qobject_cast<const PostgresEventStore *>(&store);
    if (!postgres)
        return settings;
    const PostgresConnectionSettings &storeSettings = postgres->connectionSettings();
    if (!sameDatabase(settings, storeSettings))
        return settings;
    if (settings.schema == storeSettings.schema)
        return StoreError(StoreError::Code::InvalidArgument,
                          u"The read model cannot live in the store's own schema \"%1\"; name "
                          "another schema for it (?schema=...)."_s.arg(settings.schema));
    if (settings.password.isEmpty() && settings.user == storeSettings.user)
        settings.password = storeSettings.password;
    return settings;
}

} // namespace hoststand::PostgresReadLocation
