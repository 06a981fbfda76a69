#include "domain/contracts/EventCodec.h"

#include "domain/contracts/JsonReader.h"
#include "domain/contracts/JsonWriter.h"
#include "domain/contracts/Upcasters.h"
#include "eventstore/JsonDocument.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

// The round trip on encode: on unless NDEBUG, or as the build defines it.
#ifndef HOSTSTAND_CODEC_ROUND_TRIP
#ifdef NDEBUG
#define HOSTSTAND_CODEC_ROUND_TRIP false
#else
#define HOSTSTAND_CODEC_ROUND_TRIP true
#endif
#endif

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// --- What both directions check -----------------------------------------
// The encoder refuses what the decoder would, so nothing is written that
// cannot be read again.

std::optional<QString> weekdayProblem(qint64 weekday)
{
    if (weekday < 1 || weekday > 7)
        return u"a weekday is 1 (Monday) to 7 (Sunday)"_s;
    return std::nullopt;
}

std::optional<QString> slotMinutesProblem(qint64 minutes)
{
    if (minutes < 5 || minutes > 120)
        return u"a slot is 5 to 120 minutes long"_s;
    return std::nullopt;
}

std::optional<QString> turnMinutesProblem(qint64 minutes)
{
    if (minutes < 5 || minutes > 24 * 60)
        return u"a turn time lasts 5 to 1440 minutes"_s;
    return std::nullopt;
}

std::optional<QString> turnTimeProblem(qint64 maxPartySize, qint64 minutes)
{
    if (maxPartySize < 1 || maxPartySize > 50 || turnMinutesProblem(minutes))
        return u"a turn time is for parties of 1 to 50 and lasts 5 to 1440 minutes"_s;
    return std::nullopt;
}

std::optional<QString> horizonProblem(qint64 days)
{
    if (days < ServicePeriodsDefined::MinHorizonDays
        || days > ServicePeriodsDefined::MaxHorizonDays)
        return u"bookings are taken %1 to %2 days ahead"_s
            .arg(ServicePeriodsDefined::MinHorizonDays)
            .arg(ServicePeriodsDefined::MaxHorizonDays);
    return std::nullopt;
}

// A booking's changes count from 1; a lock's 0 is the booking as initiated.
std::optional<QString> changeProblem(qint64 change, int first)
{
    if (change < first || change > std::numeric_limits<int>::max())
        return u"a change is numbered from %1"_s.arg(first);
    return std::nullopt;
}

// --- Encoding -------------------------------------------------------------

// A value with a problem is not written; the writer keeps the problem.
void check(JsonWriter &w, QLatin1StringView key, const std::optional<QString> &problem)
{
    if (problem)
        w.fail(key, *problem);
}

// An enumerator's name; an empty one is a value outside the enumeration.
void writeName(JsonWriter &w, QLatin1StringView key, const QString &name)
{
    if (name.isEmpty())
        w.fail(key, u"not one of the names the codec knows"_s);
    else
        w.string(key, name);
}

void writeTimeSlot(JsonWriter &w, const TimeSpan &span)
{
    w.object("timeSlot"_L1, [&](JsonWriter &inner) {
        inner.dateTime("from"_L1, span.start());
        inner.dateTime("to"_L1, span.end());
    });
}

void writeLayout(JsonWriter &w, const TableLayout &layout)
{
    w.object("layout"_L1, [&](JsonWriter &inner) {
        if (auto invalid = layout.validate())
            inner.fail({}, invalid->message());
        inner.string("zone"_L1, layout.zone);
        writeName(inner, "shape"_L1, toString(layout.shape));
        inner.number("x"_L1, layout.x);
        inner.number("y"_L1, layout.y);
        inner.number("width"_L1, layout.width);
        inner.number("height"_L1, layout.height);
        inner.number("rotation"_L1, layout.rotation);
    });
}

void writeBookingAndTable(JsonWriter &w, const BookingId &booking, const TableId &table)
{
    w.string("bookingId"_L1, booking.toString());
    w.string("tableId"_L1, table.toString());
}

