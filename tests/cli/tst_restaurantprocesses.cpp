#include "eventstore/EventStore.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QRandomGenerator>
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
    void changesSurviveTheSagaProcessKilledAtAnyStep();

private:
    QString storePath() const { return m_dir->filePath(u"restaurant.hoststand"_s); }
    void startServer(int leaseMs = 0);

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

void tst_RestaurantProcesses::startServer(int leaseMs)
{
    QStringList arguments {u"serve"_s, storePath()};
    if (leaseMs > 0)
        arguments.append(QString::number(leaseMs));
    QVERIFY(startHelper(m_server, u"hoststand_restaurant_helper"_s, arguments));
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

// 100 bookings, each moved to another table by a change this process asks
// for while another process runs the sagas; that process is killed (never
// stopped) 20 times, each time after 0 to 30 ms, and started again. Every
// change ends made, each booking holding one lock, of its span, on its new
// table; no lock stays on a table a booking left; no step is set aside.
void tst_RestaurantProcesses::changesSurviveTheSagaProcessKilledAtAnyStep()
{
    constexpr int Kills = 20;
    constexpr int PerRound = 5;
    constexpr int LeaseMs = 300;
    RestaurantOptions options = optionsFor(storePath());
    options.runSagas = false;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.settleTimeout = 30s;
    auto restaurant = openRestaurant(options, *m_clock);
    for (int table = 3; table <= 22; ++table)
        valueOf(restaurant->tableManager().addTable(
            valueOf(TableId::create(u"T%1"_s.arg(table))), valueOf(SeatCount::create(4)),
            TableLayout::forSeats(4, u"Main room"_s, 100 * table, 300)));
    startServer(LeaseMs);
    QList<BookingId> bookings;
    const auto homeOf = [](int j) {
        return u"T%1"_s.arg(3 + j % 10);
    };
    const auto awayOf = [](int j) {
        return u"T%1"_s.arg(13 + j % 10);
    };
    for (int j = 0; j < Kills * PerRound; ++j) {
        booker::BookingRequest request = bookingAt(homeOf(j), "2026-12-04T19:00:00Z");
        request.start = request.start.addDays(j / 10);
        auto booked = restaurant->book(request);
        HS_VERIFY_OK(booked);
        QCOMPARE(toString(booked.value().status), toString(BookingStatus::Confirmed));
        bookings.append(booked.value().bookingId);
    }

    int killedMidChange = 0;
    for (int round = 0; round < Kills; ++round) {
        for (int j = round * PerRound; j < (round + 1) * PerRound; ++j) {
            booker::BookingChangeRequest change;
            change.tableId = awayOf(j);
            auto asked = restaurant->booker().changeBooking(bookings.at(j), change);
            HS_VERIFY_OK(asked);
            QCOMPARE(asked.value().value_or(0), 1);
        }
        QTest::qWait(QRandomGenerator::global()->bounded(0, 31));
        killHard(m_server);
        for (int j = round * PerRound; j < (round + 1) * PerRound; ++j)
            killedMidChange
                += valueOf(restaurant->booker().booking(bookings.at(j))).pendingChange() ? 1 : 0;
        startServer(LeaseMs);
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("%d kills; %d of %d changes were still waiting when the sagas' process died", Kills,
          killedMidChange, Kills * PerRound);
    QVERIFY2(killedMidChange > 0, "no kill landed while a change was on its way");

    for (int j = 0; j < bookings.size(); ++j) {
        const BookingId &id = bookings.at(j);
        QTRY_VERIFY_WITH_TIMEOUT(!valueOf(restaurant->booker().booking(id)).pendingChange(), 30000);
        const booker::Booking booking = valueOf(restaurant->booker().booking(id));
        QCOMPARE(booking.tableId().toString(), awayOf(j));
        QCOMPARE(toString(booking.status()), toString(BookingStatus::Confirmed));
        QTRY_VERIFY_WITH_TIMEOUT(
            valueOf(restaurant->tableManager().table(valueOf(TableId::create(homeOf(j)))))
                    .lockState(id)
                == Table::LockState::Released,
            30000);
        QList<TableLock> held;
        for (const TableLock &lock : valueOf(restaurant->tableManager().locks())) {
            if (lock.bookingId == id)
                held.append(lock);
        }
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.constFirst().tableId.toString(), awayOf(j));
        QCOMPARE(held.constFirst().span, booking.span());
    }
    for (const QString &group : {u"table-locking"_s, u"booking-confirmation"_s})
        QCOMPARE(valueOf(restaurant->store().parkedEvents(group)).size(), 0);
}

QTEST_GUILESS_MAIN(tst_RestaurantProcesses)
#include "tst_restaurantprocesses.moc"
