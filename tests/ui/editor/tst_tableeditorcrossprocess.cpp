// Two processes on one store: a table moved in the table editor here shows
// in another process's read model (tableeditor_peer, as a host stand on
// another terminal of the same machine would follow it) within 300 ms,
// and so does the undo that moves it back.

#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/editor/FloorPlanEditor.h"
#include "ui/editor/TableEditView.h"
#include "ui/editor/TableEditorWindow.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanTableItem.h"

#include <QProcess>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace hoststand;
using namespace hoststand::test;

class tst_TableEditorCrossProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aMoveInTheEditorShowsInAnotherProcessWithin300Ms();

private:
    // The other process's latency to a table's position, from the commit
    // of the event that put it there.
    qint64 latencyUntilPeerShows(QProcess &peer, const TableLayout &layout);
    RecordedEvent lastEvent(const QString &tableId);

    std::unique_ptr<HostStandFixture> m_restaurant;
};

RecordedEvent tst_TableEditorCrossProcess::lastEvent(const QString &tableId)
{
    auto read = m_restaurant->store().readStream(u"table-"_s + tableId, ReadDirection::Backwards,
                                                 EndOfStream, 1);
    return read.ok() && !read.value().isEmpty() ? read.value().constFirst() : RecordedEvent();
}

qint64 tst_TableEditorCrossProcess::latencyUntilPeerShows(QProcess &peer, const TableLayout &layout)
{
    const RecordedEvent moved = lastEvent(u"T1"_s);
    if (moved.type != u"table-moved"_s)
        return -1;
    while (const std::optional<QByteArray> line = readLine(peer, 5s)) {
        const QList<QByteArray> fields = line->split(' ');
        if (fields.size() == 4 && fields.at(0) == "T1" && fields.at(1).toDouble() == layout.x
            && fields.at(2).toDouble() == layout.y)
            return fields.at(3).toLongLong() - moved.created.toMSecsSinceEpoch();
    }
    return -1;
}

void tst_TableEditorCrossProcess::aMoveInTheEditorShowsInAnotherProcessWithin300Ms()
{
    m_restaurant = std::make_unique<HostStandFixture>();
    m_restaurant->addTable(u"T1"_s, 4, u"Main room"_s, 100, 80);
    m_restaurant->addTable(u"T2"_s, 4, u"Main room"_s, 400, 300);
    const TableLayout original = m_restaurant->readModel().table(u"T1"_s).value()->layout;

    QProcess peer;
    QVERIFY2(startHelper(peer, u"tableeditor_peer"_s, {m_restaurant->storePath()}),
             "tableeditor_peer did not start");
    QCOMPARE(readLine(peer, 10s).value_or(QByteArray()), QByteArray("ready"));

    ui::TableEditorWindow editor(m_restaurant->services());
    editor.resize(1280, 800);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    ui::TableEditView *view = editor.floorEditor()->view();
    QTRY_VERIFY(view->floorScene()->tableItem(u"T1"_s));

    const QPoint from = view->tableCentre(u"T1"_s);
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(view->viewport(), from + QPoint(30, 20) * step);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, from + QPoint(120, 80));
    const TableLayout moved
        = m_restaurant->tableManager().table(TableId::create(u"T1"_s).value()).value().layout();
    QVERIFY(moved != original);

    const qint64 shown = latencyUntilPeerShows(peer, moved);
    qInfo("the other process showed the move %lld ms after the commit", shown);
    QVERIFY2(shown >= 0, "the other process never showed the move");
    QVERIFY2(shown < 300, qPrintable(u"%1 ms"_s.arg(shown)));

    QTest::keyClick(&editor, Qt::Key_Z, Qt::ControlModifier);
    const qint64 undone = latencyUntilPeerShows(peer, original);
    qInfo("the other process showed the undo %lld ms after the commit", undone);
    QVERIFY2(undone >= 0, "the other process never showed the undo");
    QVERIFY2(undone < 300, qPrintable(u"%1 ms"_s.arg(undone)));

    peer.kill();
    QVERIFY(waitForExit(peer, 5s));
}

QTEST_MAIN(tst_TableEditorCrossProcess)
#include "tst_tableeditorcrossprocess.moc"