void write(JsonWriter &w, const TableAdded &e)
{
    w.string("tableId"_L1, e.tableId.toString());
    w.integer("seats"_L1, e.seats.value());
    writeLayout(w, e.layout);
}

void write(JsonWriter &w, const TableMoved &e)
{
    w.string("tableId"_L1, e.tableId.toString());
    writeLayout(w, e.layout);
}

void write(JsonWriter &w, const TableSeatsChanged &e)
{
    w.string("tableId"_L1, e.tableId.toString());
    w.integer("seats"_L1, e.seats.value());
    w.integer("previousSeats"_L1, e.previousSeats.value());
}

void write(JsonWriter &w, const TableRemoved &e)
{
    w.string("tableId"_L1, e.tableId.toString());
}

void writeChange(JsonWriter &w, int change, int first)
{
    check(w, "change"_L1, changeProblem(change, first));
    w.integer("change"_L1, change);
}

void write(JsonWriter &w, const TableLockPlaced &e)
{
    w.string("tableId"_L1, e.tableId.toString());
    w.string("bookingId"_L1, e.bookingId.toString());
    writeTimeSlot(w, e.span);
    w.integer("partySize"_L1, e.partySize.value());
    writeChange(w, e.change, 0);
}

void write(JsonWriter &w, const TableLockPlacementFailed &e)
{
    w.string("tableId"_L1, e.tableId.toString());
    w.string("bookingId"_L1, e.bookingId.toString());
    writeTimeSlot(w, e.span);
    w.integer("partySize"_L1, e.partySize.value());
    writeName(w, "reason"_L1, toString(e.reason));
    w.string("message"_L1, e.message);
    w.stringList("conflictingBookings"_L1, e.conflictingBookings);
    writeChange(w, e.change, 0);
}

void write(JsonWriter &w, const TableLockRemoved &e)
{
    w.string("tableId"_L1, e.tableId.toString());
    w.string("bookingId"_L1, e.bookingId.toString());
    writeName(w, "reason"_L1, toString(e.reason));
}

void write(JsonWriter &w, const TableBookingInitiated &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    writeTimeSlot(w, e.timeSlot);
    w.integer("partySize"_L1, e.partySize.value());
    w.string("guestName"_L1, e.guestName);
    w.string("phone"_L1, e.phone);
    w.string("note"_L1, e.note);
    w.boolean("walkIn"_L1, e.walkIn);
}

void write(JsonWriter &w, const TableBookingConfirmed &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
}

void write(JsonWriter &w, const TableBookingRejected &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    writeName(w, "reason"_L1, toString(e.reason));
    w.string("message"_L1, e.message);
}

void write(JsonWriter &w, const TableBookingCancelled &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
}

void write(JsonWriter &w, const GuestArrived &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    w.dateTime("at"_L1, e.at);
}

void write(JsonWriter &w, const PartySeated &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    w.dateTime("at"_L1, e.at);
}

void write(JsonWriter &w, const PartyLeft &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    w.dateTime("at"_L1, e.at);
}

void write(JsonWriter &w, const BookingNoShow &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
}

// A booking's change, as requested or as made.
template<typename Event>
void writeBookingChange(JsonWriter &w, const Event &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    writeChange(w, e.change, 1);
    w.string("previousTableId"_L1, e.previousTableId.toString());
    writeTimeSlot(w, e.timeSlot);
    w.integer("partySize"_L1, e.partySize.value());
    w.string("guestName"_L1, e.guestName);
    w.string("phone"_L1, e.phone);
    w.string("note"_L1, e.note);
}

void write(JsonWriter &w, const BookingChangeRequested &e)
{
    writeBookingChange(w, e);
}

void write(JsonWriter &w, const BookingChanged &e)
{
    writeBookingChange(w, e);
}

void write(JsonWriter &w, const BookingChangeRejected &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    writeChange(w, e.change, 1);
    writeName(w, "reason"_L1, toString(e.reason));
    w.string("message"_L1, e.message);
}

