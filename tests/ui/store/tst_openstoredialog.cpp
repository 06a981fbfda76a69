#include "eventstore/PostgresConnectionSettings.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/hoststand/HostStandWindow.h"
#include "ui/store/OpenStoreDialog.h"
#include "ui/store/StoreFields.h"
#include "ui/store/StoreStatus.h"
#include "ui/store/StoreSwitcher.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;
using namespace hoststand::test;
using ui::OpenStoreDialog;
using ui::StoreFields;

namespace {

template<typename T>
T *field(const QDialog &dialog, const QString &name)
{
    T *found = dialog.findChild<T *>(name);
    if (!found)
        qFatal("the dialog has no %s", qPrintable(name));
    return found;
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Fills the server's fields as a host would, with the keyboard.
void typeServer(OpenStoreDialog &dialog, const QString &host, int port, const QString &database,
                const QString &user, const QString &password)
{
    QTest::mouseClick(field<QRadioButton>(dialog, u"serverKind"_s), Qt::LeftButton);
    retype(field<QLineEdit>(dialog, u"host"_s), host);
    QSpinBox *portField = field<QSpinBox>(dialog, u"port"_s);
    portField->setFocus();
    QTest::keyClick(portField, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(portField, QString::number(port));
    retype(field<QLineEdit>(dialog, u"database"_s), database);
    retype(field<QLineEdit>(dialog, u"user"_s), user);
    retype(field<QLineEdit>(dialog, u"password"_s), password);
}

QPushButton *openButton(const OpenStoreDialog &dialog)
{
    return field<QPushButton>(dialog, u"open"_s);
}

} // namespace

// The Open store dialog: the fields make the URL the host stand opens,
// what cannot be opened is said and cannot be accepted, the choice is
// remembered (the password only when asked), and File → Open store… in the
// host stand hands the new choice to the application.
class tst_OpenStoreDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void theServersFieldsMakeTheUrl_data();
    void theServersFieldsMakeTheUrl();
    void aChoiceThatCannotBeOpenedIsExplainedAndCannotBeAccepted_data();
    void aChoiceThatCannotBeOpenedIsExplainedAndCannotBeAccepted();
    void browsingChoosesTheFile();
    void thePasswordIsRememberedOnlyWhenAsked_data();
    void thePasswordIsRememberedOnlyWhenAsked();
    void nothingRememberedStartsOnTheLocalFile();
    void openStoreInTheHostStandRemembersAndHandsOverTheChoice();
    void theStatusBarSaysWhetherTheServerCanBeReached_data();
    void theStatusBarSaysWhetherTheServerCanBeReached();

private:
    std::unique_ptr<QSettings> settings();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_OpenStoreDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<QSettings> tst_OpenStoreDialog::settings()
{
    return std::make_unique<QSettings>(m_dir->filePath(u"hoststand.conf"_s), QSettings::IniFormat);
}

void tst_OpenStoreDialog::theServersFieldsMakeTheUrl_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");

    QTest::newRow("a server on the usual port")
        << u"db.example"_s << 5432 << u"hoststand"_s << u"frontdesk"_s << u"secret"_s
        << u"postgresql://frontdesk:secret@db.example:5432/hoststand"_s
        << u"postgresql://frontdesk@db.example:5432/hoststand"_s;
    QTest::newRow("an address and another port")
        << u"192.168.1.20"_s << 6543 << u"bistro"_s << u"host"_s << u"pw"_s
        << u"postgresql://host:pw@192.168.1.20:6543/bistro"_s
        << u"postgresql://host@192.168.1.20:6543/bistro"_s;
    QTest::newRow("a password with the URL's own characters")
        << u"db"_s << 5432 << u"hoststand"_s << u"ann"_s << u"p@ss:w/rd %?"_s
        << u"postgresql://ann:p%40ss:w%2Frd%20%25%3F@db:5432/hoststand"_s
        << u"postgresql://ann@db:5432/hoststand"_s;
}

void tst_OpenStoreDialog::theServersFieldsMakeTheUrl()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, url);
    QFETCH(QString, shown);
    OpenStoreDialog dialog(StoreFields::defaults());
    dialog.show();
    typeServer(dialog, host, port, database, user, password);

    QCOMPARE(dialog.choice().location(), url);
    QVERIFY(openButton(dialog)->isEnabled());
    QCOMPARE(field<QLabel>(dialog, u"opens"_s)->text(), u"Opens "_s + shown);
    QVERIFY(!field<QLabel>(dialog, u"opens"_s)->text().contains(password));
    // The store reads the same fields back from the URL.
    auto parsed = PostgresConnectionSettings::fromUrl(url);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->host, host);
    QCOMPARE(parsed->port, port);
    QCOMPARE(parsed->database, database);
    QCOMPARE(parsed->user, user);
    QCOMPARE(parsed->password, password);
    QCOMPARE(StoreFields::fromLocation(url).location(), url);
}

