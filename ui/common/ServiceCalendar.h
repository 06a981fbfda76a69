#pragma once

#include "domain/booker/RestaurantSettings.h"
#include "readmodel/ReadModelRows.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>

namespace hoststand::ui {

// The restaurant's calendar as the views need it: which services a day has,
// where their slots fall, how long a party keeps its table, and times in the
// restaurant's own zone. It reuses the booker's settings arithmetic so the
// grid offers exactly the starts the domain accepts, also on DST days.
class ServiceCalendar final
{
public:
    ServiceCalendar();
    explicit ServiceCalendar(const RestaurantSettingsRow &row);

    // The services of a local date, in order of their start ("lunch", "dinner").
    QStringList servicesOn(const QDate &date) const;
    // The bookable slot starts of one service on a local date, in order.
    QList<QDateTime> slotsOf(const QDate &date, const QString &service) const;
    // Every bookable slot start of a local date, with its service.
    QList<booker::ServiceSlot> slotsOn(const QDate &date) const;
    // The service a moment's slot belongs to, or the one starting next on its day.
    QString serviceAt(const QDateTime &moment) const;
    int slotMinutes() const;
    int turnMinutesFor(int partySize) const;
    // The longest a party keeps its table by default: the largest turn time.
    int longestTurnMinutes() const;

    QDate localDate(const QDateTime &moment) const;
    QDateTime localMoment(const QDate &date, const QTime &time) const;
    // "19:30" in the restaurant's zone.
    QString timeText(const QDateTime &moment) const;
    // "Fri 4 Dec", with the year when it is not this year ("Fri 4 Dec 2025").
    static QString dayText(const QDate &day, const QDate &today = QDate::currentDate());
    // The day and time of a moment in the restaurant's zone, with seconds:
    // "Fri 4 Dec 19:30:05" (the event log's times).
    QString momentText(const QDateTime &moment) const;

private:
    booker::RestaurantSettings m_settings;
};

} // namespace hoststand::ui
