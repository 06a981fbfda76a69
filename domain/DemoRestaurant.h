#pragma once

#include "domain/Clock.h"
#include "domain/CommandContext.h"
#include "domain/DomainError.h"
#include "domain/booker/Booker.h"
#include "domain/booker/BookingSaga.h"
#include "domain/booker/EventSourcedTableCatalog.h"
#include "domain/contracts/BookingStatus.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "domain/tablemanager/TableManager.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QRandomGenerator>

#include <functional>
#include <memory>

namespace hoststand {

class EventStore;

// A restaurant to try Hoststand on: two zones, twenty tables and a week of
// bookings around the clock's now in every state a booking can be in. It
// is loaded through the real commands and the real sagas' handlers, so
// every event is one the restaurant could have written itself. Bookings
// must start in the future when made, so the past is played on a clock of
// its own that walks from a fortnight ago up to now; the store stamps the
// events with its own time.
class DemoRestaurant final
{
public:
    struct Summary final
    {
        QStringList zones;
        int tables = 0; // in service
        int bookings = 0;
        int walkIns = 0;
        QMap<BookingStatus, int> statuses;

        // "20 tables in 2 zones, 231 bookings from Tue 24 Nov to Mon 30 Nov"
        QString describe() const;
    };

    // Days before and after the clock's local today that get bookings.
    static constexpr int DaysBefore = 3;
    static constexpr int DaysAfter = 3;

    DemoRestaurant(EventStore &store, const Clock &clock);
    ~DemoRestaurant();

    // Loads the demo restaurant into the store. Refuses (AlreadyExists) a
    // store that holds any event: the demo never mixes with a real book.
    DomainResult<Summary> load();

private:
    // One command of the demo's history, at the moment it is issued.
    struct Step
    {
        QDateTime at;
        std::function<DomainResult<void>()> run;
    };
    // One party at one table, as planned.
    struct Seating
    {
        int index = 0;
        QString tableId;
        int seats = 0;
        QDateTime start;
        int partySize = 0;
        int turnMinutes = 0;
        bool walkIn = false;
        bool contested = false; // another terminal books the same table at once
    };

    DomainResult<void> checkEmpty();
    DomainResult<void> setUp();
    DomainResult<void> defineSettings();
    DomainResult<void> addTables();
    DomainResult<void> rearrangeTables();

    QList<Step> planWeek(const booker::RestaurantSettings &settings);
    QList<Seating> planService(const booker::RestaurantSettings &settings, const QDate &date,
                               const ServicePeriod &period);
    void planSeating(const Seating &seating, QList<Step> &steps);
    void planBooking(const Seating &seating, QList<Step> &steps);
    void planWalkIn(const Seating &seating, QList<Step> &steps);
    void planFuture(const Seating &seating, const QDateTime &bookedAt, QList<Step> &steps);
    void planChange(const Seating &seating, const QDateTime &bookedAt, int fate,
                    QList<Step> &steps);
    void planVisit(const Seating &seating, const QDateTime &bookedAt, QList<Step> &steps);
    void planStay(const Seating &seating, const QDateTime &seatedAt, QList<Step> &steps);
    void addStep(QList<Step> &steps, const QDateTime &at, std::function<DomainResult<void>()> run);
    DomainResult<void> book(booker::Booker &booker, const booker::BookingRequest &request,
                            std::optional<int> seating);
    DomainResult<void> onBooking(int seating,
                                 const std::function<DomainResult<void>(const BookingId &)> &act);
    DomainResult<void> expireLocksOf(const QString &tableId);

    DomainResult<void> runSteps(QList<Step> steps);
    DomainResult<void> settle();
    DomainResult<Summary> summarize();

    QString guestName();
    QString phone();
    QString note();
    bool chance(double probability);

    EventStore &m_store;
    QDateTime m_now;
    QDateTime m_setUpAt;
    ManualClock m_clock;
    TableManager m_office;
    TableManager m_lockingSagaTables;
    booker::EventSourcedTableCatalog m_catalog;
    // What the bar tablet last read of the tables: a rival booking is
    // checked against the tables as they were before the first one.
    class ReadEarlier;
    std::unique_ptr<ReadEarlier> m_barTabletTables;
    booker::Booker m_manager;
    booker::Booker m_hostStand;
    booker::Booker m_barTablet;
    // What the terrace tablet read of the tables on the first day, never
    // read again: it still shows the spare table.
    std::unique_ptr<ReadEarlier> m_terraceTabletTables;
    booker::Booker m_terraceTablet;
    TableLockingSaga m_lockingSaga;
    booker::BookingSaga m_bookingSaga;
    QRandomGenerator m_random;
    qint64 m_settledPosition = 0;
    int m_pastSeatings = 0;
    int m_futureSeatings = 0;
    int m_nextSeating = 0;
    QHash<int, BookingId> m_bookings; // by seating index
    QList<BookingId> m_allBookings;
};

} // namespace hoststand
