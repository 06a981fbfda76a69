#include "domain/booker/Availability.h"

#include "domain/booker/RestaurantSettings.h"
#include "domain/contracts/NaturalOrder.h"
#include "domain/contracts/TextField.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::booker {
namespace {

const TableSnapshot::Lock *firstOverlap(const TableSnapshot &table, const TimeSpan &span,
                                        const std::optional<BookingId> &except = std::nullopt)
{
    for (const TableSnapshot::Lock &lock : table.activeLocks) {
        if (lock.span.overlaps(span) && lock.bookingId != except)
            return &lock;
    }
    return nullptr;
}

bool canTake(const TableSnapshot &table, PartySize party, const TimeSpan &span)
{
    return table.inService && table.seats >= party.value() && !firstOverlap(table, span);
}

// The tables that could take the party, smallest first (the host's usual
// choice), those of one size in natural order (T5 before T26).
QList<const TableSnapshot *> candidates(const QList<TableSnapshot> &tables, PartySize party)
{
    QList<const TableSnapshot *> fitting;
    for (const TableSnapshot &table : tables) {
        if (table.inService && table.seats >= party.value())
            fitting.append(&table);
    }
    std::sort(fitting.begin(), fitting.end(), [](const TableSnapshot *a, const TableSnapshot *b) {
        return a->seats != b->seats ? a->seats < b->seats
                                    : naturalLess(a->id.toString(), b->id.toString());
    });
    return fitting;
}

} // namespace

std::optional<DomainError> Availability::checkRange(const QDate &from, const QDate &to)
{
    if (!from.isValid() || !to.isValid())
        return DomainError(DomainError::Code::InvalidInput,
                           u"Availability needs a valid first and last date."_s);
    if (to < from)
        return DomainError(DomainError::Code::InvalidInput,
                           u"The last date (%1) is before the first (%2)."_s.arg(
                               to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    const qint64 days = from.daysTo(to) + 1;
    if (days > MaxDays)
        return DomainError(
            DomainError::Code::InvalidInput,
            u"Availability covers at most %1 days at a time; %2 to %3 is %4 days."_s.arg(MaxDays)
                .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
                .arg(days));
    return std::nullopt;
}

std::optional<DomainError> Availability::checkTable(const QList<TableSnapshot> &tables,
                                                    const TableId &table, PartySize party,
                                                    const TimeSpan &span,
                                                    const RestaurantSettings &settings,
                                                    const GuestName &guestName,
                                                    const std::optional<BookingId> &except)
{
    const auto it = std::find_if(tables.cbegin(), tables.cend(),
                                 [&table](const TableSnapshot &t) { return t.id == table; });
    if (it == tables.cend())
        return DomainError(DomainError::Code::TableMissing,
                           u"There is no table %1."_s.arg(table.toString()));
    if (!it->inService)
        return DomainError(DomainError::Code::TableRemoved,
                           u"Table %1 was removed from the floor."_s.arg(table.toString()));
    if (it->seats < party.value())
        return DomainError(DomainError::Code::PartyTooLarge,
                           u"Table %1 seats %2; a party of %3 does not fit."_s.arg(table.toString())
                               .arg(it->seats)
                               .arg(party.value()));
    if (const TableSnapshot::Lock *lock = firstOverlap(*it, span, except)) {
        const std::optional<QString> guest = guestName ? guestName(lock->bookingId) : std::nullopt;
        const QString holder = guest && !guest->isEmpty()
            ? u"by %1"_s.arg(escapedForDisplay(*guest))
            : u"(booking %1)"_s.arg(lock->bookingId.toString());
        return DomainError(DomainError::Code::LockOverlap,
                           u"Table %1 is already booked from %2 to %3 %4."_s.arg(
                               table.toString(), settings.describe(lock->span.start()),
                               settings.describeTime(lock->span.end()), holder),
                           {lock->bookingId.toString()});
    }
    return std::nullopt;
}

QList<AvailableSlot> Availability::freeSlots(const RestaurantSettings &settings,
                                             const QList<TableSnapshot> &tables, const QDate &from,
                                             const QDate &to, PartySize party, const QDateTime &now)
{
    const qint64 turnSeconds = qint64(settings.turnMinutesFor(party)) * 60;
    const QList<const TableSnapshot *> fitting = candidates(tables, party);
    QList<AvailableSlot> result;
    for (QDate date = from; date <= to; date = date.addDays(1)) {
        for (const ServiceSlot &slot : settings.slotsOn(date)) {
            if (slot.start <= now)
                continue;
            auto span = TimeSpan::create(slot.start, slot.start.addSecs(turnSeconds));
            if (!span.ok())
                continue;
            AvailableSlot available {span.value(), slot.period, {}};
            for (const TableSnapshot *table : fitting) {
                if (canTake(*table, party, available.span))
                    available.tables.append(table->id);
            }
            result.append(std::move(available));
        }
    }
    return result;
}

} // namespace hoststand::booker
