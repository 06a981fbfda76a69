#pragma once

#include "app/cli/TextTable.h"
#include "domain/booker/WallClock.h"
#include "readmodel/ReadModelRows.h"

#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace hoststand {
class Table;
struct TableLock;
namespace booker {
class Booking;
class RestaurantSettings;
struct AvailableSlot;
} // namespace booker
} // namespace hoststand

namespace hoststand::cli {

// How hoststand-cli shows the domain's answers: JSON objects with camelCase
// keys and ISO-8601 times with the offset of the restaurant's time zone,
// and text in the restaurant's local time, with the offset where DST shows
// a time twice. Text shows every stored value escaped where it would not
// print as text (TextField). Aggregates are turned into the read model's
// rows first, so each thing has one shape wherever it comes from.
class Presenter final
{
public:
    explicit Presenter(QTimeZone zone);

    static TableRow rowOf(const Table &table);
    static BookingRow rowOf(const booker::Booking &booking);
    static LockRow rowOf(const TableLock &lock);
    // "mon" ... "sun" for 1 ... 7.
    static QString weekdayName(int weekday);

    QString isoTime(const QDateTime &moment) const; // "2026-12-04T19:00:00+01:00"
    QString localTime(const QDateTime &moment) const; // "2026-12-04 19:00"
    // Also "2026-10-25 02:30 +02:00" for a time that happens twice.

    QJsonObject json(const TableRow &table) const;
    QJsonObject json(const BookingRow &booking) const;
    QJsonObject json(const LockRow &lock) const;
    QJsonObject json(const booker::AvailableSlot &slot) const;
    QJsonObject json(const booker::RestaurantSettings &settings) const;
    QJsonObject json(const AuditRow &event) const;

    QString text(const TableRow &table) const;
    QString text(const BookingRow &booking) const;
    QString text(const booker::RestaurantSettings &settings) const;

    TextTable tables(const QList<TableRow> &tables) const;
    TextTable bookings(const QList<BookingRow> &bookings) const;
    TextTable locks(const QList<LockRow> &locks) const;
    TextTable freeSlots(const QList<booker::AvailableSlot> &available) const;
    TextTable events(const QList<AuditRow> &events) const;

private:
    QString clockTime(const QDateTime &moment) const;
    QString spanText(const QDateTime &start, const QDateTime &end) const;

    QTimeZone m_zone;
    booker::WallClock m_wallClock;
};

} // namespace hoststand::cli
