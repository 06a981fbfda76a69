#include "domain/booker/Booking.h"

#include "domain/booker/RestaurantSettings.h"
#include "domain/contracts/TextField.h"

#include <algorithm>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace hoststand::booker {
namespace {

DomainError invalid(const QString &message)
{
    return DomainError(DomainError::Code::InvalidInput, message);
}

// Events store moments to the second; deciding with the same precision
// keeps the state folded from the store equal to the state decided.
QDateTime wholeSeconds(const QDateTime &moment)
{
    QDateTime utc = moment.toUTC();
    utc.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    return utc;
}

bool isPhoneCharacter(QChar c)
{
    return c.isDigit() || u" +-()/"_s.contains(c);
}

struct Guest
{
    QString name;
    QString phone;
    QString note;
};

DomainResult<QString> checkName(const QString &name)
{
    return TextField(u"The guest's name"_s, Booking::MaxGuestNameLength).check(name.trimmed());
}

DomainResult<QString> checkPhone(const QString &phone)
{
    auto checked
        = TextField(u"The phone number"_s, Booking::MaxPhoneLength, TextField::Presence::Optional)
              .check(phone.trimmed());
    if (!checked.ok())
        return checked.error();
    for (const QChar c : std::as_const(checked.value())) {
        if (!isPhoneCharacter(c))
            return invalid(u"A phone number uses digits, spaces and + - ( ) / only; \"%1\" "
                           u"contains \"%2\"."_s.arg(checked.value(), c));
    }
    return checked;
}

DomainResult<QString> checkNote(const QString &note)
{
    return TextField(u"The note"_s, Booking::MaxNoteLength, TextField::Presence::Optional,
                     TextField::Lines::Several)
        .check(note.trimmed());
}

DomainResult<Guest> validateGuest(const QString &name, const QString &phone, const QString &note)
{
    auto checkedName = checkName(name);
    if (!checkedName.ok())
        return checkedName.error();
    auto checkedPhone = checkPhone(phone);
    if (!checkedPhone.ok())
        return checkedPhone.error();
    auto checkedNote = checkNote(note);
    if (!checkedNote.ok())
        return checkedNote.error();
    return Guest {std::move(checkedName).value(), std::move(checkedPhone).value(),
                  std::move(checkedNote).value()};
}

// A field the change gives, checked; the booking's own value, as stored,
// when it gives none (a name an older version stored stays as it was).
std::optional<DomainError> changedField(const std::optional<QString> &given, QString &field,
                                        DomainResult<QString> (*check)(const QString &))
{
    if (!given)
        return std::nullopt;
    auto checked = check(*given);
    if (!checked.ok())
        return checked.error();
    field = std::move(checked).value();
    return std::nullopt;
}

std::optional<DomainError> validateDuration(std::optional<int> minutes)
{
    if (minutes
        && (*minutes < Booking::MinDurationMinutes || *minutes > Booking::MaxDurationMinutes))
        return invalid(
            u"A booking lasts %1 to %2 minutes, not %3."_s.arg(Booking::MinDurationMinutes)
                .arg(Booking::MaxDurationMinutes)
                .arg(*minutes));
    return std::nullopt;
}

// What every booking needs, ahead or walk-in: a table id, a party size and
// the guest's details, all valid.
struct Essentials
{
    TableId table;
    PartySize party;
    Guest guest;
};

DomainResult<Essentials> validateEssentials(const QString &tableId, int partySize,
                                            const QString &name, const QString &phone,
                                            const QString &note)
{
    auto table = TableId::create(tableId);
    if (!table.ok())
        return table.error();
    auto party = PartySize::create(partySize);
    if (!party.ok())
        return party.error();
    auto guest = validateGuest(name, phone, note);
    if (!guest.ok())
        return guest.error();
    return Essentials {table.value(), party.value(), std::move(guest).value()};
}

Booking::Decision initiated(const BookingId &id, const Essentials &essentials,
                            const QDateTime &start, int minutes, bool walkIn)
{
    auto span = TimeSpan::create(start, start.addSecs(qint64(minutes) * 60));
    if (!span.ok())
        return span.error();
    return QList<DomainEvent> {TableBookingInitiated {
        id, essentials.table, span.value(), essentials.party, essentials.guest.name,
        essentials.guest.phone, essentials.guest.note, walkIn}};
}

} // namespace

Booking::Booking(BookingId id)
    : m_id(std::move(id))
{ }

