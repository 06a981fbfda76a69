#include "domain/booker/RestaurantSettings.h"
#include "domain/booker/SettingsRules.h"

#include "BookerFixtures.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;

Q_DECLARE_METATYPE(QList<hoststand::ServicePeriod>)
Q_DECLARE_METATYPE(QList<hoststand::TurnTime>)

namespace {

ServicePeriod period(int weekday, const QString &name, const QString &start, const QString &end)
{
    return {weekday, name, QTime::fromString(start, u"HH:mm"_s),
            QTime::fromString(end, u"HH:mm"_s)};
}

// Lunch and dinner every day, and on Sundays a late service across the
// night, so that DST changes (which in Europe happen on Sunday nights) fall
// inside a period.
RestaurantSettings berlinWithANightService()
{
    RestaurantSettings settings = settingsIn(u"Europe/Berlin"_s);
    auto defined
        = settings.defineServicePeriodsOn(7,
                                          {period(7, u"lunch"_s, u"12:00"_s, u"14:30"_s),
                                           period(7, u"night"_s, u"01:00"_s, u"04:00"_s),
                                           period(7, u"dinner"_s, u"18:30"_s, u"22:30"_s)});
    settings.apply(valueOf(std::move(defined)));
    return settings;
}

} // namespace

class tst_RestaurantSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewStoreHasSensibleDefaults();
    void turnTimes_data();
    void turnTimes();
    void turnTimeDefinitions_data();
    void turnTimeDefinitions();
    void periodDefinitions_data();
    void periodDefinitions();
    void theFormsRowProblemsAreTheRulesTheSettingsEnforce_data();
    void theFormsRowProblemsAreTheRulesTheSettingsEnforce();
    void periodsOfOneWeekdayAreReplacedAlone();
    void periodsForAnotherWeekdayAreRefused();
    void slotLength_data();
    void slotLength();
    void timeZone_data();
    void timeZone();
    void aRefusedNameSaysWhatIsWrongWithoutRepeatingIt_data();
    void aRefusedNameSaysWhatIsWrongWithoutRepeatingIt();
    void bookingHorizon_data();
    void bookingHorizon();
    void theHorizonCountsTheRestaurantsDays_data();
    void theHorizonCountsTheRestaurantsDays();
    void theLastEventOfEachKindWins();
    void aDaysSlotsFollowThePeriodsAndTheGrid();
    void dstDaySlots_data();
    void dstDaySlots();
    void slotStarts_data();
    void slotStarts();
    void aWallClockTimeSkippedByDstIsTakenAfterTheChange();
};

void tst_RestaurantSettings::aNewStoreHasSensibleDefaults()
{
    const RestaurantSettings settings = RestaurantSettings::fromEvents({});
    QCOMPARE(settings.servicePeriods().size(), 14);
    for (int weekday = 1; weekday <= 7; ++weekday) {
        const QList<ServicePeriod> expected {period(weekday, u"lunch"_s, u"12:00"_s, u"14:30"_s),
                                             period(weekday, u"dinner"_s, u"18:30"_s, u"22:30"_s)};
        QCOMPARE(settings.servicePeriodsOn(weekday), expected);
    }
    QCOMPARE(settings.slotMinutes(), 15);
    const QString system = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const QString expectedZone
        = system.isEmpty() || !QTimeZone(system.toUtf8()).isValid() ? u"UTC"_s : system;
    QCOMPARE(settings.timeZoneId(), expectedZone);
    QVERIFY(settings.timeZone().isValid());
    const QList<TurnTime> turns {{2, 90}, {4, 105}, {6, 120}};
    QCOMPARE(settings.turnTimes(), turns);
    QCOMPARE(settings.largerPartyMinutes(), 150);
}

void tst_RestaurantSettings::turnTimes_data()
{
    QTest::addColumn<int>("partySize");
    QTest::addColumn<int>("minutes");
    QTest::newRow("a guest alone keeps the table ninety minutes") << 1 << 90;
    QTest::newRow("a couple keeps the table ninety minutes") << 2 << 90;
    QTest::newRow("a party of three keeps it 105 minutes") << 3 << 105;
    QTest::newRow("a party of four keeps it 105 minutes") << 4 << 105;
    QTest::newRow("a party of five keeps it two hours") << 5 << 120;
    QTest::newRow("a party of six keeps it two hours") << 6 << 120;
    QTest::newRow("a party of seven keeps it 150 minutes") << 7 << 150;
    QTest::newRow("a party of fifty keeps it 150 minutes") << 50 << 150;
}

