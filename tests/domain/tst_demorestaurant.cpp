#include "domain/Clock.h"
#include "domain/DemoRestaurant.h"
#include "domain/booker/BookingSaga.h"
#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QRectF>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;

// The demo restaurant on a real store file: what a host sees when trying
// Hoststand, whatever the time of day the demo is loaded at.
class tst_DemoRestaurant final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loadsARestaurantWithEveryKindOfBooking_data();
    void loadsARestaurantWithEveryKindOfBooking();
    void laysTheTablesOutWithoutOverlaps();
    void noTwoBookingsHoldATableAtOnce();
    void everyEventIsOneTheRestaurantCouldHaveWritten();
    void theRunningSagasFindEveryStepTakenAlready();
    void refusesAStoreThatHoldsEvents();

private:
    DemoRestaurant::Summary loadAt(const QDateTime &now);
    std::unique_ptr<ReadModel> openReadModel();
    QList<RecordedEvent> allEvents();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
};

// A Friday evening in the middle of dinner service.
static const QDateTime FridayDinner(QDate(2026, 11, 27), QTime(19, 40), Qt::UTC);

void tst_DemoRestaurant::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SqliteStoreOptions options;
    options.synchronousFull = false; // tests need no power-loss safety
    auto store = SqliteEventStore::open(m_dir->filePath(u"demo.hoststand"_s), options);
    HS_VERIFY_OK(store);
    m_store = std::move(store).value();
    m_clock = std::make_unique<ManualClock>(FridayDinner);
}

void tst_DemoRestaurant::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

DemoRestaurant::Summary tst_DemoRestaurant::loadAt(const QDateTime &now)
{
    m_clock->setNow(now);
    QElapsedTimer timer;
    timer.start();
    DemoRestaurant demo(*m_store, *m_clock);
    auto loaded = demo.load();
    if (!loaded.ok())
        qFatal("the demo restaurant did not load: %s", qPrintable(loaded.error().message()));
    qInfo("loaded %s in %lld ms", qPrintable(loaded.value().describe()), timer.elapsed());
    return loaded.value();
}

std::unique_ptr<ReadModel> tst_DemoRestaurant::openReadModel()
{
    auto model = ReadModel::open(*m_store, m_dir->filePath(u"demo.hoststand.read"_s));
    if (!model.ok())
        qFatal("cannot open the read model: %s", qPrintable(model.error().message()));
    if (auto started = model.value()->start(); !started.ok())
        qFatal("cannot start the read model: %s", qPrintable(started.error().message()));
    return std::move(model).value();
}

QList<RecordedEvent> tst_DemoRestaurant::allEvents()
{
    auto events = m_store->readAll(0, 1000000);
    if (!events.ok())
        qFatal("cannot read the store");
    return events.value();
}

void tst_DemoRestaurant::loadsARestaurantWithEveryKindOfBooking_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::newRow("loaded on a Friday during dinner") << FridayDinner;
    QTest::newRow("loaded at three in the morning")
        << QDateTime(QDate(2026, 11, 27), QTime(3, 0), Qt::UTC);
    QTest::newRow("loaded on a Monday at lunch")
        << QDateTime(QDate(2026, 11, 30), QTime(12, 50), Qt::UTC);
    QTest::newRow("loaded on a Sunday afternoon")
        << QDateTime(QDate(2026, 6, 14), QTime(16, 20), Qt::UTC);
}

void tst_DemoRestaurant::loadsARestaurantWithEveryKindOfBooking()
{
    QFETCH(QDateTime, now);
    const DemoRestaurant::Summary summary = loadAt(now);
    auto model = openReadModel();

    const QList<TableRow> tables = model->tables().value();
    QSet<QString> zones;
    for (const TableRow &table : tables) {
        zones.insert(table.layout.zone);
        QVERIFY2(table.seats >= 2 && table.seats <= 8, qPrintable(table.id));
    }
    QCOMPARE(zones, (QSet<QString> {u"Main room"_s, u"Terrace"_s}));
    QVERIFY2(tables.size() >= 18 && tables.size() <= 22,
             qPrintable(QString::number(tables.size())));
    QCOMPARE(summary.tables, tables.size());

    const QDate today = model->localDate(now);
    QMap<BookingStatus, int> statuses;
    QSet<QDate> days;
    int walkIns = 0;
    const QList<BookingRow> bookings
        = model->bookingsBetween(now.addDays(-5), now.addDays(5)).value();
    for (const BookingRow &booking : bookings) {
        statuses[booking.status] += 1;
        walkIns += booking.walkIn ? 1 : 0;
        days.insert(model->localDate(booking.start));
        QVERIFY(!booking.guestName.isEmpty());
    }
    QCOMPARE(bookings.size(), summary.bookings);
    QVERIFY2(bookings.size() >= 100, qPrintable(QString::number(bookings.size())));
    for (BookingStatus status : {BookingStatus::Confirmed, BookingStatus::Arrived,
                                 BookingStatus::Seated, BookingStatus::Left, BookingStatus::NoShow,
                                 BookingStatus::Cancelled, BookingStatus::Rejected})
        QVERIFY2(statuses.value(status) > 0, qPrintable(toString(status)));
    QCOMPARE(statuses.value(BookingStatus::Initiated), 0); // every saga has settled
    QVERIFY(walkIns > 0);
    QCOMPARE(summary.walkIns, walkIns);
    QCOMPARE(days.size(), DemoRestaurant::DaysBefore + 1 + DemoRestaurant::DaysAfter);
    QVERIFY(days.contains(today.addDays(-DemoRestaurant::DaysBefore)));
    QVERIFY(days.contains(today.addDays(DemoRestaurant::DaysAfter)));
    QVERIFY2(!model->bookingsOn(today).value().isEmpty(), "today has bookings");
    for (const BookingRow &booking : bookings) {
        if (booking.start > now)
            QVERIFY2(booking.status == BookingStatus::Confirmed
                         || booking.status == BookingStatus::Cancelled
                         || booking.status == BookingStatus::Rejected,
                     qPrintable(booking.guestName + u' ' + toString(booking.status)));
    }
}

