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
    return u"Move %1, party of %2, from %3 to %4?\n\nThe booking keeps its place until the new "
           u"one is confirmed."_s.arg(m_booking.guestName)
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
    booker::BookingChangeRequest request;
    request.tableId = tableId;
    request.start = start;
    const auto cannot = [guest, target, kept](const QString &why) {
        return u"%1 cannot move to %2: %3 %4"_s.arg(guest, target, why, kept);
    };
    auto id = BookingId::create(m_booking.id);
    if (!id.ok())
        return QtFuture::makeReadyFuture(Outcome {false, cannot(id.error().message())});
    return m_engine.change(id.value(), request)
        .then(QtFuture::Launch::Sync,
              [=](const DomainResult<BookingChangeOutcome> &changed) -> Outcome {
                  if (!changed.ok())
                      return {false, cannot(changed.error().message())};
                  const BookingChangeOutcome &outcome = changed.value();
                  if (outcome.isRejected())
                      return {false, cannot(outcome.rejection().message())};
                  if (!outcome.changed())
                      return {false,
                              u"The move of %1 to %2 is still waiting for its table; the booking "
                              u"stays at %3 until it is confirmed."_s.arg(guest, target, from)};
                  return {true,
                          u"Moved %1, party of %2, from %3 to %4."_s.arg(guest).arg(party).arg(
                              from, target)};
              });
}

} // namespace hoststand::ui
