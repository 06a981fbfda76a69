#include "eventstore/PostgresEventStore.h"
#include "tests/postgres/PostgresTestServer.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

constexpr int LeaseMs = 1000;
const QString Group = QStringLiteral("booking-saga");

// The next line a helper prints, while the event loop runs; nothing on
// timeout or when the helper has ended.
std::optional<QString> nextLine(QProcess &process, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine()) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return std::nullopt;
        process.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 50)));
    }
    return QString::fromUtf8(process.readLine()).trimmed();
}

QList<EventData> events(int first, int count)
{
    QList<EventData> list;
    for (int n = first; n < first + count; ++n)
        list.append(EventData::fromJson(u"table-booking-initiated"_s, {{u"n"_s, n}}));
    return list;
}

} // namespace

// A persistent subscription group shared by two consumer processes, each
// with its own connection: one holds the lease and handles the events; when
// it is killed, the other takes the lease over once it expires and goes on
// from the group's checkpoint.
class tst_PostgresLease final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void secondConsumerTakesOverWhenTheHolderDies();

private:
    void startConsumer(QProcess &consumer);
    QList<qint64> handledPositions(QProcess &consumer, int count);

    test::PostgresTestServer m_server;
    QString m_url;
    std::unique_ptr<PostgresEventStore> m_store;
    QProcess m_first;
    QProcess m_second;
};

void tst_PostgresLease::initTestCase()
{
    HS_REQUIRE_POSTGRES(m_server.start());
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
    auto store = PostgresEventStore::open(m_url);
    PG_VERIFY_OK(store);
    m_store = std::move(store).value();
    PG_VERIFY_OK(m_store->createGroup(Group, 0));
}

void tst_PostgresLease::cleanup()
{
    for (QProcess *consumer : {&m_first, &m_second}) {
        consumer->kill();
        consumer->waitForFinished(10000);
    }
}

void tst_PostgresLease::startConsumer(QProcess &consumer)
{
    consumer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    consumer.start(QString::fromUtf8(HOSTSTAND_STORE_HELPER),
                   {u"consume"_s, m_url, Group, QString::number(LeaseMs)});
    QVERIFY2(consumer.waitForStarted(10000), qPrintable(consumer.errorString()));
}

QList<qint64> tst_PostgresLease::handledPositions(QProcess &consumer, int count)
{
    QList<qint64> positions;
    while (positions.size() < count) {
        const auto line = nextLine(consumer, 10000);
        if (!line || !line->startsWith(u"handled "_s))
            break;
        positions.append(line->mid(8).toLongLong());
    }
    return positions;
}

void tst_PostgresLease::secondConsumerTakesOverWhenTheHolderDies()
{
    startConsumer(m_first);
    QCOMPARE(nextLine(m_first, 10000), u"lease"_s);
    startConsumer(m_second);
    // Several of the holder's renewals: the second consumer stays out.
    QCOMPARE(nextLine(m_second, 2 * LeaseMs), std::nullopt);

    PG_VERIFY_OK(m_store->append(u"booking-1"_s, events(1, 3), ExpectedRevision::noStream()));
    QCOMPARE(handledPositions(m_first, 3), (QList<qint64> {1, 2, 3}));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->groupInfo(Group).value().checkpoint, 3, 5000);
    const QString firstOwner = m_store->groupInfo(Group).value().leaseOwner;
    QVERIFY(!firstOwner.isEmpty());

    m_first.kill(); // SIGKILL: no release of the lease, as in a crash
    QVERIFY(m_first.waitForFinished(10000));
    PG_VERIFY_OK(m_store->append(u"booking-1"_s, events(4, 3), ExpectedRevision::exact(2)));

    QCOMPARE(nextLine(m_second, 5 * LeaseMs), u"lease"_s);
    QCOMPARE(handledPositions(m_second, 3), (QList<qint64> {4, 5, 6}));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->groupInfo(Group).value().checkpoint, 6, 5000);
    const QString secondOwner = m_store->groupInfo(Group).value().leaseOwner;
    QVERIFY(!secondOwner.isEmpty());
    QVERIFY(secondOwner != firstOwner);
}

QTEST_GUILESS_MAIN(tst_PostgresLease)
#include "tst_postgreslease.moc"
