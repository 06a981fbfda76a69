#include "tests/support/TestSupport.h"
#include "tests/ui/HostStandFixture.h"
#include "ui/daysheet/DaySheet.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hoststand;
using hoststand::test::HostStandFixture;

// The day sheet of one service as the host prints it: checked in the PDF
// itself, as pdftotext (poppler-utils) reads it back.
class tst_DaySheet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void thePdfListsTheServicesBookingsWithTheirDetails();
    void thePdfLeavesOutTheOtherService_data();
    void thePdfLeavesOutTheOtherService();
    void bookingsAreListedByTimeThenTable();
    void bookingsNoLongerExpectedAreSetApart();
    void aRowSaysWhenThePartyArrivedOrSat();
    void anEmptyServiceSaysSo();
    void guestTextIsPrintedAsTyped();
    void anUnwritablePathIsReported();

private:
    QString book(const QString &table, const QTime &start, int party, const QString &guest,
                 const QString &phone = {}, const QString &note = {});
    ui::DaySheet sheet(const QString &service);
    QString pdfText(const ui::DaySheet &sheet);

    std::unique_ptr<HostStandFixture> m_fixture;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_DaySheet::init()
{
    // Before lunch, so that both services can still be booked.
    m_fixture = std::make_unique<HostStandFixture>(true, HostStandFixture::at(QTime(9, 0)));
    m_fixture->addTable(u"T1"_s, 4, u"Main room"_s, 100, 100);
    m_fixture->addTable(u"T2"_s, 2, u"Main room"_s, 300, 100);
    m_fixture->addTable(u"T21"_s, 6, u"Terrace"_s, 100, 600);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_DaySheet::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

QString tst_DaySheet::book(const QString &table, const QTime &start, int party,
                           const QString &guest, const QString &phone, const QString &note)
{
    booker::BookingRequest request;
    request.tableId = table;
    request.start = HostStandFixture::at(start);
    request.partySize = party;
    request.guestName = guest;
    request.phone = phone;
    request.note = note;
    auto booked = m_fixture->restaurant().book(request);
    if (!booked.ok())
        qFatal("cannot book %s: %s", qPrintable(guest), qPrintable(booked.error().message()));
    m_fixture->settle();
    return booked.value().bookingId.toString();
}

ui::DaySheet tst_DaySheet::sheet(const QString &service)
{
    return ui::DaySheet(m_fixture->readModel(), HostStandFixture::day(), service,
                        m_fixture->clock().now());
}

QString tst_DaySheet::pdfText(const ui::DaySheet &sheet)
{
    const QString path = m_dir->filePath(sheet.suggestedFileName());
    const std::optional<QString> failed = sheet.exportPdf(path);
    if (failed)
        qFatal("export failed: %s", qPrintable(*failed));
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        qFatal("pdftotext is missing: install poppler-utils (scripts/install-deps --tests)");
    QProcess process;
    process.start(pdftotext, {u"-layout"_s, path, u"-"_s});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        qFatal("pdftotext failed: %s", process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

void tst_DaySheet::thePdfListsTheServicesBookingsWithTheirDetails()
{
    book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s, u"07700 900123"_s, u"Nut allergy"_s);
    book(u"T2"_s, QTime(20, 15), 2, u"Okafor"_s, u"07700 900456"_s, u"Window seat"_s);
    book(u"T21"_s, QTime(18, 30), 6, u"Lindqvist"_s, u"020 7946 0011"_s, u"Birthday cake"_s);

    const QString text = pdfText(sheet(u"dinner"_s));
    QVERIFY2(text.contains(u"Dinner, Friday 17 May 2030"_s), qPrintable(text));
    QVERIFY2(text.contains(u"3 bookings, 12 covers"_s), qPrintable(text));
    for (const QString &expected :
         {u"Jones"_s, u"T1"_s, u"19:00"_s, u"07700 900123"_s, u"Nut allergy"_s, u"Okafor"_s,
          u"T2"_s, u"20:15"_s, u"07700 900456"_s, u"Window seat"_s, u"Lindqvist"_s, u"T21"_s,
          u"18:30"_s, u"020 7946 0011"_s, u"Birthday cake"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected + u" is missing from:\n"_s + text));
    // Each booking's details stand on its own line.
    const QStringList lines = text.split(u'\n');
    const auto lineOf = [&lines](const QString &name) {
        for (const QString &line : lines) {
            if (line.contains(name))
                return line;
        }
        return QString();
    };
    const QString jones = lineOf(u"Jones"_s);
    QVERIFY2(jones.contains(u"T1"_s) && jones.contains(u"19:00"_s) && jones.contains(u"4"_s)
                 && jones.contains(u"07700 900123"_s),
             qPrintable(jones));
}

void tst_DaySheet::thePdfLeavesOutTheOtherService_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("present");
    QTest::addColumn<QString>("absent");
    QTest::newRow("the dinner sheet leaves lunch out") << u"dinner"_s << u"Jones"_s << u"Rossi"_s;
    QTest::newRow("the lunch sheet leaves dinner out") << u"lunch"_s << u"Rossi"_s << u"Jones"_s;
}

void tst_DaySheet::thePdfLeavesOutTheOtherService()
{
    QFETCH(QString, service);
    QFETCH(QString, present);
    QFETCH(QString, absent);
    book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s, u"07700 900123"_s, u"Nut allergy"_s);
    book(u"T1"_s, QTime(12, 30), 3, u"Rossi"_s, u"07700 900777"_s, u"High chair"_s);

    const QString text = pdfText(sheet(service));
    QVERIFY2(text.contains(present), qPrintable(text));
    QVERIFY2(!text.contains(absent), qPrintable(text));
    const QString absentPhone = absent == u"Rossi"_s ? u"07700 900777"_s : u"07700 900123"_s;
    QVERIFY2(!text.contains(absentPhone), qPrintable(text));
}