void tst_RestaurantSettings::turnTimes()
{
    QFETCH(int, partySize);
    QFETCH(int, minutes);
    QCOMPARE(RestaurantSettings().turnMinutesFor(party(partySize)), minutes);
}

void tst_RestaurantSettings::turnTimeDefinitions_data()
{
    QTest::addColumn<QList<TurnTime>>("turnTimes");
    QTest::addColumn<int>("larger");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("ascending sizes are saved")
        << QList<TurnTime> {{2, 60}, {8, 120}} << 180 << true;
    QTest::newRow("no sizes at all give every party the larger turn")
        << QList<TurnTime> {} << 100 << true;
    QTest::newRow("descending sizes are refused")
        << QList<TurnTime> {{4, 105}, {2, 90}} << 150 << false;
    QTest::newRow("a size given twice is refused")
        << QList<TurnTime> {{2, 90}, {2, 100}} << 150 << false;
    QTest::newRow("a party size of 0 is refused") << QList<TurnTime> {{0, 90}} << 150 << false;
    QTest::newRow("a party size of 51 is refused") << QList<TurnTime> {{51, 90}} << 150 << false;
    QTest::newRow("a turn of 14 minutes is refused") << QList<TurnTime> {{2, 14}} << 150 << false;
    QTest::newRow("a turn of 601 minutes is refused") << QList<TurnTime> {{2, 601}} << 150 << false;
    QTest::newRow("a larger parties' turn of 601 minutes is refused")
        << QList<TurnTime> {{2, 90}} << 601 << false;
}

void tst_RestaurantSettings::turnTimeDefinitions()
{
    QFETCH(QList<TurnTime>, turnTimes);
    QFETCH(int, larger);
    QFETCH(bool, accepted);

    RestaurantSettings settings;
    const auto decision = settings.defineTurnTimes(turnTimes, larger);
    QCOMPARE(decision.ok(), accepted);
    if (!accepted) {
        QCOMPARE(decision.error().code(), DomainError::Code::InvalidInput);
        return;
    }
    settings.apply(decision.value());
    QCOMPARE(settings.turnTimes(), turnTimes);
    QCOMPARE(settings.largerPartyMinutes(), larger);
    const int forTwo = turnTimes.isEmpty() ? larger : turnTimes.constFirst().minutes;
    QCOMPARE(settings.turnMinutesFor(party(2)), forTwo);
    QCOMPARE(settings.turnMinutesFor(party(50)), larger);
}

void tst_RestaurantSettings::periodDefinitions_data()
{
    QTest::addColumn<QList<ServicePeriod>>("periods");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("valid periods are saved")
        << QList<ServicePeriod> {period(5, u"dinner"_s, u"18:00"_s, u"23:00"_s),
                                 period(5, u"lunch"_s, u"11:30"_s, u"14:00"_s),
                                 period(6, u"brunch"_s, u"10:00"_s, u"15:00"_s)}
        << true;
    QTest::newRow("periods that touch are saved")
        << QList<ServicePeriod> {period(1, u"lunch"_s, u"12:00"_s, u"15:00"_s),
                                 period(1, u"tea"_s, u"15:00"_s, u"17:00"_s)}
        << true;
    QTest::newRow("the same hours on two weekdays are saved")
        << QList<ServicePeriod> {period(1, u"lunch"_s, u"12:00"_s, u"15:00"_s),
                                 period(2, u"lunch"_s, u"12:00"_s, u"15:00"_s)}
        << true;
    QTest::newRow("a restaurant closed all week is saved") << QList<ServicePeriod> {} << true;
    QTest::newRow("a period that ends before it starts is refused")
        << QList<ServicePeriod> {period(1, u"dinner"_s, u"22:00"_s, u"18:00"_s)} << false;
    QTest::newRow("a period that ends when it starts is refused")
        << QList<ServicePeriod> {period(1, u"dinner"_s, u"18:00"_s, u"18:00"_s)} << false;
    QTest::newRow("overlapping periods on one weekday are refused")
        << QList<ServicePeriod> {period(3, u"lunch"_s, u"12:00"_s, u"15:00"_s),
                                 period(3, u"dinner"_s, u"14:30"_s, u"22:00"_s)}
        << false;
    QTest::newRow("a period inside another is refused")
        << QList<ServicePeriod> {period(3, u"dinner"_s, u"18:00"_s, u"23:00"_s),
                                 period(3, u"theatre"_s, u"19:00"_s, u"20:00"_s)}
        << false;
    QTest::newRow("a period without a name is refused")
        << QList<ServicePeriod> {period(1, u"  "_s, u"12:00"_s, u"15:00"_s)} << false;
    QTest::newRow("a weekday 8 is refused")
        << QList<ServicePeriod> {period(8, u"lunch"_s, u"12:00"_s, u"15:00"_s)} << false;
    QTest::newRow("a period without a start is refused")
        << QList<ServicePeriod> {{1, u"lunch"_s, QTime(), QTime(15, 0)}} << false;
    QTest::newRow("a period ending on a second is refused")
        << QList<ServicePeriod> {{1, u"lunch"_s, QTime(12, 0), QTime(15, 0, 30)}} << false;
    QTest::newRow("a period named with a terminal escape is refused")
        << QList<ServicePeriod> {period(1, u"lunch\x1b[2J"_s, u"12:00"_s, u"15:00"_s)} << false;
    QTest::newRow("a period named on two lines is refused")
        << QList<ServicePeriod> {period(1, u"lunch\nfake"_s, u"12:00"_s, u"15:00"_s)} << false;
    QTest::newRow("a period named with 40 characters is saved")
        << QList<ServicePeriod> {period(1, QString(40, u'l'), u"12:00"_s, u"15:00"_s)} << true;
    QTest::newRow("a period named with 41 characters is refused")
        << QList<ServicePeriod> {period(1, QString(41, u'l'), u"12:00"_s, u"15:00"_s)} << false;
}

