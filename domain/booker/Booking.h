#pragma once

#include "domain/DomainError.h"
#include "domain/booker/BookingChangeRequest.h"
#include "domain/booker/BookingRequest.h"
#include "domain/booker/WalkInRequest.h"
#include "domain/contracts/BookingStatus.h"
#include "domain/contracts/DomainEvent.h"

#include <QList>

#include <optional>

namespace hoststand::booker {

class RestaurantSettings;

// The booking aggregate as a pure decider: apply() folds its events into
// its state, and each decision returns the events to append or the reason
// for refusing. It never reads the store or the clock; the time comes in
// as an argument. apply() only copies fields, so a replay stays cheap.
class Booking final
{
public:
    using Decision = DomainResult<QList<DomainEvent>>;

    static constexpr qsizetype MaxGuestNameLength = 100;
    static constexpr qsizetype MaxPhoneLength = 40;
    static constexpr qsizetype MaxNoteLength = 500;
    static constexpr int MinDurationMinutes = 15;
    static constexpr int MaxDurationMinutes = 600;

    // A booking that does not exist yet (or is not found): every decision
    // but initiation is refused with NotFound.
    explicit Booking(BookingId id);
    static Booking fromEvents(BookingId id, const QList<DomainEvent> &events);
    void apply(const DomainEvent &event);

    // A booking ahead: in the future, inside a service period, on its slot
    // grid; it lasts the party's turn time unless a duration is given.
    static Decision initiate(const BookingId &id, const BookingRequest &request,
                             const RestaurantSettings &settings, const QDateTime &now);
    // A walk-in starts now, at any time of day, for the party's turn time.
    static Decision walkIn(const BookingId &id, const WalkInRequest &request,
                           const RestaurantSettings &settings, const QDateTime &now);

    // The table is locked: confirmed, and a walk-in is seated at once.
    Decision confirm() const;
    Decision reject(LockFailureReason reason, const QString &message) const;
    Decision cancel() const;
    Decision arrive(const QDateTime &now) const;
    Decision seat(const QDateTime &now) const;
    Decision leave(const QDateTime &now) const;
    // Only once the booking's start has come.
    Decision markNoShow(const QDateTime &now) const;

    // A change of a confirmed, arrived or seated booking with no change
    // waiting. Another table, start, duration or party size goes to the
    // table manager (booking-change-requested, numbered from 1); the name,
    // phone or note alone take effect at once (booking-details-changed);
    // nothing new writes nothing. A new start follows the rules of a
    // booking ahead; a seated party cannot change its start, and its span
    // on another table starts now. The duration kept is the booking's own.
    Decision change(const BookingChangeRequest &request, const RestaurantSettings &settings,
                    const QDateTime &now) const;
    // The table manager locked what change n asked for: booking-changed.
    // Nothing when n is not the change waiting (a redelivery, or one the
    // booking ended under).
    Decision settleChange(int change) const;
    // It could not: booking-change-rejected, the booking as it was.
    Decision rejectChange(int change, ChangeRejectionReason reason, const QString &message) const;

    const BookingId &id() const { return m_id; }
    bool exists() const { return m_details.has_value(); }
    // The details as initiated; only when exists().
    const TableBookingInitiated &details() const { return *m_details; }
    const TableId &tableId() const { return m_details->tableId; }
    const TimeSpan &span() const { return m_details->timeSlot; }
    PartySize partySize() const { return m_details->partySize; }
    const QString &guestName() const { return m_details->guestName; }
    const QString &phone() const { return m_details->phone; }
    const QString &note() const { return m_details->note; }
    bool isWalkIn() const { return m_details->walkIn; }

    BookingStatus status() const { return m_status; }
    std::optional<LockFailureReason> rejectionReason() const { return m_rejectionReason; }
    const QString &rejectionMessage() const { return m_rejectionMessage; }
    const QDateTime &arrivedAt() const { return m_arrivedAt; }
    const QDateTime &seatedAt() const { return m_seatedAt; }
    const QDateTime &leftAt() const { return m_leftAt; }

    // The change waiting for the table manager, if any.
    const std::optional<BookingChangeRequested> &pendingChange() const { return m_pendingChange; }
    // The number of the last change requested; 0 when none was.
    int lastChange() const { return m_lastChange; }
    // The last change rejected, if any.
    const std::optional<BookingChangeRejected> &lastChangeRejection() const
    {
        return m_lastChangeRejection;
    }

private:
    enum class Action { Confirm, Reject, Cancel, Arrive, Seat, Leave, NoShow, Change };

    // NotFound when the booking does not exist, InvalidTransition when its
    // status does not allow the action, nothing when it may go ahead.
    std::optional<DomainError> refusal(Action action) const;
    QString statusSentence() const;
    // The decision, preceded by the rejection of a change waiting when the
    // booking ends under it (booking-ended).
    Decision ending(DomainEvent event) const;

    BookingId m_id;
    std::optional<TableBookingInitiated> m_details;
    BookingStatus m_status = BookingStatus::Initiated;
    std::optional<LockFailureReason> m_rejectionReason;
    QString m_rejectionMessage;
    QDateTime m_arrivedAt;
    QDateTime m_seatedAt;
    QDateTime m_leftAt;
    std::optional<BookingChangeRequested> m_pendingChange;
    int m_lastChange = 0;
    std::optional<BookingChangeRejected> m_lastChangeRejection;
};

} // namespace hoststand::booker
