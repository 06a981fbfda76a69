// The floor plan's model: each table in service with its layout and its
// state at the chosen moment, updated row by row.

#include "tests/ui/HostStandFixture.h"
#include "tests/ui/ModelSpies.h"
#include "ui/floorplan/FloorPlanModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QRectF>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::FloorPlanModel;

class tst_FloorPlanModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowsAreTheTablesWithTheirLayout();
    void aTableIsInTheStateOfTheMoment_data();
    void aTableIsInTheStateOfTheMoment();
    void aNewMomentChangesOnlyTheTablesWhoseStateChanged();
    void aBookingChangesOnlyItsTablesRow();
    void anArrivedPartyOccupiesTheTable();
    void aNewTableInsertsOneRowAndARemovedOneRemovesIt();
    void theNextBookingSaysItsDayWhenItIsNotTheMomentsDay();
    void aMovedTableChangesOnlyItsRowsGeometry();

private:
    int row(const QString &tableId) const { return m_model->rowOfTable(tableId); }
    QVariant data(const QString &tableId, int role) const
    {
        return m_model->index(row(tableId)).data(role);
    }

    std::unique_ptr<HostStandFixture> m_restaurant;
    std::unique_ptr<FloorPlanModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_jones;
};

void tst_FloorPlanModel::init()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 2, u"Main room"_s, 100, 60);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s, 300, 60);
    m_restaurant->addTable(u"P1"_s, 6, u"Patio"_s, 100, 500);
    m_jones = m_restaurant->book(u"T1"_s, QTime(19, 0), 2, u"Jones"_s);
    m_model = std::make_unique<FloorPlanModel>(m_restaurant->readModel());
    m_model->setMoment(HostStandFixture::at(QTime(17, 0)));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_FloorPlanModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_restaurant.reset();
}

void tst_FloorPlanModel::rowsAreTheTablesWithTheirLayout()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0).data().toString(), u"T1"_s);
    QCOMPARE(m_model->index(2).data(FloorPlanModel::ZoneRole).toString(), u"Patio"_s);
    // A two-top is round, 70 cm across, centred on its layout's x and y.
    QCOMPARE(data(u"T1"_s, FloorPlanModel::GeometryRole).toRectF(), QRectF(65, 25, 70, 70));
    QCOMPARE(data(u"T1"_s, FloorPlanModel::ShapeRole).toInt(), int(TableShape::Round));
    QCOMPARE(data(u"P1"_s, FloorPlanModel::SeatsRole).toInt(), 6);
}

void tst_FloorPlanModel::aTableIsInTheStateOfTheMoment_data()
{
    QTest::addColumn<QTime>("moment");
    QTest::addColumn<int>("state");
    QTest::newRow("two hours before the booking it is free")
        << QTime(17, 0) << int(TableState::Free);
    QTest::newRow("within the hour before it, it is booked soon")
        << QTime(18, 15) << int(TableState::BookedSoon);
    QTest::newRow("during the booking, before the party comes, it is locked")
        << QTime(19, 10) << int(TableState::Locked);
    QTest::newRow("once the booking is over it is free again")
        << QTime(21, 0) << int(TableState::Free);
}

void tst_FloorPlanModel::aTableIsInTheStateOfTheMoment()
{
    QFETCH(QTime, moment);
    QFETCH(int, state);
    m_model->setMoment(HostStandFixture::at(moment));
    QCOMPARE(data(u"T1"_s, FloorPlanModel::StateRole).toInt(), state);
    QCOMPARE(data(u"T2"_s, FloorPlanModel::StateRole).toInt(), int(TableState::Free));
}

void tst_FloorPlanModel::aNewMomentChangesOnlyTheTablesWhoseStateChanged()
{
    QCOMPARE(data(u"T1"_s, FloorPlanModel::NextBookingIdRole).toString(), m_jones);
    QCOMPARE(data(u"T1"_s, FloorPlanModel::NextGuestRole).toString(), u"Jones"_s);
    QCOMPARE(data(u"T1"_s, FloorPlanModel::NextStartRole).toDateTime(),
             HostStandFixture::at(QTime(19, 0)));
    ModelSpies spies(*m_model);
    m_model->setMoment(HostStandFixture::at(QTime(19, 10)));
    QVERIFY(spies.onlyCells(row(u"T1"_s), 0, 0));
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(data(u"T1"_s, FloorPlanModel::CurrentBookingIdRole).toString(), m_jones);
    QCOMPARE(data(u"T1"_s, FloorPlanModel::CurrentPartyRole).toInt(), 2);
}

