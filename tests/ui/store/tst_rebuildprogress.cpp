// The progress a host sees while the read model is rebuilt as the store
// opens: the restaurant reports it, the dialog shows it and closes when the
// read model is ready; a store whose read model is built shows nothing.

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/HistoryGenerator.h"
#include "tests/support/TestSupport.h"
#include "ui/store/RebuildProgress.h"

#include <QLocale>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;

class tst_RebuildProgress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void aRebuildAtOpenIsShownUntilItIsDone();
    void aBuiltReadModelOpensWithoutTheDialog();

private:
    StoreResult<std::unique_ptr<Restaurant>> open(ui::RebuildProgress &progress);

    QTemporaryDir m_dir;
    QString m_store;
    qint64 m_events = 0;
    ManualClock m_clock {QDateTime(QDate(2026, 12, 4), QTime(19, 0), QTimeZone::utc())};
};

void tst_RebuildProgress::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(u"history.hoststand"_s);
    SqliteStoreOptions fast;
    fast.synchronousFull = false; // the history need not survive a power cut
    auto store = SqliteEventStore::open(m_store, fast);
    HS_VERIFY_OK(store);
    test::HistoryOptions options;
    options.events = 30'000;
    options.tables = 20;
    HS_VERIFY_OK(test::generateHistory(*store.value(), options));
    auto last = store.value()->lastPosition();
    HS_VERIFY_OK(last);
    m_events = last.value();
}

StoreResult<std::unique_ptr<Restaurant>> tst_RebuildProgress::open(ui::RebuildProgress &progress)
{
    RestaurantOptions options;
    options.store = m_store;
    options.runSagas = false;
    options.readModelProgress = [&progress](qint64 done, qint64 total) {
        progress.report(done, total);
    };
    options.storeTime = StoreClock::following(m_clock);
    return Restaurant::open(options, m_clock);
}

void tst_RebuildProgress::aRebuildAtOpenIsShownUntilItIsDone()
{
    ui::RebuildProgress progress(nullptr, 0ms);
    auto restaurant = open(progress);
    HS_VERIFY_OK(restaurant);
    QVERIFY(progress.dialog());
    QVERIFY2(progress.wasShown(), "the dialog never came on screen during the rebuild");
    QCOMPARE(progress.shownDone(), m_events);
    QVERIFY(progress.dialog()->labelText().contains(QLocale().toString(m_events)));
    QVERIFY2(!progress.dialog()->isVisible(), "the dialog stays after the rebuild");
    QCOMPARE(restaurant.value()->readModel()->position(), m_events);
}

void tst_RebuildProgress::aBuiltReadModelOpensWithoutTheDialog()
{
    {
        ui::RebuildProgress first(nullptr, 0ms);
        HS_VERIFY_OK(open(first));
    }
    ui::RebuildProgress progress(nullptr, 0ms);
    auto restaurant = open(progress);
    HS_VERIFY_OK(restaurant);
    QVERIFY(!progress.dialog());
    QCOMPARE(restaurant.value()->readModel()->position(), m_events);
}

QTEST_MAIN(tst_RebuildProgress)
#include "tst_rebuildprogress.moc"
