#include "domain/DemoRestaurant.h"

#include "domain/contracts/TableLayout.h"
#include "eventstore/EventStore.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// The people who work the demo's book, each at a terminal of their own.
const CommandContext Manager {u"marta"_s, u"office"_s};
const CommandContext Host {u"anna"_s, u"host-stand"_s};
const CommandContext Runner {u"jonas"_s, u"bar-tablet"_s};
// A tablet on the terrace that last read the floor while T27 still stood there.
const CommandContext Waiter {u"lea"_s, u"terrace-tablet"_s};
// The sagas and lock expiry run in the host stand's process.
const CommandContext Service {u"hoststand"_s, u"host-stand"_s};

const QString MainRoom = u"Main room"_s;
const QString Terrace = u"Terrace"_s;

struct DemoTable
{
    QString id;
    int seats;
    QString zone;
    double x; // centimetres from the room's top-left corner
    double y;
};

// The main room: two-tops along the window, four-tops in the middle, the
// large tables against the back wall. The terrace lies in front of it.
QList<DemoTable> demoTables()
{
    return {
        {u"T1"_s, 2, MainRoom, 80, 60},    {u"T2"_s, 2, MainRoom, 260, 60},
        {u"T3"_s, 2, MainRoom, 440, 60},   {u"T4"_s, 2, MainRoom, 620, 60},
        {u"T5"_s, 4, MainRoom, 80, 260},   {u"T6"_s, 4, MainRoom, 300, 260},
        {u"T7"_s, 4, MainRoom, 520, 260},  {u"T8"_s, 4, MainRoom, 80, 460},
        {u"T9"_s, 4, MainRoom, 300, 460},  {u"T10"_s, 4, MainRoom, 520, 460},
        {u"T11"_s, 6, MainRoom, 780, 240}, {u"T12"_s, 6, MainRoom, 780, 440},
        {u"T13"_s, 8, MainRoom, 960, 240}, {u"T14"_s, 2, MainRoom, 970, 500},
        {u"T21"_s, 2, Terrace, 80, 780},   {u"T22"_s, 2, Terrace, 260, 780},
        {u"T23"_s, 2, Terrace, 440, 780},  {u"T24"_s, 2, Terrace, 620, 780},
        {u"T25"_s, 4, Terrace, 800, 770},  {u"T26"_s, 4, Terrace, 1000, 770},
    };
}

// T14 starts as a two-top and is made a four-top the next day; the spare
// table T27 stands on the terrace for a day and is taken away.
const QString GrownTable = u"T14"_s;
const int GrownSeats = 4;
const QString SpareTable = u"T27"_s;
// Every evening a second terminal books this table at the same moment as
// the first: the table manager locks it for one and the other is rejected.
const QString ContestedTable = u"T7"_s;

// How full a service gets, by weekday (Monday first).
constexpr std::array<double, 7> DinnerFill {0.45, 0.5, 0.55, 0.65, 0.85, 0.9, 0.6};
constexpr std::array<double, 7> LunchFill {0.25, 0.3, 0.3, 0.35, 0.45, 0.55, 0.5};
constexpr double TerraceFactor = 0.6;
constexpr int MaxSeatingsPerService = 2;

const QStringList Surnames {
    u"Jones"_s,    u"Okafor"_s,    u"Rossi"_s,     u"Fischer"_s,  u"Nakamura"_s, u"Dubois"_s,
    u"Kowalski"_s, u"Patel"_s,     u"Andersson"_s, u"García"_s,   u"O'Brien"_s,  u"Müller"_s,
    u"Haddad"_s,   u"Nguyen"_s,    u"Smith"_s,     u"Brennan"_s,  u"Lindgren"_s, u"Costa"_s,
    u"Van Dijk"_s, u"Schneider"_s, u"Moreau"_s,    u"Kaur"_s,     u"Walsh"_s,    u"Yilmaz"_s,
    u"Novak"_s,    u"Santos"_s,    u"Bianchi"_s,   u"Hughes"_s,   u"Mensah"_s,   u"Ivanova"_s,
    u"Larsen"_s,   u"Chen"_s,      u"Murphy"_s,    u"Petrović"_s, u"Almeida"_s,  u"Kim"_s,
    u"Taylor"_s,   u"Weber"_s,     u"Romano"_s,    u"Adeyemi"_s,  u"Berg"_s,     u"Fontaine"_s,
    u"Clarke"_s,   u"Hoffmann"_s,  u"Lopez"_s,     u"Svensson"_s, u"Reid"_s,     u"Tanaka"_s,
};
const QString Initials = u"ABCDEFGHJKLMNPRSTW"_s;

