#include "ui/booking/BookingMove.h"

#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "readmodel/ReadModel.h"
#include "ui/common/ServiceCalendar.h"

using namespace Qt::StringLiterals;

namespace hoststand::ui {

BookingMove::BookingMove(Engine &engine, BookingRow booking)
    : m_engine(engine)
    , m_booking(std::move(booking))
{ }

// "T5 at 20:00"
QString BookingMove::place(const QString &tableId, const QDateTime &start) const
{
    const ServiceCalendar calendar(m_engine.view().readModel()->settings());
    return u"%1 at %2"_s.arg(tableId, calendar.timeText(start));
}

QString BookingMove::question(const QString &tableId, const QDateTime &start) const
{
    return u"Move %1, party of %2, from %3 to %4?\n\nThe new table is booked first; the old "
           u"booking is cancelled only once the new one is confirmed."_s.arg(m_booking.guestName)
               .arg(m_booking.partySize)
               .arg(place(m_booking.tableId, m_booking.start), place(tableId, start));
}

QFuture<BookingMove::Outcome> BookingMove::to(const QString &tableId, const QDateTime &start) const
{
    const QString from = place(m_booking.tableId, m_booking.start);
    const QString target = place(tableId, start);
    const QString kept = u"The booking stays at %1."_s.arg(from);
    const QString guest = m_booking.guestName;
    const int party = m_booking.partySize;
    const QString oldId = m_booking.id;
    booker::BookingRequest request;
    request.tableId = tableId;
    request.start = start;
    request.partySize = m_booking.partySize;
    request.guestName = m_booking.guestName;
    request.phone = m_booking.phone;
    request.note = m_booking.note;
    request.durationMinutes = int(m_booking.start.secsTo(m_booking.end) / 60);
    const auto cannot = [guest, target, kept](const QString &why) {
        return u"%1 cannot move to %2: %3 %4"_s.arg(guest, target, why, kept);
    };
    auto old = BookingId::create(oldId);
    if (!old.ok())
        return QtFuture::makeReadyFuture(Outcome {false, {}, cannot(old.error().message())});
    return m_engine.move(old.value(), request)
        .then(QtFuture::Launch::Sync, [=](const BookingMoveOutcome &move) -> Outcome {
            if (move.refused)
                return {false, {}, cannot(move.refused->message())};
            const BookingOutcome &booked = *move.booked;
            const QString newId = booked.bookingId.toString();
            if (booked.isRejected())
                return {false, newId, cannot(booked.rejection().message())};
            if (!booked.isSettled())
                return {
                    false, newId,
                    u"The new booking at %1 is still waiting for its table, so the booking "
                    u"at %2 is kept; cancel one of them once it is confirmed."_s.arg(target, from)};
            if (booked.status != BookingStatus::Confirmed)
                return {false, newId,
                        u"The new booking at %1 ended before the move was finished; the booking "
                        u"at %2 is kept."_s.arg(target, from)};
            if (move.notCancelled)
                return {false, newId,
                        u"%1 now also holds %2, but the booking at %3 could not be cancelled: "
                        u"%4"_s.arg(guest, target, from, move.notCancelled->message())};
            return {
                true, newId,
                u"Moved %1, party of %2, from %3 to %4."_s.arg(guest).arg(party).arg(from, target)};
        });
}

} // namespace hoststand::ui