void write(JsonWriter &w, const BookingDetailsChanged &e)
{
    writeBookingAndTable(w, e.bookingId, e.tableId);
    w.string("guestName"_L1, e.guestName);
    w.string("phone"_L1, e.phone);
    w.string("note"_L1, e.note);
}

void write(JsonWriter &w, const ServicePeriodsDefined &e)
{
    w.objects("periods"_L1, e.periods, [](JsonWriter &inner, const ServicePeriod &period) {
        check(inner, "weekday"_L1, weekdayProblem(period.weekday));
        inner.integer("weekday"_L1, period.weekday);
        inner.string("name"_L1, period.name);
        inner.time("start"_L1, period.start);
        inner.time("end"_L1, period.end);
    });
    check(w, "slotMinutes"_L1, slotMinutesProblem(e.slotMinutes));
    w.integer("slotMinutes"_L1, e.slotMinutes);
    w.string("timeZone"_L1, e.timeZone);
    check(w, "bookingHorizonDays"_L1, horizonProblem(e.bookingHorizonDays));
    w.integer("bookingHorizonDays"_L1, e.bookingHorizonDays);
}

void write(JsonWriter &w, const TurnTimesDefined &e)
{
    w.objects("turnTimes"_L1, e.turnTimes, [](JsonWriter &inner, const TurnTime &turn) {
        check(inner, {}, turnTimeProblem(turn.maxPartySize, turn.minutes));
        inner.integer("maxPartySize"_L1, turn.maxPartySize);
        inner.integer("minutes"_L1, turn.minutes);
    });
    check(w, "largerPartyMinutes"_L1, turnMinutesProblem(e.largerPartyMinutes));
    w.integer("largerPartyMinutes"_L1, e.largerPartyMinutes);
}

// --- Decoding -------------------------------------------------------------

std::optional<TableId> readTableId(JsonReader &reader)
{
    auto text = reader.string("tableId"_L1);
    return text ? reader.check("tableId"_L1, TableId::create(*text)) : std::nullopt;
}

std::optional<BookingId> readBookingId(JsonReader &reader)
{
    auto text = reader.string("bookingId"_L1);
    return text ? reader.check("bookingId"_L1, BookingId::create(*text)) : std::nullopt;
}

template<typename CountType>
std::optional<CountType> readCount(JsonReader &reader, QLatin1StringView key)
{
    auto number = reader.integer(key);
    return number ? reader.check(key, CountType::create(*number)) : std::nullopt;
}

std::optional<TimeSpan> readTimeSlot(JsonReader &reader)
{
    auto inner = reader.object("timeSlot"_L1);
    if (!inner)
        return std::nullopt;
    auto from = inner->dateTime("from"_L1);
    auto to = inner->dateTime("to"_L1);
    if (inner->finish())
        return std::nullopt;
    return reader.check("timeSlot"_L1, TimeSpan::create(*from, *to));
}

std::optional<TableLayout> readLayout(JsonReader &reader)
{
    auto inner = reader.object("layout"_L1);
    if (!inner)
        return std::nullopt;
    auto zone = inner->string("zone"_L1);
    auto shapeText = inner->string("shape"_L1);
    auto x = inner->number("x"_L1);
    auto y = inner->number("y"_L1);
    auto width = inner->number("width"_L1);
    auto height = inner->number("height"_L1);
    auto rotation = inner->number("rotation"_L1);
    if (inner->finish())
        return std::nullopt;
    auto shape = tableShapeFromString(*shapeText);
    if (!shape) {
        inner->fail("shape"_L1, u"unknown shape \"%1\""_s.arg(*shapeText));
        return std::nullopt;
    }
    TableLayout layout {*zone, *shape, *x, *y, *width, *height, *rotation};
    if (auto invalid = layout.validate()) {
        reader.fail("layout"_L1, invalid->message());
        return std::nullopt;
    }
    return layout;
}

std::optional<int> readChange(JsonReader &reader, int first)
{
    auto change = reader.integer("change"_L1);
    if (!change)
        return std::nullopt;
    if (auto problem = changeProblem(*change, first)) {
        reader.fail("change"_L1, *problem);
        return std::nullopt;
    }
    return int(*change);
}