void tst_RestaurantSettings::periodDefinitions()
{
    QFETCH(QList<ServicePeriod>, periods);
    QFETCH(bool, accepted);

    RestaurantSettings settings = settingsIn(u"UTC"_s);
    const auto decision = settings.defineServicePeriods(periods);
    QCOMPARE(decision.ok(), accepted);
    if (!accepted) {
        QCOMPARE(decision.error().code(), DomainError::Code::InvalidInput);
        QVERIFY(!decision.error().message().isEmpty());
        return;
    }
    QCOMPARE(decision.value().timeZone, u"UTC"_s);
    QCOMPARE(decision.value().slotMinutes, 15);
    settings.apply(decision.value());
    QCOMPARE(settings.servicePeriods().size(), periods.size());
    for (const ServicePeriod &p : std::as_const(periods))
        QVERIFY(settings.servicePeriodsOn(p.weekday).contains(p));
    for (qsizetype i = 1; i < settings.servicePeriods().size(); ++i) {
        const ServicePeriod &a = settings.servicePeriods().at(i - 1);
        const ServicePeriod &b = settings.servicePeriods().at(i);
        QVERIFY(a.weekday < b.weekday || (a.weekday == b.weekday && a.start < b.start));
    }
}

void tst_RestaurantSettings::periodsOfOneWeekdayAreReplacedAlone()
{
    RestaurantSettings settings;
    const QList<ServicePeriod> monday {period(1, u"dinner"_s, u"17:00"_s, u"21:00"_s)};
    settings.apply(valueOf(settings.defineServicePeriodsOn(1, monday)));
    QCOMPARE(settings.servicePeriodsOn(1), monday);
    QCOMPARE(settings.servicePeriodsOn(2).size(), 2);
    QCOMPARE(settings.servicePeriods().size(), 13);

    settings.apply(valueOf(settings.defineServicePeriodsOn(2, {})));
    QVERIFY(settings.servicePeriodsOn(2).isEmpty());
    QCOMPARE(settings.servicePeriods().size(), 11);
}

void tst_RestaurantSettings::periodsForAnotherWeekdayAreRefused()
{
    const RestaurantSettings settings;
    const auto decision
        = settings.defineServicePeriodsOn(1, {period(2, u"dinner"_s, u"17:00"_s, u"21:00"_s)});
    QVERIFY(!decision.ok());
    QCOMPARE(decision.error().code(), DomainError::Code::InvalidInput);
    QVERIFY(!settings.defineServicePeriodsOn(0, {}).ok());
}

