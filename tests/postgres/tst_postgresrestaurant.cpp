#include "domain/StoreClock.h"
#include "domain/contracts/EventCodec.h"
#include "eventstore/PostgresEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/cli/RestaurantFixtures.h"
#include "tests/postgres/PostgresTestServer.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

namespace {

// The store's last position, -1 while it cannot be read.
qint64 positionOf(EventStore &store)
{
    auto last = store.lastPosition();
    return last.ok() ? last.value() : -1;
}

} // namespace

// A whole restaurant on PostgreSQL while the server stops and starts again
// in the middle of the session: commands during the outage are refused with
// a message a host understands and write nothing; afterwards the store, the
// read model and the sagas come back by themselves and catch up with what
// another terminal did meanwhile, and nothing is lost or doubled.
class tst_PostgresRestaurant final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aServerRestartLosesNothingAndTheRestaurantCatchesUp();

private:
    std::unique_ptr<Restaurant> open(std::chrono::milliseconds reconnectDelay, bool runSagas);
    void bookBeforeTheOutage();
    void refuseDuringTheOutage();
    void catchUpAfterTheOutage();
    void checkNothingLostOrDoubled();

    PostgresTestServer m_server;
    QString m_url;
    ManualClock m_clock {FixedNow};
    // This terminal runs the sagas and the read model; it comes back slowly
    // (5 s), so the other terminal's booking is made while it cannot hear of it.
    std::unique_ptr<Restaurant> m_restaurant;
    std::unique_ptr<Restaurant> m_otherTerminal;
    QList<BookingId> m_confirmed;
};

void tst_PostgresRestaurant::initTestCase()
{
    // A cluster of its own even in CI: the test stops the server.
    HS_REQUIRE_POSTGRES(m_server.start(PostgresTestServer::Kind::Throwaway));
    QString problem;
    auto url = m_server.createDatabase(&problem);
    QVERIFY2(url, qPrintable(problem));
    m_url = *url;
}

void tst_PostgresRestaurant::cleanupTestCase()
{
    m_otherTerminal.reset();
    m_restaurant.reset();
}

std::unique_ptr<Restaurant> tst_PostgresRestaurant::open(std::chrono::milliseconds reconnectDelay,
                                                         bool runSagas)
{
    PostgresStoreOptions storeOptions;
    storeOptions.pollInterval = 100ms;
    storeOptions.reconnectDelay = reconnectDelay;
    storeOptions.maxReconnectDelay = reconnectDelay;
    auto store = PostgresEventStore::open(m_url, storeOptions);
    if (!store.ok()) {
        qWarning("%s", qPrintable(store.error().message()));
        return nullptr;
    }
    RestaurantOptions options = optionsFor(m_url);
    options.runSagas = runSagas;
    options.sagaSettings.leaseDuration = 1500ms;
    options.sagaSettings.renewInterval = 300ms;
    options.readModel = runSagas ? RestaurantOptions::ReadModelUse::Follow
                                 : RestaurantOptions::ReadModelUse::None;
    options.storeTime = StoreClock::following(m_clock);
    auto restaurant = Restaurant::open(std::move(store).value(), options, m_clock);
    if (!restaurant.ok()) {
        qWarning("%s", qPrintable(restaurant.error().message()));
        return nullptr;
    }
    return std::move(restaurant).value();
}

void tst_PostgresRestaurant::bookBeforeTheOutage()
{
    m_restaurant = open(5000ms, true);
    QVERIFY(m_restaurant);
    m_otherTerminal = open(50ms, false);
    QVERIFY(m_otherTerminal);
    setUpRestaurant(*m_restaurant, 3);
    QTRY_VERIFY_WITH_TIMEOUT(m_restaurant->holdsSagaLeases(), 5000);
    for (const char *start : {"2026-12-04T19:00:00Z", "2026-12-04T21:00:00Z"}) {
        auto outcome = m_restaurant->book(bookingAt(u"T1"_s, start));
        PG_VERIFY_OK(outcome);
        QCOMPARE(toString(outcome.value().status), toString(BookingStatus::Confirmed));
        m_confirmed.append(outcome.value().bookingId);
    }
}

void tst_PostgresRestaurant::refuseDuringTheOutage()
{
    QSignalSpy lost(&m_restaurant->store(), &EventStore::availabilityChanged);
    const qint64 before = valueOf(m_restaurant->store().lastPosition());
    auto stopped = m_server.stopServer();
    QVERIFY2(!stopped, qPrintable(stopped.value_or(QString())));
    QTRY_VERIFY_WITH_TIMEOUT(!lost.isEmpty(), 5000);
    QCOMPARE(lost.constFirst().constFirst().toBool(), false);

    auto refused = m_restaurant->book(bookingAt(u"T2"_s, "2026-12-04T19:00:00Z"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), DomainError::Code::StoreFailure);
    const QString message = refused.error().message();
    QVERIFY2(message.startsWith(u"The PostgreSQL server at 127.0.0.1:"_s), qPrintable(message));
    QVERIFY2(message.contains(u"cannot be reached"_s), qPrintable(message));
    QVERIFY2(message.contains(u"Nothing was saved"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"QPSQL"_s) && !message.contains(u"SQLSTATE"_s),
             qPrintable(message));
    auto cancelled = m_restaurant->cancel(m_confirmed.constFirst());
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code(), DomainError::Code::StoreFailure);

    auto started = m_server.startServer();
    QVERIFY2(!started, qPrintable(started.value_or(QString())));
    // The other terminal is back first; this one has not noticed yet.
    QTRY_VERIFY_WITH_TIMEOUT(positionOf(m_otherTerminal->store()) >= 0, 10000);
    QCOMPARE(positionOf(m_otherTerminal->store()), before); // nothing was written
}

