#include "domain/booker/Booker.h"

#include "domain/Clock.h"
#include "domain/EventSourcing.h"
#include "domain/booker/Availability.h"
#include "domain/booker/TableCatalog.h"
#include "domain/contracts/EventCodec.h"
#include "eventstore/EventStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::booker {
namespace {

// The causation id of every event a command writes.
QString newCommandId()
{
    return newEventId().toString(QUuid::WithoutBraces);
}

constexpr qint64 PageSize = 1000;

} // namespace

Booker::Booker(EventStore &store, TableCatalog &tables, const Clock &clock, CommandContext context)
    : m_store(store)
    , m_tables(tables)
    , m_clock(clock)
    , m_context(std::move(context))
    , m_generateId(&BookingId::generate)
{ }

void Booker::setIdGenerator(std::function<BookingId()> generator)
{
    m_generateId = std::move(generator);
}

DomainResult<BookingId> Booker::book(const BookingRequest &request)
{
    return start(
        [&request](const BookingId &id, const RestaurantSettings &settings, const QDateTime &now) {
            return Booking::initiate(id, request, settings, now);
        });
}

DomainResult<BookingId> Booker::walkIn(const WalkInRequest &request)
{
    return start(
        [&request](const BookingId &id, const RestaurantSettings &settings, const QDateTime &now) {
            return Booking::walkIn(id, request, settings, now);
        });
}

// A conflict on a new booking's stream means its random id was taken:
// the retry draws a new one.
DomainResult<BookingId> Booker::start(const Initiate &initiate)
{
    const QString commandId = newCommandId();
    return EventSourcing::retryOnConflict<BookingId>(
        [&] { return startOnce(initiate, commandId); });
}

DomainResult<BookingId> Booker::startOnce(const Initiate &initiate, const QString &commandId)
{
    if (m_timeGuard) {
        if (auto refused = m_timeGuard())
            return *refused;
    }
    auto settings = this->settings();
    if (!settings.ok())
        return settings.error();
    const BookingId id = m_generateId();
    auto decision = initiate(id, settings.value(), m_clock.now());
    if (!decision.ok())
        return decision.error();
    const auto &initiated = std::get<TableBookingInitiated>(decision.value().constFirst());
    if (auto checked
        = checkTable(initiated.tableId, initiated.partySize, initiated.timeSlot, settings.value());
        !checked.ok())
        return checked.error();
    auto appended = EventSourcing::append(m_store, id.streamName(), decision.value(),
                                          ExpectedRevision::noStream(),
                                          m_context.metadata(id.toString(), commandId));
    if (!appended.ok())
        return appended.error();
    return id;
}

// Refuses what is visibly impossible before anything is written; the
// table manager's saga still decides when two terminals race.
DomainResult<void> Booker::checkTable(const TableId &table, PartySize party, const TimeSpan &span,
                                      const RestaurantSettings &settings,
                                      const std::optional<BookingId> &except)
{
    auto tables = m_tables.snapshot();
    if (!tables.ok())
        return tables.error();
    // The refusal names the guest in the way, read from their booking's
    // stream; a stream that cannot be read now leaves the booking's id.
    const auto guestName = [this](const BookingId &holder) -> std::optional<QString> {
        auto loaded = EventSourcing::load(m_store, holder.streamName());
        if (!loaded.ok())
            return std::nullopt;
        const Booking booking = Booking::fromEvents(holder, loaded.value().events);
        return booking.exists() ? std::optional(booking.guestName()) : std::nullopt;
    };
    if (auto error
        = Availability::checkTable(tables.value(), table, party, span, settings, guestName, except))
        return *error;
    return {};
}

DomainResult<void> Booker::cancel(const BookingId &booking)
{
    return change(booking, [](const Booking &b, const QDateTime &) { return b.cancel(); });
}

DomainResult<void> Booker::arrive(const BookingId &booking)
{
    return change(booking, [](const Booking &b, const QDateTime &now) { return b.arrive(now); });
}

DomainResult<void> Booker::seat(const BookingId &booking)
{
    return change(booking, [](const Booking &b, const QDateTime &now) { return b.seat(now); });
}

