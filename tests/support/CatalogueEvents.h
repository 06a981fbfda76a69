#pragma once

#include "domain/contracts/DomainEvent.h"
#include "eventstore/EventMetadata.h"
#include "eventstore/EventStore.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Events of the catalogue built from plain values, and the stream each is
// written to, so tests and benchmarks can stand in for the table manager
// and the booker without depending on them. The builders take values known
// to be valid and stop the program (qFatal) on one that is not.
namespace hoststand::test {

TableId tableId(const QString &id);
BookingId bookingId(const QString &id);
TimeSpan span(const QDateTime &start, const QDateTime &end);
SeatCount seatCount(int seats);
PartySize partySize(int party);
// "2026-12-01T19:00:00Z" and other ISO-8601 moments.
QDateTime at(const QString &iso);

TableAdded tableAdded(const QString &id, int seats, const QString &zone = QStringLiteral("Main"),
                      double x = 100, double y = 100);
TableBookingInitiated bookingInitiated(const QString &booking, const QString &table,
                                       const QDateTime &start, const QDateTime &end, int party,
                                       const QString &guest, const QString &phone = {},
                                       bool walkIn = false);
TableLockPlaced lockPlaced(const QString &table, const QString &booking, const QDateTime &start,
                           const QDateTime &end, int party);

// The event ready to append; stops the program when the codec refuses it.
EventData eventData(const DomainEvent &event, const EventMetadata &metadata = {});

// The stream the event belongs to: table-{id}, booking-{id} or the settings stream.
QString streamOf(const DomainEvent &event);
// The booking an event belongs to (its correlation id), or empty.
QString correlationOf(const DomainEvent &event);

// Appends the events, each to its own stream, one append per event, with
// the booking as correlation id and the previous event as causation.
// Returns the position of the last one, or 0 after a failure (with a warning).
qint64 appendAll(EventStore &store, const QList<DomainEvent> &events,
                 const QString &user = QStringLiteral("test"));

} // namespace hoststand::test
