// libFuzzer target: builds domain events from arbitrary bytes (moments
// across QDateTime's whole range and in several zones, strings of any
// UTF-16 including lone surrogates, sizes, layouts and settings of any
// value), encodes them and requires that every event the encoder accepts
// decodes to an equal event. An EncodeError is the expected answer to a
// value the codec cannot write; a crash, a hang, a sanitizer report, or an
// accepted event that does not read back as it was, is a bug. The fuzz
// build has NDEBUG, so this checks the encoder's own refusals, not the
// round trip that debug builds add to them.
#include "domain/contracts/EventCodec.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

// Reads the values of one event from the fuzzer's bytes. A value type that
// refuses a value (TableId, PartySize, TimeSpan) is given a valid one
// instead, so that the other fields are still encoded.
class EventBuilder final
{
public:
    explicit EventBuilder(FuzzedDataProvider &in)
        : m_in(in)
    { }

    DomainEvent event()
    {
        switch (m_in.ConsumeIntegralInRange(0, int(std::variant_size_v<DomainEvent>) - 1)) {
        case 0:
            return TableAdded {tableId(), seats(), layout()};
        case 1:
            return TableMoved {tableId(), layout()};
        case 2:
            return TableSeatsChanged {tableId(), seats(), seats()};
        case 3:
            return TableRemoved {tableId()};
        case 4:
            return TableLockPlaced {tableId(), bookingId(), span(), party(), change()};
        case 5:
            return TableLockPlacementFailed {tableId(), bookingId(), span(),  party(),
                                             failure(), text(),      texts(), change()};
        case 6:
            return TableLockRemoved {tableId(), bookingId(), removal()};
        case 7:
            return TableBookingInitiated {bookingId(), tableId(), span(), party(),
                                          text(),      text(),    text(), m_in.ConsumeBool()};
        case 8:
            return TableBookingConfirmed {bookingId(), tableId()};
        case 9:
            return TableBookingRejected {bookingId(), tableId(), failure(), text()};
        case 10:
            return TableBookingCancelled {bookingId(), tableId()};
        case 11:
            return GuestArrived {bookingId(), tableId(), moment()};
        case 12:
            return PartySeated {bookingId(), tableId(), moment()};
        case 13:
            return PartyLeft {bookingId(), tableId(), moment()};
        case 14:
            return BookingNoShow {bookingId(), tableId()};
        case 15:
            return BookingChangeRequested {bookingId(), change(), tableId(), tableId(), span(),
                                           party(),     text(),   text(),    text()};
        case 16:
            return BookingChanged {bookingId(), change(), tableId(), tableId(), span(),
                                   party(),     text(),   text(),    text()};
        case 17:
            return BookingChangeRejected {bookingId(), change(), tableId(), rejection(), text()};
        case 18:
            return BookingDetailsChanged {bookingId(), tableId(), text(), text(), text()};
        case 19:
            return servicePeriods();
        default:
            return turnTimes();
        }
    }

private:
    int anyInt() { return m_in.ConsumeIntegral<int>(); }
    // Near the edges of a range most of the time, anything sometimes.
    int around(int low, int high)
    {
        return m_in.ConsumeBool() ? m_in.ConsumeIntegralInRange(low - 3, high + 3) : anyInt();
    }

    // UTF-8 (which Qt repairs), or raw UTF-16 units (which may be broken).
    QString text()
    {
        const std::string bytes = m_in.ConsumeRandomLengthString(64);
        if (m_in.ConsumeBool())
            return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
        QString units;
        for (size_t i = 0; i + 1 < bytes.size(); i += 2)
            units.append(QChar(char16_t(uchar(bytes[i]) | uchar(bytes[i + 1]) << 8)));
        return units;
    }

    QStringList texts()
    {
        QStringList list;
        for (int n = m_in.ConsumeIntegralInRange(0, 4); n > 0; --n)
            list.append(text());
        return list;
    }

    double anyDouble()
    {
        double value = 0;
        const std::vector<uint8_t> bytes = m_in.ConsumeBytes<uint8_t>(sizeof value);
        std::memcpy(&value, bytes.data(), bytes.size());
        return m_in.ConsumeBool() ? value : double(m_in.ConsumeIntegralInRange(-20000, 20000)) / 4;
    }

    QTimeZone zone()
    {
        switch (m_in.ConsumeIntegralInRange(0, 5)) {
        case 0:
            return QTimeZone::utc();
        case 1:
            return QTimeZone(m_in.ConsumeIntegralInRange(-14 * 3600, 14 * 3600));
        case 2:
            return QTimeZone("Europe/Paris");
        case 3:
            return QTimeZone("America/New_York");
        case 4:
            return QTimeZone("Pacific/Chatham");
        default:
            return QTimeZone::systemTimeZone();
        }
    }

