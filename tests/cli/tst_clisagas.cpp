// hoststand-cli sagas: the steps a saga set aside are listed, tried again or
// given up with a reason on record; a booking nobody settled says what is
// actually waiting.

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "eventstore/SqliteEventStore.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
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

} // namespace

class tst_CliSagas final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void noStepSetAsideIsSaidSo();
    void aStepSetAsideIsListedAndTriedAgain();
    void aStepGivenUpIsRecordedWithItsReason();
    void aStepIsNamedAsTheListNamesIt_data();
    void aStepIsNamedAsTheListNamesIt();
    void aBookingNobodySettlesSaysWhoHoldsTheSagas();

private:
    QString storePath() const { return m_dir->filePath(u"s.hoststand"_s); }
    CliRunner runner() const { return CliRunner({u"--store"_s, storePath()}); }
    CliRun run(const QString &line) const { return runner().run(words(line)); }
    // A booking next week whose table-locking step was set aside; its id.
    QString bookingWithAStepSetAside();

    std::unique_ptr<QTemporaryDir> m_dir;
    qint64 m_position = 0;
};

void tst_CliSagas::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    for (const QString &line : {u"settings time-zone UTC"_s,
                                u"settings service-periods --day all --period dinner=18:30-22:30"_s,
                                u"tables add T1 --seats 4"_s}) {
        const CliRun done = run(line);
        QVERIFY2(done.exitCode == 0, done.describe(words(line)).constData());
    }
}

QString tst_CliSagas::bookingWithAStepSetAside()
{
    SystemClock clock;
    RestaurantOptions options;
    options.store = storePath();
    options.runSagas = false;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    auto restaurant = Restaurant::open(options, clock);
    if (!restaurant.ok())
        qFatal("%s", qPrintable(restaurant.error().message()));
    booker::BookingRequest request;
    request.tableId = u"T1"_s;
    request.start = QDateTime(QDate::currentDate().addDays(7), QTime(19, 0), QTimeZone::utc());
    request.partySize = 2;
    request.guestName = u"Jones"_s;
    auto booked = restaurant.value()->booker().book(request);
    if (!booked.ok())
        qFatal("%s", qPrintable(booked.error().message()));
    EventStore &store = restaurant.value()->store();
    m_position = store.lastPosition().value();
    const QString group = TableLockingSaga::GroupName;
    if (!store.createGroup(group, 0).ok()
        || !store.acquireLease(group, u"test"_s, std::chrono::seconds(5)).ok()
        || !store.parkEvent(group, u"test"_s, m_position, u"a handler failed"_s).ok()
        || !store.releaseLease(group, u"test"_s).ok())
        qFatal("could not set the step aside");
    return booked.value().toString();
}

void tst_CliSagas::noStepSetAsideIsSaidSo()
{
    const CliRun listed = run(u"sagas parked"_s);
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains("No saga step is set aside."), listed.out.constData());
    QCOMPARE(jsonAt(run(u"--json sagas parked"_s).json(), u"#"_s), u"0"_s);
}

void tst_CliSagas::aStepSetAsideIsListedAndTriedAgain()
{
    const QString booking = bookingWithAStepSetAside();
    const QString step = u"table-locking/%1"_s.arg(m_position);
    const QJsonValue listed = run(u"--json sagas parked"_s).json();
    QCOMPARE(jsonAt(listed, u"#"_s), u"1"_s);
    QCOMPARE(jsonAt(listed, u"0/id"_s), step);
    QCOMPARE(jsonAt(listed, u"0/booking"_s), booking);
    QCOMPARE(jsonAt(listed, u"0/type"_s), u"table-booking-initiated"_s);
    QCOMPARE(jsonAt(listed, u"0/reason"_s), u"a handler failed"_s);
    const CliRun text = run(u"sagas parked"_s);
    QVERIFY2(text.out.contains(step.toUtf8()) && text.out.contains("a handler failed"),
             text.out.constData());

    const CliRun retried = run(u"sagas retry "_s + step);
    QVERIFY2(retried.exitCode == 0, retried.describe({u"sagas retry"_s}).constData());
    QCOMPARE(jsonAt(run(u"--json sagas parked"_s).json(), u"#"_s), u"0"_s);
    QCOMPARE(jsonAt(run(u"--json bookings show "_s + booking).json(), u"status"_s), u"confirmed"_s);
}

void tst_CliSagas::aStepGivenUpIsRecordedWithItsReason()
{
    const QString booking = bookingWithAStepSetAside();
    const QString step = u"table-locking/%1"_s.arg(m_position);
    const CliRun skipped = runner().run(
        {u"sagas"_s, u"skip"_s, step, u"--reason"_s, u"the guest booked by phone instead"_s});
    QVERIFY2(skipped.exitCode == 0, skipped.describe({u"sagas skip"_s}).constData());
    QCOMPARE(jsonAt(run(u"--json sagas parked"_s).json(), u"#"_s), u"0"_s);
    const QJsonValue recorded = run(u"--json events --type saga-step-skipped"_s).json();
    QCOMPARE(jsonAt(recorded, u"#"_s), u"1"_s);
    QCOMPARE(jsonAt(recorded, u"0/correlationId"_s), booking);
    QVERIFY2(QJsonDocument(recorded.toArray()).toJson().contains("the guest booked by phone"),
             QJsonDocument(recorded.toArray()).toJson().constData());
    // The booking still waits for its table: verify says so.
    QCOMPARE(run(u"--json bookings show "_s + booking).exitCode, 0);
    QCOMPARE(run(u"sagas skip "_s + step + u" --reason again"_s).exitCode, 1);
}

void tst_CliSagas::aStepIsNamedAsTheListNamesIt_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("says");
    QTest::newRow("a retry without a step") << u"sagas retry"_s << u"--all"_s;
    QTest::newRow("a step of no saga") << u"sagas retry kitchen/3"_s << u"names no saga step"_s;
    QTest::newRow("a step without its position")
        << u"sagas retry table-locking"_s << u"names no saga step"_s;
    QTest::newRow("a skip without a reason")
        << u"sagas skip table-locking/3"_s << u"--reason is missing"_s;
}

void tst_CliSagas::aStepIsNamedAsTheListNamesIt()
{
    QFETCH(QString, line);
    QFETCH(QString, says);
    const CliRun refused = run(line);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(says.toUtf8()), refused.err.constData());
}

// Another terminal holds the sagas and settles nothing: the booking's
// timeout names it, rather than a vague "stuck".
void tst_CliSagas::aBookingNobodySettlesSaysWhoHoldsTheSagas()
{
    {
        auto store = SqliteEventStore::open(storePath());
        HS_VERIFY_OK(store);
        for (const QString &group : {TableLockingSaga::GroupName, booker::BookingSaga::GroupName}) {
            HS_VERIFY_OK(store.value()->createGroup(group, 0));
            HS_VERIFY_OK(
                store.value()->acquireLease(group, u"front-desk:4242"_s, std::chrono::seconds(60)));
        }
    }
    const QDateTime start(QDate::currentDate().addDays(7), QTime(20, 0), QTimeZone::utc());
    const CliRun booked
        = runner().run({u"book"_s, u"--table"_s, u"T1"_s, u"--at"_s, start.toString(Qt::ISODate),
                        u"--party"_s, u"2"_s, u"--name"_s, u"Okafor"_s});
    QCOMPARE(booked.exitCode, 1);
    QVERIFY2(booked.err.contains("runs in another process (front-desk:4242)"),
             booked.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliSagas)
#include "tst_clisagas.moc"