void tst_DaySheet::bookingsAreListedByTimeThenTable()
{
    book(u"T2"_s, QTime(20, 30), 2, u"Late"_s);
    book(u"T21"_s, QTime(19, 0), 5, u"Terrace party"_s);
    book(u"T2"_s, QTime(19, 0), 2, u"Window"_s);
    book(u"T1"_s, QTime(19, 0), 4, u"Early"_s);

    const ui::DaySheet dinner = sheet(u"dinner"_s);
    QStringList names;
    for (const BookingRow &booking : dinner.expected())
        names.append(booking.guestName);
    // Tables in the host's order: T2 before T21.
    QCOMPARE(names, (QStringList {u"Early"_s, u"Window"_s, u"Terrace party"_s, u"Late"_s}));
    const QString text = pdfText(dinner);
    QVERIFY(text.indexOf(u"Early"_s) < text.indexOf(u"Window"_s));
    QVERIFY(text.indexOf(u"Window"_s) < text.indexOf(u"Terrace party"_s));
    QVERIFY(text.indexOf(u"Terrace party"_s) < text.indexOf(u"Late"_s));
}

void tst_DaySheet::bookingsNoLongerExpectedAreSetApart()
{
    book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s);
    const QString cancelled = book(u"T2"_s, QTime(19, 0), 2, u"Fischer"_s, u"07700 900999"_s);
    HS_VERIFY_OK(m_fixture->restaurant().cancel(BookingId::create(cancelled).value()));
    QTRY_VERIFY(m_fixture->statusOf(cancelled) == BookingStatus::Cancelled);

    const ui::DaySheet dinner = sheet(u"dinner"_s);
    QCOMPARE(dinner.expected().size(), 1);
    QCOMPARE(dinner.notExpected().size(), 1);
    const QString text = pdfText(dinner);
    QVERIFY2(text.contains(u"1 booking, 4 covers"_s), qPrintable(text));
    const qsizetype section = text.indexOf(u"No longer expected"_s);
    QVERIFY2(section > 0, qPrintable(text));
    QVERIFY(text.indexOf(u"Cancelled: Fischer"_s) > section);
    QVERIFY(text.indexOf(u"Jones"_s) < section);
}

void tst_DaySheet::aRowSaysWhenThePartyArrivedOrSat()
{
    const QString id = book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s);
    m_fixture->clock().setNow(HostStandFixture::at(QTime(19, 4)));
    HS_VERIFY_OK(m_fixture->booker().arrive(BookingId::create(id).value()));
    m_fixture->clock().setNow(HostStandFixture::at(QTime(19, 9)));
    HS_VERIFY_OK(m_fixture->booker().seat(BookingId::create(id).value()));
    QTRY_VERIFY(m_fixture->statusOf(id) == BookingStatus::Seated);

    const QString text = pdfText(sheet(u"dinner"_s));
    QVERIFY2(text.contains(u"Seated 19:09"_s), qPrintable(text));
}

void tst_DaySheet::anEmptyServiceSaysSo()
{
    book(u"T1"_s, QTime(12, 30), 3, u"Rossi"_s);
    const ui::DaySheet dinner = sheet(u"dinner"_s);
    QVERIFY(dinner.expected().isEmpty());
    const QString text = pdfText(dinner);
    QVERIFY2(text.contains(u"No bookings for this service."_s), qPrintable(text));
    QVERIFY(!text.contains(u"Rossi"_s));
}

void tst_DaySheet::guestTextIsPrintedAsTyped()
{
    book(u"T1"_s, QTime(19, 0), 4, u"<b>Smith & Sons</b>"_s, {}, u"Ask for \"Ms Smith\" <VIP>"_s);
    const std::unique_ptr<QTextDocument> document = sheet(u"dinner"_s).document();
    const QString plain = document->toPlainText();
    QVERIFY2(plain.contains(u"<b>Smith & Sons</b>"_s), qPrintable(plain));
    QVERIFY2(plain.contains(u"Ask for \"Ms Smith\" <VIP>"_s), qPrintable(plain));
}

void tst_DaySheet::anUnwritablePathIsReported()
{
    book(u"T1"_s, QTime(19, 0), 4, u"Jones"_s);
    const std::optional<QString> failed
        = sheet(u"dinner"_s).exportPdf(m_dir->filePath(u"no-such-folder/sheet.pdf"_s));
    QVERIFY(failed.has_value());
    QVERIFY2(failed->contains(u"no-such-folder"_s), qPrintable(*failed));
}

QTEST_MAIN(tst_DaySheet)
#include "tst_daysheet.moc"