const QStringList Notes {
    u"Birthday: candle on the dessert"_s, u"Nut allergy"_s,
    u"High chair for a toddler"_s,        u"Wheelchair user: step-free route, please"_s,
    u"Window seat if possible"_s,         u"Anniversary"_s,
    u"Two vegans in the party"_s,         u"Gluten-free"_s,
    u"Regulars: they like the corner"_s,  u"Running late, will call"_s,
    u"Business dinner, quiet table"_s,    u"Shellfish allergy"_s,
    u"Bringing a dog (small)"_s,          u"Pre-theatre: must leave by 20:45"_s,
};

QDateTime wholeMinute(const QDateTime &moment)
{
    const QDateTime utc = moment.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC);
}

QDateTime plusMinutes(const QDateTime &moment, qint64 minutes)
{
    return moment.addSecs(minutes * 60);
}

DomainError failure(const QString &what, const DomainError &error)
{
    return DomainError(
        error.code(),
        u"The demo restaurant could not be loaded (%1): %2"_s.arg(what, error.message()));
}

} // namespace

// The tables as one terminal read them a moment ago: what it checks a
// booking against while another terminal's booking is on its way.
class DemoRestaurant::ReadEarlier final : public booker::TableCatalog
{
public:
    explicit ReadEarlier(booker::TableCatalog &source)
        : m_source(source)
    { }

    DomainResult<QList<booker::TableSnapshot>> snapshot() override { return m_snapshot; }
    DomainResult<void> read()
    {
        auto read = m_source.snapshot();
        if (!read.ok())
            return read.error();
        m_snapshot = read.value();
        return {};
    }

private:
    booker::TableCatalog &m_source;
    QList<booker::TableSnapshot> m_snapshot;
};

QString DemoRestaurant::Summary::describe() const
{
    return u"%1 tables in %2 zones (%3), %4 bookings"_s.arg(tables)
        .arg(zones.size())
        .arg(zones.join(u", "_s))
        .arg(bookings);
}

DemoRestaurant::DemoRestaurant(EventStore &store, const Clock &clock)
    : m_store(store)
    , m_now(wholeMinute(clock.now()))
    , m_setUpAt(plusMinutes(m_now, -14 * 24 * 60))
    , m_clock(m_setUpAt)
    , m_office(store, m_clock, Manager)
    , m_lockingSagaTables(store, m_clock, Service)
    , m_catalog(store)
    , m_barTabletTables(std::make_unique<ReadEarlier>(m_catalog))
    , m_manager(store, m_catalog, m_clock, Manager)
    , m_hostStand(store, m_catalog, m_clock, Host)
    , m_barTablet(store, *m_barTabletTables, m_clock, Runner)
    , m_terraceTabletTables(std::make_unique<ReadEarlier>(m_catalog))
    , m_terraceTablet(store, *m_terraceTabletTables, m_clock, Waiter)
    , m_lockingSaga(m_lockingSagaTables)
    , m_bookingSaga(store, Service)
    , m_random(20261127) // the same restaurant every time, relative to now
{ }

DemoRestaurant::~DemoRestaurant() = default;

DomainResult<DemoRestaurant::Summary> DemoRestaurant::load()
{
    if (auto empty = checkEmpty(); !empty.ok())
        return empty.error();
    if (auto setUp = this->setUp(); !setUp.ok())
        return setUp.error();
    auto settings = m_manager.settings();
    if (!settings.ok())
        return failure(u"settings"_s, settings.error());
    if (auto ran = runSteps(planWeek(settings.value())); !ran.ok())
        return ran.error();
    return summarize();
}

DomainResult<void> DemoRestaurant::checkEmpty()
{
    auto last = m_store.lastPosition();
    if (!last.ok())
        return DomainError::fromStore(last.error());
    if (last.value() > 0)
        return DomainError(DomainError::Code::AlreadyExists,
                           u"The store %1 already holds %2 events; the demo restaurant loads only "
                           u"into an empty store."_s.arg(m_store.location())
                               .arg(last.value()));
    return {};
}