DomainResult<void> Booker::leave(const BookingId &booking)
{
    return change(booking, [](const Booking &b, const QDateTime &now) { return b.leave(now); });
}

DomainResult<void> Booker::noShow(const BookingId &booking)
{
    return change(booking,
                  [](const Booking &b, const QDateTime &now) { return b.markNoShow(now); });
}

DomainResult<std::optional<int>> Booker::changeBooking(const BookingId &booking,
                                                       const BookingChangeRequest &request)
{
    auto appended = appendDecision(
        booking, [&](const Booking &current, const QDateTime &now) -> Booking::Decision {
            auto settings = this->settings();
            if (!settings.ok())
                return settings.error();
            auto decision = current.change(request, settings.value(), now);
            if (!decision.ok() || decision.value().isEmpty())
                return decision;
            if (const auto *requested
                = std::get_if<BookingChangeRequested>(&decision.value().constFirst())) {
                if (auto checked = checkTable(requested->tableId, requested->partySize,
                                              requested->timeSlot, settings.value(), booking);
                    !checked.ok())
                    return checked.error();
            }
            return decision;
        });
    if (!appended.ok())
        return appended.error();
    for (const DomainEvent &event : std::as_const(appended.value())) {
        if (const auto *requested = std::get_if<BookingChangeRequested>(&event))
            return std::optional(requested->change);
    }
    return std::optional<int>();
}

DomainResult<void> Booker::change(const BookingId &booking, const Decide &decide)
{
    auto appended = appendDecision(booking, decide);
    if (!appended.ok())
        return appended.error();
    return {};
}

// A decision that writes nothing appends nothing.
DomainResult<QList<DomainEvent>> Booker::appendDecision(const BookingId &booking,
                                                        const Decide &decide)
{
    const QString commandId = newCommandId();
    return EventSourcing::retryOnConflict<QList<DomainEvent>>(
        [&]() -> DomainResult<QList<DomainEvent>> {
            auto loaded = EventSourcing::load(m_store, booking.streamName());
            if (!loaded.ok())
                return loaded.error();
            const Booking current = Booking::fromEvents(booking, loaded.value().events);
            if (m_timeGuard) {
                if (auto refused = m_timeGuard())
                    return *refused;
            }
            auto decision = decide(current, m_clock.now());
            if (!decision.ok() || decision.value().isEmpty())
                return decision;
            auto appended
                = EventSourcing::append(m_store, booking.streamName(), decision.value(),
                                        ExpectedRevision::exact(loaded.value().revision),
                                        m_context.metadata(booking.toString(), commandId));
            if (!appended.ok())
                return appended.error();
            return decision;
        });
}

DomainResult<void> Booker::defineServicePeriods(const QList<ServicePeriod> &periods)
{
    return changeSettings<ServicePeriodsDefined>(
        [&](const RestaurantSettings &s) { return s.defineServicePeriods(periods); });
}

DomainResult<void> Booker::defineServicePeriodsOn(int weekday, const QList<ServicePeriod> &periods)
{
    return changeSettings<ServicePeriodsDefined>(
        [&](const RestaurantSettings &s) { return s.defineServicePeriodsOn(weekday, periods); });
}

DomainResult<void> Booker::defineSlotLength(int minutes)
{
    return changeSettings<ServicePeriodsDefined>(
        [&](const RestaurantSettings &s) { return s.defineSlotLength(minutes); });
}

DomainResult<void> Booker::defineTimeZone(const QString &ianaId)
{
    return changeSettings<ServicePeriodsDefined>(
        [&](const RestaurantSettings &s) { return s.defineTimeZone(ianaId); });
}

DomainResult<void> Booker::defineBookingHorizon(int days)
{
    return changeSettings<ServicePeriodsDefined>(
        [&](const RestaurantSettings &s) { return s.defineBookingHorizon(days); });
}

DomainResult<void> Booker::defineTurnTimes(const QList<TurnTime> &turnTimes, int largerPartyMinutes)
{
    return changeSettings<TurnTimesDefined>([&](const RestaurantSettings &s) {
        return s.defineTurnTimes(turnTimes, largerPartyMinutes);
    });
}

