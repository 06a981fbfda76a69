#include "domain/tablemanager/TableLockingSaga.h"
#include "eventstore/EventStore.h"
#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

// The composition root in one process: a book() that waits for the sagas,
// its outcomes, and what it starts and stops.
class tst_Restaurant final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void bookWaitsUntilTheSagasConfirm();
    void aRefusalUpFrontIsAnErrorAndWritesNothing();
    void aBookingNobodySettlesComesBackInitiatedAfterTheTimeout();
    void aRejectionBySagasElsewhereComesWithItsReason();
    void walkInWaitsUntilSeated();
    void endingABookingWaitsUntilTheLockIsReleased_data();
    void endingABookingWaitsUntilTheLockIsReleased();
    void expireLocksNowReleasesWhatHasPassedAtTheClocksNow();
    void theReadModelFollowsTheBookings();
    void stoppingHandsTheSagaLeasesToAnotherRestaurantAtOnce();
    void theOptionsChooseWhatRuns();
    void aStoreTheCallerOpenedIsUsed();
    void aFileThatIsNotAStoreIsRefused();

private:
    QString storePath() const { return m_dir->filePath(u"restaurant.hoststand"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
};

void tst_Restaurant::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(FixedNow);
}

void tst_Restaurant::bookWaitsUntilTheSagasConfirm()
{
    auto restaurant = openRestaurant(optionsFor(storePath()), *m_clock);
    setUpRestaurant(*restaurant, 1);
    QVERIFY(restaurant->holdsSagaLeases());

    auto outcome = restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z"));

    HS_VERIFY_OK(outcome);
    QCOMPARE(toString(outcome.value().status), toString(BookingStatus::Confirmed));
    QVERIFY(outcome.value().isSettled());
    QVERIFY(!outcome.value().rejectionReason);
    auto stored = restaurant->booker().booking(outcome.value().bookingId);
    HS_VERIFY_OK(stored);
    QCOMPARE(toString(stored.value().status()), toString(BookingStatus::Confirmed));
    auto table = restaurant->tableManager().table(valueOf(TableId::create(u"T1"_s)));
    QCOMPARE(table.value().locks().size(), 1);
}

void tst_Restaurant::aRefusalUpFrontIsAnErrorAndWritesNothing()
{
    auto restaurant = openRestaurant(optionsFor(storePath()), *m_clock);
    setUpRestaurant(*restaurant, 1, 2);
    const qint64 before = valueOf(restaurant->store().lastPosition());

    auto outcome = restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z", 6));

    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code(), DomainError::Code::PartyTooLarge);
    QVERIFY(outcome.error().message().contains(u"T1"_s));
    QCOMPARE(valueOf(restaurant->store().lastPosition()), before);
}

void tst_Restaurant::aBookingNobodySettlesComesBackInitiatedAfterTheTimeout()
{
    RestaurantOptions options = optionsFor(storePath());
    options.runSagas = false;
    options.settleTimeout = 300ms;
    auto restaurant = openRestaurant(options, *m_clock);
    setUpRestaurant(*restaurant, 1);

    QElapsedTimer waited;
    waited.start();
    auto outcome = restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z"));

    HS_VERIFY_OK(outcome);
    QCOMPARE(toString(outcome.value().status), toString(BookingStatus::Initiated));
    QVERIFY(!outcome.value().isSettled());
    QVERIFY2(waited.elapsed() >= 250, "book() must wait for the sagas before giving up");
}