void tst_RestaurantSettings::slotLength_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("a slot of 4 minutes is refused") << 4 << false;
    QTest::newRow("a slot of 5 minutes is saved") << 5 << true;
    QTest::newRow("a slot of 30 minutes is saved") << 30 << true;
    QTest::newRow("a slot of 120 minutes is saved") << 120 << true;
    QTest::newRow("a slot of 121 minutes is refused") << 121 << false;
}

void tst_RestaurantSettings::slotLength()
{
    QFETCH(int, minutes);
    QFETCH(bool, accepted);
    RestaurantSettings settings = settingsIn(u"UTC"_s);
    const auto decision = settings.defineSlotLength(minutes);
    QCOMPARE(decision.ok(), accepted);
    if (!accepted)
        return;
    settings.apply(decision.value());
    QCOMPARE(settings.slotMinutes(), minutes);
    QCOMPARE(settings.servicePeriods(), RestaurantSettings().servicePeriods());
    QCOMPARE(settings.timeZoneId(), u"UTC"_s);
}

void tst_RestaurantSettings::timeZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("Europe/Berlin is saved") << u"Europe/Berlin"_s << true;
    QTest::newRow("America/New_York is saved") << u"America/New_York"_s << true;
    QTest::newRow("UTC is saved") << u"UTC"_s << true;
    QTest::newRow("an unknown zone is refused") << u"Mars/Olympus_Mons"_s << false;
    QTest::newRow("an empty zone is refused") << QString() << false;
    QTest::newRow("a zone with a right-to-left override is refused")
        << u"Europe/\u202EParis"_s << false;
}

void tst_RestaurantSettings::timeZone()
{
    QFETCH(QString, zone);
    QFETCH(bool, accepted);
    RestaurantSettings settings;
    const auto decision = settings.defineTimeZone(zone);
    QCOMPARE(decision.ok(), accepted);
    if (!accepted)
        return;
    settings.apply(decision.value());
    QCOMPARE(settings.timeZoneId(), zone);
    QCOMPARE(settings.timeZone().id(), zone.toUtf8());
}

void tst_RestaurantSettings::aRefusedNameSaysWhatIsWrongWithoutRepeatingIt_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("a period's name with a terminal escape names the character")
        << u"period"_s << u"dinner\x1b[31m"_s
        << u"The name of a service period on Monday contains a control character (U+001B) at "
           u"character 7; it must be printable text on one line."_s;
    QTest::newRow("an over-long period's name is named by its length")
        << u"period"_s << QString(10000, u'd')
        << u"The name of a service period on Monday is 10000 characters long; at most 40 are "
           u"allowed."_s;
    QTest::newRow("a time zone with a right-to-left override names the character")
        << u"zone"_s << u"Europe/\u202EParis"_s
        << u"The time zone's name contains an invisible formatting character (U+202E) at "
           u"character 8; it must be printable text on one line."_s;
    QTest::newRow("an over-long time zone is named by its length")
        << u"zone"_s << QString(102400, u'z')
        << u"The time zone's name is 102400 characters long; at most 64 are allowed."_s;
}

void tst_RestaurantSettings::aRefusedNameSaysWhatIsWrongWithoutRepeatingIt()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, refusal);
    const RestaurantSettings settings = settingsIn(u"UTC"_s);

    const auto decision = field == u"zone"_s
        ? settings.defineTimeZone(value)
        : settings.defineServicePeriodsOn(1, {period(1, value, u"18:00"_s, u"22:00"_s)});

    QVERIFY(!decision.ok());
    QCOMPARE(decision.error().code(), DomainError::Code::InvalidInput);
    QCOMPARE(decision.error().message(), refusal);
}

void tst_RestaurantSettings::bookingHorizon_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("a horizon of 0 days is refused") << 0 << false;
    QTest::newRow("a horizon of 1 day is saved") << 1 << true;
    QTest::newRow("a horizon of 90 days is saved") << 90 << true;
    QTest::newRow("a horizon of 3650 days is saved") << 3650 << true;
    QTest::newRow("a horizon of 3651 days is refused") << 3651 << false;
    QTest::newRow("a negative horizon is refused") << -5 << false;
}

