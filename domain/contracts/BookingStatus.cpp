#include "domain/contracts/BookingStatus.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString toString(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Initiated:
        return u"initiated"_s;
    case BookingStatus::Confirmed:
        return u"confirmed"_s;
    case BookingStatus::Rejected:
        return u"rejected"_s;
    case BookingStatus::Cancelled:
        return u"cancelled"_s;
    case BookingStatus::Arrived:
        return u"arrived"_s;
    case BookingStatus::Seated:
        return u"seated"_s;
    case BookingStatus::Left:
        return u"left"_s;
    case BookingStatus::NoShow:
        return u"no-show"_s;
    }
    return {};
}

std::optional<BookingStatus> bookingStatusFromString(const QString &text)
{
    for (auto status : {BookingStatus::Initiated, BookingStatus::Confirmed, BookingStatus::Rejected,
                        BookingStatus::Cancelled, BookingStatus::Arrived, BookingStatus::Seated,
                        BookingStatus::Left, BookingStatus::NoShow}) {
        if (toString(status) == text)
            return status;
    }
    return std::nullopt;
}

bool isActive(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Initiated:
    case BookingStatus::Confirmed:
    case BookingStatus::Arrived:
    case BookingStatus::Seated:
        return true;
    case BookingStatus::Rejected:
    case BookingStatus::Cancelled:
    case BookingStatus::Left:
    case BookingStatus::NoShow:
        return false;
    }
    return false;
}

} // namespace hoststand
