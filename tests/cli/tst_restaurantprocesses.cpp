#include "tests/cli/RestaurantFixtures.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

// The composition root with another process on the same store: the sagas
// run wherever their leases are, and book() waits for them there.
class tst_RestaurantProcesses final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aProcessWithoutTheLeasesSettlesThroughTheProcessHoldingThem_data();
    void aProcessWithoutTheLeasesSettlesThroughTheProcessHoldingThem();
    void theSagasMoveHereWhenTheProcessHoldingThemDies();

private:
    QString storePath() const { return m_dir->filePath(u"restaurant.hoststand"_s); }
    void startServer();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    QProcess m_server;
};

void tst_RestaurantProcesses::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<ManualClock>(FixedNow);
    RestaurantOptions options = optionsFor(storePath());
    options.runSagas = false;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    setUpRestaurant(*openRestaurant(options, *m_clock), 2);
}

void tst_RestaurantProcesses::cleanup()
{
    killHard(m_server);
}

void tst_RestaurantProcesses::startServer()
{
    QVERIFY(startHelper(m_server, u"hoststand_restaurant_helper"_s, {u"serve"_s, storePath()}));
    const auto line = readLine(m_server, 30s);
    QVERIFY2(line && *line == "serving", "the helper never took the sagas' leases");
}

void tst_RestaurantProcesses::aProcessWithoutTheLeasesSettlesThroughTheProcessHoldingThem_data()
{
    QTest::addColumn<bool>("runSagas");
    QTest::newRow("this process runs no sagas") << false;
    QTest::newRow("this process's sagas wait for the leases") << true;
}

void tst_RestaurantProcesses::aProcessWithoutTheLeasesSettlesThroughTheProcessHoldingThem()
{
    QFETCH(bool, runSagas);
    startServer();
    RestaurantOptions options = optionsFor(storePath());
    options.runSagas = runSagas;
    auto restaurant = openRestaurant(options, *m_clock);
    QVERIFY(!restaurant->holdsSagaLeases());

    auto booked = restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z"));
    auto walkedIn = restaurant->walkIn(booker::WalkInRequest {u"T2"_s, 2, u"Walk-in"_s, {}, {}});

    HS_VERIFY_OK(booked);
    QCOMPARE(toString(booked.value().status), toString(BookingStatus::Confirmed));
    HS_VERIFY_OK(walkedIn);
    QCOMPARE(toString(walkedIn.value().status), toString(BookingStatus::Seated));
    QVERIFY(!restaurant->holdsSagaLeases());
    auto cancelled = restaurant->cancel(booked.value().bookingId);
    HS_VERIFY_OK(cancelled);
    QVERIFY2(cancelled.value(), "the other process's saga released the lock");
}

// The holder is killed and never releases its leases: once they expire,
// this process's sagas take them and settle the booking that waited.
void tst_RestaurantProcesses::theSagasMoveHereWhenTheProcessHoldingThemDies()
{
    startServer();
    RestaurantOptions options = optionsFor(storePath());
    options.sagaSettings.renewInterval = 100ms;
    options.settleTimeout = 20s;
    auto restaurant = openRestaurant(options, *m_clock);
    QVERIFY(!restaurant->holdsSagaLeases());

    killHard(m_server);
    auto booked = restaurant->book(bookingAt(u"T1"_s, "2026-12-04T19:00:00Z"));

    HS_VERIFY_OK(booked);
    QCOMPARE(toString(booked.value().status), toString(BookingStatus::Confirmed));
    QVERIFY(restaurant->holdsSagaLeases());
}

QTEST_GUILESS_MAIN(tst_RestaurantProcesses)
#include "tst_restaurantprocesses.moc"
