#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/eventlog/EventLogFilterModel.h"
#include "ui/eventlog/EventLogModel.h"
#include "ui/eventlog/EventLogView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;
using hoststand::test::HostStandFixture;

// The event log view on a real store with its sagas running: every event
// with who wrote it and a sentence, the filters, and a booking's chain.
class tst_EventLogView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyEventShowsTimeUserTerminalTypeAndSummary();
    void theNewestEventComesFirstAndNewOnesAppearLive();
    void theTableFilterKeepsTheTablesAndItsBookingsEvents();
    void theTableFilterFollowsTablesAddedAndRemovedWhileOpen();
    void theTypeFilterKeepsOneType();
    void theBookingFilterKeepsOneBookingsEvents();
    void theSearchNarrowsByGuestUserOrTerminal_data();
    void theSearchNarrowsByGuestUserOrTerminal();
    void filtersCombine();
    void selectingAnEventShowsItsBookingsCausationChain();
    void aRejectedBookingsChainEndsInTheRejection();
    void theChainGrowsAsTheBookingGoesOn();
    void theFilterModelIsAProperModel();
    void scrollingToTheEndLoadsThePageBeforeUnlessNarrowed();
    void aSearchCoversTheLoadedEventsAndLoadsOlderOnesOnRequest();
    void anEventTypeIsFoundHoweverOld();
    void aBookingIsFoundHoweverOldOnlyByItsWholeId_data();
    void aBookingIsFoundHoweverOldOnlyByItsWholeId();
    void selectingTheNewestOfATypeLoadsThePagesDownToIt();

private:
    QString book(const QString &table, const QTime &start, int party, const QString &guest);
    void openView();
    // Narrows the open view to every event (each was written at stand-1),
    // so that it fetches no page by itself, and shows pages of two events.
    void showPagesOfTwo();
    QList<qint64> shownPositions() const;
    QStringList column(int column) const;
    int rowOf(const QString &type, const QString &bookingId) const;
    static QStringList chainLines(const QTreeWidget &tree);

    std::unique_ptr<HostStandFixture> m_fixture;
    std::unique_ptr<ui::EventLogView> m_view;
    QString m_jones;
    QString m_okafor;
};

void tst_EventLogView::init()
{
    m_fixture = std::make_unique<HostStandFixture>();
    m_fixture->addTable(u"T1"_s, 4, u"Main room"_s, 100, 100);
    m_fixture->addTable(u"T2"_s, 2, u"Main room"_s, 300, 100);
    m_jones = book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s);
    m_okafor = book(u"T2"_s, QTime(20, 15), 2, u"Okafor"_s);
}

void tst_EventLogView::cleanup()
{
    m_view.reset();
    m_fixture.reset();
}

QString tst_EventLogView::book(const QString &table, const QTime &start, int party,
                               const QString &guest)
{
    booker::BookingRequest request;
    request.tableId = table;
    request.start = HostStandFixture::at(start);
    request.partySize = party;
    request.guestName = guest;
    auto booked = m_fixture->restaurant().book(request);
    if (!booked.ok())
        qFatal("cannot book %s: %s", qPrintable(guest), qPrintable(booked.error().message()));
    m_fixture->settle();
    return booked.value().bookingId.toString();
}

void tst_EventLogView::openView()
{
    QVERIFY(m_fixture->settle());
    m_view = std::make_unique<ui::EventLogView>(m_fixture->readModel());
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void tst_EventLogView::showPagesOfTwo()
{
    QTest::keyClicks(m_view->textFilter(), u"stand-1"_s);
    QCOMPARE(m_view->table()->model()->rowCount(), int(m_fixture->lastPosition()));
    m_view->model()->setPageSize(2);
}

QList<qint64> tst_EventLogView::shownPositions() const
{
    const QAbstractItemModel *model = m_view->table()->model();
    QList<qint64> positions;
    for (int row = 0; row < model->rowCount(); ++row)
        positions.append(model->index(row, 0).data(ui::EventLogModel::PositionRole).toLongLong());
    return positions;
}

QStringList tst_EventLogView::column(int column) const
{
    const QAbstractItemModel *model = m_view->table()->model();
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}

int tst_EventLogView::rowOf(const QString &type, const QString &bookingId) const
{
    const QAbstractItemModel *model = m_view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ui::EventLogModel::TypeRole).toString() == type
            && index.data(ui::EventLogModel::CorrelationIdRole).toString() == bookingId)
            return row;
    }
    return -1;
}

