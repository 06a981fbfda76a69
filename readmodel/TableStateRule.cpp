#include "readmodel/TableStateRule.h"

namespace hoststand::TableStateRule {
namespace {

bool presentAt(const BookingRow &booking, const QDateTime &moment)
{
    const QDateTime came = booking.arrivedAt.isValid() ? booking.arrivedAt : booking.seatedAt;
    if (!came.isValid() || came > moment)
        return false;
    if (booking.leftAt.isValid())
        return moment < booking.leftAt;
    const bool stillThere
        = booking.status == BookingStatus::Arrived || booking.status == BookingStatus::Seated;
    return stillThere && moment < booking.start.addSecs(std::chrono::seconds(LongestStay).count());
}

bool holdsTable(const BookingRow &booking)
{
    return booking.status == BookingStatus::Initiated || booking.status == BookingStatus::Confirmed;
}

bool spans(const QDateTime &start, const QDateTime &end, const QDateTime &moment)
{
    return start <= moment && moment < end;
}

bool startsSoon(const QDateTime &start, const QDateTime &moment)
{
    return moment < start && start <= moment.addSecs(std::chrono::seconds(SoonWindow).count());
}

std::optional<BookingRow> bookingOf(const QList<BookingRow> &bookings, const QString &id)
{
    for (const BookingRow &booking : bookings) {
        if (booking.id == id)
            return booking;
    }
    return std::nullopt;
}

} // namespace

TableStatusRow statusAt(const TableRow &table, const QList<BookingRow> &bookings,
                        const QList<LockRow> &locks, std::optional<BookingRow> next,
                        const QDateTime &moment)
{
    TableStatusRow status {table, TableState::Free, std::nullopt, std::move(next)};
    if (!table.inService) {
        status.state = TableState::OutOfService;
        return status;
    }
    for (const BookingRow &booking : bookings) {
        if (presentAt(booking, moment)) {
            status.state = TableState::Occupied;
            status.current = booking;
            return status;
        }
    }
    for (const BookingRow &booking : bookings) {
        if (holdsTable(booking) && spans(booking.start, booking.end, moment)) {
            status.state = TableState::Locked;
            status.current = booking;
            return status;
        }
    }
    for (const LockRow &lock : locks) {
        if (spans(lock.start, lock.end, moment)) {
            status.state = TableState::Locked;
            status.current = bookingOf(bookings, lock.bookingId);
            return status;
        }
    }
    for (const BookingRow &booking : bookings) {
        if (holdsTable(booking) && startsSoon(booking.start, moment))
            status.state = TableState::BookedSoon;
    }
    for (const LockRow &lock : locks) {
        if (startsSoon(lock.start, moment))
            status.state = TableState::BookedSoon;
    }
    return status;
}

} // namespace hoststand::TableStateRule
