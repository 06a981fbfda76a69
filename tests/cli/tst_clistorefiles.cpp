// hoststand-cli on store files in trouble: none at all or an empty one, a
// store this user may only read (run as the user nobody, since root may
// write anything), and a damaged read file beside a sound store.

#include "tests/cli/CliRunner.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace hoststand::test;

namespace {

const QString Now = u"2026-12-01T10:00:00Z"_s;

QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

// The files in the folder, by name.
QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

bool setMode(const QString &path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

bool giveToNobody(const QString &path)
{
    return ::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0;
}

// Writes garbage over one page of a SQLite file, as a failing disk would.
bool overwritePage(const QString &file, int page)
{
    QFile opened(file);
    if (page < 1 || !opened.open(QIODevice::ReadWrite) || !opened.seek(qint64(page - 1) * 4096))
        return false;
    return opened.write(QByteArray(4096, '\xa5')) == 4096;
}

} // namespace

class tst_CliStoreFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void aCommandThatOnlyReadsMakesNoStore_data();
    void aCommandThatOnlyReadsMakesNoStore();
    void aCommandThatWritesMakesTheStoreOfAnEmptyFile();
    void aStoreThisUserCanOnlyReadIsReadWithoutLeavingFiles();
    void aStoreInAFolderThisUserCannotWriteIsRead();
    void filesLeftByAnotherUserAreNamedWhenAWriteIsRefused();
    void aDamagedReadFileIsSetAsideAndBuiltAgain_data();
    void aDamagedReadFileIsSetAsideAndBuiltAgain();
    void rebuildWorksOnADamagedReadFile();

private:
    QString storePath() const { return m_dir->filePath(u"s.hoststand"_s); }
    CliRunner runner() const { return CliRunner({u"--store"_s, storePath(), u"--now"_s, Now}); }
    // The same, run as the user nobody (setpriv, from util-linux).
    CliRun runAsNobody(const QStringList &arguments) const;
    void makeRestaurant();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CliStoreFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

CliRun tst_CliStoreFiles::runAsNobody(const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_dir->path());
    environment.insert(u"XDG_RUNTIME_DIR"_s, m_dir->path());
    CliRunner nobody({u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                      executable(u"hoststand-cli"_s), u"--store"_s, storePath(), u"--now"_s, Now});
    nobody.setProgram(QStandardPaths::findExecutable(u"setpriv"_s));
    nobody.setEnvironment(environment);
    return nobody.run(arguments);
}

void tst_CliStoreFiles::makeRestaurant()
{
    for (const char *line : {"tables add T1 --seats 4", "tables add T2 --seats 2",
                             "book --table T1 --at 2026-12-04T19:00 --party 2 --name Jones"}) {
        const CliRun run = runner().run(words(line));
        QVERIFY2(run.exitCode == 0, run.describe(words(line)).constData());
    }
}

void tst_CliStoreFiles::aCommandThatOnlyReadsMakesNoStore_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("emptyFile");
    const char *commands[] = {"tables list",
                              "bookings list",
                              "bookings show 3f9a0c7e21b4",
                              "locks list",
                              "settings show",
                              "events",
                              "verify",
                              "rebuild",
                              "slots --from 2026-12-04 --to "
                              "2026-12-04 --people 2"};
    for (const char *command : commands) {
        QTest::addRow("%s where there is no file", command) << QString::fromUtf8(command) << false;
        QTest::addRow("%s on an empty file", command) << QString::fromUtf8(command) << true;
    }
}