// "type" indented two spaces per level of causation.
QStringList tst_EventLogView::chainLines(const QTreeWidget &tree)
{
    QStringList lines;
    std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int depth) {
        lines.append(QString(depth * 2, u' ') + item->text(0));
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < tree.topLevelItemCount(); ++i)
        walk(tree.topLevelItem(i), 0);
    return lines;
}

void tst_EventLogView::everyEventShowsTimeUserTerminalTypeAndSummary()
{
    openView();
    const qint64 events = m_fixture->lastPosition();
    QCOMPARE(m_view->table()->model()->rowCount(), int(events));
    for (int col : {ui::EventLogModel::Time, ui::EventLogModel::User, ui::EventLogModel::Terminal,
                    ui::EventLogModel::Event, ui::EventLogModel::Summary}) {
        QVERIFY2(!m_view->table()->isColumnHidden(col), qPrintable(QString::number(col)));
        for (const QString &value : column(col))
            QVERIFY2(!value.isEmpty(), qPrintable(QString::number(col)));
    }
    QVERIFY(column(ui::EventLogModel::User).contains(u"host"_s));
    QVERIFY(column(ui::EventLogModel::Terminal).contains(u"stand-1"_s));
    const QStringList summaries = column(ui::EventLogModel::Summary);
    // The store stamps events with the real time, so the booking's day is
    // named, with its year (2030, not the year the event was written).
    QVERIFY2(summaries.contains(u"Booked T1 for Jones, 4 people, Fri 17 May 2030, 19:00–20:45"_s),
             qPrintable(summaries.join(u'\n')));
    QVERIFY2(summaries.contains(
                 u"Lock placed on T2 for booking %1 (Okafor), Fri 17 May 2030, 20:15–21:45"_s.arg(
                     m_okafor.left(4) + u'…')),
             qPrintable(summaries.join(u'\n')));
    QVERIFY(summaries.contains(u"Confirmed Jones at T1"_s));
    QVERIFY(summaries.contains(u"Added T2 to Main room: round, 2 seats"_s));
    const int booked = rowOf(u"table-booking-initiated"_s, m_jones);
    QVERIFY(booked >= 0);
    const QString time
        = m_view->table()->model()->index(booked, ui::EventLogModel::Time).data().toString();
    QVERIFY2(time.contains(u':'), qPrintable(time));
}

void tst_EventLogView::theNewestEventComesFirstAndNewOnesAppearLive()
{
    openView();
    const int before = m_view->table()->model()->rowCount();
    const QString lindqvist = book(u"T1"_s, QTime(21, 0), 2, u"Lindqvist"_s);
    QTRY_COMPARE(m_view->table()->model()->rowCount(), before + 3);
    const QAbstractItemModel *model = m_view->table()->model();
    QCOMPARE(model->index(0, 0).data(ui::EventLogModel::TypeRole).toString(),
             u"table-booking-confirmed"_s);
    QCOMPARE(model->index(0, 0).data(ui::EventLogModel::CorrelationIdRole).toString(), lindqvist);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->index(row - 1, 0).data(ui::EventLogModel::PositionRole).toLongLong()
                > model->index(row, 0).data(ui::EventLogModel::PositionRole).toLongLong());
}

void tst_EventLogView::theTableFilterKeepsTheTablesAndItsBookingsEvents()
{
    openView();
    const int all = m_view->table()->model()->rowCount();
    QComboBox *tables = m_view->tableFilter();
    const int t2 = tables->findData(u"T2"_s);
    QVERIFY(t2 > 0);
    tables->setCurrentIndex(t2);
    const QStringList summaries = column(ui::EventLogModel::Summary);
    // table-added, lock placed, booking initiated, confirmed.
    QCOMPARE(summaries.size(), 4);
    QVERIFY(summaries.size() < all);
    for (const QString &summary : summaries)
        QVERIFY2(summary.contains(u"T2"_s), qPrintable(summary));
    QVERIFY(!summaries.join(u'\n').contains(u"Jones"_s));
    tables->setCurrentIndex(0);
    QCOMPARE(m_view->table()->model()->rowCount(), all);
}

