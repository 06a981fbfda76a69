#include "tests/bench/PostgresBenchSchema.h"

#include "eventstore/PostgresConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace hoststand::bench {

PostgresBenchSchema::PostgresBenchSchema(const QString &serverUrl)
    : m_serverUrl(serverUrl)
    , m_schema(u"hoststand_bench_%1_%2"_s.arg(QCoreApplication::applicationPid())
                   .arg(QDateTime::currentMSecsSinceEpoch()))
{
    QUrl url(serverUrl);
    QUrlQuery query(url);
    query.removeAllQueryItems(u"schema"_s);
    query.addQueryItem(u"schema"_s, m_schema);
    url.setQuery(query);
    m_storeUrl = url.toString(QUrl::FullyEncoded);
}

PostgresBenchSchema::~PostgresBenchSchema()
{
    if (auto failed = drop())
        qWarning("%s", qPrintable(*failed));
}

std::optional<QString> PostgresBenchSchema::drop()
{
    if (m_dropped)
        return std::nullopt;
    m_dropped = true;
    auto settings = PostgresConnectionSettings::fromUrl(m_serverUrl);
    if (!settings.ok())
        return settings.error().message();
    PostgresConnection connection(settings.value());
    if (auto opened = connection.open(10s); !opened.ok())
        return opened.error().message();
    // Without the notice of each table the drop cascades to; with the read
    // tables a host stand made beside the store.
    const QString sql = u"SET client_min_messages TO warning; DROP SCHEMA IF EXISTS \"%1\" "
                        "CASCADE; DROP SCHEMA IF EXISTS \"%1_read\" CASCADE"_s.arg(m_schema);
    if (auto dropped = connection.execOnce(sql, u"drop the benchmark's schema"_s); !dropped.ok())
        return dropped.error().message();
    return std::nullopt;
}

} // namespace hoststand::bench