// The manager's first day: settings and tables, and the next day's changes.
DomainResult<void> DemoRestaurant::setUp()
{
    m_clock.setNow(m_setUpAt);
    if (auto defined = defineSettings(); !defined.ok())
        return defined;
    if (auto added = addTables(); !added.ok())
        return added;
    if (auto read = m_terraceTabletTables->read(); !read.ok())
        return read;
    m_clock.setNow(plusMinutes(m_setUpAt, 24 * 60));
    return rearrangeTables();
}

DomainResult<void> DemoRestaurant::defineSettings()
{
    QList<ServicePeriod> periods;
    for (int weekday = Qt::Monday; weekday <= Qt::Sunday; ++weekday) {
        periods.append({weekday, u"lunch"_s, QTime(12, 0), QTime(14, 30)});
        periods.append({weekday, u"dinner"_s, QTime(18, 0), QTime(22, 30)});
    }
    if (auto defined = m_manager.defineServicePeriods(periods); !defined.ok())
        return failure(u"service periods"_s, defined.error());
    if (auto defined = m_manager.defineTurnTimes({{2, 90}, {4, 105}, {6, 120}}, 150); !defined.ok())
        return failure(u"turn times"_s, defined.error());
    return {};
}

DomainResult<void> DemoRestaurant::addTables()
{
    QList<DemoTable> tables = demoTables();
    tables.append({SpareTable, 2, Terrace, 1000, 900});
    for (const DemoTable &table : tables) {
        auto id = TableId::create(table.id);
        auto seats = SeatCount::create(table.seats);
        if (!id.ok() || !seats.ok())
            return failure(table.id, id.ok() ? seats.error() : id.error());
        const TableLayout layout = TableLayout::forSeats(table.seats, table.zone, table.x, table.y);
        if (auto added = m_office.addTable(id.value(), seats.value(), layout); !added.ok())
            return failure(table.id, added.error());
    }
    return {};
}

DomainResult<void> DemoRestaurant::rearrangeTables()
{
    const TableId grown = TableId::create(GrownTable).value();
    if (auto changed = m_office.changeSeats(grown, SeatCount::create(GrownSeats).value());
        !changed.ok())
        return failure(GrownTable, changed.error());
    const DemoTable before = demoTables().at(13);
    const TableLayout bigger = TableLayout::forSeats(GrownSeats, before.zone, before.x, before.y);
    if (auto moved = m_office.moveTable(grown, bigger); !moved.ok())
        return failure(GrownTable, moved.error());
    if (auto removed = m_office.removeTable(TableId::create(SpareTable).value()); !removed.ok())
        return failure(SpareTable, removed.error());
    return {};
}

// --- The week's plan ----------------------------------------------------------

QList<DemoRestaurant::Step> DemoRestaurant::planWeek(const booker::RestaurantSettings &settings)
{
    QList<Step> steps;
    const QDate today = settings.localDate(m_now);
    for (int day = -DaysBefore; day <= DaysAfter; ++day) {
        const QDate date = today.addDays(day);
        for (const ServicePeriod &period : settings.servicePeriodsOn(date.dayOfWeek())) {
            for (const Seating &seating : planService(settings, date, period))
                planSeating(seating, steps);
        }
    }
    return steps;
}

QList<DemoRestaurant::Seating> DemoRestaurant::planService(
    const booker::RestaurantSettings &settings, const QDate &date, const ServicePeriod &period)
{
    const bool dinner = period.name == u"dinner"_s;
    const double dayFill = (dinner ? DinnerFill : LunchFill).at(date.dayOfWeek() - 1);
    const qint64 slotSeconds = settings.slotMinutes() * 60;
    const QDateTime first = settings.localMoment(date, period.start);
    const QDateTime lastStart = settings.localMoment(date, period.end).addSecs(-slotSeconds);
    QList<Seating> seatings;
    for (const DemoTable &table : demoTables()) {
        const int seats = table.id == GrownTable ? GrownSeats : table.seats;
        const double fill = table.zone == Terrace ? dayFill * TerraceFactor : dayFill;
        QDateTime cursor = first.addSecs(slotSeconds * m_random.bounded(0, 3));
        for (int count = 0; count < MaxSeatingsPerService && cursor <= lastStart;) {
            if (!chance(fill)) {
                cursor = cursor.addSecs(slotSeconds * m_random.bounded(2, 6));
                continue;
            }
            Seating seating;
            seating.index = m_nextSeating++;
            seating.tableId = table.id;
            seating.seats = seats;
            seating.partySize = seats <= 2 ? (chance(0.15) ? 1 : 2)
                                           : m_random.bounded(std::max(2, seats - 2), seats + 1);
            seating.turnMinutes
                = settings.turnMinutesFor(PartySize::create(seating.partySize).value());
            seating.start = cursor;
            seating.contested = dinner && count == 0 && table.id == ContestedTable;
            // A walk-in comes in a few minutes after a slot begins, and only
            // before now: nobody walks in tomorrow.
            const QDateTime walkInAt = cursor.addSecs(60 * m_random.bounded(2, 14));
            if (!seating.contested && walkInAt < m_now && chance(0.12)) {
                seating.walkIn = true;
                seating.start = walkInAt;
            }
            seatings.append(seating);
            ++count;
            // The next party sits down on the grid once this one has gone.
            const QDateTime free
                = plusMinutes(seating.start, seating.turnMinutes + m_random.bounded(0, 20));
            const qint64 slotsAway = (first.secsTo(free) + slotSeconds - 1) / slotSeconds;
            cursor = first.addSecs(slotsAway * slotSeconds);
        }
    }
    return seatings;
}

