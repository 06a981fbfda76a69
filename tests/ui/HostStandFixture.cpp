#include "tests/ui/HostStandFixture.h"
#include "domain/StoreClock.h"

#include <QDeadlineTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace hoststand::test {
namespace {

const CommandContext TestContext {u"host"_s, u"stand-1"_s};

RestaurantOptions optionsFor(const QString &store, const Clock &clock, bool runSagas,
                             bool readModel)
{
    RestaurantOptions options;
    options.store = store;
    options.runSagas = runSagas;
    options.readModel = readModel ? RestaurantOptions::ReadModelUse::Follow
                                  : RestaurantOptions::ReadModelUse::None;
    options.storeTime = StoreClock::following(clock);
    return options;
}

template<typename T>
T opened(StoreResult<T> result)
{
    if (!result.ok())
        qFatal("GUI fixture: %s", qPrintable(result.error().message()));
    return std::move(result).value();
}

} // namespace

HostStandFixture::HostStandFixture(bool runSagas, const QDateTime &now)
    : m_clock(now)
{
    m_engine = opened(
        Engine::open(optionsFor(storePath(), m_clock, runSagas, true), m_clock, TestContext));
    if (auto defined = booker().defineTimeZone(u"UTC"_s); !defined.ok())
        qFatal("GUI fixture: %s", qPrintable(defined.error().message()));
    settle();
}

HostStandFixture::~HostStandFixture() = default;

QString HostStandFixture::storePath() const
{
    return m_dir.filePath(u"restaurant.hoststand"_s);
}

ui::HostStandServices HostStandFixture::services()
{
    return {*m_engine, m_prompt, TestContext.terminal};
}

void HostStandFixture::startSagaHost()
{
    m_sagaHost = opened(
        Restaurant::open(optionsFor(storePath(), m_clock, true, false), m_clock, TestContext));
}

void HostStandFixture::addTable(const QString &id, int seats, const QString &zone, double x,
                                double y)
{
    auto tableId = TableId::create(id);
    auto seatCount = SeatCount::create(seats);
    if (!tableId.ok() || !seatCount.ok())
        qFatal("GUI fixture: a bad table %s", qPrintable(id));
    auto added = tableManager().addTable(tableId.value(), seatCount.value(),
                                         TableLayout::forSeats(seats, zone, x, y));
    if (!added.ok())
        qFatal("GUI fixture: %s", qPrintable(added.error().message()));
    settle();
}

QString HostStandFixture::book(const QString &table, const QTime &start, int party,
                               const QString &guest, std::optional<int> minutes)
{
    booker::BookingRequest request;
    request.tableId = table;
    request.start = at(start);
    request.partySize = party;
    request.guestName = guest;
    request.durationMinutes = minutes;
    auto booked = booker().book(request);
    if (!booked.ok())
        return {};
    settle();
    return booked.value().toString();
}

BookingStatus HostStandFixture::statusOf(const QString &bookingId)
{
    const std::optional<BookingRow> row = readModel().booking(bookingId).value();
    return row ? row->status : BookingStatus::Rejected;
}

qint64 HostStandFixture::lastPosition()
{
    auto last = store().lastPosition();
    return last.ok() ? last.value() : -1;
}

bool HostStandFixture::settle()
{
    const QDeadlineTimer deadline(5000);
    while (!m_engine->isQuiet() || (m_sagaHost && !m_sagaHost->isQuiet())) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(1);
    }
    return true;
}

} // namespace hoststand::test
