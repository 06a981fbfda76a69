#include "domain/booker/Availability.h"
#include "domain/booker/RestaurantSettings.h"

#include "BookerFixtures.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;

namespace {

TableSnapshot::Lock lock(const QString &booking, const QString &from, const QString &to)
{
    return {bookingId(booking), span(from, to)};
}

// T1 seats 4 and is booked 19:00-20:45 on 1 December; T2 seats 2; T6
// seats 6; T9 seated 8 but was removed.
QList<TableSnapshot> floor()
{
    return {
        {table(u"T1"_s),
         4,
         u"Main room"_s,
         true,
         {lock(u"b-jones"_s, u"2026-12-01T19:00:00Z"_s, u"2026-12-01T20:45:00Z"_s)}},
        {table(u"T2"_s), 2, u"Main room"_s, true, {}},
        {table(u"T6"_s), 6, u"Terrace"_s, true, {}},
        {table(u"T9"_s), 8, u"Terrace"_s, false, {}},
    };
}

const QDateTime Morning = at(u"2026-12-01T10:00:00Z"_s);

QStringList ids(const QList<TableId> &tables)
{
    QStringList list;
    for (const TableId &id : tables)
        list.append(id.toString());
    return list;
}

} // namespace

class tst_Availability final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranges_data();
    void ranges();
    void tableChecks_data();
    void tableChecks();
    void anOverlapNamesTheBookingInTheWay();
    void anOverlapNamesTheGuestInTheWayWhenTheirNameIsKnown();
    void listingAvailableSlots_data();
    void listingAvailableSlots();
    void slotsThatHaveStartedAreNotListed();
    void aFullSlotIsListedWithoutTables();
    void everyDayOfTheRangeIsListed();
    void tablesOfOneSizeAreListedInNaturalOrder();
};

void tst_Availability::ranges_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<bool>("accepted");
    const QDate first(2026, 12, 1);
    QTest::newRow("one day is accepted") << first << first << true;
    QTest::newRow("fourteen days are accepted") << first << first.addDays(13) << true;
    QTest::newRow("a range over fourteen days is refused") << first << first.addDays(14) << false;
    QTest::newRow("a reversed range is refused") << first << first.addDays(-1) << false;
    QTest::newRow("a range without a first date is refused") << QDate() << first << false;
}

void tst_Availability::ranges()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(bool, accepted);
    const auto error = Availability::checkRange(from, to);
    QCOMPARE(!error, accepted);
    if (error)
        QCOMPARE(error->code(), DomainError::Code::InvalidInput);
}

void tst_Availability::tableChecks_data()
{
    QTest::addColumn<QString>("tableId");
    QTest::addColumn<int>("partySize");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("refusal"); // -1: the table can take the party

    const int ok = -1;
    QTest::newRow("a free table that fits takes the party")
        << u"T2"_s << 2 << u"2026-12-01T19:00:00Z"_s << u"2026-12-01T20:30:00Z"_s << ok;
    QTest::newRow("a missing table is refused")
        << u"T7"_s << 2 << u"2026-12-01T19:00:00Z"_s << u"2026-12-01T20:30:00Z"_s
        << int(DomainError::Code::TableMissing);
    QTest::newRow("a removed table is refused")
        << u"T9"_s << 2 << u"2026-12-01T12:00:00Z"_s << u"2026-12-01T13:30:00Z"_s
        << int(DomainError::Code::TableRemoved);
    QTest::newRow("a party larger than the table is refused")
        << u"T2"_s << 3 << u"2026-12-01T12:00:00Z"_s << u"2026-12-01T13:45:00Z"_s
        << int(DomainError::Code::PartyTooLarge);
    QTest::newRow("a span overlapping a lock is refused")
        << u"T1"_s << 4 << u"2026-12-01T18:30:00Z"_s << u"2026-12-01T19:15:00Z"_s
        << int(DomainError::Code::LockOverlap);
    QTest::newRow("a span inside a lock is refused")
        << u"T1"_s << 4 << u"2026-12-01T19:30:00Z"_s << u"2026-12-01T20:00:00Z"_s
        << int(DomainError::Code::LockOverlap);
    QTest::newRow("a span that ends when the lock starts is free")
        << u"T1"_s << 4 << u"2026-12-01T17:15:00Z"_s << u"2026-12-01T19:00:00Z"_s << ok;
    QTest::newRow("a span that starts when the lock ends is free")
        << u"T1"_s << 4 << u"2026-12-01T20:45:00Z"_s << u"2026-12-01T22:30:00Z"_s << ok;
}