// Two bookings for overlapping spans pass the up-front check while no saga
// runs; the restaurant that runs the sagas then confirms one and rejects
// the other, and the first restaurant learns the reason from the store.
void tst_Restaurant::aRejectionBySagasElsewhereComesWithItsReason()
{
    RestaurantOptions withoutSagas = optionsFor(storePath());
    withoutSagas.runSagas = false;
    withoutSagas.settleTimeout = 100ms;
    auto desk = openRestaurant(withoutSagas, *m_clock);
    setUpRestaurant(*desk, 1);
    const auto first = desk->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z", 2, u"Jones"_s));
    const auto second = desk->book(bookingAt(u"T1"_s, "2026-12-04T19:30:00Z", 2, u"Smith"_s));
    HS_VERIFY_OK(first);
    HS_VERIFY_OK(second);
    QVERIFY(!second.value().isSettled());

    auto sagas = openRestaurant(optionsFor(storePath()), *m_clock);
    RestaurantOptions patient = withoutSagas;
    patient.settleTimeout = 10s;
    auto waiting = openRestaurant(patient, *m_clock);
    auto rejected = waiting->waitUntilSettled(second.value().bookingId);
    auto confirmed = waiting->waitUntilSettled(first.value().bookingId);

    HS_VERIFY_OK(rejected);
    QCOMPARE(toString(rejected.value().status), toString(BookingStatus::Rejected));
    QVERIFY(rejected.value().rejectionReason == LockFailureReason::Overlap);
    QVERIFY2(rejected.value().rejectionMessage.contains(first.value().bookingId.toString()),
             qPrintable(rejected.value().rejectionMessage));
    QCOMPARE(rejected.value().rejection().code(), DomainError::Code::LockOverlap);
    HS_VERIFY_OK(confirmed);
    QCOMPARE(toString(confirmed.value().status), toString(BookingStatus::Confirmed));
}

void tst_Restaurant::walkInWaitsUntilSeated()
{
    m_clock->setNow(utc("2026-12-04T15:10:00Z"));
    auto restaurant = openRestaurant(optionsFor(storePath()), *m_clock);
    setUpRestaurant(*restaurant, 1);

    auto outcome = restaurant->walkIn(booker::WalkInRequest {u"T1"_s, 3, u"Walk-in"_s, {}, {}});

    HS_VERIFY_OK(outcome);
    QCOMPARE(toString(outcome.value().status), toString(BookingStatus::Seated));
}

void tst_Restaurant::endingABookingWaitsUntilTheLockIsReleased_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QDateTime>("at");
    QTest::newRow("a cancellation frees the table") << u"cancel"_s << FixedNow;
    QTest::newRow("a no-show frees the table") << u"no-show"_s << utc("2026-12-04T19:20:00Z");
    QTest::newRow("a party leaving frees the table") << u"leave"_s << utc("2026-12-04T20:00:00Z");
}