// The filter is filled again once a burst of table changes is over (the
// table manager changes a table's stream at every lock), with the choice kept.
void tst_EventLogView::theTableFilterFollowsTablesAddedAndRemovedWhileOpen()
{
    openView();
    QComboBox *tables = m_view->tableFilter();
    tables->setCurrentIndex(tables->findData(u"T2"_s));
    m_fixture->addTable(u"T9"_s, 2, u"Main room"_s, 500, 100);
    m_fixture->addTable(u"T8"_s, 2, u"Main room"_s, 700, 100);
    HS_VERIFY_OK(m_fixture->tableManager().removeTable(TableId::create(u"T8"_s).value()));
    QVERIFY(m_fixture->settle());
    QTRY_VERIFY(tables->findData(u"T9"_s) > 0);
    QTRY_COMPARE(tables->itemText(tables->findData(u"T8"_s)), u"T8 (removed)"_s);
    QCOMPARE(tables->currentData().toString(), u"T2"_s);
    QCOMPARE(tables->count(), 5);
}

void tst_EventLogView::theTypeFilterKeepsOneType()
{
    openView();
    QComboBox *types = m_view->typeFilter();
    types->setCurrentIndex(types->findData(u"table-lock-placed"_s));
    QCOMPARE(column(ui::EventLogModel::Event),
             (QStringList {u"table-lock-placed"_s, u"table-lock-placed"_s}));
    types->setCurrentIndex(types->findData(u"table-added"_s));
    QCOMPARE(m_view->table()->model()->rowCount(), 2);
}

void tst_EventLogView::theBookingFilterKeepsOneBookingsEvents()
{
    openView();
    QTest::keyClicks(m_view->bookingFilter(), m_jones.left(5));
    const QAbstractItemModel *model = m_view->table()->model();
    QCOMPARE(model->rowCount(), 3); // initiated, lock placed, confirmed
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, 0).data(ui::EventLogModel::CorrelationIdRole).toString(),
                 m_jones);
}

void tst_EventLogView::theSearchNarrowsByGuestUserOrTerminal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("a guest's name finds their booking's events") << u"okafor"_s << 3;
    QTest::newRow("a terminal finds what was done there") << u"stand-1"_s << -1; // all
    QTest::newRow("text that nothing says finds nothing") << u"Nakamura"_s << 0;
}

void tst_EventLogView::theSearchNarrowsByGuestUserOrTerminal()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    openView();
    const int all = int(m_fixture->lastPosition());
    QTest::keyClicks(m_view->textFilter(), text);
    QCOMPARE(m_view->table()->model()->rowCount(), rows < 0 ? all : rows);
    m_view->textFilter()->clear();
    QCOMPARE(m_view->table()->model()->rowCount(), all);
}

void tst_EventLogView::filtersCombine()
{
    openView();
    m_view->tableFilter()->setCurrentIndex(m_view->tableFilter()->findData(u"T1"_s));
    m_view->typeFilter()->setCurrentIndex(
        m_view->typeFilter()->findData(u"table-booking-confirmed"_s));
    QCOMPARE(column(ui::EventLogModel::Summary), (QStringList {u"Confirmed Jones at T1"_s}));
    QTest::keyClicks(m_view->textFilter(), u"Okafor"_s);
    QCOMPARE(m_view->table()->model()->rowCount(), 0);
}