void tst_Availability::tableChecks()
{
    QFETCH(QString, tableId);
    QFETCH(int, partySize);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, refusal);
    const auto error = Availability::checkTable(floor(), table(tableId), party(partySize),
                                                span(from, to), settingsIn(u"UTC"_s));
    if (refusal < 0) {
        QVERIFY2(!error, error ? qPrintable(error->message()) : "");
        return;
    }
    QVERIFY(error);
    QCOMPARE(int(error->code()), refusal);
    QVERIFY(error->message().contains(tableId));
}

void tst_Availability::anOverlapNamesTheBookingInTheWay()
{
    const auto error = Availability::checkTable(
        floor(), table(u"T1"_s), party(2),
        span(u"2026-12-01T20:00:00Z"_s, u"2026-12-01T21:30:00Z"_s), settingsIn(u"UTC"_s));
    QVERIFY(error);
    QCOMPARE(error->bookingIds(), QStringList {u"b-jones"_s});
    QVERIFY2(error->message().contains(u"19:00"_s), qPrintable(error->message()));
}

void tst_Availability::anOverlapNamesTheGuestInTheWayWhenTheirNameIsKnown()
{
    const TimeSpan evening = span(u"2026-12-01T20:00:00Z"_s, u"2026-12-01T21:30:00Z"_s);
    const auto named = Availability::checkTable(
        floor(), table(u"T1"_s), party(2), evening, settingsIn(u"UTC"_s),
        [](const BookingId &id) -> std::optional<QString> {
            return id.toString() == u"b-jones"_s ? std::optional(u"Ms Jones"_s) : std::nullopt;
        });
    QVERIFY(named);
    QCOMPARE(named->message(),
             u"Table T1 is already booked from Tue 1 Dec 2026, 19:00 to 20:45 by Ms Jones."_s);
    QCOMPARE(named->bookingIds(), QStringList {u"b-jones"_s});

    // A name that cannot be read now leaves the booking's id.
    const auto unread = Availability::checkTable(
        floor(), table(u"T1"_s), party(2), evening, settingsIn(u"UTC"_s),
        [](const BookingId &) -> std::optional<QString> { return std::nullopt; });
    QVERIFY(unread);
    QVERIFY2(unread->message().endsWith(u"(booking b-jones)."_s), qPrintable(unread->message()));

    // A name an older version stored with a line break and a bidi override
    // cannot break the sentence or turn it around.
    const auto odd = Availability::checkTable(
        floor(), table(u"T1"_s), party(2), evening, settingsIn(u"UTC"_s),
        [](const BookingId &) -> std::optional<QString> { return u"Jo\nnes \u202egnp.exe"_s; });
    QVERIFY(odd);
    QVERIFY2(odd->message().endsWith(u"by Jo\\nnes \\u202egnp.exe."_s), qPrintable(odd->message()));
}

void tst_Availability::listingAvailableSlots_data()
{
    QTest::addColumn<int>("partySize");
    QTest::addColumn<QString>("slot");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QStringList>("tables");

    QTest::newRow("a couple at 12:00 may have any table in service, the smallest first")
        << 2 << u"2026-12-01T12:00:00Z"_s << u"2026-12-01T13:30:00Z"_s
        << QStringList {u"T2"_s, u"T1"_s, u"T6"_s};
    QTest::newRow("a party of four at 12:00 does not fit the table for two")
        << 4 << u"2026-12-01T12:00:00Z"_s << u"2026-12-01T13:45:00Z"_s
        << QStringList {u"T1"_s, u"T6"_s};
    QTest::newRow("a party of four at 18:30 cannot have T1, whose lock starts during its turn")
        << 4 << u"2026-12-01T18:30:00Z"_s << u"2026-12-01T20:15:00Z"_s << QStringList {u"T6"_s};
    QTest::newRow("a party of four at 20:30 cannot have T1 before its lock ends")
        << 4 << u"2026-12-01T20:30:00Z"_s << u"2026-12-01T22:15:00Z"_s << QStringList {u"T6"_s};
    QTest::newRow("a party of four at 20:45 may have T1 again")
        << 4 << u"2026-12-01T20:45:00Z"_s << u"2026-12-01T22:30:00Z"_s
        << QStringList {u"T1"_s, u"T6"_s};
    QTest::newRow("a party of six has only T6")
        << 6 << u"2026-12-01T21:00:00Z"_s << u"2026-12-01T23:00:00Z"_s << QStringList {u"T6"_s};
    QTest::newRow("a party of eight has no table")
        << 8 << u"2026-12-01T21:00:00Z"_s << u"2026-12-01T23:30:00Z"_s << QStringList {};
}

