#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// `hoststand --screenshot` run as a person would run it: the built
// executable on a demo store, offscreen, writing a PNG of each view.
class tst_ScreenshotMode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void writesAPngOfEachView_data();
    void writesAPngOfEachView();
    void refusesAnUnknownView();
    void theDemoIntoAStoreWithEventsSaysSoAndOpensNormally();
    void theEditorOptionShowsTheTableEditor();
    void aScreenshotWritesNothingWhateverItsClock();
    void theEditorOptionStartsAndKeepsTheEditorOpen();

private:
    struct Run
    {
        int exitCode = -1;
        QString errors;
    };
    Run hoststand(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_store;
};

// A Friday in the middle of dinner.
static const QString Now = u"2026-11-27T19:40:00Z"_s;

tst_ScreenshotMode::Run tst_ScreenshotMode::hoststand(const QStringList &arguments)
{
    QProcess process;
    process.start(hoststand::test::executable(u"hoststand"_s), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

void tst_ScreenshotMode::initTestCase()
{
    QVERIFY2(!hoststand::test::executable(u"hoststand"_s).isEmpty(), "hoststand is not built");
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(u"demo.hoststand"_s);
    const Run loaded = hoststand({u"--store"_s, m_store, u"--now"_s, Now, u"--demo"_s,
                                  u"--screenshot"_s, m_dir.filePath(u"first.png"_s)});
    QCOMPARE(loaded.exitCode, 0);
    QVERIFY2(loaded.errors.contains(u"Loaded the demo restaurant"_s), qPrintable(loaded.errors));
}

void tst_ScreenshotMode::writesAPngOfEachView_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("the time-slot grid") << u"grid"_s;
    QTest::newRow("the floor plan") << u"floor"_s;
    QTest::newRow("the event log") << u"log"_s;
    QTest::newRow("the table editor") << u"editor"_s;
}

void tst_ScreenshotMode::writesAPngOfEachView()
{
    QFETCH(QString, view);
    const QString png = m_dir.filePath(view + u".png"_s);
    const Run run = hoststand({u"--store"_s, m_store, u"--now"_s, Now, u"--screenshot"_s, png,
                               u"--view"_s, view, u"--date"_s, u"2026-11-27"_s});
    QCOMPARE(run.exitCode, 0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(run.errors));
    QCOMPARE(image.size(), QSize(1400, 900));
    // A rendered window, not a blank canvas: many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void tst_ScreenshotMode::refusesAnUnknownView()
{
    const Run run = hoststand({u"--store"_s, m_store, u"--screenshot"_s, m_dir.filePath(u"x.png"_s),
                               u"--view"_s, u"kitchen"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains(u"grid, floor, log, editor"_s), qPrintable(run.errors));
}

void tst_ScreenshotMode::theDemoIntoAStoreWithEventsSaysSoAndOpensNormally()
{
    const QString png = m_dir.filePath(u"again.png"_s);
    const Run run
        = hoststand({u"--store"_s, m_store, u"--now"_s, Now, u"--demo"_s, u"--screenshot"_s, png});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.errors.contains(u"only into an empty store"_s), qPrintable(run.errors));
    QCOMPARE(QImage(png).size(), QSize(1400, 900));
}

// A screenshot with a clock long past every booking of the demo releases no
// table and settles nothing: the store is as it was.
void tst_ScreenshotMode::aScreenshotWritesNothingWhateverItsClock()
{
    const auto lastPosition = [this] {
        auto store = hoststand::SqliteEventStore::open(m_store);
        return store.ok() && store.value()->lastPosition().ok()
            ? store.value()->lastPosition().value()
            : -1;
    };
    const qint64 before = lastPosition();
    QVERIFY(before > 0);
    const Run run = hoststand({u"--store"_s, m_store, u"--now"_s, u"2027-11-27T19:40:00Z"_s,
                               u"--screenshot"_s, m_dir.filePath(u"later.png"_s)});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lastPosition(), before);
    // A clock set on purpose is no fault to warn of.
    QVERIFY2(!run.errors.contains(u"clock says"_s), qPrintable(run.errors));
}

// `--editor` opens the table editor in place of the host stand: its
// screenshot is the editor's, not the grid's.
void tst_ScreenshotMode::theEditorOptionShowsTheTableEditor()
{
    const QStringList common {u"--store"_s, m_store,         u"--now"_s,       Now,
                              u"--date"_s,  u"2026-11-27"_s, u"--screenshot"_s};
    const QString editorPng = m_dir.filePath(u"editor-option.png"_s);
    const Run run = hoststand(common + QStringList {editorPng, u"--editor"_s});
    QCOMPARE(run.exitCode, 0);
    const QString viewPng = m_dir.filePath(u"editor-view.png"_s);
    QCOMPARE(hoststand(common + QStringList {viewPng, u"--view"_s, u"editor"_s}).exitCode, 0);
    const QString gridPng = m_dir.filePath(u"grid-view.png"_s);
    QCOMPARE(hoststand(common + QStringList {gridPng, u"--view"_s, u"grid"_s}).exitCode, 0);

    const QImage editor(editorPng);
    QVERIFY2(!editor.isNull(), qPrintable(run.errors));
    QCOMPARE(editor, QImage(viewPng));
    QVERIFY(editor != QImage(gridPng));
}

// Without --screenshot the editor runs as a manager would use it, until
// its window is closed: it starts on the store and stays up.
void tst_ScreenshotMode::theEditorOptionStartsAndKeepsTheEditorOpen()
{
    QProcess process;
    process.start(hoststand::test::executable(u"hoststand"_s),
                  {u"--store"_s, m_store, u"--now"_s, Now, u"--editor"_s});
    QVERIFY(process.waitForStarted(10000));
    // Long enough to open the store and show the window, or to fail doing so.
    QVERIFY2(!process.waitForFinished(3000),
             qPrintable(u"hoststand --editor ended with %1: %2"_s.arg(process.exitCode())
                            .arg(QString::fromUtf8(process.readAllStandardError()))));
    QCOMPARE(process.state(), QProcess::Running);
    process.kill();
    QVERIFY(process.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_ScreenshotMode)
#include "tst_screenshotmode.moc"
