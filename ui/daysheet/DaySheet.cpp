#include "ui/daysheet/DaySheet.h"

#include "readmodel/ReadModel.h"
#include "ui/common/StatusStyle.h"
#include "ui/common/TableOrder.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// The sheet's words are English like the rest of the host stand.
const QLocale Words = QLocale::c();

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString capitalized(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

bool isExpected(BookingStatus status)
{
    return status != BookingStatus::Cancelled && status != BookingStatus::Rejected
        && status != BookingStatus::NoShow;
}

const QString Style = uR"(
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #000; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
p.meta { color: #444; margin-top: 0; }
table.sheet { border-collapse: collapse; }
table.sheet th { background-color: #e4e4e4; text-align: left; font-weight: bold;
                 white-space: nowrap; }
table.sheet td, table.sheet th { border: 1px solid #888; padding: 4px; }
td.time, td.table { white-space: nowrap; font-weight: bold; }
td.keep { white-space: nowrap; }
td.tick { width: 16px; }
h2 { font-size: 11pt; }
p.gone { color: #444; margin: 0; }
)"_s;

} // namespace

DaySheet::DaySheet(const ReadModel &readModel, const QDate &date, const QString &service,
                   const QDateTime &printedAt)
    : m_calendar(readModel.settings())
    , m_date(date)
    , m_service(service)
    , m_printedAt(printedAt)
{
    const auto bookings = readModel.bookingsOn(date);
    if (!bookings.ok()) {
        m_notRead = bookings.error().message();
        return;
    }
    for (const BookingRow &booking : bookings.value()) {
        if (m_calendar.localDate(booking.start) != date || !inService(booking))
            continue;
        (isExpected(booking.status) ? m_expected : m_notExpected).append(booking);
    }
    const auto byStartThenTable = [](const BookingRow &a, const BookingRow &b) {
        return a.start != b.start ? a.start < b.start : TableOrder::idLess(a.tableId, b.tableId);
    };
    std::stable_sort(m_expected.begin(), m_expected.end(), byStartThenTable);
    std::stable_sort(m_notExpected.begin(), m_notExpected.end(), byStartThenTable);
}

bool DaySheet::inService(const BookingRow &booking) const
{
    return m_service.isEmpty() || m_calendar.serviceAt(booking.start) == m_service;
}

QString DaySheet::title() const
{
    const QString day = Words.toString(m_date, u"dddd d MMMM yyyy"_s);
    return m_service.isEmpty() ? day : capitalized(m_service) + u", "_s + day;
}

QString DaySheet::suggestedFileName() const
{
    const QString service = m_service.isEmpty() ? u"day"_s : m_service;
    return u"%1-%2.pdf"_s.arg(service, m_date.toString(Qt::ISODate));
}

std::unique_ptr<QTextDocument> DaySheet::document() const
{
    auto document = std::make_unique<QTextDocument>();
    document->setDocumentMargin(0);
    document->setHtml(html());
    document->setMetaInformation(QTextDocument::DocumentTitle, u"Day sheet: "_s + title());
    return document;
}

QString DaySheet::html() const
{
    int covers = 0;
    for (const BookingRow &booking : m_expected)
        covers += booking.partySize;
    QString body = u"<html><head><style>%1</style></head><body>"_s.arg(Style);
    body += u"<h1>%1</h1>"_s.arg(escaped(title()));
    const QString bookings
        = m_expected.size() == 1 ? u"1 booking"_s : u"%1 bookings"_s.arg(m_expected.size());
    body += u"<p class=\"meta\">%1, %2 covers. Printed %3.</p>"_s.arg(bookings).arg(covers).arg(
        escaped(Words.toString(m_calendar.localDate(m_printedAt), u"ddd d MMM yyyy"_s) + u", "_s
                + m_calendar.timeText(m_printedAt)));
    if (!m_notRead.isEmpty()) {
        body += u"<p>The bookings could not be read: %1</p>"_s.arg(escaped(m_notRead));
    } else if (m_expected.isEmpty()) {
        body += u"<p>No bookings for this service.</p>"_s;
    } else {
        // The heading row repeats on every page (thead).
        body += u"<table class=\"sheet\" width=\"100%\" cellspacing=\"0\"><thead><tr>"
                u"<th>✓</th><th>Time</th><th>Table</th><th>Party</th><th>Name</th>"
                u"<th>Phone</th><th width=\"30%\">Notes</th><th>Status</th></tr></thead>"_s;
        for (const BookingRow &booking : m_expected)
            body += bookingRow(booking);
        body += u"</table>"_s;
    }
    if (!m_notExpected.isEmpty()) {
        body += u"<h2 style=\"margin-top: 18px\">No longer expected</h2>"_s;
        for (const BookingRow &booking : m_notExpected)
            body += notExpectedRow(booking);
    }
    return body + u"</body></html>"_s;
}

QString DaySheet::bookingRow(const BookingRow &booking) const
{
    QString notes = escaped(booking.note);
    if (booking.walkIn)
        notes = notes.isEmpty() ? u"<i>Walk-in</i>"_s : u"<i>Walk-in.</i> "_s + notes;
    return u"<tr><td class=\"tick\"></td><td class=\"time\">%1–%2</td><td class=\"table\">%3</td>"
           u"<td class=\"keep\">%4</td><td>%5</td><td class=\"keep\">%6</td><td>%7</td>"
           u"<td class=\"keep\">%8</td></tr>"_s.arg(
               m_calendar.timeText(booking.start), m_calendar.timeText(booking.end),
               escaped(booking.tableId), QString::number(booking.partySize),
               escaped(booking.guestName), escaped(booking.phone), notes,
               escaped(statusText(booking)));
}

QString DaySheet::notExpectedRow(const BookingRow &booking) const
{
    QString line = u"%1: %2, %3 at %4, %5 people"_s.arg(
        StatusStyle::word(booking.status), booking.guestName, m_calendar.timeText(booking.start),
        booking.tableId, QString::number(booking.partySize));
    if (!booking.phone.isEmpty())
        line += u", "_s + booking.phone;
    if (!booking.rejectionReason.isEmpty())
        line += u" — "_s + booking.rejectionReason;
    return u"<p class=\"gone\">%1</p>"_s.arg(escaped(line));
}

// Confirmed is what every row is until the evening starts: left blank.
QString DaySheet::statusText(const BookingRow &booking) const
{
    switch (booking.status) {
    case BookingStatus::Arrived:
        return u"Arrived "_s + m_calendar.timeText(booking.arrivedAt);
    case BookingStatus::Seated:
        return u"Seated "_s + m_calendar.timeText(booking.seatedAt);
    case BookingStatus::Left:
        return u"Left "_s + m_calendar.timeText(booking.leftAt);
    case BookingStatus::Initiated:
        return StatusStyle::word(booking.status);
    default:
        return {};
    }
}

// Laid out on the device itself, so that the page's own margins are the
// only ones (QTextDocument::print adds two centimetres to an unpaged one)
// and a page holds as many rows as fit.
void DaySheet::print(QPagedPaintDevice &device) const
{
    const std::unique_ptr<QTextDocument> document = this->document();
    document->documentLayout()->setPaintDevice(&device);
    const int dpi = device.logicalDpiY();
    document->setPageSize(device.pageLayout().paintRectPixels(dpi).size());
    QTextFrameFormat frame = document->rootFrame()->frameFormat();
    frame.setMargin(0);
    document->rootFrame()->setFrameFormat(frame);
    document->print(&device);
}

std::optional<QString> DaySheet::exportPdf(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"The day sheet could not be written to %1: %2"_s.arg(path, file.errorString());
    QPdfWriter writer(&file);
    writer.setTitle(u"Day sheet: "_s + title());
    writer.setCreator(u"Hoststand"_s);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    print(writer);
    return std::nullopt;
}

} // namespace hoststand::ui