void tst_EventLogView::selectingAnEventShowsItsBookingsCausationChain()
{
    const BookingId jones = BookingId::create(m_jones).value();
    m_fixture->clock().setNow(HostStandFixture::at(QTime(19, 2)));
    HS_VERIFY_OK(m_fixture->booker().arrive(jones));
    HS_VERIFY_OK(m_fixture->booker().seat(jones));
    m_fixture->clock().setNow(HostStandFixture::at(QTime(20, 30)));
    HS_VERIFY_OK(m_fixture->restaurant().leave(jones));
    openView();

    const int row = rowOf(u"guest-arrived"_s, m_jones);
    QVERIFY(row >= 0);
    QTableView *table = m_view->table();
    const QRect cell = table->visualRect(table->model()->index(row, ui::EventLogModel::Summary));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(m_view->chainCorrelation(), m_jones);
    const QStringList expected {
        u"table-booking-initiated"_s, u"  table-lock-placed"_s, u"    table-booking-confirmed"_s,
        u"guest-arrived"_s,           u"party-seated"_s,        u"party-left"_s,
        u"  table-lock-removed"_s,
    };
    QCOMPARE(chainLines(*m_view->chain()), expected);
    QTreeWidgetItem *left = m_view->chain()->topLevelItem(3);
    QCOMPARE(left->text(1), u"Jones left T1 at 20:30"_s);
    QCOMPARE(left->child(0)->text(1),
             u"Lock on T1 released for booking %1 (Jones): the party left"_s.arg(m_jones.left(4)
                                                                                 + u'…'));
}

void tst_EventLogView::aRejectedBookingsChainEndsInTheRejection()
{
    // Two terminals book T2 for the same time before any saga has run.
    m_fixture.reset();
    m_fixture = std::make_unique<HostStandFixture>(false);
    m_fixture->addTable(u"T2"_s, 2, u"Main room"_s);
    const QString first = m_fixture->book(u"T2"_s, QTime(19, 0), 2, u"Okafor"_s);
    const QString second = m_fixture->book(u"T2"_s, QTime(19, 0), 2, u"Rossi"_s);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    m_fixture->startSagaHost();
    QTRY_VERIFY(m_fixture->statusOf(second) == BookingStatus::Rejected);
    openView();

    m_view->showBooking(second);
    QCOMPARE(m_view->table()->model()->rowCount(), 3);
    QCOMPARE(chainLines(*m_view->chain()),
             (QStringList {u"table-booking-initiated"_s, u"  table-lock-placement-failed"_s,
                           u"    table-booking-rejected"_s}));
    const QString rejection = m_view->chain()->topLevelItem(0)->child(0)->child(0)->text(1);
    QVERIFY2(rejection.startsWith(u"Rejected Rossi at T2: "_s), qPrintable(rejection));
}

void tst_EventLogView::theChainGrowsAsTheBookingGoesOn()
{
    openView();
    m_view->showBooking(m_okafor);
    QCOMPARE(m_view->chain()->topLevelItemCount(), 1);
    HS_VERIFY_OK(m_fixture->restaurant().cancel(BookingId::create(m_okafor).value()));
    QTRY_COMPARE(chainLines(*m_view->chain()).size(), 5);
    QCOMPARE(chainLines(*m_view->chain()).mid(3),
             (QStringList {u"table-booking-cancelled"_s, u"  table-lock-removed"_s}));
}

