#include "ui/editor/RefusalWording.h"

#include "readmodel/ReadModel.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

RefusalWording::RefusalWording(const ReadModel &readModel)
    : m_readModel(readModel)
{ }

QString RefusalWording::explain(const QString &lead, const DomainError &error,
                                const Advice &advice) const
{
    if (error.code() != DomainError::Code::TableLocked || error.bookingIds().isEmpty())
        return error.message();
    const bool several = error.bookingIds().size() > 1;
    QString text = u"%1: it is booked for %2."_s.arg(lead, describeBookings(error.bookingIds()));
    const QString &what = several ? advice.several : advice.one;
    if (!what.isEmpty())
        text += u' ' + what;
    return text;
}

QString RefusalWording::describeBookings(const QStringList &bookingIds) const
{
    QStringList parts;
    for (const QString &id : bookingIds)
        parts.append(describeBooking(id));
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return parts.join(u", "_s) + u" and "_s + last;
}

QString RefusalWording::describeBooking(const QString &bookingId) const
{
    const auto read = m_readModel.booking(bookingId);
    if (!read.ok() || !read.value())
        return u"booking %1"_s.arg(bookingId); // its id says which, even when it cannot be read
    const std::optional<BookingRow> &booking = read.value();
    QTimeZone zone(m_readModel.settings().timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime start = booking->start.toTimeZone(zone);
    const QDateTime end = booking->end.toTimeZone(zone);
    const QString guest = booking->guestName.isEmpty() ? u"a walk-in"_s : booking->guestName;
    return u"%1 (party of %2, %3, %4–%5)"_s.arg(guest)
        .arg(booking->partySize)
        .arg(start.toString(u"ddd d MMM"_s), start.toString(u"HH:mm"_s), end.toString(u"HH:mm"_s));
}

} // namespace hoststand::ui
