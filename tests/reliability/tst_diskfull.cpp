// A disk that fills up in the middle of a booking's choreography: a real
// file system of a few hundred kilobytes (tmpfs, mounted by the test, which
// needs root), filled by a file of the test's own until a booking's first
// event fits but its table's lock or its confirmation does not. The sagas
// wait, never set the step aside, and settle the booking once there is room.

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/EventStore.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

namespace {

qint64 freeBytes(const QString &folder)
{
    struct statvfs status;
    if (::statvfs(QFile::encodeName(folder).constData(), &status) != 0)
        return -1;
    return qint64(status.f_bavail) * qint64(status.f_frsize);
}

// Grows the file until the folder has about `left` bytes free.
bool fillUntil(QFile &filler, const QString &folder, qint64 left)
{
    const QByteArray block(4096, 'x');
    while (freeBytes(folder) > left + 4096) {
        if (filler.write(block) != block.size())
            return false;
        filler.flush();
    }
    return true;
}

} // namespace

class tst_DiskFull final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aBookingCaughtByAFullDiskIsSettledOnceThereIsRoom();

private:
    QTemporaryDir m_dir;
    QString m_mount;
};

void tst_DiskFull::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Mounting a small file system to fill needs root (CI runs as root).");
    m_mount = m_dir.filePath(u"disk"_s);
    QVERIFY(QDir().mkpath(m_mount));
    QVERIFY2(::mount("tmpfs", QFile::encodeName(m_mount).constData(), "tmpfs", 0, "size=512k") == 0,
             strerror(errno));
}

void tst_DiskFull::cleanupTestCase()
{
    if (!m_mount.isEmpty())
        ::umount(QFile::encodeName(m_mount).constData());
}

void tst_DiskFull::aBookingCaughtByAFullDiskIsSettledOnceThereIsRoom()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    RestaurantOptions options;
    options.store = m_mount + u"/s.hoststand"_s;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.storeTime = StoreClock::following(clock);
    options.sagaSettings.maxRetryCount = 2;
    options.sagaSettings.waitDelay = 20ms;
    options.sagaSettings.maxWaitDelay = 200ms;
    auto opened = Restaurant::open(options, clock);
    HS_VERIFY_OK(opened);
    Restaurant &restaurant = *opened.value();
    HS_VERIFY_OK(restaurant.booker().defineTimeZone(u"UTC"_s));
    for (int n = 1; n <= 2; ++n)
        HS_VERIFY_OK(restaurant.tableManager().addTable(
            TableId::create(u"T%1"_s.arg(n)).value(), SeatCount::create(4).value(),
            TableLayout::forSeats(4, u"Main room"_s, 100 * n, 100)));

    QFile filler(m_mount + u"/filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly));
    std::optional<BookingId> caught;
    QStringList tried;
    // How much room is left decides where the choreography stops; the test
    // looks for the room where the booking is written but not settled.
    for (qint64 left = 4096; left <= 96 * 1024 && !caught; left += 4096) {
        QVERIFY(filler.resize(0));
        QVERIFY(fillUntil(filler, m_mount, left));
        booker::WalkInRequest request;
        request.tableId = u"T1"_s;
        request.partySize = 2;
        request.guestName = u"Walk-in %1"_s.arg(left);
        auto booked = restaurant.booker().walkIn(request);
        if (!booked.ok()) {
            tried.append(u"%1 KB: refused, %2"_s.arg(left / 1024).arg(booked.error().message()));
            continue;
        }
        QTest::qWait(300);
        auto booking = restaurant.booker().booking(booked.value());
        QVERIFY(booking.ok());
        if (booking.value().status() == BookingStatus::Initiated) {
            caught = booked.value();
            break;
        }
        tried.append(u"%1 KB: settled"_s.arg(left / 1024));
        QVERIFY(filler.resize(0));
        HS_VERIFY_OK(restaurant.leave(booked.value()));
    }
    QVERIFY2(caught, qPrintable(tried.join(u"; "_s)));
    QVERIFY(!restaurant.whyUnsettled(*caught).isEmpty());
    QVERIFY2(restaurant.whyUnsettled(*caught).contains(u"waiting"_s),
             qPrintable(restaurant.whyUnsettled(*caught)));
    // Long enough for many more failures than maxRetryCount.
    QTest::qWait(1500);
    for (const QString &group : {TableLockingSaga::GroupName, booker::BookingSaga::GroupName})
        QVERIFY(restaurant.store().parkedEvents(group).value().isEmpty());

    QVERIFY(filler.remove());
    QTRY_VERIFY_WITH_TIMEOUT(
        restaurant.booker().booking(*caught).value().status() == BookingStatus::Seated, 10000);
    for (const QString &group : {TableLockingSaga::GroupName, booker::BookingSaga::GroupName})
        QVERIFY(restaurant.store().parkedEvents(group).value().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DiskFull)
#include "tst_diskfull.moc"