template<typename Reason>
std::optional<Reason> readReason(JsonReader &reader,
                                 std::optional<Reason> (*parse)(const QString &))
{
    auto text = reader.string("reason"_L1);
    if (!text)
        return std::nullopt;
    auto reason = parse(*text);
    if (!reason)
        reader.fail("reason"_L1, u"unknown reason \"%1\""_s.arg(*text));
    return reason;
}

// Each decoder reads every field, then builds the event only if all were good.
template<typename Event>
struct Decoder;

template<>
struct Decoder<TableAdded>
{
    static std::optional<TableAdded> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        auto seats = readCount<SeatCount>(r, "seats"_L1);
        auto layout = readLayout(r);
        if (!r.ok())
            return std::nullopt;
        return TableAdded {*tableId, *seats, *layout};
    }
};

template<>
struct Decoder<TableMoved>
{
    static std::optional<TableMoved> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        auto layout = readLayout(r);
        if (!r.ok())
            return std::nullopt;
        return TableMoved {*tableId, *layout};
    }
};

template<>
struct Decoder<TableSeatsChanged>
{
    static std::optional<TableSeatsChanged> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        auto seats = readCount<SeatCount>(r, "seats"_L1);
        auto previous = readCount<SeatCount>(r, "previousSeats"_L1);
        if (!r.ok())
            return std::nullopt;
        return TableSeatsChanged {*tableId, *seats, *previous};
    }
};

template<>
struct Decoder<TableRemoved>
{
    static std::optional<TableRemoved> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        if (!r.ok())
            return std::nullopt;
        return TableRemoved {*tableId};
    }
};

template<>
struct Decoder<TableLockPlaced>
{
    static std::optional<TableLockPlaced> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        auto bookingId = readBookingId(r);
        auto span = readTimeSlot(r);
        auto party = readCount<PartySize>(r, "partySize"_L1);
        auto change = readChange(r, 0);
        if (!r.ok())
            return std::nullopt;
        return TableLockPlaced {*tableId, *bookingId, *span, *party, *change};
    }
};

template<>
struct Decoder<TableLockPlacementFailed>
{
    static std::optional<TableLockPlacementFailed> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        auto bookingId = readBookingId(r);
        auto span = readTimeSlot(r);
        auto party = readCount<PartySize>(r, "partySize"_L1);
        auto reason = readReason<LockFailureReason>(r, lockFailureReasonFromString);
        auto message = r.string("message"_L1);
        auto conflicting = r.stringList("conflictingBookings"_L1);
        auto change = readChange(r, 0);
        if (!r.ok())
            return std::nullopt;
        return TableLockPlacementFailed {*tableId, *bookingId, *span,        *party,
                                         *reason,  *message,   *conflicting, *change};
    }
};

template<>
struct Decoder<TableLockRemoved>
{
    static std::optional<TableLockRemoved> read(JsonReader &r)
    {
        auto tableId = readTableId(r);
        auto bookingId = readBookingId(r);
        auto reason = readReason<LockRemovalReason>(r, lockRemovalReasonFromString);
        if (!r.ok())
            return std::nullopt;
        return TableLockRemoved {*tableId, *bookingId, *reason};
    }
};

template<>
struct Decoder<TableBookingInitiated>
{
    static std::optional<TableBookingInitiated> read(JsonReader &r)
    {
        auto bookingId = readBookingId(r);
        auto tableId = readTableId(r);
        auto span = readTimeSlot(r);
        auto party = readCount<PartySize>(r, "partySize"_L1);
        auto guestName = r.string("guestName"_L1);
        auto phone = r.string("phone"_L1);
        auto note = r.string("note"_L1);
        auto walkIn = r.boolean("walkIn"_L1);
        if (!r.ok())
            return std::nullopt;
        return TableBookingInitiated {*bookingId, *tableId, *span, *party,
                                      *guestName, *phone,   *note, *walkIn};
    }
};