void tst_Availability::listingAvailableSlots()
{
    QFETCH(int, partySize);
    QFETCH(QString, slot);
    QFETCH(QString, end);
    QFETCH(QStringList, tables);

    const QDate day(2026, 12, 1);
    const QList<AvailableSlot> listed = Availability::freeSlots(settingsIn(u"UTC"_s), floor(), day,
                                                                day, party(partySize), Morning);
    QCOMPARE(listed.size(), 26);
    const auto it = std::find_if(listed.cbegin(), listed.cend(), [&](const AvailableSlot &s) {
        return s.span.start() == at(slot);
    });
    QVERIFY(it != listed.cend());
    QCOMPARE(it->span.end(), at(end));
    QCOMPARE(ids(it->tables), tables);
}

void tst_Availability::slotsThatHaveStartedAreNotListed()
{
    const QDate day(2026, 12, 1);
    const QList<AvailableSlot> listed = Availability::freeSlots(
        settingsIn(u"UTC"_s), floor(), day, day, party(2), at(u"2026-12-01T19:00:00Z"_s));
    QCOMPARE(listed.size(), 13); // 19:15 to 22:15
    QCOMPARE(listed.constFirst().span.start(), at(u"2026-12-01T19:15:00Z"_s));
    QCOMPARE(listed.constFirst().period, u"dinner"_s);
}

void tst_Availability::aFullSlotIsListedWithoutTables()
{
    const QDate day(2026, 12, 1);
    const QList<TableSnapshot> onlyT1 {floor().constFirst()};
    const QList<AvailableSlot> listed
        = Availability::freeSlots(settingsIn(u"UTC"_s), onlyT1, day, day, party(4), Morning);
    const auto full = std::find_if(listed.cbegin(), listed.cend(), [](const AvailableSlot &s) {
        return s.span.start() == at(u"2026-12-01T19:00:00Z"_s);
    });
    QVERIFY(full != listed.cend());
    QVERIFY(full->tables.isEmpty());
}

void tst_Availability::everyDayOfTheRangeIsListed()
{
    const QDate first(2026, 12, 1);
    const QList<AvailableSlot> listed = Availability::freeSlots(
        settingsIn(u"UTC"_s), floor(), first, first.addDays(13), party(2), Morning);
    QCOMPARE(listed.size(), 14 * 26);
    QCOMPARE(listed.constLast().span.start(), at(u"2026-12-14T22:15:00Z"_s));
    for (qsizetype i = 1; i < listed.size(); ++i)
        QVERIFY(listed.at(i - 1).span.start() < listed.at(i).span.start());
}

// T5 before T26, as people read them, not as text; the smaller tables first.
void tst_Availability::tablesOfOneSizeAreListedInNaturalOrder()
{
    QList<TableSnapshot> tables;
    for (const auto &[id, seats] : QList<std::pair<QString, int>> {
             {u"T26"_s, 2}, {u"T10"_s, 4}, {u"T5"_s, 2}, {u"t7"_s, 2}, {u"T9"_s, 4}})
        tables.append({table(id), seats, u"Main room"_s, true, {}});
    const QDate day(2026, 12, 1);
    const QList<AvailableSlot> listed
        = Availability::freeSlots(settingsIn(u"UTC"_s), tables, day, day, party(2), Morning);
    QVERIFY(!listed.isEmpty());
    QCOMPARE(ids(listed.constFirst().tables),
             (QStringList {u"T5"_s, u"t7"_s, u"T26"_s, u"T9"_s, u"T10"_s}));
}

QTEST_GUILESS_MAIN(tst_Availability)
#include "tst_availability.moc"