void tst_RestaurantSettings::bookingHorizon()
{
    QFETCH(int, days);
    QFETCH(bool, accepted);
    RestaurantSettings settings = settingsIn(u"Europe/Berlin"_s);
    QCOMPARE(settings.bookingHorizonDays(), 365);
    const auto decision = settings.defineBookingHorizon(days);
    QCOMPARE(decision.ok(), accepted);
    if (!accepted) {
        QCOMPARE(decision.error().code(), DomainError::Code::InvalidInput);
        QVERIFY2(decision.error().message().contains(QString::number(days)),
                 qPrintable(decision.error().message()));
        return;
    }
    settings.apply(decision.value());
    QCOMPARE(settings.bookingHorizonDays(), days);
    QCOMPARE(settings.timeZoneId(), u"Europe/Berlin"_s);
    QCOMPARE(settings.servicePeriods(), RestaurantSettings().servicePeriods());
}

// The last bookable day is the restaurant's today plus the horizon, both
// counted on its own calendar, not UTC's.
void tst_RestaurantSettings::theHorizonCountsTheRestaurantsDays_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<bool>("accepted");
    const auto utc = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    };
    QTest::newRow("in UTC, the last evening of a one-day horizon is taken")
        << u"UTC"_s << 1 << utc("2026-12-01T10:00:00Z") << utc("2026-12-02T23:59:00Z") << true;
    QTest::newRow("in UTC, the next morning is refused")
        << u"UTC"_s << 1 << utc("2026-12-01T10:00:00Z") << utc("2026-12-03T00:00:00Z") << false;
    QTest::newRow("in Auckland, where it is already 2 December, 3 December is taken")
        << u"Pacific/Auckland"_s << 1 << utc("2026-12-01T12:00:00Z") << utc("2026-12-03T06:00:00Z")
        << true;
    QTest::newRow("in Auckland, 4 December is refused")
        << u"Pacific/Auckland"_s << 1 << utc("2026-12-01T12:00:00Z") << utc("2026-12-03T12:00:00Z")
        << false;
    QTest::newRow("in New York, where it is still 30 November, 2 December is refused")
        << u"America/New_York"_s << 1 << utc("2026-12-01T03:00:00Z") << utc("2026-12-02T12:00:00Z")
        << false;
    QTest::newRow("a year ahead across a DST change in Paris is taken")
        << u"Europe/Paris"_s << 365 << utc("2026-12-01T10:00:00Z") << utc("2027-12-01T22:30:00Z")
        << true;
}

void tst_RestaurantSettings::theHorizonCountsTheRestaurantsDays()
{
    QFETCH(QString, zone);
    QFETCH(int, days);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, start);
    QFETCH(bool, accepted);
    RestaurantSettings settings = settingsIn(zone);
    settings.apply(valueOf(settings.defineBookingHorizon(days)));
    const std::optional<DomainError> refusal = settings.checkHorizon(start, now);
    QCOMPARE(!refusal.has_value(), accepted);
    if (refusal) {
        QCOMPARE(refusal->code(), DomainError::Code::BeyondHorizon);
        QVERIFY2(refusal->message().contains(u"up to %1 days ahead"_s.arg(days)),
                 qPrintable(refusal->message()));
    }
}

void tst_RestaurantSettings::theLastEventOfEachKindWins()
{
    const ServicePeriodsDefined first {
        {period(1, u"lunch"_s, u"12:00"_s, u"14:00"_s)}, 15, u"UTC"_s};
    const ServicePeriodsDefined second {
        {period(2, u"dinner"_s, u"18:00"_s, u"22:00"_s)}, 30, u"Europe/Berlin"_s};
    const TurnTimesDefined turns {{{3, 60}}, 200};
    const RestaurantSettings settings = RestaurantSettings::fromEvents({first, turns, second});
    QCOMPARE(settings.servicePeriods(), second.periods);
    QCOMPARE(settings.slotMinutes(), 30);
    QCOMPARE(settings.timeZoneId(), u"Europe/Berlin"_s);
    QCOMPARE(settings.turnMinutesFor(party(3)), 60);
    QCOMPARE(settings.turnMinutesFor(party(4)), 200);
}