Booking Booking::fromEvents(BookingId id, const QList<DomainEvent> &events)
{
    Booking booking(std::move(id));
    for (const DomainEvent &event : events)
        booking.apply(event);
    return booking;
}

void Booking::apply(const DomainEvent &event)
{
    std::visit(
        [this](const auto &e) {
            using Event = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<Event, TableBookingInitiated>) {
                m_details = e;
                m_status = BookingStatus::Initiated;
            } else if constexpr (std::is_same_v<Event, TableBookingConfirmed>) {
                m_status = BookingStatus::Confirmed;
            } else if constexpr (std::is_same_v<Event, TableBookingRejected>) {
                m_status = BookingStatus::Rejected;
                m_rejectionReason = e.reason;
                m_rejectionMessage = e.message;
            } else if constexpr (std::is_same_v<Event, TableBookingCancelled>) {
                m_status = BookingStatus::Cancelled;
            } else if constexpr (std::is_same_v<Event, GuestArrived>) {
                m_status = BookingStatus::Arrived;
                m_arrivedAt = e.at;
            } else if constexpr (std::is_same_v<Event, PartySeated>) {
                m_status = BookingStatus::Seated;
                m_seatedAt = e.at;
            } else if constexpr (std::is_same_v<Event, PartyLeft>) {
                m_status = BookingStatus::Left;
                m_leftAt = e.at;
            } else if constexpr (std::is_same_v<Event, BookingNoShow>) {
                m_status = BookingStatus::NoShow;
            } else if constexpr (std::is_same_v<Event, BookingChangeRequested>) {
                m_pendingChange = e;
                m_lastChange = std::max(m_lastChange, e.change);
            } else if constexpr (std::is_same_v<Event, BookingChanged>) {
                if (m_details) {
                    m_details->tableId = e.tableId;
                    m_details->timeSlot = e.timeSlot;
                    m_details->partySize = e.partySize;
                    m_details->guestName = e.guestName;
                    m_details->phone = e.phone;
                    m_details->note = e.note;
                }
                m_pendingChange.reset();
                m_lastChange = std::max(m_lastChange, e.change);
            } else if constexpr (std::is_same_v<Event, BookingChangeRejected>) {
                m_pendingChange.reset();
                m_lastChangeRejection = e;
            } else if constexpr (std::is_same_v<Event, BookingDetailsChanged>) {
                if (m_details) {
                    m_details->guestName = e.guestName;
                    m_details->phone = e.phone;
                    m_details->note = e.note;
                }
            }
        },
        event);
}

Booking::Decision Booking::initiate(const BookingId &id, const BookingRequest &request,
                                    const RestaurantSettings &settings, const QDateTime &now)
{
    auto essentials = validateEssentials(request.tableId, request.partySize, request.guestName,
                                         request.phone, request.note);
    if (!essentials.ok())
        return essentials.error();
    if (auto error = validateDuration(request.durationMinutes))
        return *error;
    if (!request.start.isValid())
        return invalid(u"A booking needs a start time."_s);
    const QDateTime start = wholeSeconds(request.start);
    if (start <= now)
        return DomainError(DomainError::Code::InThePast,
                           u"A booking must start in the future; %1 has already begun."_s.arg(
                               settings.describe(start)));
    if (auto error = settings.checkHorizon(start, now))
        return *error;
    if (auto error = settings.checkSlotStart(start))
        return *error;
    const int minutes
        = request.durationMinutes.value_or(settings.turnMinutesFor(essentials.value().party));
    return initiated(id, essentials.value(), start, minutes, false);
}

Booking::Decision Booking::walkIn(const BookingId &id, const WalkInRequest &request,
                                  const RestaurantSettings &settings, const QDateTime &now)
{
    auto essentials = validateEssentials(request.tableId, request.partySize, request.guestName,
                                         request.phone, request.note);
    if (!essentials.ok())
        return essentials.error();
    const int minutes = settings.turnMinutesFor(essentials.value().party);
    return initiated(id, essentials.value(), wholeSeconds(now), minutes, true);
}

Booking::Decision Booking::confirm() const
{
    if (auto error = refusal(Action::Confirm))
        return *error;
    QList<DomainEvent> events {TableBookingConfirmed {m_id, tableId()}};
    if (isWalkIn())
        events.append(PartySeated {m_id, tableId(), span().start()});
    return events;
}

Booking::Decision Booking::reject(LockFailureReason reason, const QString &message) const
{
    if (auto error = refusal(Action::Reject))
        return *error;
    return QList<DomainEvent> {TableBookingRejected {m_id, tableId(), reason, message}};
}

