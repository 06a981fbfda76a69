#include "domain/Engine.h"

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "domain/contracts/ServicePeriod.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/EventLoopPauses.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

QDateTime at(const QTime &time)
{
    return QDateTime(QDate(2030, 5, 17), time, QTimeZone::utc());
}

booker::BookingRequest partyOf(int size, const QString &guest, const QTime &start = QTime(19, 0))
{
    booker::BookingRequest request;
    request.tableId = u"T1"_s;
    request.start = at(start);
    request.partySize = size;
    request.guestName = guest;
    return request;
}

template<typename T>
bool answered(const QFuture<T> &future, int timeoutMs = 10000)
{
    QElapsedTimer waited;
    waited.start();
    while (!future.isFinished() && waited.elapsed() < timeoutMs)
        QTest::qWait(5);
    return future.isFinished() && future.resultCount() > 0;
}

} // namespace

// The host stand's engine: its commands, sagas and lock expiry on a thread
// of their own, the window's thread free to draw meanwhile, and the view
// half on the window's thread hearing at once what the engine committed.
class tst_Engine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void commandsRunOnTheEngineThreadAndAnswerHere();
    void aChangeKeepsTheBookingAndItsPlaceUntilTheNewOneIsLocked();
    void thisThreadKeepsTurningWhileTheEngineWaitsForTheWriteLock();
    void eachHalfHearsTheOthersCommitsWithoutWaitingForAPoll();
    void closingWithACommandInFlightAnswersItWithTheOutcomeSoFar();
    void theViewTellsABurstAFewChangesATurnAndTheSettingsFirst();

private:
    std::unique_ptr<Engine> open(bool runSagas = true, std::chrono::milliseconds poll = 50ms,
                                 std::chrono::milliseconds busyTimeout = 5000ms);
    QString storePath() const { return m_dir->filePath(u"engine.hoststand"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
};

void tst_Engine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(at(QTime(17, 0)));
}

void tst_Engine::cleanup()
{
    m_clock.reset();
    m_dir.reset();
}

std::unique_ptr<Engine> tst_Engine::open(bool runSagas, std::chrono::milliseconds poll,
                                         std::chrono::milliseconds busyTimeout)
{
    RestaurantOptions options;
    options.runSagas = runSagas;
    options.storeTime = StoreClock::following(*m_clock);
    SqliteStoreOptions storeOptions;
    storeOptions.pollInterval = poll;
    storeOptions.busyTimeout = busyTimeout;
    const QString path = storePath();
    auto opened = Engine::open(
        [path, storeOptions]() -> StoreResult<std::unique_ptr<EventStore>> {
            auto store = SqliteEventStore::open(path, storeOptions);
            if (!store.ok())
                return store.error();
            return std::unique_ptr<EventStore>(std::move(store).value());
        },
        options, *m_clock, CommandContext {u"host"_s, u"stand-1"_s});
    if (!opened.ok())
        qFatal("%s", qPrintable(opened.error().message()));
    std::unique_ptr<Engine> engine = std::move(opened).value();
    Restaurant &view = engine->view();
    if (!view.booker().defineTimeZone(u"UTC"_s).ok()
        || !view.tableManager()
                .addTable(TableId::create(u"T1"_s).value(), SeatCount::create(4).value(),
                          TableLayout::forSeats(4, u"Main room"_s, 100, 100))
                .ok())
        qFatal("the engine's restaurant could not be set up");
    return engine;
}

void tst_Engine::commandsRunOnTheEngineThreadAndAnswerHere()
{
    auto engine = open();
    QThread *engineThread = engine->call([](Restaurant &) { return QThread::currentThread(); });
    QVERIFY(engineThread != QThread::currentThread());
    QCOMPARE(engine->view().thread(), QThread::currentThread());

    auto booked = engine->book(partyOf(4, u"Jones"_s));
    QVERIFY(answered(booked));
    HS_VERIFY_OK(booked.result());
    const BookingOutcome outcome = booked.result().value();
    QVERIFY(outcome.status == BookingStatus::Confirmed);
    QTRY_VERIFY(engine->isQuiet());
    const auto row = engine->view().readModel()->booking(outcome.bookingId.toString());
    HS_VERIFY_OK(row);
    QVERIFY(row.value());
    QVERIFY(row.value()->status == BookingStatus::Confirmed);

    // A refusal comes back as the domain's error, nothing written.
    auto refused = engine->book(partyOf(9, u"Too many"_s));
    QVERIFY(answered(refused));
    QVERIFY(!refused.result().ok());

    auto cancelled = engine->cancel(outcome.bookingId);
    QVERIFY(answered(cancelled));
    HS_VERIFY_OK(cancelled.result());
    QVERIFY(cancelled.result().value());
}

// A change is the domain's, on the engine thread: the booking keeps its id
// and its place until the table manager locked the new one; a change it
// refuses leaves the booking as it was.
void tst_Engine::aChangeKeepsTheBookingAndItsPlaceUntilTheNewOneIsLocked()
{
    auto engine = open();
    auto booked = engine->book(partyOf(4, u"Jones"_s));
    QVERIFY(answered(booked));
    HS_VERIFY_OK(booked.result());
    const BookingId jones = booked.result().value().bookingId;
    const auto rowOf = [&engine](const BookingId &id) {
        return engine->call([id](Restaurant &restaurant) {
            return *restaurant.readModel()->booking(id.toString()).value();
        });
    };
    booker::BookingChangeRequest tooMany;
    tooMany.partySize = 9;
    auto refused = engine->change(jones, tooMany);
    QVERIFY(answered(refused));
    QVERIFY(!refused.result().ok());
    QCOMPARE(refused.result().error().code(), DomainError::Code::PartyTooLarge);

    booker::BookingChangeRequest later;
    later.start = at(QTime(19, 30));
    auto changed = engine->change(jones, later);
    QVERIFY(answered(changed));
    HS_VERIFY_OK(changed.result());
    QVERIFY(changed.result().value().changed());
    QCOMPARE(changed.result().value().bookingId, jones);
    QTRY_COMPARE(rowOf(jones).start, at(QTime(19, 30)));
    QVERIFY(rowOf(jones).status == BookingStatus::Confirmed);
    QCOMPARE(rowOf(jones).partySize, 4);
}