// The events that carry only the booking and its table.
template<typename Event>
std::optional<Event> readBookingAndTable(JsonReader &r)
{
    auto bookingId = readBookingId(r);
    auto tableId = readTableId(r);
    if (!r.ok())
        return std::nullopt;
    return Event {*bookingId, *tableId};
}

// The events that carry the booking, its table and a moment.
template<typename Event>
std::optional<Event> readBookingTableAndMoment(JsonReader &r)
{
    auto bookingId = readBookingId(r);
    auto tableId = readTableId(r);
    auto at = r.dateTime("at"_L1);
    if (!r.ok())
        return std::nullopt;
    return Event {*bookingId, *tableId, *at};
}

template<>
struct Decoder<TableBookingConfirmed>
{
    static std::optional<TableBookingConfirmed> read(JsonReader &r)
    {
        return readBookingAndTable<TableBookingConfirmed>(r);
    }
};

template<>
struct Decoder<TableBookingRejected>
{
    static std::optional<TableBookingRejected> read(JsonReader &r)
    {
        auto bookingId = readBookingId(r);
        auto tableId = readTableId(r);
        auto reason = readReason<LockFailureReason>(r, lockFailureReasonFromString);
        auto message = r.string("message"_L1);
        if (!r.ok())
            return std::nullopt;
        return TableBookingRejected {*bookingId, *tableId, *reason, *message};
    }
};

template<>
struct Decoder<TableBookingCancelled>
{
    static std::optional<TableBookingCancelled> read(JsonReader &r)
    {
        return readBookingAndTable<TableBookingCancelled>(r);
    }
};

template<>
struct Decoder<GuestArrived>
{
    static std::optional<GuestArrived> read(JsonReader &r)
    {
        return readBookingTableAndMoment<GuestArrived>(r);
    }
};

template<>
struct Decoder<PartySeated>
{
    static std::optional<PartySeated> read(JsonReader &r)
    {
        return readBookingTableAndMoment<PartySeated>(r);
    }
};

template<>
struct Decoder<PartyLeft>
{
    static std::optional<PartyLeft> read(JsonReader &r)
    {
        return readBookingTableAndMoment<PartyLeft>(r);
    }
};

template<>
struct Decoder<BookingNoShow>
{
    static std::optional<BookingNoShow> read(JsonReader &r)
    {
        return readBookingAndTable<BookingNoShow>(r);
    }
};

template<typename Event>
std::optional<Event> readBookingChange(JsonReader &r)
{
    auto bookingId = readBookingId(r);
    auto tableId = readTableId(r);
    auto change = readChange(r, 1);
    auto previousText = r.string("previousTableId"_L1);
    auto previous = previousText ? r.check("previousTableId"_L1, TableId::create(*previousText))
                                 : std::nullopt;
    auto span = readTimeSlot(r);
    auto party = readCount<PartySize>(r, "partySize"_L1);
    auto guestName = r.string("guestName"_L1);
    auto phone = r.string("phone"_L1);
    auto note = r.string("note"_L1);
    if (!r.ok())
        return std::nullopt;
    return Event {*bookingId, *change,    *tableId, *previous, *span,
                  *party,     *guestName, *phone,   *note};
}

template<>
struct Decoder<BookingChangeRequested>
{
    static std::optional<BookingChangeRequested> read(JsonReader &r)
    {
        return readBookingChange<BookingChangeRequested>(r);
    }
};

template<>
struct Decoder<BookingChanged>
{
    static std::optional<BookingChanged> read(JsonReader &r)
    {
        return readBookingChange<BookingChanged>(r);
    }
};

template<>
struct Decoder<BookingChangeRejected>
{
    static std::optional<BookingChangeRejected> read(JsonReader &r)
    {
        auto bookingId = readBookingId(r);
        auto tableId = readTableId(r);
        auto change = readChange(r, 1);
        auto reason = readReason<ChangeRejectionReason>(r, changeRejectionReasonFromString);
        auto message = r.string("message"_L1);
        if (!r.ok())
            return std::nullopt;
        return BookingChangeRejected {*bookingId, *change, *tableId, *reason, *message};
    }
};

