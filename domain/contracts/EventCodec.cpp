#include "domain/contracts/EventCodec.h"

#include "domain/contracts/JsonReader.h"
#include "domain/contracts/Upcasters.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// --- Encoding -------------------------------------------------------------

QJsonObject toJson(const TimeSpan &span)
{
    return {{u"from"_s, toIsoUtc(span.start())}, {u"to"_s, toIsoUtc(span.end())}};
}

QJsonObject toJson(const TableLayout &layout)
{
    return {{u"zone"_s, layout.zone},
            {u"shape"_s, toString(layout.shape)},
            {u"x"_s, layout.x},
            {u"y"_s, layout.y},
            {u"width"_s, layout.width},
            {u"height"_s, layout.height},
            {u"rotation"_s, layout.rotation}};
}

QJsonObject toJson(const TableAdded &e)
{
    return {{u"tableId"_s, e.tableId.toString()},
            {u"seats"_s, e.seats.value()},
            {u"layout"_s, toJson(e.layout)}};
}

QJsonObject toJson(const TableMoved &e)
{
    return {{u"tableId"_s, e.tableId.toString()}, {u"layout"_s, toJson(e.layout)}};
}

QJsonObject toJson(const TableSeatsChanged &e)
{
    return {{u"tableId"_s, e.tableId.toString()},
            {u"seats"_s, e.seats.value()},
            {u"previousSeats"_s, e.previousSeats.value()}};
}

QJsonObject toJson(const TableRemoved &e)
{
    return {{u"tableId"_s, e.tableId.toString()}};
}

QJsonObject toJson(const TableLockPlaced &e)
{
    return {{u"tableId"_s, e.tableId.toString()},
            {u"bookingId"_s, e.bookingId.toString()},
            {u"timeSlot"_s, toJson(e.span)},
            {u"partySize"_s, e.partySize.value()}};
}

QJsonObject toJson(const TableLockPlacementFailed &e)
{
    return {{u"tableId"_s, e.tableId.toString()},
            {u"bookingId"_s, e.bookingId.toString()},
            {u"timeSlot"_s, toJson(e.span)},
            {u"partySize"_s, e.partySize.value()},
            {u"reason"_s, toString(e.reason)},
            {u"message"_s, e.message},
            {u"conflictingBookings"_s, QJsonArray::fromStringList(e.conflictingBookings)}};
}

QJsonObject toJson(const TableLockRemoved &e)
{
    return {{u"tableId"_s, e.tableId.toString()},
            {u"bookingId"_s, e.bookingId.toString()},
            {u"reason"_s, toString(e.reason)}};
}

QJsonObject toJson(const TableBookingInitiated &e)
{
    return {{u"bookingId"_s, e.bookingId.toString()},
            {u"tableId"_s, e.tableId.toString()},
            {u"timeSlot"_s, toJson(e.timeSlot)},
            {u"partySize"_s, e.partySize.value()},
            {u"guestName"_s, e.guestName},
            {u"phone"_s, e.phone},
            {u"note"_s, e.note},
            {u"walkIn"_s, e.walkIn}};
}

QJsonObject bookingAndTable(const BookingId &booking, const TableId &table)
{
    return {{u"bookingId"_s, booking.toString()}, {u"tableId"_s, table.toString()}};
}

QJsonObject toJson(const TableBookingConfirmed &e)
{
    return bookingAndTable(e.bookingId, e.tableId);
}

QJsonObject toJson(const TableBookingRejected &e)
{
    QJsonObject object = bookingAndTable(e.bookingId, e.tableId);
    object.insert(u"reason"_s, toString(e.reason));
    object.insert(u"message"_s, e.message);
    return object;
}

QJsonObject toJson(const TableBookingCancelled &e)
{
    return bookingAndTable(e.bookingId, e.tableId);
}

QJsonObject withMoment(QJsonObject object, const QDateTime &at)
{
    object.insert(u"at"_s, toIsoUtc(at));
    return object;
}

QJsonObject toJson(const GuestArrived &e)
{
    return withMoment(bookingAndTable(e.bookingId, e.tableId), e.at);
}