template<typename Event>
DomainResult<void> Booker::changeSettings(const DecideSettings<Event> &decide)
{
    const QString commandId = newCommandId();
    return EventSourcing::retryOnConflict<void>([&]() -> DomainResult<void> {
        auto loaded = EventSourcing::load(m_store, SettingsStream);
        if (!loaded.ok())
            return loaded.error();
        auto decision = decide(RestaurantSettings::fromEvents(loaded.value().events));
        if (!decision.ok())
            return decision.error();
        auto appended
            = EventSourcing::append(m_store, SettingsStream, {DomainEvent(decision.value())},
                                    ExpectedRevision::exact(loaded.value().revision),
                                    m_context.metadata(commandId, commandId));
        if (!appended.ok())
            return appended.error();
        return {};
    });
}

DomainResult<Booking> Booker::booking(const BookingId &booking)
{
    auto loaded = EventSourcing::load(m_store, booking.streamName());
    if (!loaded.ok())
        return loaded.error();
    Booking found = Booking::fromEvents(booking, loaded.value().events);
    if (!found.exists())
        return DomainError(DomainError::Code::NotFound,
                           u"There is no booking %1."_s.arg(booking.toString()));
    return found;
}

DomainResult<QList<Booking>> Booker::bookings(const QDate &localDate)
{
    auto settings = this->settings();
    if (!settings.ok())
        return settings.error();
    auto started = startedBookings();
    if (!started.ok())
        return started.error();
    QList<Booking> found;
    for (const Started &entry : started.value()) {
        if (settings.value().localDate(entry.start) != localDate)
            continue;
        auto loaded = booking(entry.booking);
        if (!loaded.ok())
            return loaded.error();
        found.append(std::move(loaded).value());
    }
    std::stable_sort(found.begin(), found.end(), [](const Booking &a, const Booking &b) {
        return a.span().start() != b.span().start() ? a.span().start() < b.span().start()
                                                    : a.id() < b.id();
    });
    return found;
}

// Reads on from the last initiation or change seen: what was read once
// stays true until a later change, read in its turn.
DomainResult<QList<Booker::Started>> Booker::startedBookings()
{
    const ReadAllFilter filter = ReadAllFilter::byEventType(
        {TableBookingInitiated::Type.toString(), BookingChanged::Type.toString()});
    for (;;) {
        auto page = m_store.readAll(m_startedPosition, PageSize, filter);
        if (!page.ok())
            return DomainError::fromStore(page.error());
        for (const RecordedEvent &recorded : page.value()) {
            auto decoded = EventCodec::decode(recorded);
            if (!decoded.ok())
                return DomainError(DomainError::Code::StoreFailure,
                                   u"The store holds a booking this version cannot read "
                                   u"(position %1): %2"_s.arg(recorded.position)
                                       .arg(decoded.error().message));
            if (const auto *initiated = std::get_if<TableBookingInitiated>(&decoded.value())) {
                m_startedIndex.insert(initiated->bookingId, m_started.size());
                m_started.append({initiated->bookingId, initiated->timeSlot.start()});
            } else if (const auto *changed = std::get_if<BookingChanged>(&decoded.value())) {
                if (const auto at = m_startedIndex.constFind(changed->bookingId);
                    at != m_startedIndex.cend())
                    m_started[*at].start = changed->timeSlot.start();
            }
            m_startedPosition = recorded.position;
        }
        if (page.value().size() < PageSize)
            return m_started;
    }
}

DomainResult<RestaurantSettings> Booker::settings()
{
    auto loaded = EventSourcing::load(m_store, SettingsStream);
    if (!loaded.ok())
        return loaded.error();
    return RestaurantSettings::fromEvents(loaded.value().events);
}

DomainResult<QList<AvailableSlot>> Booker::availableSlots(const QDate &from, const QDate &to,
                                                          int partySize)
{
    if (auto error = Availability::checkRange(from, to))
        return *error;
    auto party = PartySize::create(partySize);
    if (!party.ok())
        return party.error();
    auto settings = this->settings();
    if (!settings.ok())
        return settings.error();
    auto tables = m_tables.snapshot();
    if (!tables.ok())
        return tables.error();
    return Availability::freeSlots(settings.value(), tables.value(), from, to, party.value(),
                                   m_clock.now());
}

} // namespace hoststand::booker
