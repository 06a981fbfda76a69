#pragma once

#include "readmodel/ReadModelRows.h"
#include "ui/common/ServiceCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// The sheet the host keeps at the stand for one service: its bookings by
// time with table, party, name, phone and notes, a box to tick on arrival,
// the covers, and who is no longer expected (cancelled, no-shows). Built
// as a QTextDocument from the read model, so the print preview, the
// printer and the PDF export show the same pages.
class DaySheet final
{
public:
    // The service on the restaurant's local date ("lunch", "dinner"); an
    // empty service is the whole day. printedAt goes in the heading.
    DaySheet(const ReadModel &readModel, const QDate &date, const QString &service,
             const QDateTime &printedAt);

    // "Dinner, Friday 27 November 2026"
    QString title() const;
    // "dinner-2026-11-27.pdf"
    QString suggestedFileName() const;
    // The bookings the host expects, by start then table.
    const QList<BookingRow> &expected() const { return m_expected; }
    // Cancelled, rejected and no-show bookings of the service, by start.
    const QList<BookingRow> &notExpected() const { return m_notExpected; }
    // Why the bookings could not be read; empty when they were. A sheet
    // that was not read is never printed as an empty service.
    QString notRead() const { return m_notRead; }

    std::unique_ptr<QTextDocument> document() const;
    // Lays the document out on the device's pages (a QPrinter, a QPdfWriter).
    void print(QPagedPaintDevice &device) const;
    // Writes an A4 PDF; the reason when the file cannot be written.
    std::optional<QString> exportPdf(const QString &path) const;

private:
    bool inService(const BookingRow &booking) const;
    QString html() const;
    QString bookingRow(const BookingRow &booking) const;
    QString notExpectedRow(const BookingRow &booking) const;
    QString statusText(const BookingRow &booking) const;

    ServiceCalendar m_calendar;
    QDate m_date;
    QString m_service;
    QDateTime m_printedAt;
    QList<BookingRow> m_expected;
    QList<BookingRow> m_notExpected;
    QString m_notRead;
};

} // namespace hoststand::ui
