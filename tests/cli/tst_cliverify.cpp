// `hoststand-cli verify` checks the bookings' choreography as well as the
// store: a store in each kind of trouble (made here the way an older
// version, a full disk or a wrong clock left stores) fails verification
// with the trouble named; a sound one passes.

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

QStringList words(const QString &line)
{
    return line.split(u' ', Qt::SkipEmptyParts);
}

QString iso(const QDateTime &moment)
{
    return moment.toUTC().toString(Qt::ISODate);
}

template<typename T>
T valueOf(Result<T, DomainError> result)
{
    if (!result.ok())
        qFatal("%s", qPrintable(result.error().message()));
    return std::move(result).value();
}

} // namespace

class tst_CliVerify final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void verifyNamesWhatIsWrongWithTheBookings_data();
    void verifyNamesWhatIsWrongWithTheBookings();

private:
    QString storePath() const { return m_dir->filePath(u"s.hoststand"_s); }
    CliRunner runner() const { return CliRunner({u"--store"_s, storePath()}); }
    // A restaurant with tables T1 and T2 and a booking of Jones on T1 next
    // week, made by hoststand-cli at this machine's time; its booking id.
    QString setUp();
    // Appends one event of the catalogue straight to a stream, past every
    // rule, as a bug or an older version would have written it.
    void appendRaw(const QString &stream, const DomainEvent &event);

    std::unique_ptr<QTemporaryDir> m_dir;
    QDateTime m_nextWeek;
};

void tst_CliVerify::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_CliVerify::setUp()
{
    m_nextWeek = QDateTime(QDate::currentDate().addDays(7), QTime(19, 0), QTimeZone::utc());
    for (const QString &line : {u"settings time-zone UTC"_s,
                                u"settings service-periods --day all --period dinner=18:30-22:30"_s,
                                u"tables add T1 --seats 4"_s, u"tables add T2 --seats 4"_s}) {
        const CliRun run = runner().run(words(line));
        if (run.exitCode != 0)
            qFatal("%s", run.describe(words(line)).constData());
    }
    const CliRun booked = runner().run(
        words(u"--json book --table T1 --at %1 --party 2 --name Jones"_s.arg(iso(m_nextWeek))));
    if (booked.exitCode != 0)
        qFatal("%s", booked.err.constData());
    return jsonAt(booked.json(), u"id"_s);
}

void tst_CliVerify::appendRaw(const QString &stream, const DomainEvent &event)
{
    auto store = SqliteEventStore::open(storePath());
    HS_VERIFY_OK(store);
    auto data = EventCodec::toEventData(event, CommandContext::ofThisProcess().metadata({}, {}));
    QVERIFY(data.ok());
    HS_VERIFY_OK(store.value()->append(stream, {data.value()}, ExpectedRevision::any()));
}

void tst_CliVerify::verifyNamesWhatIsWrongWithTheBookings_data()
{
    QTest::addColumn<QString>("trouble");
    QTest::addColumn<QString>("finding"); // empty: verify passes
    QTest::newRow("a sound store passes") << u"none"_s << QString();
    QTest::newRow("an event that cannot be read") << u"unreadable"_s << u"cannot be read"_s;
    QTest::newRow("a booking that never got its table")
        << u"waiting"_s << u"has waited for its table since"_s;
    QTest::newRow("a confirmed booking to come that holds no lock")
        << u"unlocked"_s << u"holds no lock on its table"_s;
    QTest::newRow("two locks of a table that overlap")
        << u"overlap"_s << u"Table T1 holds overlapping locks"_s;
    QTest::newRow("a saga's step parked") << u"parked"_s << u"saga parked its step"_s;
}

void tst_CliVerify::verifyNamesWhatIsWrongWithTheBookings()
{
    QFETCH(QString, trouble);
    QFETCH(QString, finding);
    const QString booking = setUp();
    const TableId t1 = valueOf(TableId::create(u"T1"_s));
    const BookingId jones = valueOf(BookingId::create(booking));
    QStringList leading;
    if (trouble == u"unreadable"_s) {
        auto store = SqliteEventStore::open(storePath());
        HS_VERIFY_OK(store);
        HS_VERIFY_OK(store.value()->append(
            u"table-T2"_s,
            {EventData::fromJson(u"table-lock-placed"_s, QJsonObject {{u"nonsense"_s, 1}})},
            ExpectedRevision::any()));
    } else if (trouble == u"waiting"_s) {
        SystemClock clock;
        RestaurantOptions options;
        options.store = storePath();
        options.runSagas = false;
        options.readModel = RestaurantOptions::ReadModelUse::None;
        auto restaurant = Restaurant::open(options, clock);
        HS_VERIFY_OK(restaurant);
        booker::BookingRequest request;
        request.tableId = u"T2"_s;
        request.start = m_nextWeek;
        request.partySize = 2;
        request.guestName = u"Okafor"_s;
        HS_VERIFY_OK(restaurant.value()->booker().book(request));
        // The sagas take at most the settle timeout (10 s); a minute later
        // by this terminal's clock the booking has waited too long.
        leading = {u"--now"_s, iso(QDateTime::currentDateTimeUtc().addSecs(60))};
    } else if (trouble == u"unlocked"_s) {
        appendRaw(t1.streamName(), TableLockRemoved {t1, jones, LockRemovalReason::SlotPassed});
    } else if (trouble == u"overlap"_s) {
        const TimeSpan span
            = valueOf(TimeSpan::create(m_nextWeek.addSecs(1800), m_nextWeek.addSecs(3 * 3600)));
        const BookingId other = valueOf(BookingId::create(u"0123456789ab"_s));
        appendRaw(t1.streamName(),
                  TableLockPlaced {t1, other, span, valueOf(PartySize::create(2))});
    } else if (trouble == u"parked"_s) {
        auto store = SqliteEventStore::open(storePath());
        HS_VERIFY_OK(store);
        const QString group = TableLockingSaga::GroupName;
        HS_VERIFY_OK(store.value()->acquireLease(group, u"test"_s, std::chrono::seconds(5)));
        HS_VERIFY_OK(store.value()->parkEvent(group, u"test"_s, 1, u"a handler failed"_s));
        HS_VERIFY_OK(store.value()->releaseLease(group, u"test"_s));
    }

    const CliRun verified = CliRunner(QStringList {u"--store"_s, storePath()} + leading)
                                .run({u"--json"_s, u"verify"_s});
    if (finding.isEmpty()) {
        QVERIFY2(verified.exitCode == 0, verified.describe({u"verify"_s}).constData());
        return;
    }
    QVERIFY2(verified.exitCode == 1, verified.describe({u"verify"_s}).constData());
    const QJsonArray problems
        = verified.json().toObject().value(u"choreographyProblems"_s).toArray();
    QStringList lines;
    for (const QJsonValue &problem : problems)
        lines.append(problem.toString());
    QVERIFY2(lines.filter(finding).size() == 1, qPrintable(lines.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_CliVerify)
#include "tst_cliverify.moc"