void tst_DemoRestaurant::laysTheTablesOutWithoutOverlaps()
{
    loadAt(FridayDinner);
    auto model = openReadModel();
    const QList<TableRow> tables = model->tables().value();
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const TableLayout &a = tables.at(i).layout;
        const QRectF rectA(a.x, a.y, a.width, a.height);
        QVERIFY(a.x >= 0 && a.y >= 0);
        for (qsizetype j = i + 1; j < tables.size(); ++j) {
            const TableLayout &b = tables.at(j).layout;
            // Room for chairs and a waiter between any two tables.
            const QRectF rectB = QRectF(b.x, b.y, b.width, b.height).adjusted(-60, -60, 60, 60);
            QVERIFY2(!rectA.intersects(rectB),
                     qPrintable(tables.at(i).id + u" and "_s + tables.at(j).id));
        }
    }
}

void tst_DemoRestaurant::noTwoBookingsHoldATableAtOnce()
{
    loadAt(FridayDinner);
    auto model = openReadModel();
    const QList<BookingRow> bookings
        = model->bookingsBetween(FridayDinner.addDays(-5), FridayDinner.addDays(5)).value();
    for (qsizetype i = 0; i < bookings.size(); ++i) {
        const BookingRow &a = bookings.at(i);
        if (a.status == BookingStatus::Cancelled || a.status == BookingStatus::Rejected)
            continue;
        for (qsizetype j = i + 1; j < bookings.size(); ++j) {
            const BookingRow &b = bookings.at(j);
            if (b.status == BookingStatus::Cancelled || b.status == BookingStatus::Rejected
                || a.tableId != b.tableId)
                continue;
            QVERIFY2(a.end <= b.start || b.end <= a.start,
                     qPrintable(a.tableId + u": "_s + a.guestName + u" and "_s + b.guestName));
        }
    }
}

void tst_DemoRestaurant::everyEventIsOneTheRestaurantCouldHaveWritten()
{
    loadAt(FridayDinner);
    QSet<QString> types;
    QSet<QString> terminals;
    for (const RecordedEvent &event : allEvents()) {
        auto decoded = EventCodec::decode(event);
        QVERIFY2(decoded.ok(), qPrintable(event.type));
        const EventMetadata metadata = EventMetadata::fromJson(event.metadataObject());
        QVERIFY2(!metadata.user.isEmpty() && !metadata.terminal.isEmpty(), qPrintable(event.type));
        QVERIFY2(!metadata.correlationId.isEmpty() && !metadata.causationId.isEmpty(),
                 qPrintable(event.type));
        if (event.category() == u"booking"_s)
            QCOMPARE(u"booking-"_s + metadata.correlationId, event.stream);
        types.insert(event.type);
        terminals.insert(metadata.terminal);
    }
    const QStringList known = EventCodec::knownTypes();
    const QSet<QString> expected(known.cbegin(), known.cend());
    QCOMPARE(types, expected);
    QVERIFY(terminals.size() >= 3);
}

// The sagas of a host stand started on the demo's store are handed every
// event again from the start of their groups: each step is taken already.
void tst_DemoRestaurant::theRunningSagasFindEveryStepTakenAlready()
{
    loadAt(FridayDinner);
    const qint64 before = m_store->lastPosition().value();
    TableManager manager(*m_store, *m_clock);
    TableLockingSaga locking(manager);
    booker::BookingSaga confirming(*m_store);
    QSignalSpy lockingIdle(&locking.subscription(), &PersistentSubscription::idle);
    QSignalSpy confirmingIdle(&confirming.subscription(), &PersistentSubscription::idle);
    QSignalSpy parked(&locking.subscription(), &PersistentSubscription::eventParked);
    locking.start();
    confirming.start();
    QTRY_VERIFY_WITH_TIMEOUT(!lockingIdle.isEmpty() && !confirmingIdle.isEmpty(), 60000);
    QCOMPARE(m_store->lastPosition().value(), before);
    QCOMPARE(parked.size(), 0);
    QCOMPARE(m_store->parkedEvents(booker::BookingSaga::GroupName).value().size(), 0);
}

void tst_DemoRestaurant::refusesAStoreThatHoldsEvents()
{
    TableManager manager(*m_store, *m_clock);
    HS_VERIFY_OK(manager.addTable(TableId::create(u"T1"_s).value(), SeatCount::create(4).value(),
                                  TableLayout::forSeats(4, u"Main room"_s, 100, 100)));
    const qint64 before = m_store->lastPosition().value();
    DemoRestaurant demo(*m_store, *m_clock);
    auto loaded = demo.load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code(), DomainError::Code::AlreadyExists);
    QVERIFY2(loaded.error().message().contains(u"empty store"_s),
             qPrintable(loaded.error().message()));
    QCOMPARE(m_store->lastPosition().value(), before);
}

QTEST_GUILESS_MAIN(tst_DemoRestaurant)
#include "tst_demorestaurant.moc"