template<>
struct Decoder<BookingDetailsChanged>
{
    static std::optional<BookingDetailsChanged> read(JsonReader &r)
    {
        auto bookingId = readBookingId(r);
        auto tableId = readTableId(r);
        auto guestName = r.string("guestName"_L1);
        auto phone = r.string("phone"_L1);
        auto note = r.string("note"_L1);
        if (!r.ok())
            return std::nullopt;
        return BookingDetailsChanged {*bookingId, *tableId, *guestName, *phone, *note};
    }
};

std::optional<ServicePeriod> readServicePeriod(JsonReader &inner)
{
    auto weekday = inner.integer("weekday"_L1);
    auto name = inner.string("name"_L1);
    auto start = inner.time("start"_L1);
    auto end = inner.time("end"_L1);
    if (inner.finish())
        return std::nullopt;
    if (auto problem = weekdayProblem(*weekday)) {
        inner.fail("weekday"_L1, *problem);
        return std::nullopt;
    }
    return ServicePeriod {int(*weekday), *name, *start, *end};
}

template<>
struct Decoder<ServicePeriodsDefined>
{
    static std::optional<ServicePeriodsDefined> read(JsonReader &r)
    {
        auto readers = r.objects("periods"_L1);
        auto slotMinutes = r.integer("slotMinutes"_L1);
        auto timeZone = r.string("timeZone"_L1);
        auto horizonDays = r.integer("bookingHorizonDays"_L1);
        if (!r.ok())
            return std::nullopt;
        QList<ServicePeriod> periods;
        for (JsonReader &inner : *readers) {
            auto period = readServicePeriod(inner);
            if (!period)
                return std::nullopt;
            periods.append(*period);
        }
        if (auto problem = slotMinutesProblem(*slotMinutes)) {
            r.fail("slotMinutes"_L1, *problem);
            return std::nullopt;
        }
        if (auto problem = horizonProblem(*horizonDays)) {
            r.fail("bookingHorizonDays"_L1, *problem);
            return std::nullopt;
        }
        return ServicePeriodsDefined {periods, int(*slotMinutes), *timeZone, int(*horizonDays)};
    }
};

std::optional<TurnTime> readTurnTime(JsonReader &inner)
{
    auto maxParty = inner.integer("maxPartySize"_L1);
    auto minutes = inner.integer("minutes"_L1);
    if (inner.finish())
        return std::nullopt;
    if (auto problem = turnTimeProblem(*maxParty, *minutes)) {
        inner.fail({}, *problem);
        return std::nullopt;
    }
    return TurnTime {int(*maxParty), int(*minutes)};
}

template<>
struct Decoder<TurnTimesDefined>
{
    static std::optional<TurnTimesDefined> read(JsonReader &r)
    {
        auto readers = r.objects("turnTimes"_L1);
        auto larger = r.integer("largerPartyMinutes"_L1);
        if (!r.ok())
            return std::nullopt;
        QList<TurnTime> turnTimes;
        for (JsonReader &inner : *readers) {
            auto turn = readTurnTime(inner);
            if (!turn)
                return std::nullopt;
            turnTimes.append(*turn);
        }
        if (auto problem = turnMinutesProblem(*larger)) {
            r.fail("largerPartyMinutes"_L1, *problem);
            return std::nullopt;
        }
        return TurnTimesDefined {turnTimes, int(*larger)};
    }
};

template<typename Event>
DecodeResult<DomainEvent> decodeAs(simdjson::dom::element data)
{
    JsonReader reader(data, Event::Type);
    std::optional<Event> event = Decoder<Event>::read(reader);
    if (auto error = reader.finish())
        return DecodeError {*error};
    return DomainEvent(std::move(*event));
}

using DecodeFunction = DecodeResult<DomainEvent> (*)(simdjson::dom::element);

struct TypeEntry
{
    QStringView type;
    int version;
    DecodeFunction decode;
};