    // The whole range of QDateTime, the years around the codec's edges, or
    // no valid moment at all; to the millisecond or to the second.
    QDateTime moment()
    {
        constexpr qint64 Year1 = -62135596800000; // 0001-01-01T00:00:00Z
        constexpr qint64 Year10000 = 253402300800000; // 10000-01-01T00:00:00Z
        qint64 ms = 0;
        switch (m_in.ConsumeIntegralInRange(0, 3)) {
        case 0:
            return QDateTime();
        case 1:
            ms = m_in.ConsumeIntegral<qint64>();
            break;
        case 2:
            ms = (m_in.ConsumeBool() ? Year1 : Year10000)
                + m_in.ConsumeIntegralInRange<qint64>(-3 * 86400000, 3 * 86400000);
            break;
        default:
            ms = m_in.ConsumeIntegralInRange<qint64>(Year1, Year10000);
            break;
        }
        if (m_in.ConsumeBool())
            ms -= ms % 1000;
        return QDateTime::fromMSecsSinceEpoch(ms, zone());
    }

    QTime timeOfDay()
    {
        return m_in.ConsumeBool() ? QTime(around(0, 23), around(0, 59))
                                  : QTime::fromMSecsSinceStartOfDay(anyInt());
    }

    TableId tableId()
    {
        auto id = TableId::create(text());
        return id.ok() ? id.value() : TableId::create(u"T1"_s).value();
    }

    BookingId bookingId()
    {
        auto id = BookingId::create(text());
        return id.ok() ? id.value() : BookingId::create(u"3f9a0c7e21b4"_s).value();
    }

    SeatCount seats()
    {
        auto count = SeatCount::create(around(1, 50));
        return count.ok() ? count.value() : SeatCount::create(4).value();
    }

    PartySize party()
    {
        auto size = PartySize::create(around(1, 50));
        return size.ok() ? size.value() : PartySize::create(2).value();
    }

    TimeSpan span()
    {
        const QDateTime start = moment();
        const QDateTime end = m_in.ConsumeBool()
            ? start.addSecs(m_in.ConsumeIntegralInRange<qint64>(-60, 24 * 3600))
            : moment();
        auto created = TimeSpan::create(start, end);
        if (created.ok())
            return created.value();
        const QDateTime dinner(QDate(2026, 12, 1), QTime(19, 0), Qt::UTC);
        return TimeSpan::create(dinner, dinner.addSecs(5400)).value();
    }

    TableLayout layout()
    {
        return TableLayout {text(),      static_cast<TableShape>(m_in.ConsumeIntegralInRange(0, 3)),
                            anyDouble(), anyDouble(),
                            anyDouble(), anyDouble(),
                            anyDouble()};
    }

    LockFailureReason failure()
    {
        return static_cast<LockFailureReason>(m_in.ConsumeIntegralInRange(0, 4));
    }

    LockRemovalReason removal()
    {
        return static_cast<LockRemovalReason>(m_in.ConsumeIntegralInRange(0, 6));
    }

    ChangeRejectionReason rejection()
    {
        return static_cast<ChangeRejectionReason>(m_in.ConsumeIntegralInRange(0, 5));
    }

    // A lock's change counts from 0, a booking's from 1.
    int change() { return around(0, 3); }

    ServicePeriodsDefined servicePeriods()
    {
        ServicePeriodsDefined event;
        for (int n = m_in.ConsumeIntegralInRange(0, 16); n > 0; --n)
            event.periods.append({around(1, 7), text(), timeOfDay(), timeOfDay()});
        event.slotMinutes = around(5, 120);
        event.timeZone = text();
        event.bookingHorizonDays
            = around(ServicePeriodsDefined::MinHorizonDays, ServicePeriodsDefined::MaxHorizonDays);
        return event;
    }

    TurnTimesDefined turnTimes()
    {
        TurnTimesDefined event;
        for (int n = m_in.ConsumeIntegralInRange(0, 8); n > 0; --n)
            event.turnTimes.append({around(1, 50), around(5, 1440)});
        event.largerPartyMinutes = around(5, 1440);
        return event;
    }

    FuzzedDataProvider &m_in;
};

[[noreturn]] void fail(const EventData &written, const QString &problem)
{
    std::fprintf(stderr, "%s %s\nwas accepted by the encoder but %s\n",
                 written.type.toUtf8().constData(), written.data.constData(),
                 problem.toUtf8().constData());
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    FuzzedDataProvider in(bytes, size);
    const DomainEvent event = EventBuilder(in).event();

    const EncodeResult<EventData> written = EventCodec::toEventData(event, {});
    if (!written.ok())
        return 0; // refused, as it must be when it could not be read back

    RecordedEvent stored;
    stored.type = written.value().type;
    stored.data = written.value().data;
    stored.metadata = written.value().metadata;
    const DecodeResult<DomainEvent> read = EventCodec::decode(stored);
    if (!read.ok())
        fail(written.value(), u"cannot be read back: "_s + read.error().message);
    if (!(read.value() == event))
        fail(written.value(), u"reads back as a different event"_s);
    return 0;
}