void tst_OpenStoreDialog::aChoiceThatCannotBeOpenedIsExplainedAndCannotBeAccepted_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");

    QTest::newRow("a server without a host") << u"host"_s << QString() << u"Name the server"_s;
    QTest::newRow("a host with a space") << u"host"_s << u"db server"_s << u"is not a host name"_s;
    QTest::newRow("a server without a database")
        << u"database"_s << QString() << u"Name the database"_s;
    QTest::newRow("a server without a user") << u"user"_s << QString() << u"Name the user"_s;
    QTest::newRow("no file") << u"file"_s << QString() << u"Name the store file"_s;
    QTest::newRow("a file in a folder that does not exist")
        << u"file"_s << u"/no/such/folder/restaurant.hoststand"_s << u"does not exist"_s;
    QTest::newRow("a folder instead of a file") << u"file"_s << u"/tmp"_s << u"is a folder"_s;
}

void tst_OpenStoreDialog::aChoiceThatCannotBeOpenedIsExplainedAndCannotBeAccepted()
{
    QFETCH(QString, fieldName);
    QFETCH(QString, text);
    QFETCH(QString, says);
    OpenStoreDialog dialog(StoreFields::defaults());
    dialog.show();
    if (fieldName != u"file"_s)
        typeServer(dialog, u"db"_s, 5432, u"hoststand"_s, u"ann"_s, u"pw"_s);
    QVERIFY(openButton(dialog)->isEnabled());

    retype(field<QLineEdit>(dialog, fieldName), text);
    const QString problem = field<QLabel>(dialog, u"problem"_s)->text();
    QVERIFY2(problem.contains(says), qPrintable(problem));
    QVERIFY(!openButton(dialog)->isEnabled());
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());
}