QJsonObject toJson(const PartySeated &e)
{
    return withMoment(bookingAndTable(e.bookingId, e.tableId), e.at);
}

QJsonObject toJson(const PartyLeft &e)
{
    return withMoment(bookingAndTable(e.bookingId, e.tableId), e.at);
}

QJsonObject toJson(const BookingNoShow &e)
{
    return bookingAndTable(e.bookingId, e.tableId);
}

QJsonObject toJson(const ServicePeriodsDefined &e)
{
    QJsonArray periods;
    for (const ServicePeriod &period : e.periods) {
        periods.append(QJsonObject {{u"weekday"_s, period.weekday},
                                    {u"name"_s, period.name},
                                    {u"start"_s, period.start.toString(u"HH:mm"_s)},
                                    {u"end"_s, period.end.toString(u"HH:mm"_s)}});
    }
    return {
        {u"periods"_s, periods}, {u"slotMinutes"_s, e.slotMinutes}, {u"timeZone"_s, e.timeZone}};
}

QJsonObject toJson(const TurnTimesDefined &e)
{
    QJsonArray turnTimes;
    for (const TurnTime &turn : e.turnTimes)
        turnTimes.append(
            QJsonObject {{u"maxPartySize"_s, turn.maxPartySize}, {u"minutes"_s, turn.minutes}});
    return {{u"turnTimes"_s, turnTimes}, {u"largerPartyMinutes"_s, e.largerPartyMinutes}};
}

// --- Decoding -------------------------------------------------------------

std::optional<TableId> readTableId(JsonReader &reader)
{
    auto text = reader.string(u"tableId"_s);
    return text ? reader.check(u"tableId"_s, TableId::create(*text)) : std::nullopt;
}

std::optional<BookingId> readBookingId(JsonReader &reader)
{
    auto text = reader.string(u"bookingId"_s);
    return text ? reader.check(u"bookingId"_s, BookingId::create(*text)) : std::nullopt;
}

template<typename CountType>
std::optional<CountType> readCount(JsonReader &reader, const QString &key)
{
    auto number = reader.integer(key);
    return number ? reader.check(key, CountType::create(*number)) : std::nullopt;
}

std::optional<TimeSpan> readTimeSlot(JsonReader &reader, const QString &where)
{
    auto object = reader.object(u"timeSlot"_s);
    if (!object)
        return std::nullopt;
    JsonReader inner(*object, where + u".timeSlot"_s);
    auto from = inner.dateTime(u"from"_s);
    auto to = inner.dateTime(u"to"_s);
    if (auto error = inner.finish()) {
        reader.fail(u"timeSlot"_s, *error);
        return std::nullopt;
    }
    return reader.check(u"timeSlot"_s, TimeSpan::create(*from, *to));
}

std::optional<TableLayout> readLayout(JsonReader &reader, const QString &where)
{
    auto object = reader.object(u"layout"_s);
    if (!object)
        return std::nullopt;
    JsonReader inner(*object, where + u".layout"_s);
    auto zone = inner.string(u"zone"_s);
    auto shapeText = inner.string(u"shape"_s);
    auto x = inner.number(u"x"_s);
    auto y = inner.number(u"y"_s);
    auto width = inner.number(u"width"_s);
    auto height = inner.number(u"height"_s);
    auto rotation = inner.number(u"rotation"_s);
    if (auto error = inner.finish()) {
        reader.fail(u"layout"_s, *error);
        return std::nullopt;
    }
    auto shape = tableShapeFromString(*shapeText);
    if (!shape) {
        reader.fail(u"layout"_s, u"unknown shape \"%1\""_s.arg(*shapeText));
        return std::nullopt;
    }
    TableLayout layout {*zone, *shape, *x, *y, *width, *height, *rotation};
    if (auto invalid = layout.validate()) {
        reader.fail(u"layout"_s, invalid->message());
        return std::nullopt;
    }
    return layout;
}