// The other terminal books while this one is away: only this one's catch-up
// after its reconnection can bring the booking to its sagas and read model.
void tst_PostgresRestaurant::catchUpAfterTheOutage()
{
    QSignalSpy back(&m_restaurant->store(), &EventStore::availabilityChanged);
    QVERIFY(!static_cast<PostgresEventStore &>(m_restaurant->store()).isAvailable());
    auto initiated
        = m_otherTerminal->booker().book(bookingAt(u"T3"_s, "2026-12-04T19:00:00Z", 2, u"Away"_s));
    PG_VERIFY_OK(initiated);
    QTRY_VERIFY_WITH_TIMEOUT(!back.isEmpty(), 20000);
    QCOMPARE(back.constLast().constFirst().toBool(), true);

    auto settled = m_restaurant->waitUntilSettled(initiated.value());
    PG_VERIFY_OK(settled);
    QCOMPARE(toString(settled.value().status), toString(BookingStatus::Confirmed));
    m_confirmed.append(initiated.value());
    ReadModel &model = *m_restaurant->readModel();
    // Read again until the read model, back after the outage, has it.
    const auto confirmedInTheReadModel = [&model, id = initiated.value().toString()] {
        const auto row = model.booking(id);
        return row.ok() && row.value() && row.value()->status == BookingStatus::Confirmed;
    };
    QTRY_VERIFY_WITH_TIMEOUT(confirmedInTheReadModel(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_restaurant->holdsSagaLeases(), 10000);

    // The booking refused during the outage, and another after the restart.
    for (const char *start : {"2026-12-04T19:00:00Z", "2026-12-05T19:00:00Z"}) {
        auto outcome = m_restaurant->book(bookingAt(u"T2"_s, start, 2, u"After"_s));
        PG_VERIFY_OK(outcome);
        QCOMPARE(toString(outcome.value().status), toString(BookingStatus::Confirmed));
        m_confirmed.append(outcome.value().bookingId);
    }
}

// Every booking has its events once; the read model holds each event once
// and matches a fresh rebuild from the store.
void tst_PostgresRestaurant::checkNothingLostOrDoubled()
{
    EventStore &store = m_restaurant->store();
    auto all = store.readAll(0, 100000);
    PG_VERIFY_OK(all);
    QSet<QUuid> ids;
    QStringList locked;
    for (const RecordedEvent &event : all.value()) {
        QVERIFY2(!ids.contains(event.id), "an event is stored twice");
        ids.insert(event.id);
        auto decoded = EventCodec::decode(event);
        QVERIFY(decoded.ok());
        if (const auto *lock = std::get_if<TableLockPlaced>(&decoded.value()))
            locked.append(lock->bookingId.toString());
    }
    QStringList confirmed;
    for (const BookingId &booking : std::as_const(m_confirmed))
        confirmed.append(booking.toString());
    locked.sort();
    confirmed.sort();
    QCOMPARE(locked, confirmed); // one lock per booking, none twice
    for (const BookingId &booking : std::as_const(m_confirmed)) {
        auto stream
            = store.readStream(u"booking-"_s + booking.toString(), ReadDirection::Forwards, 0, 100);
        PG_VERIFY_OK(stream);
        QStringList types;
        for (const RecordedEvent &event : stream.value())
            types.append(event.type);
        QCOMPARE(types, QStringList({u"table-booking-initiated"_s, u"table-booking-confirmed"_s}));
    }
    ReadModel &model = *m_restaurant->readModel();
    const qint64 last = all.value().constLast().position;
    QTRY_COMPARE_WITH_TIMEOUT(model.position(), last, 10000);
    QCOMPARE(model.audit({{}, {}, {}, 0, 100000}).value().size(), last);
    auto differences = ReadModel::verifyAgainstFreshRebuild(store, model.location());
    PG_VERIFY_OK(differences);
    QCOMPARE(differences.value(), QStringList());
}

void tst_PostgresRestaurant::aServerRestartLosesNothingAndTheRestaurantCatchesUp()
{
    bookBeforeTheOutage();
    if (QTest::currentTestFailed())
        return;
    refuseDuringTheOutage();
    if (QTest::currentTestFailed())
        return;
    catchUpAfterTheOutage();
    if (QTest::currentTestFailed())
        return;
    checkNothingLostOrDoubled();
}

QTEST_GUILESS_MAIN(tst_PostgresRestaurant)
#include "tst_postgresrestaurant.moc"