void DemoRestaurant::planSeating(const Seating &seating, QList<Step> &steps)
{
    if (seating.walkIn)
        planWalkIn(seating, steps);
    else
        planBooking(seating, steps);
}

void DemoRestaurant::planBooking(const Seating &seating, QList<Step> &steps)
{
    QDateTime bookedAt = plusMinutes(seating.start, -m_random.bounded(120, 9 * 24 * 60));
    if (bookedAt >= m_now)
        bookedAt = plusMinutes(m_now, -m_random.bounded(5, 3 * 24 * 60));
    const QDateTime earliest = plusMinutes(m_setUpAt, 2 * 24 * 60 + m_random.bounded(0, 600));
    bookedAt = std::max(bookedAt, earliest);
    booker::Booker &booker = chance(0.65) ? m_hostStand : m_manager;
    const booker::BookingRequest request {seating.tableId, seating.start, seating.partySize,
                                          guestName(),     phone(),       note(),
                                          std::nullopt};
    std::optional<booker::BookingRequest> rival;
    if (seating.contested)
        rival = booker::BookingRequest {seating.tableId, seating.start, std::min(seating.seats, 3),
                                        guestName(),     phone(),       {},
                                        std::nullopt};
    // The rival booking is made in the same step, before either saga has
    // run: both terminals saw the table free.
    addStep(steps, bookedAt, [this, &booker, request, rival, index = seating.index] {
        if (rival) {
            if (auto read = m_barTabletTables->read(); !read.ok())
                return read;
        }
        if (auto booked = book(booker, request, index); !booked.ok() || !rival)
            return booked;
        return book(m_barTablet, *rival, std::nullopt);
    });
    if (seating.start > m_now)
        planFuture(seating, bookedAt, steps);
    else
        planVisit(seating, bookedAt, steps);
}

DomainResult<void> DemoRestaurant::book(booker::Booker &booker,
                                        const booker::BookingRequest &request,
                                        std::optional<int> seating)
{
    auto booked = booker.book(request);
    if (!booked.ok())
        return failure(request.guestName, booked.error());
    if (seating)
        m_bookings.insert(*seating, booked.value());
    m_allBookings.append(booked.value());
    return {};
}

void DemoRestaurant::planFuture(const Seating &seating, const QDateTime &bookedAt,
                                QList<Step> &steps)
{
    const int fate = m_futureSeatings++ % 11;
    if (fate == 2 || fate == 7 || fate == 9) {
        planChange(seating, bookedAt, fate, steps);
        return;
    }
    if (fate != 4)
        return;
    const QDateTime cancelAt = bookedAt.addSecs(
        std::max<qint64>(60, bookedAt.secsTo(m_now) * m_random.bounded(1, 10) / 10));
    addStep(steps, std::min(cancelAt, m_now), [this, index = seating.index] {
        return onBooking(index, [this](const BookingId &id) { return m_manager.cancel(id); });
    });
}

