#include "eventstore/PostgresConnectionSettings.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace hoststand {

static const QStringList &schemes()
{
    static const QStringList names {u"postgresql"_s, u"postgres"_s};
    return names;
}

static const QStringList &sslModes()
{
    static const QStringList modes {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                    u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    return modes;
}

bool PostgresConnectionSettings::isUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const QString &scheme : schemes()) {
        if (trimmed.startsWith(scheme + u"://"_s, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

static StoreError malformed(const QUrl &url, const QString &reason)
{
    // The URL is shown without its password, and only when it could be parsed.
    const QString shown
        = url.isValid() ? u" \"%1\""_s.arg(url.toString(QUrl::RemovePassword)) : QString();
    return StoreError(StoreError::Code::InvalidArgument,
                      u"The PostgreSQL URL%1 is malformed: %2. Write it as "
                      "postgresql://user:password@host:port/database."_s.arg(shown, reason));
}

static std::optional<QString> schemaProblem(const QString &schema)
{
    static const QRegularExpression identifier(u"^[a-z_][a-z0-9_]*$"_s);
    if (schema.size() > PostgresConnectionSettings::MaxSchemaLength)
        return u"the schema name is longer than %1 characters"_s.arg(
            PostgresConnectionSettings::MaxSchemaLength);
    if (!identifier.match(schema).hasMatch())
        return u"the schema name \"%1\" is not a lowercase identifier (a-z, 0-9, _)"_s.arg(schema);
    return std::nullopt;
}

// Reads the query items the store understands: schema and sslmode.
static std::optional<QString> applyQuery(const QUrl &url, PostgresConnectionSettings &settings)
{
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"schema"_s) {
            if (auto problem = schemaProblem(value))
                return problem;
            settings.schema = value;
        } else if (key == u"sslmode"_s) {
            if (!sslModes().contains(value))
                return u"sslmode \"%1\" is not one of %2"_s.arg(value, sslModes().join(u", "_s));
            settings.sslMode = value;
        } else {
            return u"the parameter \"%1\" is not known (known: schema, sslmode)"_s.arg(key);
        }
    }
    return std::nullopt;
}

static std::optional<QString> structureProblem(const QUrl &url)
{
    // QUrl's own message quotes the whole URL, password included.
    if (!url.isValid())
        return url.errorString().section(u"; source was"_s, 0, 0);
    if (!schemes().contains(url.scheme().toLower()))
        return u"it does not start with postgresql://"_s;
    if (url.host().isEmpty())
        return u"it names no server (host)"_s;
    if (url.hasFragment())
        return u"it has a fragment (#...)"_s;
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.size() < 2 || !path.startsWith(u'/'))
        return u"it names no database (the path after host:port)"_s;
    if (path.indexOf(u'/', 1) >= 0)
        return u"the database name \"%1\" contains '/'"_s.arg(path.mid(1));
    return std::nullopt;
}

StoreResult<PostgresConnectionSettings> PostgresConnectionSettings::fromUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (auto problem = structureProblem(url))
        return malformed(url, *problem);
    PostgresConnectionSettings settings;
    settings.host = url.host(QUrl::FullyDecoded);
    settings.port = url.port(DefaultPort);
    settings.user = url.userName(QUrl::FullyDecoded);
    settings.password = url.password(QUrl::FullyDecoded);
    settings.database = url.path(QUrl::FullyDecoded).mid(1);
    if (settings.port <= 0)
        return malformed(url, u"the port is not a number from 1 to 65535"_s);
    if (auto problem = applyQuery(url, settings))
        return malformed(url, *problem);
    return settings;
}

QString PostgresConnectionSettings::location() const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u"/"_s + database);
    QUrlQuery query;
    if (schema != DefaultSchema)
        query.addQueryItem(u"schema"_s, schema);
    if (!sslMode.isEmpty())
        query.addQueryItem(u"sslmode"_s, sslMode);
    url.setQuery(query);
    // Fully encoded, so that the location parses back to the same settings.
    return url.toString(QUrl::FullyEncoded);
}

QString PostgresConnectionSettings::serverName() const
{
    // An IPv6 address keeps its brackets, so that the port stays readable.
    const QString shownHost = host.contains(u':') ? u"[%1]"_s.arg(host) : host;
    return u"%1:%2"_s.arg(shownHost).arg(port);
}

} // namespace hoststand