template<typename... Events>
constexpr std::array<TypeEntry, sizeof...(Events)> entriesFor(std::variant<Events...> *)
{
    return {TypeEntry {Events::Type, Events::Version, &decodeAs<Events>}...};
}

constexpr auto Catalogue = entriesFor(static_cast<DomainEvent *>(nullptr));

const TypeEntry *findEntry(QStringView type)
{
    for (const TypeEntry &entry : Catalogue) {
        if (entry.type == type)
            return &entry;
    }
    return nullptr;
}

std::optional<DecodeError> checkVersion(const QString &type, int version, const TypeEntry *entry)
{
    if (!entry)
        return DecodeError {u"Unknown event type \"%1\"."_s.arg(type)};
    if (version < 1)
        return DecodeError {u"%1: version %2 is not a schema version."_s.arg(type).arg(version)};
    if (version > entry->version)
        return DecodeError {u"%1: version %2 was written by a newer Hoststand (this one reads up "
                            u"to version %3)."_s.arg(type)
                                .arg(version)
                                .arg(entry->version)};
    return std::nullopt;
}

// The document each thread decodes events in, its memory kept from one
// event to the next.
JsonDocument &threadDocument()
{
    thread_local JsonDocument document;
    return document;
}

// The first field there twice in any object of the data, as a path
// ("timeSlot.from"): an older version's data goes through QJsonObject for
// its upcasters, which would keep only one of the two.
std::optional<QString> fieldThereTwice(const simdjson::dom::element &value, const QString &path)
{
    if (value.is_array()) {
        const simdjson::dom::array items = value.get_array().value_unsafe();
        for (const simdjson::dom::element item : items) {
            if (auto twice = fieldThereTwice(item, path))
                return twice;
        }
        return std::nullopt;
    }
    if (!value.is_object())
        return std::nullopt;
    std::vector<std::string_view> keys;
    // Held by name: a range over the temporary result would outlive it.
    const simdjson::dom::object fields = value.get_object().value_unsafe();
    for (const simdjson::dom::key_value_pair field : fields) {
        const QString name = path.isEmpty()
            ? QString::fromUtf8(field.key.data(), qsizetype(field.key.size()))
            : path + u'.' + QString::fromUtf8(field.key.data(), qsizetype(field.key.size()));
        if (std::find(keys.cbegin(), keys.cend(), field.key) != keys.cend())
            return name;
        keys.push_back(field.key);
        if (auto twice = fieldThereTwice(field.value, name))
            return twice;
    }
    return std::nullopt;
}

// Runs older data through the upcasters and decodes the result.
DecodeResult<DomainEvent> upcastAndDecode(const QString &type, int version, QJsonObject data,
                                          const TypeEntry &entry)
{
    for (int v = version; v < entry.version; ++v) {
        const Upcaster upcast = Upcasters::find(type, v);
        if (!upcast)
            return DecodeError {u"%1: no upcaster from version %2."_s.arg(type).arg(v)};
        data = upcast(data);
    }
    JsonDocument &document = threadDocument();
    if (auto problem = document.parse(QJsonDocument(data).toJson(QJsonDocument::Compact)))
        return DecodeError {u"%1: %2"_s.arg(type, *problem)};
    return entry.decode(document.root());
}

// The schema version in the metadata: 1 when absent, nothing when the
// metadata is not an object or its version not a whole number.
std::optional<int> schemaVersion(const QByteArray &metadata)
{
    if (metadata.isEmpty())
        return 1;
    JsonDocument &document = threadDocument();
    if (document.parse(metadata) || !document.isObject())
        return std::nullopt;
    simdjson::dom::element version;
    if (document.root().at_key(EventCodec::SchemaVersionField).get(version))
        return 1;
    return EventCodec::schemaVersionOf(version);
}

} // namespace

QString EventCodec::typeOf(const DomainEvent &event)
{
    return std::visit([](const auto &e) { return std::decay_t<decltype(e)>::Type.toString(); },
                      event);
}

