#include "app/cli/ChoreographyVerifier.h"

#include "domain/booker/Booking.h"
#include "domain/booker/BookingSaga.h"
#include "domain/contracts/EventCodec.h"
#include "domain/tablemanager/Table.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "eventstore/EventStore.h"

#include <QHash>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace hoststand::cli {
namespace {

constexpr qint64 PageSize = 2000;

QString when(const QDateTime &moment)
{
    return moment.toUTC().toString(u"yyyy-MM-dd HH:mm'Z'"_s);
}

QString spanText(const TimeSpan &span)
{
    return u"%1 to %2"_s.arg(when(span.start()), when(span.end()));
}

struct Decoded
{
    QList<DomainEvent> events;
    QDateTime first; // when the stream's first event was written
    QDateTime last; // and its last
};

} // namespace

ChoreographyVerifier::ChoreographyVerifier(EventStore &store, QDateTime storeNow, QDateTime now,
                                           std::chrono::milliseconds settleTimeout)
    : m_store(store)
    , m_storeNow(std::move(storeNow))
    , m_now(std::move(now))
    , m_settleTimeout(settleTimeout)
{ }

StoreResult<QStringList> ChoreographyVerifier::problems() const
{
    QStringList problems;
    std::map<QString, Decoded> streams;
    for (qint64 after = 0;;) {
        auto page = m_store.readAll(after, PageSize);
        if (!page.ok())
            return page.error();
        for (const RecordedEvent &event : page.value()) {
            after = event.position;
            if (!event.stream.startsWith(u"booking-"_s) && !event.stream.startsWith(u"table-"_s))
                continue;
            auto decoded = EventCodec::decode(event);
            if (!decoded.ok()) {
                problems.append(u"The event at position %1 (%2 in %3) cannot be read: %4"_s.arg(
                    QString::number(event.position), event.type, event.stream,
                    decoded.error().message));
                continue;
            }
            Decoded &stream = streams[event.stream];
            if (stream.events.isEmpty())
                stream.first = event.created;
            stream.last = event.created;
            stream.events.append(decoded.value());
        }
        if (page.value().size() < PageSize)
            break;
    }

    QHash<QString, QList<TableLock>> locksByTable;
    for (const auto &[name, stream] : streams) {
        if (!name.startsWith(u"table-"_s))
            continue;
        auto id = TableId::create(name.mid(6));
        if (!id.ok())
            continue;
        QList<TableLock> locks = Table::fromHistory(id.value(), stream.events).locks();
        std::sort(locks.begin(), locks.end(), [](const TableLock &a, const TableLock &b) {
            return a.span.start() < b.span.start();
        });
        for (qsizetype i = 1; i < locks.size(); ++i) {
            for (qsizetype j = 0; j < i; ++j) {
                if (locks.at(j).span.overlaps(locks.at(i).span))
                    problems.append(u"Table %1 holds overlapping locks: booking %2 (%3) and "
                                    "booking %4 (%5)."_s.arg(id.value().toString(),
                                                             locks.at(j).bookingId.toString(),
                                                             spanText(locks.at(j).span),
                                                             locks.at(i).bookingId.toString(),
                                                             spanText(locks.at(i).span)));
            }
        }
        locksByTable.insert(id.value().toString(), locks);
    }

    const qint64 settle = std::chrono::duration_cast<std::chrono::seconds>(m_settleTimeout).count();
    for (const auto &[name, stream] : streams) {
        if (!name.startsWith(u"booking-"_s))
            continue;
        auto id = BookingId::create(name.mid(8));
        if (!id.ok())
            continue;
        const booker::Booking booking = booker::Booking::fromEvents(id.value(), stream.events);
        const QString who = u"booking %1 (%2, table %3, %4)"_s.arg(
            id.value().toString(), booking.guestName(), booking.tableId().toString(),
            spanText(booking.span()));
        if (booking.status() == BookingStatus::Initiated) {
            if (stream.first.secsTo(m_now) > settle)
                problems.append(
                    u"The %1 has waited for its table since %2: no saga settled "
                    "it (see `hoststand-cli sagas parked`)."_s.arg(who, when(stream.first)));
            continue;
        }
        const bool holdsTable = booking.status() == BookingStatus::Confirmed
            || booking.status() == BookingStatus::Arrived
            || booking.status() == BookingStatus::Seated;
        // A change waiting has its lock placed, or not yet: the booking
        // holds one of its span or of the change's until the change settles.
        const auto &pending = booking.pendingChange();
        if (pending && stream.last.secsTo(m_now) > settle)
            problems.append(u"The %1 has waited since %2 for its change %3: no saga settled it "
                            "(see `hoststand-cli sagas parked`)."_s.arg(
                                who, when(stream.last), QString::number(pending->change)));
        if (!holdsTable || booking.span().end() <= m_storeNow)
            continue;
        QList<TableLock> held;
        for (const TableLock &lock : locksByTable.value(booking.tableId().toString())) {
            if (lock.bookingId == id.value())
                held.append(lock);
        }
        if (held.isEmpty())
            problems.append(u"The %1 is %2 but holds no lock on its table: another booking "
                            "could take it."_s.arg(who, toString(booking.status())));
        else if (held.size() > 1)
            problems.append(
                u"The %1 holds %2 locks on its table."_s.arg(who, QString::number(held.size())));
        else if (held.constFirst().span != booking.span()
                 && !(pending && held.constFirst().change == pending->change))
            problems.append(u"The %1 holds a lock for another span (%2)."_s.arg(
                who, spanText(held.constFirst().span)));
    }

    for (const QString &group : {TableLockingSaga::GroupName, booker::BookingSaga::GroupName}) {
        auto parked = m_store.parkedEvents(group);
        if (!parked.ok())
            return parked.error();
        for (const ParkedEvent &step : parked.value())
            problems.append(
                u"The %1 saga parked its step for the event at position %2 on %3: "
                "%4 (`hoststand-cli sagas retry %1/%2` tries it again)."_s.arg(
                    group, QString::number(step.position), when(step.parkedAt), step.reason));
    }
    return problems;
}

} // namespace hoststand::cli
