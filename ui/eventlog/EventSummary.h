#pragma once

#include "readmodel/ReadModelRows.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace hoststand::ui {

// The sentence a person reads for one stored event: "Booked T4 for Jones,
// 4 people, 19:30–21:15", "Lock placed on T4 for booking 3f9a…". It reads
// the event's JSON leniently, field by field, so that the audit trail can
// still say something about an event this version would refuse to decode.
// Times are in the restaurant's zone. Shared by the event log, the command
// line and the tests.
class EventSummary final
{
public:
    // The guest of a booking, for events that name only the booking; empty
    // when unknown.
    using GuestLookup = std::function<QString(const QString &bookingId)>;

    explicit EventSummary(QTimeZone zone = QTimeZone::utc(), GuestLookup guests = {});

    // The event's sentence. A booking's times carry their date unless it is
    // the reference day (usually the day the event was written).
    QString summarize(const QString &type, const QByteArray &data,
                      const QDate &referenceDay = {}) const;
    QString summarize(const AuditRow &row) const;

    // The table and the booking an event concerns, from its data; empty
    // when it has none.
    static QString tableOf(const QByteArray &data);
    static QString bookingOf(const QByteArray &data);

    // "3f9a…": enough of a booking id to tell it apart on screen.
    static QString shortId(const QString &bookingId);
    // "Booking initiated" for "table-booking-initiated".
    static QString title(const QString &type);

private:
    QString tableEvent(const QString &type, const QJsonObject &data) const;
    QString lockEvent(const QString &type, const QJsonObject &data,
                      const QDate &referenceDay) const;
    QString bookingEvent(const QString &type, const QJsonObject &data,
                         const QDate &referenceDay) const;
    QString settingsEvent(const QString &type, const QJsonObject &data) const;
    QString guestOf(const QJsonObject &data) const;
    QString span(const QJsonObject &data, const QDate &referenceDay) const;
    QString time(const QDateTime &moment) const;

    QTimeZone m_zone;
    GuestLookup m_guests;
};

} // namespace hoststand::ui
