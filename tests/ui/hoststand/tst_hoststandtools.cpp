#include "eventstore/SqliteEventStore.h"
#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/common/WindowState.h"
#include "ui/daysheet/DaySheetActions.h"
#include "ui/eventlog/EventLogView.h"
#include "ui/hoststand/DemoStart.h"
#include "ui/hoststand/HostStandTools.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hoststand;
using hoststand::test::HostStandFixture;

// The host stand as the application builds it: its own window with the
// event log tab, the day sheet's actions and the remembered state plugged
// in; and the demo restaurant offered at start-up.
class tst_HostStandTools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theEventLogIsAViewOfTheWindow();
    void printingOpensAPreviewOfTheServicesSheet();
    void exportingWritesThePdfTheHostChose();
    void anExportTheHostCancelsWritesNothing();
    void theWindowRemembersItsGeometryAndView();
    void everyControlHasAnAccessibleName();
    void anEmptyStoreOffersTheDemo_data();
    void anEmptyStoreOffersTheDemo();
    void aStoreWithEventsIsNeverOfferedTheDemo();
    void theDemoOnRequestLeavesAStoreWithEventsAlone();

private:
    void openWindow();

    std::unique_ptr<HostStandFixture> m_fixture;
    std::unique_ptr<ui::HostStandWindow> m_window;
    ui::HostStandTools *m_tools = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_HostStandTools::initTestCase()
{
    // QSettings write under the test's own folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void tst_HostStandTools::init()
{
    QSettings(u"Hoststand"_s, u"Hoststand"_s).clear();
    m_fixture = std::make_unique<HostStandFixture>();
    m_fixture->addTable(u"T1"_s, 4, u"Main room"_s, 100, 100);
    m_fixture->book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s);
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_HostStandTools::cleanup()
{
    m_window.reset();
    m_fixture.reset();
    m_dir.reset();
}

void tst_HostStandTools::openWindow()
{
    m_window = std::make_unique<ui::HostStandWindow>(m_fixture->services());
    m_tools = new ui::HostStandTools(*m_window, m_fixture->services());
    new ui::WindowState(*m_window, *m_window->tabs());
    m_window->showDay(HostStandFixture::day(), u"dinner"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_HostStandTools::theEventLogIsAViewOfTheWindow()
{
    openWindow();
    QTabWidget *tabs = m_window->tabs();
    const int log = tabs->indexOf(m_tools->eventLog());
    QVERIFY(log >= 0);
    QCOMPARE(tabs->tabText(log), u"Event &log"_s);
    QCOMPARE(m_tools->showEventLogAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    QVERIFY(tabs->currentIndex() != log);
    QTest::keySequence(m_window.get(), m_tools->showEventLogAction()->shortcut());
    QCOMPARE(tabs->currentIndex(), log);
    QVERIFY(m_tools->eventLog()->table()->model()->rowCount() > 0);
}

void tst_HostStandTools::printingOpensAPreviewOfTheServicesSheet()
{
    openWindow();
    QCOMPARE(m_tools->daySheet()->printAction()->shortcut(), QKeySequence(QKeySequence::Print));
    QTest::keySequence(m_window.get(), QKeySequence::Print);
    QPrintPreviewDialog *preview = nullptr;
    QTRY_VERIFY((preview = m_window->findChild<QPrintPreviewDialog *>()) != nullptr);
    QTRY_VERIFY(preview->isVisible());
    QCOMPARE(preview->windowTitle(), u"Day sheet: Dinner, Friday 17 May 2030"_s);
    preview->close();
}

void tst_HostStandTools::exportingWritesThePdfTheHostChose()
{
    openWindow();
    QString suggested;
    const QString chosen = m_dir->filePath(u"friday"_s);
    m_tools->daySheet()->setFileChooser([&](QWidget *, const QString &path) {
        suggested = path;
        return chosen;
    });
    QTest::keySequence(m_window.get(), m_tools->daySheet()->exportAction()->shortcut());
    QVERIFY2(suggested.endsWith(u"dinner-2030-05-17.pdf"_s), qPrintable(suggested));
    const QByteArray pdf = test::fileBytes(chosen + u".pdf"_s);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(m_fixture->prompt().messages.isEmpty());
}

void tst_HostStandTools::anExportTheHostCancelsWritesNothing()
{
    openWindow();
    m_tools->daySheet()->setFileChooser([](QWidget *, const QString &) { return QString(); });
    m_tools->daySheet()->exportAction()->trigger();
    QVERIFY(QDir(m_dir->path()).isEmpty());
    QVERIFY(m_fixture->prompt().messages.isEmpty());
}

void tst_HostStandTools::theWindowRemembersItsGeometryAndView()
{
    openWindow();
    m_window->resize(1010, 640);
    m_tools->showView(u"log"_s);
    QTRY_COMPARE(m_window->size(), QSize(1010, 640));
    m_window->close();
    m_window.reset();

    m_window = std::make_unique<ui::HostStandWindow>(m_fixture->services());
    m_tools = new ui::HostStandTools(*m_window, m_fixture->services());
    new ui::WindowState(*m_window, *m_window->tabs());
    QCOMPARE(m_window->tabs()->currentWidget(), m_tools->eventLog());
    QCOMPARE(m_window->size(), QSize(1010, 640));
}

// Every widget a host can reach with the keyboard or the mouse says what
// it is to a screen reader.
void tst_HostStandTools::everyControlHasAnAccessibleName()
{
    openWindow();
    QStringList unnamed;
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QComboBox *>(widget) || qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QTabBar *>(widget);
        // A line edit inside a combo box or spin box speaks through its owner.
        const bool part = qobject_cast<QComboBox *>(widget->parentWidget())
            || qobject_cast<QAbstractSpinBox *>(widget->parentWidget());
        // Popups (a combo box's list) are windows of their own, named by their owner.
        const bool inWindow = widget->window() == m_window.get();
        if (control && !part && inWindow && widget->focusPolicy() != Qt::NoFocus
            && widget->accessibleName().isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + u' '
                           + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

void tst_HostStandTools::anEmptyStoreOffersTheDemo_data()
{
    QTest::addColumn<bool>("accept");
    QTest::newRow("the host accepts: the demo is loaded") << true;
    QTest::newRow("the host declines: the store stays empty") << false;
}

void tst_HostStandTools::anEmptyStoreOffersTheDemo()
{
    QFETCH(bool, accept);
    const QString store = m_dir->filePath(u"new.hoststand"_s);
    m_fixture->prompt().answer = accept;
    const QString said = ui::DemoStart::run(store, m_fixture->clock(), ui::DemoStart::Mode::Offer,
                                            m_fixture->prompt());
    QCOMPARE(m_fixture->prompt().questions.size(), 1);
    QVERIFY(m_fixture->prompt().questions.constFirst().contains(u"empty"_s));
    auto opened = SqliteEventStore::open(store);
    HS_VERIFY_OK(opened);
    const qint64 events = opened.value()->lastPosition().value();
    if (accept) {
        QVERIFY2(said.startsWith(u"Loaded the demo restaurant: 20 tables in 2 zones"_s),
                 qPrintable(said));
        QVERIFY(events > 1000);
    } else {
        QVERIFY(said.isEmpty());
        QCOMPARE(events, 0);
    }
}

void tst_HostStandTools::aStoreWithEventsIsNeverOfferedTheDemo()
{
    const qint64 before = m_fixture->lastPosition();
    const QString said = ui::DemoStart::run(m_fixture->storePath(), m_fixture->clock(),
                                            ui::DemoStart::Mode::Offer, m_fixture->prompt());
    QVERIFY(said.isEmpty());
    QVERIFY(m_fixture->prompt().questions.isEmpty());
    QCOMPARE(m_fixture->lastPosition(), before);
}

void tst_HostStandTools::theDemoOnRequestLeavesAStoreWithEventsAlone()
{
    const qint64 before = m_fixture->lastPosition();
    const QString said = ui::DemoStart::run(m_fixture->storePath(), m_fixture->clock(),
                                            ui::DemoStart::Mode::Load, m_fixture->prompt());
    QVERIFY2(said.contains(u"only into an empty store"_s), qPrintable(said));
    QVERIFY(m_fixture->prompt().questions.isEmpty());
    QCOMPARE(m_fixture->lastPosition(), before);
}

QTEST_MAIN(tst_HostStandTools)
#include "tst_hoststandtools.moc"