void tst_RestaurantSettings::aDaysSlotsFollowThePeriodsAndTheGrid()
{
    const RestaurantSettings settings = settingsIn(u"UTC"_s);
    const QList<ServiceSlot> listed = settings.slotsOn(QDate(2026, 12, 1));
    QCOMPARE(listed.size(), 10 + 16); // lunch 12:00-14:15, dinner 18:30-22:15
    QCOMPARE(listed.constFirst(), (ServiceSlot {at(u"2026-12-01T12:00:00Z"_s), u"lunch"_s}));
    QCOMPARE(listed.at(9), (ServiceSlot {at(u"2026-12-01T14:15:00Z"_s), u"lunch"_s}));
    QCOMPARE(listed.at(10), (ServiceSlot {at(u"2026-12-01T18:30:00Z"_s), u"dinner"_s}));
    QCOMPARE(listed.constLast(), (ServiceSlot {at(u"2026-12-01T22:15:00Z"_s), u"dinner"_s}));

    RestaurantSettings twenty = settings;
    twenty.apply(valueOf(twenty.defineSlotLength(20)));
    // lunch 12:00..14:00 (7), dinner 18:30..22:10 (12): a slot must fit before the end
    QCOMPARE(twenty.slotsOn(QDate(2026, 12, 1)).size(), 7 + 12);
}

void tst_RestaurantSettings::dstDaySlots_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("firstDinnerSlot");
    QTest::addColumn<int>("nightSlots");
    QTest::addColumn<QString>("firstNightSlot");
    QTest::addColumn<QString>("lastNightSlot");

    QTest::newRow("a winter Sunday has twelve night slots in CET")
        << QDate(2026, 3, 22) << u"2026-03-22T17:30:00Z"_s << 12 << u"2026-03-22T00:00:00Z"_s
        << u"2026-03-22T02:45:00Z"_s;
    QTest::newRow("the night the clocks go forward loses an hour of slots")
        << QDate(2026, 3, 29) << u"2026-03-29T16:30:00Z"_s << 8 << u"2026-03-29T00:00:00Z"_s
        << u"2026-03-29T01:45:00Z"_s;
    QTest::newRow("a summer Sunday has twelve night slots in CEST")
        << QDate(2026, 7, 5) << u"2026-07-05T16:30:00Z"_s << 12 << u"2026-07-04T23:00:00Z"_s
        << u"2026-07-05T01:45:00Z"_s;
    QTest::newRow("the night the clocks go back gains an hour of slots")
        << QDate(2026, 10, 25) << u"2026-10-25T17:30:00Z"_s << 16 << u"2026-10-24T23:00:00Z"_s
        << u"2026-10-25T02:45:00Z"_s;
}

void tst_RestaurantSettings::dstDaySlots()
{
    QFETCH(QDate, date);
    QFETCH(QString, firstDinnerSlot);
    QFETCH(int, nightSlots);
    QFETCH(QString, firstNightSlot);
    QFETCH(QString, lastNightSlot);

    const RestaurantSettings settings = berlinWithANightService();
    const QList<ServiceSlot> listed = settings.slotsOn(date);
    QList<QDateTime> night;
    QDateTime dinner;
    for (const ServiceSlot &slot : listed) {
        if (slot.period == u"night")
            night.append(slot.start);
        if (slot.period == u"dinner" && !dinner.isValid())
            dinner = slot.start;
    }
    QCOMPARE(dinner, at(firstDinnerSlot));
    QCOMPARE(night.size(), nightSlots);
    QCOMPARE(night.constFirst(), at(firstNightSlot));
    QCOMPARE(night.constLast(), at(lastNightSlot));
    for (qsizetype i = 1; i < night.size(); ++i)
        QCOMPARE(night.at(i - 1).secsTo(night.at(i)), 15 * 60);
    for (const QDateTime &start : std::as_const(night))
        QVERIFY2(!settings.checkSlotStart(start), qPrintable(start.toString(Qt::ISODate)));
}

void tst_RestaurantSettings::slotStarts_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("refusal"); // -1: a slot

    const int ok = -1;
    const int outside = int(DomainError::Code::OutsideService);
    const int offGrid = int(DomainError::Code::OffSlotGrid);
    QTest::newRow("dinner at 19:00 in Berlin winter time is a slot")
        << u"2026-03-28T18:00:00Z"_s << ok;
    QTest::newRow("dinner at 18:30 in Berlin on the day summer time starts is a slot")
        << u"2026-03-29T16:30:00Z"_s << ok;
    QTest::newRow("17:30 in Berlin on the day summer time starts is outside service")
        << u"2026-03-29T15:30:00Z"_s << outside;
    QTest::newRow("22:15 in Berlin summer time is the last dinner slot")
        << u"2026-07-01T20:15:00Z"_s << ok;
    QTest::newRow("22:30 in Berlin summer time is outside service")
        << u"2026-07-01T20:30:00Z"_s << outside;
    QTest::newRow("19:10 in Berlin is off the grid") << u"2026-07-01T17:10:00Z"_s << offGrid;
    QTest::newRow("03:00 in Berlin summer time right after the change is a slot")
        << u"2026-03-29T01:00:00Z"_s << ok;
    QTest::newRow("the second 02:30 in Berlin on the day winter time returns is a slot")
        << u"2026-10-25T01:30:00Z"_s << ok;
    QTest::newRow("a Monday night in Berlin has no night service")
        << u"2026-03-30T00:00:00Z"_s << outside;
}

