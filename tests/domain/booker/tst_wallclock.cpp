#include "domain/booker/WallClock.h"

#include "BookerFixtures.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;

class tst_WallClock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aLocalTimeNamesOneMomentOrIsRefusedWithTheReason_data();
    void aLocalTimeNamesOneMomentOrIsRefusedWithTheReason();
    void aRepeatedTimeIsShownWithItsOffset_data();
    void aRepeatedTimeIsShownWithItsOffset();
};

void tst_WallClock::aLocalTimeNamesOneMomentOrIsRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("local"); // "yyyy-MM-ddTHH:mm"
    QTest::addColumn<QString>("moment"); // in UTC, when there is one
    QTest::addColumn<int>("moments"); // how many the local time names
    QTest::addColumn<QString>("refusal");
    const auto one = [](const char *name, const char *zone, const char *local, const char *utc) {
        QTest::newRow(name) << QString::fromLatin1(zone) << QString::fromLatin1(local)
                            << QString::fromLatin1(utc) << 1 << QString();
    };
    const auto refused = [](const char *name, const char *zone, const char *local, int moments,
                            const QString &refusal) {
        QTest::newRow(name) << QString::fromLatin1(zone) << QString::fromLatin1(local) << QString()
                            << moments << refusal;
    };
    one("19:00 on a winter evening in Paris is one moment", "Europe/Paris", "2026-12-04T19:00",
        "2026-12-04T18:00:00Z");
    one("1:59 before the clocks spring forward in Paris is one moment", "Europe/Paris",
        "2027-03-28T01:59", "2027-03-28T00:59:00Z");
    refused("2:00 when the clocks spring forward in Paris does not exist", "Europe/Paris",
            "2027-03-28T02:00", 0,
            u"2:00 does not exist on 28 March 2027 in Europe/Paris: the clocks go from 2:00 to "
            u"3:00."_s);
    refused("2:30 when the clocks spring forward in Paris does not exist", "Europe/Paris",
            "2027-03-28T02:30", 0,
            u"2:30 does not exist on 28 March 2027 in Europe/Paris: the clocks go from 2:00 to "
            u"3:00."_s);
    one("3:00 when the clocks spring forward in Paris is the first moment after", "Europe/Paris",
        "2027-03-28T03:00", "2027-03-28T01:00:00Z");
    one("1:59 before the clocks fall back in Paris is one moment", "Europe/Paris",
        "2026-10-25T01:59", "2026-10-24T23:59:00Z");
    refused("2:30 when the clocks fall back in Paris happens twice", "Europe/Paris",
            "2026-10-25T02:30", 2,
            u"2:30 happens twice on 25 October 2026 in Europe/Paris: the clocks go back from 3:00 "
            u"to 2:00. Give the offset: +02:00 for the first 2:30, +01:00 for the second."_s);
    refused("2:00 when the clocks fall back in Paris happens twice", "Europe/Paris",
            "2026-10-25T02:00", 2,
            u"2:00 happens twice on 25 October 2026 in Europe/Paris: the clocks go back from 3:00 "
            u"to 2:00. Give the offset: +02:00 for the first 2:00, +01:00 for the second."_s);
    one("3:00 when the clocks fall back in Paris is one moment", "Europe/Paris", "2026-10-25T03:00",
        "2026-10-25T02:00:00Z");
    refused("2:30 when Sydney's clocks spring forward in October does not exist",
            "Australia/Sydney", "2026-10-04T02:30", 0,
            u"2:30 does not exist on 4 October 2026 in Australia/Sydney: the clocks go from 2:00 "
            u"to 3:00."_s);
    refused("2:30 when Sydney's clocks fall back in April happens twice", "Australia/Sydney",
            "2026-04-05T02:30", 2,
            u"2:30 happens twice on 5 April 2026 in Australia/Sydney: the clocks go back from 3:00 "
            u"to 2:00. Give the offset: +11:00 for the first 2:30, +10:00 for the second."_s);
    one("New York's evening is one moment", "America/New_York", "2026-12-04T19:00",
        "2026-12-05T00:00:00Z");
    one("2:30 in UTC on a European change of the clocks is one moment", "UTC", "2027-03-28T02:30",
        "2027-03-28T02:30:00Z");
}

void tst_WallClock::aLocalTimeNamesOneMomentOrIsRefusedWithTheReason()
{
    QFETCH(QString, zone);
    QFETCH(QString, local);
    QFETCH(QString, moment);
    QFETCH(int, moments);
    QFETCH(QString, refusal);
    const WallClock clock {QTimeZone(zone.toUtf8())};
    const QDateTime wallClock = QDateTime::fromString(local, u"yyyy-MM-ddTHH:mm"_s);
    QVERIFY(wallClock.isValid());

    const DomainResult<QDateTime> resolved = clock.moment(wallClock.date(), wallClock.time());

    QCOMPARE(clock.momentsOf(wallClock.date(), wallClock.time()).size(), moments);
    if (refusal.isEmpty()) {
        QVERIFY2(resolved.ok(), why(resolved).constData());
        QCOMPARE(resolved.value(), at(moment));
        return;
    }
    QVERIFY2(!resolved.ok(), "accepted");
    QCOMPARE(resolved.error().code(), DomainError::Code::InvalidInput);
    QCOMPARE(resolved.error().message(), refusal);
}

void tst_WallClock::aRepeatedTimeIsShownWithItsOffset_data()
{
    QTest::addColumn<QString>("moment");
    QTest::addColumn<QString>("shown");
    QTest::newRow("a winter evening shows its time alone")
        << u"2026-12-04T18:00:00Z"_s << u"2026-12-04 19:00"_s;
    QTest::newRow("1:30 before the clocks fall back shows its time alone")
        << u"2026-10-24T23:30:00Z"_s << u"2026-10-25 01:30"_s;
    QTest::newRow("the first 2:30 of the night the clocks fall back shows +02:00")
        << u"2026-10-25T00:30:00Z"_s << u"2026-10-25 02:30 +02:00"_s;
    QTest::newRow("the second 2:30 of that night shows +01:00")
        << u"2026-10-25T01:30:00Z"_s << u"2026-10-25 02:30 +01:00"_s;
    QTest::newRow("3:00 after the clocks fell back shows its time alone")
        << u"2026-10-25T02:00:00Z"_s << u"2026-10-25 03:00"_s;
    QTest::newRow("3:00 right after the clocks sprang forward shows its time alone")
        << u"2027-03-28T01:00:00Z"_s << u"2027-03-28 03:00"_s;
}

void tst_WallClock::aRepeatedTimeIsShownWithItsOffset()
{
    QFETCH(QString, moment);
    QFETCH(QString, shown);
    const WallClock paris {QTimeZone("Europe/Paris")};

    QCOMPARE(paris.format(at(moment), u"yyyy-MM-dd HH:mm"_s), shown);
    QCOMPARE(paris.isRepeated(at(moment)), shown.contains(u'+'));
}

QTEST_GUILESS_MAIN(tst_WallClock)
#include "tst_wallclock.moc"