void tst_EventLogView::theFilterModelIsAProperModel()
{
    openView();
    QAbstractItemModelTester tester(m_view->filterModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(m_view->textFilter(), u"Jones"_s);
    m_view->tableFilter()->setCurrentIndex(1);
    book(u"T1"_s, QTime(21, 0), 2, u"Jones"_s);
    QTRY_VERIFY(m_view->table()->model()->rowCount() > 0);
}

// Positions: 1 the service periods, 2 T1 added, 3 T2 added, 4 to 6 Jones
// (initiated, lock placed, confirmed), 7 to 9 Okafor.

void tst_EventLogView::scrollingToTheEndLoadsThePageBeforeUnlessNarrowed()
{
    openView();
    m_view->model()->setPageSize(4);
    QTableView *table = m_view->table();
    // A table two rows high, so that a page of four scrolls.
    auto *splitter = qobject_cast<QSplitter *>(table->parentWidget());
    QVERIFY(splitter);
    splitter->setSizes({table->horizontalHeader()->height() + 2 * table->rowHeight(0), 1000});
    QTRY_VERIFY(table->verticalScrollBar()->maximum() > 0);
    QCOMPARE(shownPositions(), QList<qint64>({9, 8, 7, 6}));

    QTest::keyClicks(m_view->textFilter(), u"stand-1"_s);
    table->scrollToBottom();
    QCOMPARE(m_view->model()->rowCount(), 4);
    QVERIFY(m_view->loadOlderButton()->isEnabled());

    m_view->textFilter()->clear();
    table->scrollToTop();
    table->scrollToBottom();
    QCOMPARE(shownPositions(), QList<qint64>({9, 8, 7, 6, 5, 4, 3, 2}));
    table->scrollToBottom();
    QCOMPARE(m_view->model()->rowCount(), 9);
    QVERIFY(!m_view->loadOlderButton()->isEnabled());
    QCOMPARE(m_view->countLabel()->text(), u"9 events"_s);
}

void tst_EventLogView::aSearchCoversTheLoadedEventsAndLoadsOlderOnesOnRequest()
{
    openView();
    QTest::keyClicks(m_view->textFilter(), u"Jones"_s);
    m_view->model()->setPageSize(4);
    QCOMPARE(shownPositions(), QList<qint64>({6}));
    // A narrow search never walks the history page after page by itself.
    QTest::qWait(50);
    QCOMPARE(m_view->model()->rowCount(), 4);
    QCOMPARE(m_view->countLabel()->text(), u"1 of the newest 4 events"_s);
    QVERIFY(m_view->loadOlderButton()->isEnabled());

    QTest::mouseClick(m_view->loadOlderButton(), Qt::LeftButton);
    QCOMPARE(shownPositions(), QList<qint64>({6, 5, 4}));
    QCOMPARE(m_view->countLabel()->text(), u"3 of the newest 8 events"_s);
    QTest::mouseClick(m_view->loadOlderButton(), Qt::LeftButton);
    QCOMPARE(m_view->model()->rowCount(), 9);
    QCOMPARE(m_view->countLabel()->text(), u"3 of 9 events"_s);
    QVERIFY(!m_view->loadOlderButton()->isEnabled());
}

void tst_EventLogView::anEventTypeIsFoundHoweverOld()
{
    openView();
    showPagesOfTwo();
    QCOMPARE(shownPositions(), QList<qint64>({9, 8}));
    QComboBox *types = m_view->typeFilter();
    types->setCurrentIndex(types->findData(u"table-added"_s));
    QCOMPARE(shownPositions(), QList<qint64>({3, 2}));
    types->setCurrentIndex(0);
    QCOMPARE(shownPositions(), QList<qint64>({9, 8}));
}

void tst_EventLogView::aBookingIsFoundHoweverOldOnlyByItsWholeId_data()
{
    QTest::addColumn<int>("typed"); // characters of Jones's id; -1: all
    QTest::addColumn<QList<qint64>>("positions");
    QTest::newRow("a booking's whole id reads its events from the whole log")
        << -1 << QList<qint64> {6, 5};
    QTest::newRow("the start of an id narrows the events loaded") << 5 << QList<qint64> {};
}

void tst_EventLogView::aBookingIsFoundHoweverOldOnlyByItsWholeId()
{
    QFETCH(int, typed);
    QFETCH(QList<qint64>, positions);
    openView();
    QTest::keyClicks(m_view->bookingFilter(), m_jones.left(typed));
    m_view->model()->setPageSize(2);
    QCOMPARE(shownPositions(), positions);
    QTest::mouseClick(m_view->loadOlderButton(), Qt::LeftButton);
    QCOMPARE(m_view->table()->model()->rowCount(), positions.size() + 1);
}

void tst_EventLogView::selectingTheNewestOfATypeLoadsThePagesDownToIt()
{
    openView();
    showPagesOfTwo();
    QVERIFY(m_view->selectNewest(u"table-added"_s));
    const QModelIndex current = m_view->table()->currentIndex();
    QCOMPARE(current.data(ui::EventLogModel::PositionRole).toLongLong(), 3);
    QCOMPARE(m_view->model()->rowCount(), 8); // down to position 2, no further
    QVERIFY(!m_view->selectNewest(u"party-left"_s));
    QCOMPARE(m_view->model()->rowCount(), 8);
}

QTEST_MAIN(tst_EventLogView)
#include "tst_eventlogview.moc"
