#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "readmodel/ReadModel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {
namespace {

using ReadModelUse = RestaurantOptions::ReadModelUse;

int showBooking(CommandRun &run, Restaurant &restaurant, const BookingId &id)
{
    auto booking = restaurant.booker().booking(id);
    if (!booking.ok())
        return run.refuse(booking.error());
    const BookingRow row = Presenter::rowOf(booking.value());
    run.out().result(run.presenter().json(row), run.presenter().text(row));
    return ExitOk;
}

// Shows the booking as it stands, then refuses: with the sagas' rejection,
// or, when none came in time, as a timeout that says what waits and why.
int refuseShowingBooking(CommandRun &run, Restaurant &restaurant, const BookingId &id,
                         const std::optional<DomainError> &rejection, const QString &waiting)
{
    auto booking = restaurant.booker().booking(id);
    if (!booking.ok())
        return run.refuse(booking.error());
    const BookingRow row = Presenter::rowOf(booking.value());
    if (!run.out().isJson())
        run.out().result({}, run.presenter().text(row));
    if (rejection)
        return run.refuse(*rejection, run.presenter().json(row));
    const auto seconds
        = std::chrono::duration_cast<std::chrono::seconds>(restaurant.options().settleTimeout);
    return run.out().refuse(
        u"timeout"_s,
        u"%1 is waiting for its table: no saga settled it within %2 s. %3"_s.arg(
            waiting, QString::number(seconds.count()), restaurant.whyUnsettled(id)),
        run.presenter().json(row));
}

// A rejection or a booking nobody settled still shows the booking, and
// ends as a refusal with the reason.
int showOutcome(CommandRun &run, Restaurant &restaurant,
                const DomainResult<BookingOutcome> &outcome)
{
    if (!outcome.ok())
        return run.refuse(outcome.error());
    const BookingOutcome &settled = outcome.value();
    if (settled.isSettled() && !settled.isRejected())
        return showBooking(run, restaurant, settled.bookingId);
    return refuseShowingBooking(run, restaurant, settled.bookingId,
                                settled.isRejected() ? std::optional(settled.rejection())
                                                     : std::nullopt,
                                u"Booking %1"_s.arg(settled.bookingId.toString()));
}

std::optional<BookingId> bookingArgument(CommandRun &run)
{
    auto id = BookingId::create(run.argument(0));
    if (!id.ok()) {
        run.refuse(id.error());
        return std::nullopt;
    }
    return id.value();
}

// Cancel, no-show, leave: the table manager frees the table afterwards.
int endBooking(CommandRun &run, DomainResult<bool> (Restaurant::*end)(const BookingId &))
{
    const auto id = bookingArgument(run);
    if (!id)
        return run.failed();
    Restaurant *restaurant = run.open(ReadModelUse::None, true);
    if (!restaurant)
        return run.failed();
    auto released = (restaurant->*end)(*id);
    if (!released.ok())
        return run.refuse(released.error());
    if (!released.value())
        run.out().note(u"hoststand-cli: the table is not free yet: no saga released its lock "
                       u"in time; it will be released when one runs."_s);
    return showBooking(run, *restaurant, *id);
}

int changeBooking(CommandRun &run, DomainResult<void> (booker::Booker::*change)(const BookingId &))
{
    const auto id = bookingArgument(run);
    if (!id)
        return run.failed();
    Restaurant *restaurant = run.open(ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    if (auto changed = (restaurant->booker().*change)(*id); !changed.ok())
        return run.refuse(changed.error());
    return showBooking(run, *restaurant, *id);
}

} // namespace

int book(CommandRun &run)
{
    run.require({u"table"_s, u"at"_s, u"party"_s, u"name"_s});
    const auto at = run.dateTime(u"at"_s);
    const auto party = run.integer(u"party"_s);
    const auto minutes = run.integer(u"minutes"_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(ReadModelUse::None, true);
    if (!restaurant)
        return run.failed();
    const auto start = at->resolve(run.settings());
    if (!start.ok())
        return run.refuse(start.error());
    const booker::BookingRequest request {
        run.text(u"table"_s), start.value(),       *party, run.text(u"name"_s),
        run.text(u"phone"_s), run.text(u"note"_s), minutes};
    return showOutcome(run, *restaurant, restaurant->book(request));
}

int walkIn(CommandRun &run)
{
    run.require({u"table"_s, u"party"_s});
    const auto party = run.integer(u"party"_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(ReadModelUse::None, true);
    if (!restaurant)
        return run.failed();
    const QString name = run.isSet(u"name"_s) ? run.text(u"name"_s) : u"Walk-in"_s;
    const booker::WalkInRequest request {run.text(u"table"_s), *party, name, {}, {}};
    return showOutcome(run, *restaurant, restaurant->walkIn(request));
}

int freeSlots(CommandRun &run)
{
    run.require({u"from"_s, u"to"_s, u"people"_s});
    const auto from = run.date(u"from"_s);
    const auto to = run.date(u"to"_s);
    const auto people = run.integer(u"people"_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.openToRead(ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto found = restaurant->booker().availableSlots(*from, *to, *people);
    if (!found.ok())
        return run.refuse(found.error());
    QJsonArray json;
    for (const booker::AvailableSlot &slot : found.value())
        json.append(run.presenter().json(slot));
    run.out().results(json, run.presenter().freeSlots(found.value()).render());
    return ExitOk;
}

int bookingsShow(CommandRun &run)
{
    const auto id = bookingArgument(run);
    if (!id)
        return run.failed();
    Restaurant *restaurant = run.openToRead(ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    return showBooking(run, *restaurant, *id);
}

int bookingsList(CommandRun &run)
{
    const auto date = run.date(u"date"_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.openToRead(ReadModelUse::Follow);
    if (!restaurant)
        return run.failed();
    const QDate day = date.value_or(run.settings().localDate(run.now()));
    const auto read = restaurant->readModel()->bookingsOn(day);
    if (!read.ok())
        return run.refuseUnread(read.error());
    const QList<BookingRow> &bookings = read.value();
    QJsonArray json;
    for (const BookingRow &booking : bookings)
        json.append(run.presenter().json(booking));
    run.out().results(json, run.presenter().bookings(bookings).render());
    return ExitOk;
}

// Waits for the sagas like a booking: the booking as changed, or the
// refusal with its code and the booking as it stayed.
int bookingsChange(CommandRun &run)
{
    const auto id = bookingArgument(run);
    if (!id)
        return run.failed();
    booker::BookingChangeRequest request;
    request.partySize = run.integer(u"party"_s);
    request.durationMinutes = run.integer(u"minutes"_s);
    const auto at = run.dateTime(u"at"_s);
    for (const QString &field : {u"table"_s, u"name"_s, u"phone"_s, u"note"_s}) {
        if (!run.isSet(field))
            continue;
        const QString value = run.text(field);
        if (field == u"table"_s)
            request.tableId = value;
        else if (field == u"name"_s)
            request.guestName = value;
        else if (field == u"phone"_s)
            request.phone = value;
        else
            request.note = value;
    }
    if (request.isEmpty() && !at)
        run.problem(u"Say what changes: --party, --at, --minutes, --table, --name, --phone or "
                    u"--note."_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(ReadModelUse::None, true);
    if (!restaurant)
        return run.failed();
    if (at) {
        const auto start = at->resolve(run.settings());
        if (!start.ok())
            return run.refuse(start.error());
        request.start = start.value();
    }
    auto changed = restaurant->change(*id, request);
    if (!changed.ok())
        return run.refuse(changed.error());
    const BookingChangeOutcome &outcome = changed.value();
    if (outcome.changed())
        return showBooking(run, *restaurant, *id);
    return refuseShowingBooking(
        run, *restaurant, *id,
        outcome.isRejected() ? std::optional(outcome.rejection()) : std::nullopt,
        u"Change %1 of booking %2"_s.arg(QString::number(outcome.change), id->toString()));
}

int bookingsCancel(CommandRun &run)
{
    return endBooking(run, &Restaurant::cancel);
}

int bookingsArrive(CommandRun &run)
{
    return changeBooking(run, &booker::Booker::arrive);
}

int bookingsSeat(CommandRun &run)
{
    return changeBooking(run, &booker::Booker::seat);
}

int bookingsLeave(CommandRun &run)
{
    return endBooking(run, &Restaurant::leave);
}

int bookingsNoShow(CommandRun &run)
{
    return endBooking(run, &Restaurant::noShow);
}

} // namespace hoststand::cli::commands