// Some guests call back before their evening: one more or one fewer, a
// note for the kitchen; and the terrace tablet, which still shows T27,
// moves a pair out there, which the table manager refuses (the table is
// gone) and the booking stays as it was. Party sizes stay within the
// table's seats, so that no change is refused up front.
void DemoRestaurant::planChange(const Seating &seating, const QDateTime &bookedAt, int fate,
                                QList<Step> &steps)
{
    const QDateTime at = bookedAt.addSecs(std::max<qint64>(60, bookedAt.secsTo(m_now) / 2));
    booker::BookingChangeRequest change;
    booker::Booker *booker = &m_hostStand;
    if (fate == 2) {
        if (seating.partySize > 2)
            return;
        change.tableId = SpareTable;
        booker = &m_terraceTablet;
    } else if (fate == 7) {
        change.note = Notes.at(seating.index % Notes.size());
    } else {
        change.partySize = seating.partySize < seating.seats ? seating.partySize + 1
                                                             : std::max(1, seating.partySize - 1);
    }
    addStep(steps, std::min(at, m_now), [this, booker, change, index = seating.index] {
        return onBooking(index, [booker, change](const BookingId &id) -> DomainResult<void> {
            auto changed = booker->changeBooking(id, change);
            if (!changed.ok())
                return changed.error();
            return {};
        });
    });
}

// A booking whose time has come: most parties arrive, sit and leave; some
// cancel ahead, some never come, and now and then the host forgets a tap.
void DemoRestaurant::planVisit(const Seating &seating, const QDateTime &bookedAt,
                               QList<Step> &steps)
{
    int fate = m_pastSeatings++ % 20;
    // The floor plan counts a party never marked as gone as present for a
    // day; a forgotten tap is an older evening's, not tonight's.
    const bool lastDay = seating.start.secsTo(m_now) < 24 * 60 * 60;
    if (lastDay && (fate == 13 || fate == 17))
        fate = 0;
    const int index = seating.index;
    if (fate == 3) {
        const qint64 lead = bookedAt.secsTo(seating.start);
        const QDateTime cancelAt = bookedAt.addSecs(lead * m_random.bounded(3, 9) / 10);
        addStep(steps, cancelAt, [this, index] {
            return onBooking(index, [this](const BookingId &id) { return m_hostStand.cancel(id); });
        });
        return;
    }
    if (fate == 8) {
        addStep(steps, plusMinutes(seating.start, m_random.bounded(20, 35)), [this, index] {
            return onBooking(index, [this](const BookingId &id) { return m_hostStand.noShow(id); });
        });
        addStep(steps, plusMinutes(seating.start, seating.turnMinutes + 1),
                [this, table = seating.tableId] { return expireLocksOf(table); });
        return;
    }
    const QDateTime arrivedAt = plusMinutes(seating.start, m_random.bounded(-10, 12));
    addStep(steps, arrivedAt, [this, index] {
        return onBooking(index, [this](const BookingId &id) { return m_hostStand.arrive(id); });
    });
    if (fate == 13) { // waited at the bar and was never marked seated
        addStep(steps, plusMinutes(seating.start, seating.turnMinutes + 2),
                [this, table = seating.tableId] { return expireLocksOf(table); });
        return;
    }
    const QDateTime seatedAt = plusMinutes(arrivedAt, m_random.bounded(2, 9));
    booker::Booker &seater = chance(0.7) ? m_hostStand : m_barTablet;
    addStep(steps, seatedAt, [this, &seater, index] {
        return onBooking(index, [&seater](const BookingId &id) { return seater.seat(id); });
    });
    if (fate == 17) { // nobody tapped "left": the lock runs out on its own
        addStep(steps, plusMinutes(seating.start, seating.turnMinutes + 3),
                [this, table = seating.tableId] { return expireLocksOf(table); });
        return;
    }
    planStay(seating, seatedAt, steps);
}

void DemoRestaurant::planWalkIn(const Seating &seating, QList<Step> &steps)
{
    const booker::WalkInRequest request {seating.tableId, seating.partySize, guestName(),
                                         chance(0.3) ? phone() : QString(),
                                         chance(0.15) ? note() : QString()};
    addStep(steps, seating.start, [this, request, index = seating.index] {
        auto booked = m_hostStand.walkIn(request);
        if (!booked.ok())
            return DomainResult<void>(failure(request.guestName, booked.error()));
        m_bookings.insert(index, booked.value());
        m_allBookings.append(booked.value());
        return DomainResult<void>();
    });
    planStay(seating, seating.start, steps);
}

void DemoRestaurant::planStay(const Seating &seating, const QDateTime &seatedAt, QList<Step> &steps)
{
    const QDateTime end = plusMinutes(seating.start, seating.turnMinutes);
    const QDateTime leftAt
        = std::max(plusMinutes(end, -m_random.bounded(0, 20)), plusMinutes(seatedAt, 40));
    addStep(steps, leftAt, [this, index = seating.index] {
        return onBooking(index, [this](const BookingId &id) { return m_hostStand.leave(id); });
    });
}