QStringList EventCodec::knownTypes()
{
    QStringList types;
    for (const TypeEntry &entry : Catalogue)
        types.append(entry.type.toString());
    return types;
}

std::optional<int> EventCodec::currentVersion(const QString &type)
{
    const TypeEntry *entry = findEntry(type);
    return entry ? std::optional(entry->version) : std::nullopt;
}

EncodeResult<QJsonObject> EventCodec::encode(const DomainEvent &event)
{
    JsonWriter writer(std::visit(
        [](const auto &e) { return QStringView(std::decay_t<decltype(e)>::Type); }, event));
    std::visit([&writer](const auto &e) { write(writer, e); }, event);
    if (const std::optional<QString> &problem = writer.problem())
        return EncodeError {*problem};
    if (checksRoundTrip()) {
        if (auto differs = checkRoundTrip(event, writer.written()))
            return *differs;
    }
    return writer.written();
}

std::optional<int> EventCodec::schemaVersionOf(const simdjson::dom::element &value)
{
    constexpr qint64 Largest = 1'000'000'000;
    if (value.is_int64()) {
        const qint64 version = value.get_int64().value_unsafe();
        return std::abs(version) <= Largest ? std::optional(int(version)) : std::nullopt;
    }
    if (value.is_double()) {
        const double version = value.get_double().value_unsafe();
        if (std::trunc(version) == version && std::abs(version) <= double(Largest))
            return int(version);
    }
    return std::nullopt;
}

bool EventCodec::checksRoundTrip()
{
    return HOSTSTAND_CODEC_ROUND_TRIP;
}

std::optional<EncodeError> EventCodec::checkRoundTrip(const DomainEvent &event,
                                                      const QJsonObject &data)
{
    const QString type = typeOf(event);
    auto decoded = decode(type, *currentVersion(type), data);
    if (decoded.ok() && decoded.value() == event)
        return std::nullopt;
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (!decoded.ok())
        return EncodeError {u"%1 would be written as %2, which cannot be read back: %3"_s.arg(
            type, json, decoded.error().message)};
    return EncodeError {
        u"%1 would be written as %2, which reads back as a different event."_s.arg(type, json)};
}

DecodeResult<DomainEvent> EventCodec::decode(const QString &type, int version,
                                             const QJsonObject &data)
{
    const TypeEntry *entry = findEntry(type);
    if (auto error = checkVersion(type, version, entry))
        return *error;
    return upcastAndDecode(type, version, data, *entry);
}

DecodeResult<DomainEvent> EventCodec::decode(const RecordedEvent &event)
{
    const TypeEntry *entry = findEntry(event.type);
    const std::optional<int> version = schemaVersion(event.metadata);
    if (!version)
        return DecodeError {
            u"%1 at position %2: the metadata has no valid schema version."_s.arg(event.type)
                .arg(event.position)};
    if (auto error = checkVersion(event.type, *version, entry))
        return *error;
    JsonDocument &data = threadDocument();
    const std::optional<QString> problem = data.parse(event.data);
    if (problem || !data.isObject())
        return DecodeError {u"%1 at position %2: the data is not a JSON object%3."_s.arg(event.type)
                                .arg(event.position)
                                .arg(problem ? u" (%1)"_s.arg(*problem) : QString())};
    if (*version == entry->version)
        return entry->decode(data.root());
    if (auto twice = fieldThereTwice(data.root(), {}))
        return DecodeError {u"%1.%2: the field is there twice"_s.arg(event.type, *twice)};
    return upcastAndDecode(event.type, *version, QJsonDocument::fromJson(event.data).object(),
                           *entry);
}

EncodeResult<EventData> EventCodec::toEventData(const DomainEvent &event,
                                                const EventMetadata &metadata, QUuid id)
{
    auto data = encode(event);
    if (!data.ok())
        return data.error();
    QJsonObject meta = metadata.toJson();
    const QString type = typeOf(event);
    meta.insert(SchemaVersionKey, *currentVersion(type));
    return EventData::fromJson(type, data.value(), meta, id);
}

} // namespace hoststand
