#include "domain/booker/EventSourcedTableCatalog.h"

#include "StoreFixtures.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::booker;
using namespace hoststand::booker::test;

namespace {

SeatCount seats(int count)
{
    return valueOf(SeatCount::create(count));
}

TableSnapshot::Lock lock(const QString &booking, const QString &from, const QString &to)
{
    return {bookingId(booking), span(from, to)};
}

} // namespace

class tst_EventSourcedTableCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void anEmptyStoreHasNoTables();
    void tablesAreFoldedFromTheirEvents();
    void eachSnapshotReadsOnlyWhatIsNew();
    void anUnreadableTableEventIsSkippedWithAWarning();
    void otherCategoriesAreIgnored();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_store;
};

void tst_EventSourcedTableCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore(*m_dir);
}

void tst_EventSourcedTableCatalog::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_EventSourcedTableCatalog::anEmptyStoreHasNoTables()
{
    EventSourcedTableCatalog catalog(*m_store);
    QVERIFY(valueOf(catalog.snapshot()).isEmpty());
    QCOMPARE(catalog.position(), 0);
}

void tst_EventSourcedTableCatalog::tablesAreFoldedFromTheirEvents()
{
    const TableId t1 = table(u"T1"_s);
    const TableId t2 = table(u"T2"_s);
    addTable(*m_store, u"T2"_s, 2);
    addTable(*m_store, u"T1"_s, 4);
    appendTableEvent(*m_store, t1, TableSeatsChanged {t1, seats(6), seats(4)});
    appendTableEvent(*m_store, t1,
                     TableMoved {t1, TableLayout::forSeats(6, u"Terrace"_s, 300, 200)});
    appendTableEvent(*m_store, t1,
                     TableLockPlaced {t1, bookingId(u"b1"_s),
                                      span(u"2026-12-01T19:00:00Z"_s, u"2026-12-01T20:30:00Z"_s),
                                      party(2)});
    appendTableEvent(*m_store, t1,
                     TableLockPlaced {t1, bookingId(u"b2"_s),
                                      span(u"2026-12-01T21:00:00Z"_s, u"2026-12-01T22:30:00Z"_s),
                                      party(2)});
    appendTableEvent(*m_store, t1,
                     TableLockRemoved {t1, bookingId(u"b1"_s), LockRemovalReason::Cancelled});
    appendTableEvent(*m_store, t2, TableRemoved {t2});

    EventSourcedTableCatalog catalog(*m_store);
    const QList<TableSnapshot> expected {
        {t1,
         6,
         u"Terrace"_s,
         true,
         {lock(u"b2"_s, u"2026-12-01T21:00:00Z"_s, u"2026-12-01T22:30:00Z"_s)}},
        {t2, 2, u"Main room"_s, false, {}},
    };
    QCOMPARE(valueOf(catalog.snapshot()), expected);
    QCOMPARE(catalog.position(), lastPosition(*m_store));
}

void tst_EventSourcedTableCatalog::eachSnapshotReadsOnlyWhatIsNew()
{
    addTable(*m_store, u"T1"_s, 4);
    EventSourcedTableCatalog catalog(*m_store);
    QCOMPARE(valueOf(catalog.snapshot()).size(), 1);
    const qint64 first = catalog.position();

    addTable(*m_store, u"T2"_s, 2);
    const QList<TableSnapshot> tables = valueOf(catalog.snapshot());
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables.at(1).id, table(u"T2"_s));
    QVERIFY(catalog.position() > first);
    QCOMPARE(valueOf(catalog.snapshot()), tables);
}

void tst_EventSourcedTableCatalog::anUnreadableTableEventIsSkippedWithAWarning()
{
    addTable(*m_store, u"T1"_s, 4);
    QVERIFY(m_store
                ->append(u"table-T1"_s, {EventData::fromJson(u"table-removed"_s, {})},
                         ExpectedRevision::any())
                .ok());
    addTable(*m_store, u"T2"_s, 2);
    EventSourcedTableCatalog catalog(*m_store);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"position 2"_s));
    const QList<TableSnapshot> tables = valueOf(catalog.snapshot());
    QCOMPARE(tables.size(), 2);
    QVERIFY(tables.at(0).inService);
    QCOMPARE(catalog.position(), 3);
}

void tst_EventSourcedTableCatalog::otherCategoriesAreIgnored()
{
    QVERIFY(EventSourcing::append(*m_store, SettingsStream, {TurnTimesDefined::defaults()},
                                  ExpectedRevision::any(), TestContext.metadata({}, {}))
                .ok());
    addTable(*m_store, u"T1"_s, 4);
    EventSourcedTableCatalog catalog(*m_store);
    QCOMPARE(valueOf(catalog.snapshot()).size(), 1);
}

QTEST_GUILESS_MAIN(tst_EventSourcedTableCatalog)
#include "tst_eventsourcedtablecatalog.moc"