void tst_OpenStoreDialog::browsingChoosesTheFile()
{
    OpenStoreDialog dialog(StoreFields::defaults());
    QString offered;
    const QString chosen = m_dir->filePath(u"bistro.hoststand"_s);
    dialog.setFileChooser([&](QWidget *, const QString &current) {
        offered = current;
        return chosen;
    });
    dialog.show();
    QTest::mouseClick(field<QPushButton>(dialog, u"browse"_s), Qt::LeftButton);
    QCOMPARE(offered, StoreFields::defaultFile());
    QCOMPARE(field<QLineEdit>(dialog, u"file"_s)->text(), chosen);
    QCOMPARE(dialog.choice().location(), chosen);
    QTest::mouseClick(openButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_OpenStoreDialog::thePasswordIsRememberedOnlyWhenAsked_data()
{
    QTest::addColumn<bool>("tick");
    QTest::newRow("not asked: kept for the session only") << false;
    QTest::newRow("asked: kept in the settings file") << true;
}

void tst_OpenStoreDialog::thePasswordIsRememberedOnlyWhenAsked()
{
    QFETCH(bool, tick);
    OpenStoreDialog dialog(StoreFields::defaults());
    dialog.show();
    typeServer(dialog, u"db.example"_s, 5432, u"hoststand"_s, u"ann"_s, u"s3cret-Pa55"_s);
    if (tick)
        QTest::mouseClick(field<QCheckBox>(dialog, u"rememberPassword"_s), Qt::LeftButton);
    QTest::mouseClick(openButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const StoreFields chosen = dialog.choice();
    chosen.remember(*settings());

    QFile file(m_dir->filePath(u"hoststand.conf"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().contains("s3cret-Pa55"), tick);
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const std::optional<StoreFields> remembered = StoreFields::remembered(*settings());
    QVERIFY(remembered);
    QVERIFY(remembered->kind == StoreFields::Kind::Server);
    QCOMPARE(remembered->shownLocation(), u"postgresql://ann@db.example:5432/hoststand"_s);
    // Start-up opens it without asking only when the password is known.
    QCOMPARE(remembered->isComplete(), tick);
    QCOMPARE(remembered->location() == chosen.location(), tick);
}

void tst_OpenStoreDialog::nothingRememberedStartsOnTheLocalFile()
{
    QVERIFY(!StoreFields::remembered(*settings()));
    const StoreFields start = StoreFields::defaults();
    QVERIFY(start.kind == StoreFields::Kind::File);
    QVERIFY(start.file.endsWith(u"/Hoststand/restaurant.hoststand"_s));
    QVERIFY(start.isComplete());
    OpenStoreDialog dialog(start);
    QVERIFY(field<QRadioButton>(dialog, u"fileKind"_s)->isChecked());
    QCOMPARE(field<QLineEdit>(dialog, u"file"_s)->text(), StoreFields::defaultFile());
}

void tst_OpenStoreDialog::openStoreInTheHostStandRemembersAndHandsOverTheChoice()
{
    HostStandFixture restaurant;
    ui::HostStandWindow window(restaurant.services());
    const auto store = settings();
    ui::StoreSwitcher switcher(window, *store, restaurant.storePath());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), u"&File"_s);
    QCOMPARE(switcher.openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    QSignalSpy chosen(&switcher, &ui::StoreSwitcher::storeChosen);

    switcher.openAction()->trigger();
    OpenStoreDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<OpenStoreDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->choice().location(), restaurant.storePath()); // the current store
    typeServer(*dialog, u"db.example"_s, 5432, u"hoststand"_s, u"ann"_s, u"pw"_s);
    QTest::mouseClick(openButton(*dialog), Qt::LeftButton);

    QCOMPARE(chosen.size(), 1);
    const QString url = u"postgresql://ann:pw@db.example:5432/hoststand"_s;
    QCOMPARE(chosen.constFirst().constFirst().toString(), url);
    QCOMPARE(switcher.chosen(), std::optional(url));
    QCOMPARE(StoreFields::remembered(*store)->shownLocation(),
             u"postgresql://ann@db.example:5432/hoststand"_s);
}

void tst_OpenStoreDialog::theStatusBarSaysWhetherTheServerCanBeReached_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("available");
    QTest::addColumn<QString>("text");
    const QString server = u"postgresql://ann@db.example:5432/hoststand"_s;
    QTest::newRow("a server that can be reached")
        << server << true << u"Store: %1 — connected"_s.arg(server);
    QTest::newRow("a server that cannot be reached")
        << server << false << u"Store: %1 — connection lost, reconnecting…"_s.arg(server);
    QTest::newRow("a file") << u"/var/lib/restaurant.hoststand"_s << true
                            << u"Store: /var/lib/restaurant.hoststand"_s;
}

void tst_OpenStoreDialog::theStatusBarSaysWhetherTheServerCanBeReached()
{
    QFETCH(QString, location);
    QFETCH(bool, available);
    QFETCH(QString, text);
    QCOMPARE(ui::StoreStatus::text(location, available), text);
}

QTEST_MAIN(tst_OpenStoreDialog)
#include "tst_openstoredialog.moc"
