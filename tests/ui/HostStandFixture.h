#pragma once

#include "domain/Clock.h"
#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "domain/tablemanager/TableManager.h"
#include "eventstore/EventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/ui/ScriptedPrompt.h"
#include "ui/hoststand/HostStandServices.h"

#include <QTemporaryDir>

#include <memory>

namespace hoststand::test {

// One restaurant for a GUI test, opened as the application opens it: an
// engine on a store file, with both sagas on its thread (unless the test
// wants bookings to stay pending) and the read model on this one, a manual
// clock and a scripted prompt. The restaurant's zone is UTC, so a test's
// times read as written. restaurant() is the engine's view half: what a
// test does through it runs on this thread, as another terminal would.
class HostStandFixture final
{
public:
    // Friday 17 May 2030; the clock starts at 17:00, before dinner (18:30 to 22:30).
    static QDate day() { return QDate(2030, 5, 17); }
    static QDateTime at(const QTime &time) { return QDateTime(day(), time, QTimeZone::utc()); }

    explicit HostStandFixture(bool runSagas = true, const QDateTime &now = at(QTime(17, 0)));
    ~HostStandFixture();

    Engine &engine() { return *m_engine; }
    Restaurant &restaurant() { return m_engine->view(); }
    EventStore &store() { return restaurant().store(); }
    ReadModel &readModel() { return *restaurant().readModel(); }
    TableManager &tableManager() { return restaurant().tableManager(); }
    booker::Booker &booker() { return restaurant().booker(); }
    ManualClock &clock() { return m_clock; }
    ScriptedPrompt &prompt() { return m_prompt; }
    QString storePath() const;
    ui::HostStandServices services();

    // Another terminal on the same store that runs the sagas, settling the
    // bookings this one left pending.
    void startSagaHost();

    void addTable(const QString &id, int seats, const QString &zone, double x = 100,
                  double y = 100);
    // Books through the booker and waits until the read model has it; the
    // id, empty on refusal.
    QString book(const QString &table, const QTime &start, int party, const QString &guest,
                 std::optional<int> minutes = std::nullopt);
    BookingStatus statusOf(const QString &bookingId);
    qint64 lastPosition();
    // Runs the event loop until this terminal (both halves of its engine)
    // and the saga host are quiet: the sagas handled every event and the
    // read model projected it.
    bool settle();

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    ScriptedPrompt m_prompt;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Restaurant> m_sagaHost;
};

} // namespace hoststand::test