// Another connection holds the store's write lock for a second: the
// engine's booking waits for it, and this thread's event loop keeps
// turning meanwhile. (With the restaurant on this thread, the booking's
// append stood it still for the whole second.)
void tst_Engine::thisThreadKeepsTurningWhileTheEngineWaitsForTheWriteLock()
{
    auto engine = open();
    QTRY_VERIFY(engine->isQuiet());
    test::StoreWriteLock lock(storePath());
    QVERIFY(lock.isHeld());
    test::EventLoopPauses pauses(5ms);
    auto booked = engine->book(partyOf(2, u"Lee"_s));
    QTest::qWait(1000);
    QVERIFY(!booked.isFinished()); // waiting for the lock, on the engine thread
    QVERIFY(lock.release());
    QVERIFY(answered(booked));
    QVERIFY2(pauses.longestMs() < 250,
             qPrintable(u"this thread stood still for %1 ms"_s.arg(pauses.longestMs())));
    HS_VERIFY_OK(booked.result());
    QVERIFY(booked.result().value().status == BookingStatus::Confirmed);
}

// Each half polls for other processes' commits once a minute here: what
// one half commits reaches the other at once all the same (the engine's
// booking the read model; the view's booking the engine's sagas).
void tst_Engine::eachHalfHearsTheOthersCommitsWithoutWaitingForAPoll()
{
    auto engine = open(true, 60000ms);
    QTRY_VERIFY_WITH_TIMEOUT(engine->isQuiet(), 2000);

    QElapsedTimer took;
    took.start();
    auto booked = engine->book(partyOf(2, u"Lee"_s));
    QVERIFY(answered(booked, 2000));
    HS_VERIFY_OK(booked.result());
    const QString lee = booked.result().value().bookingId.toString();
    ReadModel &readModel = *engine->view().readModel();
    const auto shows = [&readModel](const QString &booking) {
        const auto row = readModel.booking(booking);
        return row.ok() && row.value() && row.value()->status == BookingStatus::Confirmed;
    };
    QTRY_VERIFY_WITH_TIMEOUT(shows(lee), 2000);

    auto initiated = engine->view().booker().book(partyOf(2, u"Kim"_s, QTime(21, 0)));
    HS_VERIFY_OK(initiated);
    const QString kim = initiated.value().toString();
    QTRY_VERIFY_WITH_TIMEOUT(shows(kim), 2000);
    QVERIFY2(took.elapsed() < 10000, qPrintable(QString::number(took.elapsed())));
}

// No saga runs: the booking stays initiated. Closing the engine before the
// settle timeout answers the booking with its outcome so far, rather than
// leaving the window waiting for an answer that never comes.
void tst_Engine::closingWithACommandInFlightAnswersItWithTheOutcomeSoFar()
{
    auto engine = open(false);
    auto booked = engine->book(partyOf(2, u"Lee"_s));
    QTRY_VERIFY(engine->call(
        [](Restaurant &restaurant) { return restaurant.store().lastPosition().value() >= 3; }));
    QVERIFY(!booked.isFinished());
    engine.reset();
    QVERIFY(booked.isFinished());
    QCOMPARE(booked.resultCount(), 1);
    HS_VERIFY_OK(booked.result());
    QVERIFY(booked.result().value().status == BookingStatus::Initiated);
}

// Sixty tables and then new service periods, all projected on the engine
// thread while this one does not turn: the view tells the settings first
// (every view reads everything again by them), then the tables a few each
// turn of the loop, never all in one.
void tst_Engine::theViewTellsABurstAFewChangesATurnAndTheSettingsFirst()
{
    auto engine = open();
    QTRY_VERIFY(engine->isQuiet());
    Restaurant &view = engine->view();
    ReadModel &readModel = *view.readModel();
    QSignalSpy settings(&readModel, &ReadModel::settingsChanged);
    QSignalSpy tables(&readModel, &ReadModel::tableChanged);
    for (int table = 2; table <= 61; ++table)
        HS_VERIFY_OK(view.tableManager().addTable(TableId::create(u"T%1"_s.arg(table)).value(),
                                                  SeatCount::create(2).value(),
                                                  TableLayout::forSeats(2, u"Bar"_s, 10, 10)));
    QList<ServicePeriod> periods;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday)
        periods.append({weekday, u"all-day"_s, QTime(7, 0), QTime(23, 0)});
    HS_VERIFY_OK(view.booker().defineServicePeriods(periods));
    QElapsedTimer waited;
    waited.start();
    while (!engine->call([](Restaurant &half) { return half.isQuiet(); })) {
        QVERIFY(waited.elapsed() < 10000);
        QThread::msleep(5);
    }

    // A turn at a time: the first receives what the engine told, the
    // next tells the settings and the first few tables.
    for (int turn = 0; turn < 10 && settings.isEmpty(); ++turn)
        QCoreApplication::processEvents();
    QCOMPARE(settings.count(), 1);
    QVERIFY2(tables.count() <= 25, qPrintable(QString::number(tables.count())));
    QCOMPARE(readModel.settings().periods, periods);
    QTRY_COMPARE(tables.count(), 60);
    QTRY_VERIFY(engine->isQuiet());
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