void tst_Restaurant::endingABookingWaitsUntilTheLockIsReleased()
{
    QFETCH(QString, command);
    QFETCH(QDateTime, at);
    auto restaurant = openRestaurant(optionsFor(storePath()), *m_clock);
    setUpRestaurant(*restaurant, 1);
    const BookingId id
        = valueOf(restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z"))).bookingId;
    m_clock->setNow(at);
    if (command == u"leave"_s)
        HS_VERIFY_OK(restaurant->booker().seat(id));

    const DomainResult<bool> released = command == u"cancel"_s ? restaurant->cancel(id)
        : command == u"no-show"_s                              ? restaurant->noShow(id)
                                                               : restaurant->leave(id);

    HS_VERIFY_OK(released);
    QVERIFY(released.value());
    const Table table
        = valueOf(restaurant->tableManager().table(valueOf(TableId::create(u"T1"_s))));
    QVERIFY(table.locks().isEmpty());
    QCOMPARE(table.lockState(id), Table::LockState::Released);
}

void tst_Restaurant::expireLocksNowReleasesWhatHasPassedAtTheClocksNow()
{
    auto restaurant = openRestaurant(optionsFor(storePath()), *m_clock);
    setUpRestaurant(*restaurant, 2);
    const auto early = valueOf(restaurant->book(bookingAt(u"T1"_s, "2026-12-04T12:00:00Z")));
    const auto late = valueOf(restaurant->book(bookingAt(u"T2"_s, "2026-12-04T19:00:00Z")));
    m_clock->setNow(utc("2026-12-04T15:00:00Z"));

    auto released = restaurant->expireLocksNow();

    HS_VERIFY_OK(released);
    QCOMPARE(released.value().size(), 1);
    QCOMPARE(released.value().constFirst().bookingId, early.bookingId);
    auto held = restaurant->tableManager().locks();
    QCOMPARE(held.value().size(), 1);
    QCOMPARE(held.value().constFirst().bookingId, late.bookingId);
}

void tst_Restaurant::theReadModelFollowsTheBookings()
{
    auto restaurant = openRestaurant(optionsFor(storePath()), *m_clock);
    setUpRestaurant(*restaurant, 1);
    QVERIFY(restaurant->readModel());
    QCOMPARE(restaurant->readModel()->location(), ReadModel::defaultLocationFor(storePath()));

    const auto outcome = valueOf(restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z")));

    QTRY_VERIFY(restaurant->readModel()->booking(outcome.bookingId.toString()).value().has_value());
    QTRY_COMPARE(
        toString(restaurant->readModel()->booking(outcome.bookingId.toString()).value()->status),
        toString(BookingStatus::Confirmed));
    QCOMPARE(restaurant->readModel()->locks(u"T1"_s).value().size(), 1);
}

void tst_Restaurant::stoppingHandsTheSagaLeasesToAnotherRestaurantAtOnce()
{
    RestaurantOptions options = optionsFor(storePath());
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.sagaSettings.leaseDuration = 60s; // a crash would keep them this long
    options.sagaSettings.renewInterval = 100ms;
    auto first = openRestaurant(options, *m_clock);
    auto second = openRestaurant(options, *m_clock);
    QVERIFY(first->holdsSagaLeases());
    QVERIFY(!second->holdsSagaLeases());

    first.reset();

    QTRY_VERIFY_WITH_TIMEOUT(second->holdsSagaLeases(), 5000);
}

void tst_Restaurant::theOptionsChooseWhatRuns()
{
    RestaurantOptions options = optionsFor(storePath());
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.runSagas = false;
    auto bare = openRestaurant(options, *m_clock);
    QVERIFY(!bare->readModel());
    QVERIFY(!bare->holdsSagaLeases());
    auto groups = bare->store().groupInfo(TableLockingSaga::GroupName);
    QVERIFY2(!groups.ok() || groups.value().leaseOwner.isEmpty(),
             "a restaurant without sagas must not take their lease");

    options.readModel = RestaurantOptions::ReadModelUse::Open;
    options.readModelLocation = m_dir->filePath(u"elsewhere.read"_s);
    auto opened = openRestaurant(options, *m_clock);
    QVERIFY(opened->readModel());
    QCOMPARE(opened->readModel()->location(), options.readModelLocation);
    QCOMPARE(opened->readModel()->position(), 0);
}

void tst_Restaurant::aStoreTheCallerOpenedIsUsed()
{
    SqliteStoreOptions storeOptions;
    storeOptions.synchronousFull = false;
    auto store = valueOf(SqliteEventStore::open(storePath(), storeOptions));
    EventStore *opened = store.get();
    RestaurantOptions options = optionsFor(m_dir->filePath(u"unused/elsewhere.hoststand"_s));
    options.storeTime = StoreClock::following(*m_clock);

    auto restaurant = valueOf(Restaurant::open(std::move(store), options, *m_clock));
    setUpRestaurant(*restaurant, 1);
    auto outcome = restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z"));

    QCOMPARE(&restaurant->store(), opened);
    HS_VERIFY_OK(outcome);
    QCOMPARE(toString(outcome.value().status), toString(BookingStatus::Confirmed));
    QCOMPARE(restaurant->readModel()->location(), ReadModel::defaultLocationFor(storePath()));
    QVERIFY(!QFile::exists(options.store));
}

void tst_Restaurant::aFileThatIsNotAStoreIsRefused()
{
    QFile notAStore(storePath());
    QVERIFY(notAStore.open(QIODevice::WriteOnly));
    notAStore.write("a shopping list, not a store\n");
    notAStore.close();

    RestaurantOptions options = optionsFor(storePath());
    options.storeTime = StoreClock::following(*m_clock);
    auto opened = Restaurant::open(options, *m_clock);

    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().message().isEmpty());
    QCOMPARE(test::fileBytes(storePath()), QByteArray("a shopping list, not a store\n"));
}

QTEST_GUILESS_MAIN(tst_Restaurant)
#include "tst_restaurant.moc"
