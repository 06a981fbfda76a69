#include "eventstore/EventStoreFactory.h"
#include "eventstore/PostgresConnectionSettings.h"
#include "eventstore/SqliteEventStore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

// Opening a store by what the executables are given: a SQLite path or a
// PostgreSQL URL. None of these tests needs a PostgreSQL server.
class tst_EventStoreFactory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlsAreToldFromPaths_data();
    void urlsAreToldFromPaths();
    void wellFormedUrlsAreParsed_data();
    void wellFormedUrlsAreParsed();
    void malformedUrlsAreRefusedWithoutThePassword_data();
    void malformedUrlsAreRefusedWithoutThePassword();

    void aPathOpensASqliteStore();
    void anEmptyNameIsRefused();
    void aMalformedUrlIsRefusedBeforeAnyConnection();
    void anUnreachableServerIsUnavailable();
};

void tst_EventStoreFactory::urlsAreToldFromPaths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isUrl");
    QTest::newRow("a postgresql URL is a server") << u"postgresql://h/d"_s << true;
    QTest::newRow("a postgres URL is a server") << u"postgres://h/d"_s << true;
    QTest::newRow("the scheme in capitals is a server") << u"PostgreSQL://h/d"_s << true;
    QTest::newRow("an absolute path is a file") << u"/var/lib/hoststand/store.sqlite"_s << false;
    QTest::newRow("a file named after the scheme is a file") << u"postgresql.sqlite"_s << false;
    QTest::newRow("a relative path is a file") << u"stores/desk.sqlite"_s << false;
}

void tst_EventStoreFactory::urlsAreToldFromPaths()
{
    QFETCH(QString, text);
    QFETCH(bool, isUrl);
    QCOMPARE(PostgresConnectionSettings::isUrl(text), isUrl);
}

void tst_EventStoreFactory::wellFormedUrlsAreParsed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("location");

    QTest::newRow("a full URL names every part")
        << u"postgresql://ann:secret@db.example:6543/hoststand"_s << u"db.example"_s << 6543
        << u"ann"_s << u"secret"_s << u"hoststand"_s << u"hoststand"_s
        << u"postgresql://ann@db.example:6543/hoststand"_s;
    QTest::newRow("the postgres scheme without a port uses 5432")
        << u"postgres://ann@localhost/desk"_s << u"localhost"_s << 5432 << u"ann"_s << QString()
        << u"desk"_s << u"hoststand"_s << u"postgresql://ann@localhost:5432/desk"_s;
    QTest::newRow("user and password are percent-decoded")
        << u"postgresql://ann%40corp:p%3Ass%2Fw%40rd@127.0.0.1:5432/desk"_s << u"127.0.0.1"_s
        << 5432 << u"ann@corp"_s << u"p:ss/w@rd"_s << u"desk"_s << u"hoststand"_s
        << u"postgresql://ann%40corp@127.0.0.1:5432/desk"_s;
    QTest::newRow("an IPv6 host keeps its brackets in the location")
        << u"postgresql://ann@[::1]:5433/desk"_s << u"::1"_s << 5433 << u"ann"_s << QString()
        << u"desk"_s << u"hoststand"_s << u"postgresql://ann@[::1]:5433/desk"_s;
    QTest::newRow("a database name is percent-decoded")
        << u"postgresql://ann@h/front%20desk"_s << u"h"_s << 5432 << u"ann"_s << QString()
        << u"front desk"_s << u"hoststand"_s << u"postgresql://ann@h:5432/front%20desk"_s;
    QTest::newRow("a schema and an sslmode are kept in the location")
        << u"postgresql://ann:pw@h:5432/desk?schema=terminal_2&sslmode=require"_s << u"h"_s << 5432
        << u"ann"_s << u"pw"_s << u"desk"_s << u"terminal_2"_s
        << u"postgresql://ann@h:5432/desk?schema=terminal_2&sslmode=require"_s;
    QTest::newRow("a URL without a user leaves it to libpq")
        << u"postgresql://h:5432/desk"_s << u"h"_s << 5432 << QString() << QString() << u"desk"_s
        << u"hoststand"_s << u"postgresql://h:5432/desk"_s;
}