void tst_RestaurantSettings::slotStarts()
{
    QFETCH(QString, start);
    QFETCH(int, refusal);
    const auto error = berlinWithANightService().checkSlotStart(at(start));
    if (refusal < 0) {
        QVERIFY2(!error, error ? qPrintable(error->message()) : "");
        return;
    }
    QVERIFY(error);
    QCOMPARE(int(error->code()), refusal);
}

void tst_RestaurantSettings::aWallClockTimeSkippedByDstIsTakenAfterTheChange()
{
    const RestaurantSettings settings = settingsIn(u"Europe/Berlin"_s);
    // 02:30 does not exist on 29 March 2026 in Berlin: it is 03:30 CEST.
    QCOMPARE(settings.localMoment(QDate(2026, 3, 29), QTime(2, 30)), at(u"2026-03-29T01:30:00Z"_s));
    QCOMPARE(settings.localMoment(QDate(2026, 3, 29), QTime(1, 30)), at(u"2026-03-29T00:30:00Z"_s));
    QCOMPARE(settings.localDate(at(u"2026-03-28T23:30:00Z"_s)), QDate(2026, 3, 29));
}

QTEST_GUILESS_MAIN(tst_RestaurantSettings)
// The settings form asks SettingsRules row by row; RestaurantSettings
// refuses with the same rules: a day the form finds fine is defined, and a
// day it finds a problem in is refused.
void tst_RestaurantSettings::theFormsRowProblemsAreTheRulesTheSettingsEnforce_data()
{
    QTest::addColumn<QList<ServicePeriod>>("periods");
    QTest::addColumn<QStringList>("problems"); // a part of each row's problem; empty: fine

    const auto period = [](const QString &name, int fromHour, int toHour) {
        return ServicePeriod {1, name, QTime(fromHour, 0), QTime(toHour, 0)};
    };
    QTest::newRow("lunch and dinner")
        << QList<ServicePeriod> {period(u"lunch"_s, 11, 15), period(u"dinner"_s, 17, 23)}
        << QStringList {QString(), QString()};
    QTest::newRow("one ends as the other starts")
        << QList<ServicePeriod> {period(u"lunch"_s, 11, 17), period(u"dinner"_s, 17, 23)}
        << QStringList {QString(), QString()};
    QTest::newRow("an overlap names the other period on both rows")
        << QList<ServicePeriod> {period(u"lunch"_s, 11, 18), period(u"dinner"_s, 17, 23)}
        << QStringList {u"Overlaps dinner"_s, u"Overlaps lunch"_s};
    QTest::newRow("ends before it starts")
        << QList<ServicePeriod> {period(u"late"_s, 23, 1)} << QStringList {u"before it starts"_s};
    QTest::newRow("ends as it starts")
        << QList<ServicePeriod> {period(u"late"_s, 20, 20)} << QStringList {u"Starts and ends"_s};
    QTest::newRow("no name") << QList<ServicePeriod> {period(u"  "_s, 11, 15)}
                             << QStringList {u"Give it a name"_s};
}

void tst_RestaurantSettings::theFormsRowProblemsAreTheRulesTheSettingsEnforce()
{
    QFETCH(QList<ServicePeriod>, periods);
    QFETCH(QStringList, problems);

    const QStringList found = SettingsRules::periodProblems(periods);

    QCOMPARE(found.size(), problems.size());
    for (qsizetype row = 0; row < found.size(); ++row) {
        QCOMPARE(found.at(row).isEmpty(), problems.at(row).isEmpty());
        QVERIFY2(found.at(row).contains(problems.at(row)), qPrintable(found.at(row)));
    }
    const RestaurantSettings settings;
    const auto defined = settings.defineServicePeriodsOn(1, periods);
    QCOMPARE(defined.ok(), SettingsRules::fine(found));
}

#include "tst_restaurantsettings.moc"