template<typename Reason>
std::optional<Reason> readReason(JsonReader &reader,
                                 std::optional<Reason> (*parse)(const QString &))
{
    auto text = reader.string(u"reason"_s);
    if (!text)
        return std::nullopt;
    auto reason = parse(*text);
    if (!reason)
        reader.fail(u"reason"_s, u"unknown reason \"%1\""_s.arg(*text));
    return reason;
}

std::optional<QStringList> readStringList(JsonReader &reader, const QString &key)
{
    auto array = reader.array(key);
    if (!array)
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &value : *array) {
        if (!value.isString()) {
            reader.fail(key, u"expected an array of strings"_s);
            return std::nullopt;
        }
        list.append(value.toString());
    }
    return list;
}

// Each decoder reads every field, then builds the event only if all were good.
template<typename Event>
struct Decoder;

template<>
struct Decoder<TableAdded>
{
    static std::optional<TableAdded> read(JsonReader &r, const QString &where)
    {
        auto tableId = readTableId(r);
        auto seats = readCount<SeatCount>(r, u"seats"_s);
        auto layout = readLayout(r, where);
        if (!r.ok())
            return std::nullopt;
        return TableAdded {*tableId, *seats, *layout};
    }
};

template<>
struct Decoder<TableMoved>
{
    static std::optional<TableMoved> read(JsonReader &r, const QString &where)
    {
        auto tableId = readTableId(r);
        auto layout = readLayout(r, where);
        if (!r.ok())
            return std::nullopt;
        return TableMoved {*tableId, *layout};
    }
};

template<>
struct Decoder<TableSeatsChanged>
{
    static std::optional<TableSeatsChanged> read(JsonReader &r, const QString &)
    {
        auto tableId = readTableId(r);
        auto seats = readCount<SeatCount>(r, u"seats"_s);
        auto previous = readCount<SeatCount>(r, u"previousSeats"_s);
        if (!r.ok())
            return std::nullopt;
        return TableSeatsChanged {*tableId, *seats, *previous};
    }
};

template<>
struct Decoder<TableRemoved>
{
    static std::optional<TableRemoved> read(JsonReader &r, const QString &)
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
    static std::optional<TableLockPlaced> read(JsonReader &r, const QString &where)
    {
        auto tableId = readTableId(r);
        auto bookingId = readBookingId(r);
        auto span = readTimeSlot(r, where);
        auto party = readCount<PartySize>(r, u"partySize"_s);
        if (!r.ok())
            return std::nullopt;
        return TableLockPlaced {*tableId, *bookingId, *span, *party};
    }
};

template<>
struct Decoder<TableLockPlacementFailed>
{
    static std::optional<TableLockPlacementFailed> read(JsonReader &r, const QString &where)
    {
        auto tableId = readTableId(r);
        auto bookingId = readBookingId(r);
        auto span = readTimeSlot(r, where);
        auto party = readCount<PartySize>(r, u"partySize"_s);
        auto reason = readReason<LockFailureReason>(r, lockFailureReasonFromString);
        auto message = r.string(u"message"_s);
        auto conflicting = readStringList(r, u"conflictingBookings"_s);
        if (!r.ok())
            return std::nullopt;
        return TableLockPlacementFailed {*tableId, *bookingId, *span,       *party,
                                         *reason,  *message,   *conflicting};
    }
};