Booking::Decision Booking::cancel() const
{
    if (auto error = refusal(Action::Cancel))
        return *error;
    return ending(TableBookingCancelled {m_id, tableId()});
}

Booking::Decision Booking::arrive(const QDateTime &now) const
{
    if (auto error = refusal(Action::Arrive))
        return *error;
    return QList<DomainEvent> {GuestArrived {m_id, tableId(), wholeSeconds(now)}};
}

Booking::Decision Booking::seat(const QDateTime &now) const
{
    if (auto error = refusal(Action::Seat))
        return *error;
    return QList<DomainEvent> {PartySeated {m_id, tableId(), wholeSeconds(now)}};
}

Booking::Decision Booking::leave(const QDateTime &now) const
{
    if (auto error = refusal(Action::Leave))
        return *error;
    return ending(PartyLeft {m_id, tableId(), wholeSeconds(now)});
}

Booking::Decision Booking::markNoShow(const QDateTime &now) const
{
    if (auto error = refusal(Action::NoShow))
        return *error;
    if (now < span().start())
        return DomainError(DomainError::Code::InvalidTransition,
                           u"Booking %1 starts at %2 UTC; it can be marked as a no-show only once "
                           u"that time has come."_s.arg(m_id.toString(), toIsoUtc(span().start())));
    return ending(BookingNoShow {m_id, tableId()});
}

Booking::Decision Booking::ending(DomainEvent event) const
{
    QList<DomainEvent> events;
    if (m_pendingChange)
        events.append(BookingChangeRejected {
            m_id, m_pendingChange->change, m_pendingChange->tableId,
            ChangeRejectionReason::BookingEnded,
            u"The booking ended before its change was made; the change is withdrawn."_s});
    events.append(std::move(event));
    return events;
}

Booking::Decision Booking::change(const BookingChangeRequest &request,
                                  const RestaurantSettings &settings, const QDateTime &now) const
{
    if (auto error = refusal(Action::Change))
        return *error;
    TableId table = tableId();
    if (request.tableId) {
        auto given = TableId::create(*request.tableId);
        if (!given.ok())
            return given.error();
        table = given.value();
    }
    PartySize party = partySize();
    if (request.partySize) {
        auto given = PartySize::create(*request.partySize);
        if (!given.ok())
            return given.error();
        party = given.value();
    }
    QString name = guestName();
    QString phone = this->phone();
    QString note = this->note();
    if (auto error = changedField(request.guestName, name, &checkName))
        return *error;
    if (auto error = changedField(request.phone, phone, &checkPhone))
        return *error;
    if (auto error = changedField(request.note, note, &checkNote))
        return *error;
    if (auto error = validateDuration(request.durationMinutes))
        return *error;

    QDateTime start = span().start();
    QDateTime end = span().end();
    const bool seated = m_status == BookingStatus::Seated;
    if (request.start && wholeSeconds(*request.start) != start) {
        if (seated)
            return DomainError(
                DomainError::Code::InvalidTransition,
                u"The party of booking %1 is seated; its start cannot change "
                u"(move it to another table, or change how long it stays)."_s.arg(m_id.toString()));
        if (!request.start->isValid())
            return invalid(u"A booking needs a start time."_s);
        const QDateTime newStart = wholeSeconds(*request.start);
        if (newStart <= now)
            return DomainError(DomainError::Code::InThePast,
                               u"A booking can move only to a time ahead; %1 has already "
                               u"begun."_s.arg(settings.describe(newStart)));
        if (auto error = settings.checkHorizon(newStart, now))
            return *error;
        if (auto error = settings.checkSlotStart(newStart))
            return *error;
        end = newStart.addSecs(start.secsTo(end));
        start = newStart;
    }
    if (request.durationMinutes)
        end = start.addSecs(qint64(*request.durationMinutes) * 60);
    // A seated party moving table holds the new one from now to its end.
    if (seated && table != tableId()) {
        const QDateTime from = wholeSeconds(now);
        if (from > start)
            start = from;
        const QDateTime shortest = start.addSecs(qint64(MinDurationMinutes) * 60);
        if (end < shortest)
            end = shortest;
    }
    auto newSpan = TimeSpan::create(start, end);
    if (!newSpan.ok())
        return newSpan.error();
    // A span that had ended would free the table under a party still there.
    if (newSpan.value() != span() && end <= now)
        return DomainError(DomainError::Code::InThePast,
                           u"Booking %1 would end at %2, which has passed; it can end %3 at the "
                           u"earliest."_s.arg(m_id.toString(), settings.describeTime(end),
                                              settings.describeTime(wholeSeconds(now))));

    if (table != tableId() || newSpan.value() != span() || party != partySize())
        return QList<DomainEvent> {BookingChangeRequested {
            m_id, m_lastChange + 1, table, tableId(), newSpan.value(), party, name, phone, note}};
    if (name != guestName() || phone != this->phone() || note != this->note())
        return QList<DomainEvent> {BookingDetailsChanged {m_id, tableId(), name, phone, note}};
    return QList<DomainEvent> {};
}