void tst_CliStoreFiles::aCommandThatOnlyReadsMakesNoStore()
{
    QFETCH(QString, command);
    QFETCH(bool, emptyFile);
    if (emptyFile) {
        QFile file(storePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const CliRun run = runner().run(command.split(u' '));
    QVERIFY2(run.exitCode == 1, run.describe(command.split(u' ')).constData());
    QVERIFY2(
        run.err.contains(emptyFile ? "is empty: it is not a store yet" : "There is no store at"),
        run.err.constData());
    QVERIFY2(run.err.contains("A command that writes"), run.err.constData());
    QCOMPARE(filesIn(m_dir->path()), emptyFile ? QStringList {u"s.hoststand"_s} : QStringList());
    if (emptyFile)
        QCOMPARE(QFileInfo(storePath()).size(), 0);
}

void tst_CliStoreFiles::aCommandThatWritesMakesTheStoreOfAnEmptyFile()
{
    {
        QFile file(storePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const CliRun added = runner().run(words("tables add T1 --seats 4"));
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const CliRun listed = runner().run(words("--json tables list"));
    QCOMPARE(jsonAt(listed.json(), u"0/id"_s), u"T1"_s);
}

// The store of an ordinary user, made read-only (chmod 444), read, then
// writable again: the read left no log or index with the file's read-only
// permissions, so the next booking is written.
void tst_CliStoreFiles::aStoreThisUserCanOnlyReadIsReadWithoutLeavingFiles()
{
    QVERIFY(setMode(m_dir->path(), 0777));
    {
        QFile file(storePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(giveToNobody(storePath()));
    const CliRun made = runAsNobody(words("tables add T1 --seats 4"));
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QVERIFY(!QFile::exists(storePath() + u"-wal"_s));
    QVERIFY(setMode(storePath(), 0444));

    for (const char *line : {"tables list", "--json bookings list --date 2026-12-04", "events"}) {
        const CliRun read = runAsNobody(words(line));
        QVERIFY2(read.exitCode == 0, read.describe(words(line)).constData());
    }
    const CliRun listed = runAsNobody(words("--json tables list"));
    QCOMPARE(jsonAt(listed.json(), u"0/id"_s), u"T1"_s);
    // The read file may be made beside it; the store's own log and index,
    // which would keep the read-only mode, are not.
    QVERIFY(!QFile::exists(storePath() + u"-wal"_s));
    QVERIFY(!QFile::exists(storePath() + u"-shm"_s));

    const CliRun refused = runAsNobody(words("tables add T2 --seats 2"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("can only read the store"), refused.err.constData());
    QVERIFY2(refused.err.contains("r--r--r--"), refused.err.constData());

    QVERIFY(setMode(storePath(), 0644));
    const CliRun booked
        = runAsNobody(words("book --table T1 --at 2026-12-04T19:00 --party 2 --name Jones"));
    QVERIFY2(booked.exitCode == 0, booked.err.constData());
}

// A folder the user cannot write, where SQLite cannot make the log and
// index: the store is still read; a write says why it cannot be made.
void tst_CliStoreFiles::aStoreInAFolderThisUserCannotWriteIsRead()
{
    makeRestaurant();
    QVERIFY(giveToNobody(storePath()));
    QVERIFY(setMode(m_dir->path(), 0555));
    const QStringList before = filesIn(m_dir->path());

    const CliRun listed = runAsNobody(words("--json bookings list --date 2026-12-04"));
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QCOMPARE(jsonAt(listed.json(), u"0/guestName"_s), u"Jones"_s);
    const CliRun refused = runAsNobody(words("tables add T3 --seats 2"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("is read-only for this user"), refused.err.constData());
    QVERIFY2(refused.err.contains(qPrintable(QDir::toNativeSeparators(m_dir->path()))),
             refused.err.constData());
    QCOMPARE(filesIn(m_dir->path()), before);
    QVERIFY(setMode(m_dir->path(), 0700));
}

// The state an older version left behind: the store's index made read-only
// by a read as another user. The store is read; a write names the file.
void tst_CliStoreFiles::filesLeftByAnotherUserAreNamedWhenAWriteIsRefused()
{
    makeRestaurant();
    QVERIFY(setMode(m_dir->path(), 0777));
    QVERIFY(giveToNobody(storePath()));
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        QFile file(storePath() + suffix);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(setMode(storePath() + suffix, 0444));
    }
    const CliRun listed = runAsNobody(words("--json tables list"));
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QCOMPARE(jsonAt(listed.json(), u"#"_s), u"2"_s);
    const CliRun refused = runAsNobody(words("tables add T3 --seats 2"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("s.hoststand-wal is read-only for this user"),
             refused.err.constData());
    QVERIFY2(refused.err.contains("owner root"), refused.err.constData());
}

void tst_CliStoreFiles::aDamagedReadFileIsSetAsideAndBuiltAgain_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("a page of the bookings table overwritten") << u"page"_s;
    QTest::newRow("a text file in place of the read file") << u"text"_s;
    QTest::newRow("the read file cut short") << u"truncated"_s;
}

void tst_CliStoreFiles::aDamagedReadFileIsSetAsideAndBuiltAgain()
{
    QFETCH(QString, damage);
    makeRestaurant();
    const QString readFile = storePath() + u".read"_s;
    const CliRun first = runner().run(words("--json bookings list --date 2026-12-04"));
    QCOMPARE(jsonAt(first.json(), u"#"_s), u"1"_s);
    if (damage == u"page") {
        QVERIFY(overwritePage(readFile, sqliteRootPage(readFile, u"bookings"_s)));
    } else {
        QFile file(readFile);
        QVERIFY(file.open(QIODevice::ReadWrite));
        if (damage == u"text")
            QVERIFY(file.resize(0) && file.write("these are the notes of the evening\n") > 0);
        else
            QVERIFY(file.resize(file.size() / 2));
    }

    const CliRun listed = runner().run(words("--json bookings list --date 2026-12-04"));
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QCOMPARE(jsonAt(listed.json(), u"#"_s), u"1"_s);
    QCOMPARE(jsonAt(listed.json(), u"0/guestName"_s), u"Jones"_s);
    QVERIFY2(listed.err.contains("set aside as"), listed.err.constData());
    const QStringList aside = QDir(m_dir->path()).entryList({u"s.hoststand.read.damaged-*"_s});
    QVERIFY2(aside.size() == 1, qPrintable(filesIn(m_dir->path()).join(u", "_s)));

    const CliRun again = runner().run(words("--json bookings list --date 2026-12-04"));
    QCOMPARE(jsonAt(again.json(), u"#"_s), u"1"_s);
    QVERIFY2(!again.err.contains("set aside"), again.err.constData());
}

void tst_CliStoreFiles::rebuildWorksOnADamagedReadFile()
{
    makeRestaurant();
    const QString readFile = storePath() + u".read"_s;
    QCOMPARE(runner().run(words("tables list")).exitCode, 0);
    QVERIFY(overwritePage(readFile, sqliteRootPage(readFile, u"bookings"_s)));
    const CliRun rebuilt = runner().run(words("rebuild"));
    QVERIFY2(rebuilt.exitCode == 0, rebuilt.err.constData());
    const CliRun listed = runner().run(words("--json bookings list --date 2026-12-04"));
    QCOMPARE(jsonAt(listed.json(), u"0/guestName"_s), u"Jones"_s);
    const CliRun verified = runner().run(words("verify"));
    QVERIFY2(verified.exitCode == 0, verified.describe(words("verify")).constData());
}

QTEST_GUILESS_MAIN(tst_CliStoreFiles)
#include "tst_clistorefiles.moc"