// A step after now has not happened yet: the booking stays as it is.
void DemoRestaurant::addStep(QList<Step> &steps, const QDateTime &at,
                             std::function<DomainResult<void>()> run)
{
    if (at <= m_now)
        steps.append({at, std::move(run)});
}

DomainResult<void> DemoRestaurant::onBooking(
    int seating, const std::function<DomainResult<void>(const BookingId &)> &act)
{
    const auto found = m_bookings.constFind(seating);
    if (found == m_bookings.cend())
        return DomainError(DomainError::Code::NotFound,
                           u"The demo restaurant lost track of a booking it made."_s);
    if (auto done = act(found.value()); !done.ok())
        return failure(found.value().toString(), done.error());
    return {};
}

DomainResult<void> DemoRestaurant::expireLocksOf(const QString &tableId)
{
    auto expired = m_lockingSagaTables.expireLocks(TableId::create(tableId).value());
    if (!expired.ok())
        return failure(tableId, expired.error());
    return {};
}

// --- Running the plan ------------------------------------------------------------

DomainResult<void> DemoRestaurant::runSteps(QList<Step> steps)
{
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step &a, const Step &b) { return a.at < b.at; });
    for (const Step &step : std::as_const(steps)) {
        m_clock.setNow(step.at);
        if (auto ran = step.run(); !ran.ok())
            return ran;
        if (auto settled = settle(); !settled.ok())
            return settled;
    }
    m_clock.setNow(m_now);
    return {};
}

// Hands every new event to the two sagas' handlers, as their subscriptions
// would, until they write nothing more. The running sagas get the same
// events later and find each step taken already.
DomainResult<void> DemoRestaurant::settle()
{
    const ReadAllFilter locking = TableLockingSaga::filter();
    const ReadAllFilter confirming = booker::BookingSaga::filter();
    for (;;) {
        auto page = m_store.readAll(m_settledPosition, 500);
        if (!page.ok())
            return DomainError::fromStore(page.error());
        if (page.value().isEmpty())
            return {};
        for (const RecordedEvent &event : std::as_const(page.value())) {
            Disposition handled = Disposition::ack();
            if (locking.matches(event))
                handled = m_lockingSaga.handle(event);
            else if (confirming.matches(event))
                handled = m_bookingSaga.handle(event);
            if (handled.action != Disposition::Action::Ack)
                return DomainError(
                    DomainError::Code::StoreFailure,
                    u"The demo restaurant's %1 at position %2 was not settled: %3"_s.arg(event.type)
                        .arg(event.position)
                        .arg(handled.reason));
            m_settledPosition = event.position;
        }
    }
}

DomainResult<DemoRestaurant::Summary> DemoRestaurant::summarize()
{
    Summary summary;
    auto tables = m_office.tables();
    if (!tables.ok())
        return tables.error();
    for (const Table &table : tables.value()) {
        summary.tables += 1;
        if (!summary.zones.contains(table.layout().zone))
            summary.zones.append(table.layout().zone);
    }
    for (const BookingId &id : std::as_const(m_allBookings)) {
        auto booking = m_manager.booking(id);
        if (!booking.ok())
            return booking.error();
        summary.bookings += 1;
        summary.walkIns += booking.value().isWalkIn() ? 1 : 0;
        summary.statuses[booking.value().status()] += 1;
    }
    return summary;
}

// --- Guests ------------------------------------------------------------------------

QString DemoRestaurant::guestName()
{
    const QString surname = Surnames.at(m_random.bounded(int(Surnames.size())));
    if (!chance(0.3))
        return surname;
    return Initials.at(m_random.bounded(int(Initials.size()))) + u". "_s + surname;
}

// Numbers from the range set aside for drama, so none of them rings anyone.
QString DemoRestaurant::phone()
{
    if (chance(0.1))
        return u"020 7946 0%1"_s.arg(m_random.bounded(0, 1000), 3, 10, QLatin1Char('0'));
    return u"07700 900%1"_s.arg(m_random.bounded(0, 1000), 3, 10, QLatin1Char('0'));
}

QString DemoRestaurant::note()
{
    if (!chance(0.25))
        return {};
    return Notes.at(m_random.bounded(int(Notes.size())));
}

bool DemoRestaurant::chance(double probability)
{
    return m_random.generateDouble() < probability;
}

} // namespace hoststand