Booking::Decision Booking::settleChange(int change) const
{
    if (!m_pendingChange || m_pendingChange->change != change)
        return QList<DomainEvent> {};
    const BookingChangeRequested &p = *m_pendingChange;
    return QList<DomainEvent> {BookingChanged {m_id, p.change, p.tableId, p.previousTableId,
                                               p.timeSlot, p.partySize, p.guestName, p.phone,
                                               p.note}};
}

Booking::Decision Booking::rejectChange(int change, ChangeRejectionReason reason,
                                        const QString &message) const
{
    if (!m_pendingChange || m_pendingChange->change != change)
        return QList<DomainEvent> {};
    return QList<DomainEvent> {
        BookingChangeRejected {m_id, change, m_pendingChange->tableId, reason, message}};
}

std::optional<DomainError> Booking::refusal(Action action) const
{
    if (!exists())
        return DomainError(DomainError::Code::NotFound,
                           u"There is no booking %1."_s.arg(m_id.toString()));
    using S = BookingStatus;
    bool allowed = false;
    QString consequence;
    switch (action) {
    case Action::Confirm:
        allowed = m_status == S::Initiated;
        consequence = u"it cannot be confirmed"_s;
        break;
    case Action::Reject:
        allowed = m_status == S::Initiated;
        consequence = u"it cannot be rejected"_s;
        break;
    case Action::Cancel:
        allowed = m_status == S::Initiated || m_status == S::Confirmed || m_status == S::Arrived;
        consequence = u"it can no longer be cancelled"_s;
        break;
    case Action::Arrive:
        allowed = m_status == S::Confirmed;
        consequence = u"its guests cannot be marked as arrived"_s;
        break;
    case Action::Seat:
        allowed = m_status == S::Confirmed || m_status == S::Arrived;
        consequence = u"its party cannot be seated"_s;
        break;
    case Action::Leave:
        allowed = m_status == S::Seated;
        consequence = u"its party cannot be marked as having left"_s;
        break;
    case Action::NoShow:
        allowed = m_status == S::Confirmed;
        consequence = u"it cannot be marked as a no-show"_s;
        break;
    case Action::Change:
        allowed = m_status == S::Confirmed || m_status == S::Arrived || m_status == S::Seated;
        consequence = u"it can no longer be changed"_s;
        break;
    }
    if (allowed && action == Action::Change && m_pendingChange)
        return DomainError(DomainError::Code::InvalidTransition,
                           u"Booking %1 has a change waiting for its table; try again once it "
                           u"is settled."_s.arg(m_id.toString()),
                           {m_id.toString()});
    if (allowed)
        return std::nullopt;
    return DomainError(DomainError::Code::InvalidTransition,
                       u"%1; %2."_s.arg(statusSentence(), consequence), {m_id.toString()});
}

QString Booking::statusSentence() const
{
    const QString id = m_id.toString();
    switch (m_status) {
    case BookingStatus::Initiated:
        return u"Booking %1 is still waiting for its table"_s.arg(id);
    case BookingStatus::Confirmed:
        return u"Booking %1 is already confirmed"_s.arg(id);
    case BookingStatus::Rejected:
        return u"Booking %1 was rejected"_s.arg(id);
    case BookingStatus::Cancelled:
        return u"Booking %1 was cancelled"_s.arg(id);
    case BookingStatus::Arrived:
        return u"The guests of booking %1 have already arrived"_s.arg(id);
    case BookingStatus::Seated:
        return u"The party of booking %1 is already seated"_s.arg(id);
    case BookingStatus::Left:
        return u"The party of booking %1 has already left"_s.arg(id);
    case BookingStatus::NoShow:
        return u"Booking %1 was marked as a no-show"_s.arg(id);
    }
    return {};
}

} // namespace hoststand::booker
