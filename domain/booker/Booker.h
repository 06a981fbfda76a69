#pragma once

#include "domain/CommandContext.h"
#include "domain/DomainError.h"
#include "domain/booker/AvailableSlot.h"
#include "domain/booker/Booking.h"
#include "domain/booker/BookingRequest.h"
#include "domain/booker/RestaurantSettings.h"
#include "domain/booker/WalkInRequest.h"

#include <QDate>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace hoststand {
class Clock;
class EventStore;
} // namespace hoststand

namespace hoststand::booker {

class TableCatalog;

// The booker's commands and its queries for callers without a read model.
// Each command loads what it decides on, decides, and appends with the
// exact revision it read, retrying when another terminal wrote first.
// A refused command writes nothing. A booking is settled by the booking
// saga afterwards: confirmed or rejected once the table manager has tried
// to lock its table.
class Booker final
{
public:
    Booker(EventStore &store, TableCatalog &tables, const Clock &clock,
           CommandContext context = CommandContext::ofThisProcess());

    // Asked before every command that reads the clock (book, walk in,
    // arrive, seat, leave, no-show, cancel): a refusal while this terminal's
    // clock cannot be trusted (StoreClock::refusal).
    using TimeGuard = std::function<std::optional<DomainError>()>;
    void setTimeGuard(TimeGuard guard) { m_timeGuard = std::move(guard); }

    // Books a table ahead; returns the new booking's id.
    DomainResult<BookingId> book(const BookingRequest &request);
    // Books a table from now for a party that just came in; the saga seats it.
    DomainResult<BookingId> walkIn(const WalkInRequest &request);
    DomainResult<void> cancel(const BookingId &booking);
    DomainResult<void> arrive(const BookingId &booking);
    DomainResult<void> seat(const BookingId &booking);
    DomainResult<void> leave(const BookingId &booking);
    DomainResult<void> noShow(const BookingId &booking);
    // Changes a confirmed, arrived or seated booking (Booking::change). The
    // number of the change that now waits for the table manager, settled by
    // the booking saga (booking-changed or booking-change-rejected); nothing
    // when the change took effect at once (name, phone, note) or changed
    // nothing. What is visibly impossible is refused before anything is
    // written, as for a booking.
    DomainResult<std::optional<int>> changeBooking(const BookingId &booking,
                                                   const BookingChangeRequest &request);

    DomainResult<void> defineServicePeriods(const QList<ServicePeriod> &periods);
    DomainResult<void> defineServicePeriodsOn(int weekday, const QList<ServicePeriod> &periods);
    DomainResult<void> defineSlotLength(int minutes);
    DomainResult<void> defineTimeZone(const QString &ianaId);
    DomainResult<void> defineBookingHorizon(int days);
    DomainResult<void> defineTurnTimes(const QList<TurnTime> &turnTimes, int largerPartyMinutes);

    // NotFound when there is no such booking.
    DomainResult<Booking> booking(const BookingId &booking);
    // The bookings that start on a date in the restaurant's time zone, by start.
    DomainResult<QList<Booking>> bookings(const QDate &localDate);
    DomainResult<RestaurantSettings> settings();
    // At most Availability::MaxDays days, for a party of 1 to 50.
    DomainResult<QList<AvailableSlot>> availableSlots(const QDate &from, const QDate &to,
                                                      int partySize);

    // The random part of a new booking id, replaceable so that a test can
    // force an id collision.
    void setIdGenerator(std::function<BookingId()> generator);

private:
    struct Started
    {
        BookingId booking;
        QDateTime start;
    };
    using Decide = std::function<Booking::Decision(const Booking &, const QDateTime &now)>;
    using Initiate = std::function<Booking::Decision(const BookingId &, const RestaurantSettings &,
                                                     const QDateTime &now)>;
    template<typename Event>
    using DecideSettings = std::function<DomainResult<Event>(const RestaurantSettings &)>;

    DomainResult<BookingId> start(const Initiate &initiate);
    DomainResult<BookingId> startOnce(const Initiate &initiate, const QString &commandId);
    DomainResult<void> checkTable(const TableId &table, PartySize party, const TimeSpan &span,
                                  const RestaurantSettings &settings,
                                  const std::optional<BookingId> &except = std::nullopt);
    DomainResult<void> change(const BookingId &booking, const Decide &decide);
    // Loads the booking, decides and appends; the events appended.
    DomainResult<QList<DomainEvent>> appendDecision(const BookingId &booking, const Decide &decide);
    template<typename Event>
    DomainResult<void> changeSettings(const DecideSettings<Event> &decide);
    DomainResult<QList<Started>> startedBookings();

    EventStore &m_store;
    TableCatalog &m_tables;
    const Clock &m_clock;
    CommandContext m_context;
    std::function<BookingId()> m_generateId;
    // Every booking's start, as read so far, for bookings(date), and where
    // each booking is in it (a change moves its start).
    QList<Started> m_started;
    QHash<BookingId, qsizetype> m_startedIndex;
    qint64 m_startedPosition = 0;
    TimeGuard m_timeGuard;
};

} // namespace hoststand::booker