void tst_EventStoreFactory::wellFormedUrlsAreParsed()
{
    QFETCH(QString, url);
    auto settings = PostgresConnectionSettings::fromUrl(url);
    QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error().message()));
    QTEST(settings.value().host, "host");
    QTEST(settings.value().port, "port");
    QTEST(settings.value().user, "user");
    QTEST(settings.value().password, "password");
    QTEST(settings.value().database, "database");
    QTEST(settings.value().schema, "schema");
    QTEST(settings.value().location(), "location");
    // The location parses back to the same settings, less the password.
    auto again = PostgresConnectionSettings::fromUrl(settings.value().location());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message()));
    PostgresConnectionSettings withoutPassword = settings.value();
    withoutPassword.password.clear();
    QVERIFY(again.value() == withoutPassword);
}

void tst_EventStoreFactory::malformedUrlsAreRefusedWithoutThePassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason");

    QTest::newRow("a URL without a host")
        << u"postgresql://ann:hunter2@/desk"_s << u"names no server"_s;
    QTest::newRow("a URL without a database")
        << u"postgresql://ann:hunter2@h:5432"_s << u"names no database"_s;
    QTest::newRow("a URL with an empty database")
        << u"postgresql://ann:hunter2@h:5432/"_s << u"names no database"_s;
    QTest::newRow("a database name with a slash")
        << u"postgresql://ann:hunter2@h/front/desk"_s << u"contains '/'"_s;
    QTest::newRow("a port that is not a number")
        << u"postgresql://ann:hunter2@h:54x2/desk"_s << u"port"_s;
    QTest::newRow("a port out of range") << u"postgresql://ann:hunter2@h:70000/desk"_s << u"port"_s;
    QTest::newRow("a port of zero") << u"postgresql://ann:hunter2@h:0/desk"_s << u"port"_s;
    QTest::newRow("an unknown parameter")
        << u"postgresql://ann:hunter2@h/desk?pool=3"_s << u"\"pool\" is not known"_s;
    QTest::newRow("a schema that is not a lowercase identifier")
        << u"postgresql://ann:hunter2@h/desk?schema=Front-Desk"_s
        << u"not a lowercase identifier"_s;
    QTest::newRow("a schema name that is too long")
        << u"postgresql://ann:hunter2@h/desk?schema=%1"_s.arg(QString(60, u'a'))
        << u"longer than"_s;
    QTest::newRow("an sslmode libpq does not know")
        << u"postgresql://ann:hunter2@h/desk?sslmode=always"_s << u"sslmode \"always\""_s;
    QTest::newRow("a fragment") << u"postgresql://ann:hunter2@h/desk#top"_s << u"fragment"_s;
    QTest::newRow("spaces in the host")
        << u"postgresql://ann:hunter2@front desk/desk"_s << u"host"_s;
}

void tst_EventStoreFactory::malformedUrlsAreRefusedWithoutThePassword()
{
    QFETCH(QString, url);
    QFETCH(QString, reason);
    auto settings = PostgresConnectionSettings::fromUrl(url);
    QVERIFY(!settings.ok());
    QCOMPARE(settings.error().code(), StoreError::Code::InvalidArgument);
    const QString message = settings.error().message();
    QVERIFY2(message.contains(reason, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(message.contains(u"malformed"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"hunter2"_s), qPrintable(message));
}

void tst_EventStoreFactory::aPathOpensASqliteStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"desk.sqlite"_s);
    auto store = openEventStore(path);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message()));
    QVERIFY(dynamic_cast<SqliteEventStore *>(store.value().get()));
    QCOMPARE(store.value()->location(), QDir::toNativeSeparators(path));
}

void tst_EventStoreFactory::anEmptyNameIsRefused()
{
    auto store = openEventStore(u"  "_s);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code(), StoreError::Code::InvalidArgument);
}

void tst_EventStoreFactory::aMalformedUrlIsRefusedBeforeAnyConnection()
{
    auto store = openEventStore(u"postgresql://ann:hunter2@h:99999/desk"_s);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code(), StoreError::Code::InvalidArgument);
    QVERIFY2(!store.error().message().contains(u"hunter2"_s), qPrintable(store.error().message()));
}

// Port 1 on the loopback interface: a privileged port nobody listens on,
// so the connection is refused at once.
void tst_EventStoreFactory::anUnreachableServerIsUnavailable()
{
    auto store = openEventStore(u"postgresql://ann:hunter2@127.0.0.1:1/desk"_s);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code(), StoreError::Code::Unavailable);
    const QString message = store.error().message();
    QVERIFY2(message.startsWith(u"The PostgreSQL server at 127.0.0.1:1 cannot be reached: "_s),
             qPrintable(message));
    QVERIFY2(!message.contains(u"hunter2"_s), qPrintable(message));
}

QTEST_GUILESS_MAIN(tst_EventStoreFactory)
#include "tst_eventstorefactory.moc"
