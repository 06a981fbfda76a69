// Terminals whose clocks are wrong (a year ahead, hours ahead, a day
// behind), run as hoststand-cli processes with --now against the bookings
// another terminal made with the right time, on a SQLite file and on a
// PostgreSQL server: none releases a table early, none lets a second party
// onto a held table, and each says that its clock is out of step.

#include "tests/cli/CliRunner.h"
#include "tests/postgres/PostgresTestServer.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace hoststand::test;

namespace {

QString iso(const QDateTime &moment)
{
    return moment.toUTC().toString(Qt::ISODate);
}

QStringList words(const QString &line)
{
    return line.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class tst_ClockSkew final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aWrongClockReleasesNothingEarlyAndSaysSo_data();
    void aWrongClockReleasesNothingEarlyAndSaysSo();

private:
    PostgresTestServer m_server;
    std::optional<QString> m_serverProblem;
    QTemporaryDir m_dir;
};

void tst_ClockSkew::initTestCase()
{
    m_serverProblem = m_server.start();
}

void tst_ClockSkew::aWrongClockReleasesNothingEarlyAndSaysSo_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<qint64>("offset"); // seconds the wrong terminal is off the right time
    QTest::addColumn<QString>("says");
    const qint64 year = 365 * 86400;
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        QTest::addRow("%s: a terminal a year ahead", qPrintable(backend))
            << backend << year << u"ahead of the store's"_s;
        QTest::addRow("%s: a terminal three hours ahead", qPrintable(backend))
            << backend << qint64(3 * 3600) << u"ahead of the store's"_s;
        QTest::addRow("%s: a terminal a day behind", qPrintable(backend))
            << backend << qint64(-86400) << u"behind the store's"_s;
    }
}

void tst_ClockSkew::aWrongClockReleasesNothingEarlyAndSaysSo()
{
    QFETCH(QString, backend);
    QFETCH(qint64, offset);
    QFETCH(QString, says);
    QString store = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')
                                   + u".hoststand"_s);
    if (backend == u"postgres"_s) {
        HS_REQUIRE_POSTGRES(m_serverProblem);
        QString problem;
        const std::optional<QString> url = m_server.createDatabase(&problem);
        QVERIFY2(url, qPrintable(problem));
        store = *url;
    }
    // The right terminal: this machine's clock, the one that stamps events
    // (a SQLite file) or close to the server's on this machine.
    const CliRunner right({u"--store"_s, store});
    for (const QString &line : {u"settings time-zone UTC"_s,
                                u"settings service-periods --day all --period "
                                "dinner=18:30-22:30"_s,
                                u"tables add T1 --seats 4"_s, u"tables add T2 --seats 4"_s}) {
        const CliRun run = right.run(words(line));
        QVERIFY2(run.exitCode == 0, run.describe(words(line)).constData());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime nextWeek(now.date().addDays(7), QTime(19, 0), QTimeZone::utc());
    const CliRun ahead
        = right.run(words(u"book --table T1 --at %1 --party 2 --name First"_s.arg(iso(nextWeek))));
    QVERIFY2(ahead.exitCode == 0, ahead.err.constData());
    const CliRun seated = right.run(words(u"walk-in --table T2 --party 2 --name Seated"_s));
    QVERIFY2(seated.exitCode == 0, seated.err.constData());

    const CliRunner wrong({u"--store"_s, store, u"--now"_s, iso(now.addSecs(offset))});
    const CliRun expired = wrong.run(words(u"--json expire-locks"_s));
    QVERIFY2(expired.exitCode == 0, expired.describe({u"expire-locks"_s}).constData());
    QCOMPARE(jsonAt(expired.json(), u"#"_s), u"0"_s);
    QVERIFY2(expired.err.contains(says.toUtf8()), expired.err.constData());

    const CliRun locks = right.run(words(u"--json locks list"_s));
    QCOMPARE(jsonAt(locks.json(), u"#"_s), u"2"_s);
    const CliRun second
        = right.run(words(u"book --table T1 --at %1 --party 2 --name Second"_s.arg(iso(nextWeek))));
    QVERIFY2(second.exitCode == 1, second.describe({u"book"_s}).constData());
    const CliRun another = right.run(words(u"walk-in --table T2 --party 2 --name Another"_s));
    QVERIFY2(another.exitCode == 1, another.describe({u"walk-in"_s}).constData());
    // The right terminal itself is in step: it says nothing of clocks.
    QVERIFY2(!locks.err.contains("clock"), locks.err.constData());
}

QTEST_GUILESS_MAIN(tst_ClockSkew)
#include "tst_clockskew.moc"
