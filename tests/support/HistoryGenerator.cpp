#include "tests/support/HistoryGenerator.h"

#include "domain/contracts/EventCodec.h"
#include "tests/support/CatalogueEvents.h"

#include <QRandomGenerator>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hoststand::test {
namespace {

const QStringList GuestNames = {
    u"Jones"_s, u"Müller"_s, u"Schmidt"_s, u"García"_s,       u"Rossi"_s, u"Dubois"_s,
    u"Nowak"_s, u"Larsen"_s, u"Yilmaz"_s,  u"Papadopoulos"_s, u"Silva"_s, u"Kowalski"_s,
};

// The turns of a day's services, in local time: two at lunch, two at dinner.
const QList<QTime> TurnStarts = {QTime(12, 0), QTime(13, 45), QTime(18, 30), QTime(20, 30)};

enum class Ending { Left, Cancelled, NoShow, Rejected };

class Generator final
{
public:
    Generator(EventStore &store, const HistoryOptions &options)
        : m_store(store)
        , m_options(options)
        , m_zone(options.timeZone.toUtf8())
        , m_random(options.seed)
    { }

    StoreResult<HistorySummary> run(const std::function<void(qint64)> &progress);

private:
    std::optional<StoreError> append(const QString &stream, const QList<DomainEvent> &events,
                                     const QString &correlation);
    std::optional<StoreError> setUp();
    std::optional<StoreError> book(const QDate &day, const QTime &turn, int table);
    Ending ending(bool walkIn);

    EventStore &m_store;
    HistoryOptions m_options;
    QTimeZone m_zone;
    QRandomGenerator m_random;
    QString m_cause = u"setup"_s;
    HistorySummary m_summary;
};

std::optional<StoreError> Generator::append(const QString &stream, const QList<DomainEvent> &events,
                                            const QString &correlation)
{
    QList<EventData> data;
    for (const DomainEvent &event : events) {
        const EventMetadata metadata {correlation, m_cause, u"host"_s, u"front-desk"_s};
        data.append(eventData(event, metadata));
        m_cause = data.constLast().id.toString(QUuid::WithoutBraces);
    }
    auto appended = m_store.append(stream, data, ExpectedRevision::any());
    if (!appended.ok())
        return appended.error();
    m_summary.events += events.size();
    return std::nullopt;
}

std::optional<StoreError> Generator::setUp()
{
    ServicePeriodsDefined periods = ServicePeriodsDefined::defaults();
    periods.timeZone = m_options.timeZone;
    if (auto failed = append(SettingsStream, {periods, TurnTimesDefined::defaults()}, {}))
        return failed;
    for (int t = 1; t <= m_options.tables; ++t) {
        const int seats = 2 + 2 * (t % 4);
        const QString zone = t <= m_options.tables / 2 ? u"Main"_s : u"Terrace"_s;
        const TableAdded added
            = tableAdded(u"T%1"_s.arg(t), seats, zone, 150.0 * (t % 8), 150.0 * (t / 8));
        if (auto failed = append(added.tableId.streamName(), {added}, {}))
            return failed;
    }
    return std::nullopt;
}

Ending Generator::ending(bool walkIn)
{
    const quint32 roll = m_random.bounded(100u);
    if (walkIn || roll < 80)
        return Ending::Left;
    if (roll < 90)
        return Ending::Cancelled;
    if (roll < 97)
        return Ending::NoShow;
    return Ending::Rejected;
}

std::optional<StoreError> Generator::book(const QDate &day, const QTime &turn, int table)
{
    const int seats = 2 + 2 * (table % 4);
    const int party = 1 + int(m_random.bounded(quint32(seats)));
    const bool walkIn = m_random.bounded(100u) < 10;
    const QString booking = u"%1"_s.arg(m_summary.bookings + 1, 12, 16, QLatin1Char('0'));
    const QString tableName = u"T%1"_s.arg(table);
    const QDateTime start = QDateTime(day, turn, m_zone).toUTC();
    const QDateTime end = start.addSecs(60LL * TurnTimesDefined::defaults().minutesFor(party));
    const QString guest = GuestNames.at(m_random.bounded(int(GuestNames.size())))
        + u" %1"_s.arg(m_summary.bookings % 997);
    const QString phone = u"+49 171 %1"_s.arg(m_random.bounded(1000000u, 9999999u));
    const TableBookingInitiated initiated
        = bookingInitiated(booking, tableName, start, end, party, guest, phone, walkIn);
    const BookingId id = initiated.bookingId;
    const TableId tableKey = initiated.tableId;
    ++m_summary.bookings;
    const Ending how = ending(walkIn);
    if (auto failed = append(id.streamName(), {initiated}, booking))
        return failed;
    if (how == Ending::Rejected) {
        const TableLockPlacementFailed failure {tableKey,
                                                id,
                                                initiated.timeSlot,
                                                initiated.partySize,
                                                LockFailureReason::Overlap,
                                                u"%1 is booked at that time."_s.arg(tableName),
                                                {}};
        if (auto failed = append(tableKey.streamName(), {failure}, booking))
            return failed;
        return append(id.streamName(),
                      {TableBookingRejected {id, tableKey, failure.reason, failure.message}},
                      booking);
    }
    const TableLockPlaced lock {tableKey, id, initiated.timeSlot, initiated.partySize};
    if (auto failed = append(tableKey.streamName(), {lock}, booking))
        return failed;
    QList<DomainEvent> outcome {TableBookingConfirmed {id, tableKey}};
    LockRemovalReason released = LockRemovalReason::PartyLeft;
    if (how == Ending::Left) {
        outcome.append(GuestArrived {id, tableKey, start.addSecs(60)});
        outcome.append(PartySeated {id, tableKey, start.addSecs(180)});
        outcome.append(PartyLeft {id, tableKey, end.addSecs(-300)});
    } else if (how == Ending::Cancelled) {
        outcome.append(TableBookingCancelled {id, tableKey});
        released = LockRemovalReason::Cancelled;
    } else {
        outcome.append(BookingNoShow {id, tableKey});
        released = LockRemovalReason::NoShow;
    }
    if (auto failed = append(id.streamName(), outcome, booking))
        return failed;
    return append(tableKey.streamName(), {TableLockRemoved {tableKey, id, released}}, booking);
}

StoreResult<HistorySummary> Generator::run(const std::function<void(qint64)> &progress)
{
    if (auto failed = setUp())
        return *failed;
    qint64 reported = 0;
    for (QDate day = m_options.firstDay; m_summary.events < m_options.events;
         day = day.addDays(1)) {
        for (const QTime &turn : TurnStarts) {
            for (int table = 1; table <= m_options.tables && m_summary.events < m_options.events;
                 ++table) {
                if (m_random.bounded(100u) < 15)
                    continue; // nobody at this table for this turn
                if (auto failed = book(day, turn, table))
                    return *failed;
            }
        }
        m_summary.lastDay = day;
        if (progress && m_summary.events - reported >= 50000) {
            reported = m_summary.events;
            progress(reported);
        }
    }
    return m_summary;
}

} // namespace

StoreResult<HistorySummary> generateHistory(EventStore &store, const HistoryOptions &options,
                                            const std::function<void(qint64)> &progress)
{
    Generator generator(store, options);
    return generator.run(progress);
}

} // namespace hoststand::test