void tst_FloorPlanModel::aBookingChangesOnlyItsTablesRow()
{
    m_model->setMoment(HostStandFixture::at(QTime(17, 45)));
    ModelSpies spies(*m_model);
    const QString smith = m_restaurant->book(u"T2"_s, QTime(18, 30), 4, u"Smith"_s);
    QVERIFY(!smith.isEmpty());
    QVERIFY(spies.onlyCells(row(u"T2"_s), 0, 0));
    QCOMPARE(spies.structural(), 0);
    QCOMPARE(data(u"T2"_s, FloorPlanModel::StateRole).toInt(), int(TableState::BookedSoon));
    QCOMPARE(data(u"T2"_s, FloorPlanModel::NextGuestRole).toString(), u"Smith"_s);
}

void tst_FloorPlanModel::anArrivedPartyOccupiesTheTable()
{
    m_restaurant->clock().setNow(HostStandFixture::at(QTime(19, 2)));
    m_model->setMoment(HostStandFixture::at(QTime(19, 5)));
    ModelSpies spies(*m_model);
    QVERIFY(m_restaurant->booker().seat(BookingId::create(m_jones).value()).ok());
    QVERIFY(m_restaurant->settle());
    QVERIFY(spies.onlyCells(row(u"T1"_s), 0, 0));
    QCOMPARE(data(u"T1"_s, FloorPlanModel::StateRole).toInt(), int(TableState::Occupied));
    QCOMPARE(data(u"T1"_s, FloorPlanModel::CurrentGuestRole).toString(), u"Jones"_s);
}

void tst_FloorPlanModel::aNewTableInsertsOneRowAndARemovedOneRemovesIt()
{
    ModelSpies spies(*m_model);
    m_restaurant->addTable(u"T3"_s, 2, u"Main room"_s, 500, 60);
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(spies.rowsInserted.constFirst().at(1).toInt(), 2);
    QCOMPARE(spies.structural(), 1);
    QVERIFY(m_restaurant->tableManager().removeTable(TableId::create(u"T2"_s).value()).ok());
    QVERIFY(m_restaurant->settle());
    QCOMPARE(spies.rowsRemoved.size(), 1);
    QCOMPARE(spies.rowsRemoved.constFirst().at(1).toInt(), 1);
    QCOMPARE(spies.structural(), 2);
    QCOMPARE(row(u"T2"_s), -1);
}

// A host reading "Free · 19:00 Jones" the evening before would think Jones
// comes tonight: a next booking on another day carries its weekday.
void tst_FloorPlanModel::theNextBookingSaysItsDayWhenItIsNotTheMomentsDay()
{
    QCOMPARE(data(u"T1"_s, FloorPlanModel::NextWhenRole).toString(), u"19:00"_s);
    const QDateTime eveningBefore = HostStandFixture::at(QTime(21, 0)).addDays(-1);
    ModelSpies spies(*m_model);
    m_model->setMoment(eveningBefore);
    const QString weekday = QLocale::c().dayName(
        HostStandFixture::at(QTime(19, 0)).date().dayOfWeek(), QLocale::ShortFormat);
    QCOMPARE(data(u"T1"_s, FloorPlanModel::NextWhenRole).toString(), weekday + u" 19:00"_s);
    QVERIFY(!spies.dataChanged.isEmpty());
    QCOMPARE(spies.structural(), 0);
    m_model->setMoment(eveningBefore.addDays(-9));
    QVERIFY(data(u"T1"_s, FloorPlanModel::NextWhenRole).toString().endsWith(u" 19:00"_s));
    QVERIFY(data(u"T1"_s, FloorPlanModel::NextWhenRole)
                .toString()
                .contains(QLocale::c().monthName(HostStandFixture::at(QTime(19, 0)).date().month(),
                                                 QLocale::ShortFormat)));
}

void tst_FloorPlanModel::aMovedTableChangesOnlyItsRowsGeometry()
{
    const QRectF before = data(u"T2"_s, FloorPlanModel::GeometryRole).toRectF();
    ModelSpies spies(*m_model);
    TableLayout layout = TableLayout::forSeats(4, u"Main room"_s, 320, 240);
    layout.rotation = 45;
    QVERIFY(m_restaurant->tableManager().moveTable(TableId::create(u"T2"_s).value(), layout).ok());
    QVERIFY(m_restaurant->settle());
    QVERIFY(spies.onlyCells(row(u"T2"_s), 0, 0));
    QCOMPARE(spies.structural(), 0);
    const QRectF after = data(u"T2"_s, FloorPlanModel::GeometryRole).toRectF();
    QCOMPARE(after.center(), QPointF(320, 240));
    QCOMPARE(after.size(), before.size());
    QCOMPARE(data(u"T2"_s, FloorPlanModel::RotationRole).toDouble(), 45.0);
    QCOMPARE(data(u"T1"_s, FloorPlanModel::GeometryRole).toRectF().center(), QPointF(100, 60));
}

QTEST_MAIN(tst_FloorPlanModel)
#include "tst_floorplanmodel.moc"