template<>
struct Decoder<TableLockRemoved>
{
    static std::optional<TableLockRemoved> read(JsonReader &r, const QString &)
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
    static std::optional<TableBookingInitiated> read(JsonReader &r, const QString &where)
    {
        auto bookingId = readBookingId(r);
        auto tableId = readTableId(r);
        auto span = readTimeSlot(r, where);
        auto party = readCount<PartySize>(r, u"partySize"_s);
        auto guestName = r.string(u"guestName"_s);
        auto phone = r.string(u"phone"_s);
        auto note = r.string(u"note"_s);
        auto walkIn = r.boolean(u"walkIn"_s);
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
    auto at = r.dateTime(u"at"_s);
    if (!r.ok())
        return std::nullopt;
    return Event {*bookingId, *tableId, *at};
}

template<>
struct Decoder<TableBookingConfirmed>
{
    static std::optional<TableBookingConfirmed> read(JsonReader &r, const QString &)
    {
        return readBookingAndTable<TableBookingConfirmed>(r);
    }
};

template<>
struct Decoder<TableBookingRejected>
{
    static std::optional<TableBookingRejected> read(JsonReader &r, const QString &)
    {
        auto bookingId = readBookingId(r);
        auto tableId = readTableId(r);
        auto reason = readReason<LockFailureReason>(r, lockFailureReasonFromString);
        auto message = r.string(u"message"_s);
        if (!r.ok())
            return std::nullopt;
        return TableBookingRejected {*bookingId, *tableId, *reason, *message};
    }
};

template<>
struct Decoder<TableBookingCancelled>
{
    static std::optional<TableBookingCancelled> read(JsonReader &r, const QString &)
    {
        return readBookingAndTable<TableBookingCancelled>(r);
    }
};

template<>
struct Decoder<GuestArrived>
{
    static std::optional<GuestArrived> read(JsonReader &r, const QString &)
    {
        return readBookingTableAndMoment<GuestArrived>(r);
    }
};

template<>
struct Decoder<PartySeated>
{
    static std::optional<PartySeated> read(JsonReader &r, const QString &)
    {
        return readBookingTableAndMoment<PartySeated>(r);
    }
};

template<>
struct Decoder<PartyLeft>
{
    static std::optional<PartyLeft> read(JsonReader &r, const QString &)
    {
        return readBookingTableAndMoment<PartyLeft>(r);
    }
};

template<>
struct Decoder<BookingNoShow>
{
    static std::optional<BookingNoShow> read(JsonReader &r, const QString &)
    {
        return readBookingAndTable<BookingNoShow>(r);
    }
};

template<>
struct Decoder<ServicePeriodsDefined>
{
    static std::optional<ServicePeriodsDefined> read(JsonReader &r, const QString &where)
    {
        auto array = r.array(u"periods"_s);
        auto slotMinutes = r.integer(u"slotMinutes"_s);
        auto timeZone = r.string(u"timeZone"_s);
        if (!r.ok())
            return std::nullopt;
        QList<ServicePeriod> periods;
        for (qsizetype i = 0; i < array->size(); ++i) {
            if (!array->at(i).isObject()) {
                r.fail(u"periods"_s, u"expected an array of objects"_s);
                return std::nullopt;
            }
            JsonReader inner(array->at(i).toObject(), u"%1.periods[%2]"_s.arg(where).arg(i));
            auto weekday = inner.integer(u"weekday"_s);
            auto name = inner.string(u"name"_s);
            auto start = inner.time(u"start"_s);
            auto end = inner.time(u"end"_s);
            if (auto error = inner.finish()) {
                r.fail(u"periods"_s, *error);
                return std::nullopt;
            }
            if (*weekday < 1 || *weekday > 7) {
                r.fail(u"periods"_s, u"a weekday is 1 (Monday) to 7 (Sunday)"_s);
                return std::nullopt;
            }
            periods.append(ServicePeriod {int(*weekday), *name, *start, *end});
        }
        if (*slotMinutes < 5 || *slotMinutes > 120) {
            r.fail(u"slotMinutes"_s, u"a slot is 5 to 120 minutes long"_s);
            return std::nullopt;
        }
        return ServicePeriodsDefined {periods, int(*slotMinutes), *timeZone};
    }
};

template<>
struct Decoder<TurnTimesDefined>
{
    static std::optional<TurnTimesDefined> read(JsonReader &r, const QString &where)
    {
        auto array = r.array(u"turnTimes"_s);
        auto larger = r.integer(u"largerPartyMinutes"_s);
        if (!r.ok())
            return std::nullopt;
        QList<TurnTime> turnTimes;
        for (qsizetype i = 0; i < array->size(); ++i) {
            if (!array->at(i).isObject()) {
                r.fail(u"turnTimes"_s, u"expected an array of objects"_s);
                return std::nullopt;
            }
            JsonReader inner(array->at(i).toObject(), u"%1.turnTimes[%2]"_s.arg(where).arg(i));
            auto maxParty = inner.integer(u"maxPartySize"_s);
            auto minutes = inner.integer(u"minutes"_s);
            if (auto error = inner.finish()) {
                r.fail(u"turnTimes"_s, *error);
                return std::nullopt;
            }
            if (*maxParty < 1 || *maxParty > 50 || *minutes < 5 || *minutes > 24 * 60) {
                r.fail(u"turnTimes"_s,
                       u"a turn time is for parties of 1 to 50 and lasts 5 to 1440 minutes"_s);
                return std::nullopt;
            }
            turnTimes.append(TurnTime {int(*maxParty), int(*minutes)});
        }
        if (*larger < 5 || *larger > 24 * 60) {
            r.fail(u"largerPartyMinutes"_s, u"a turn time lasts 5 to 1440 minutes"_s);
            return std::nullopt;
        }
        return TurnTimesDefined {turnTimes, int(*larger)};
    }
};

template<typename Event>
DecodeResult<DomainEvent> decodeAs(const QJsonObject &data)
{
    const QString where = Event::Type.toString();
    JsonReader reader(data, where);
    std::optional<Event> event = Decoder<Event>::read(reader, where);
    if (auto error = reader.finish())
        return DecodeError {*error};
    return DomainEvent(std::move(*event));
}

using DecodeFunction = DecodeResult<DomainEvent> (*)(const QJsonObject &);

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

const TypeEntry *findEntry(const QString &type)
{
    for (const TypeEntry &entry : Catalogue) {
        if (entry.type == type)
            return &entry;
    }
    return nullptr;
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

QJsonObject EventCodec::encode(const DomainEvent &event)
{
    return std::visit([](const auto &e) { return toJson(e); }, event);
}

DecodeResult<DomainEvent> EventCodec::decode(const QString &type, int version,
                                             const QJsonObject &data)
{
    const TypeEntry *entry = findEntry(type);
    if (!entry)
        return DecodeError {u"Unknown event type \"%1\"."_s.arg(type)};
    if (version < 1)
        return DecodeError {u"%1: version %2 is not a schema version."_s.arg(type).arg(version)};
    if (version > entry->version)
        return DecodeError {u"%1: version %2 was written by a newer Hoststand (this one reads up "
                            u"to version %3)."_s.arg(type)
                                .arg(version)
                                .arg(entry->version)};
    QJsonObject current = data;
    for (int v = version; v < entry->version; ++v) {
        const Upcaster upcast = Upcasters::find(type, v);
        if (!upcast)
            return DecodeError {u"%1: no upcaster from version %2."_s.arg(type).arg(v)};
        current = upcast(current);
    }
    return entry->decode(current);
}

DecodeResult<DomainEvent> EventCodec::decode(const RecordedEvent &event)
{
    QJsonParseError parseError;
    const QJsonDocument data = QJsonDocument::fromJson(event.data, &parseError);
    if (!data.isObject())
        return DecodeError {u"%1 at position %2: the data is not a JSON object."_s.arg(event.type)
                                .arg(event.position)};
    int version = 1;
    if (!event.metadata.isEmpty()) {
        const QJsonValue stored
            = QJsonDocument::fromJson(event.metadata).object().value(SchemaVersionKey);
        if (!stored.isUndefined()) {
            if (!stored.isDouble())
                return DecodeError {
                    u"%1 at position %2: the schema version is not a number."_s.arg(event.type)
                        .arg(event.position)};
            version = stored.toInt(0);
        }
    }
    return decode(event.type, version, data.object());
}

EventData EventCodec::toEventData(const DomainEvent &event, const EventMetadata &metadata, QUuid id)
{
    QJsonObject meta = metadata.toJson();
    const QString type = typeOf(event);
    meta.insert(SchemaVersionKey, *currentVersion(type));
    return EventData::fromJson(type, encode(event), meta, id);
}

} // namespace hoststand
