#include "tests/bench/GuiStallBench.h"

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "eventstore/EventStore.h"
#include "eventstore/PostgresConnectionSettings.h"
#include "readmodel/ReadModel.h"
#include "tests/bench/GuiBenchRestaurant.h"
#include "tests/bench/PostgresBenchSchema.h"
#include "ui/booking/BookingDialog.h"
#include "ui/hoststand/HostStandTools.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace hoststand::bench {
namespace {

constexpr int WriterLockMs = 3000;
constexpr int ForeignBookings = 1000;
constexpr int HostBookings = 200;
constexpr int BlackHoleMs = 5000;

// The GUI thread's pulse: a precise 5 ms timer, and the gaps between its
// ticks while recording. A gap that began before begin() counts whole, so
// that a stall already under way when a case starts is not cut short.
class StallProbe final
{
public:
    StallProbe()
    {
        m_clock.start();
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(5);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { tick(); });
        m_ticker.start();
        m_last = m_clock.nsecsElapsed();
    }

    void begin()
    {
        m_gaps.clear();
        m_began = m_clock.nsecsElapsed();
        m_recording = true;
    }
    // The gap up to now counts too: it is a wait the GUI thread has not ended.
    void end()
    {
        tick();
        m_recording = false;
        m_windowMs = double(m_clock.nsecsElapsed() - m_began) / 1e6;
    }

    void report(const QString &key, QJsonObject &figures) const
    {
        figures.insert(u"guiStallMaxMs"_s + key,
                       rounded(*std::max_element(m_gaps.begin(), m_gaps.end())));
        figures.insert(u"guiStallP99Ms"_s + key, rounded(percentile(m_gaps, 0.99)));
        std::fprintf(stderr, "stall: %s: %lld gaps over %.0f ms, median %.2f ms\n", qPrintable(key),
                     static_cast<long long>(m_gaps.size()), m_windowMs, percentile(m_gaps, 0.5));
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_recording)
            m_gaps.append(double(now - m_last) / 1e6);
        m_last = now;
    }

    QElapsedTimer m_clock;
    QTimer m_ticker;
    qint64 m_last = 0;
    qint64 m_began = 0;
    bool m_recording = false;
    QList<double> m_gaps;
    double m_windowMs = 0;
};

// Runs the event loop until done() holds (looked at every 20 ms) or the
// time is up; the GUI thread keeps working meanwhile, as it would idle.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer look;
    QObject::connect(&look, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    look.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

// hoststand_stall_peer, built beside the benchmark, and its lines.
class Peer final
{
public:
    Peer() { m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel); }
    ~Peer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QStringList &arguments)
    {
        m_process.start(QCoreApplication::applicationDirPath() + u"/hoststand_stall_peer"_s,
                        arguments);
        return m_process.waitForStarted(10000);
    }
    void write(const QByteArray &line) { m_process.write(line + '\n'); }

    // Runs the event loop until the peer says a line that starts with
    // prefix; nothing when it ends or the time is up first.
    std::optional<QByteArray> waitForLine(const QByteArray &prefix, int timeoutMs)
    {
        std::optional<QByteArray> found;
        const auto look = [&] {
            while (!found && m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith(prefix))
                    found = line;
            }
            return found.has_value() || m_process.state() == QProcess::NotRunning;
        };
        if (look())
            return found;
        QEventLoop loop;
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &loop, [&] {
            if (look())
                loop.quit();
        });
        QObject::connect(&m_process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        look();
        return found;
    }

    bool waitForExit(int timeoutMs)
    {
        if (m_process.state() != QProcess::NotRunning)
            waitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
        return m_process.state() == QProcess::NotRunning && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
};

// An open host stand as the application runs it: the restaurant with its
// sagas and lock expiry, the window with its tools (the event log, the day
// sheet), shown offscreen on the bench's day.
struct HostStand
{
    ManualClock clock {guiBenchAt(-60)};
    SilentPrompt prompt;
    std::unique_ptr<Engine> engine;
    Restaurant *restaurant = nullptr; // the engine's view half
    std::unique_ptr<ui::HostStandWindow> window; // closed before its engine

    std::optional<QString> open(const QString &store)
    {
        RestaurantOptions options;
        options.store = store;
        options.runLockExpiry = true;
        QString failure;
        engine = openGuiBenchEngine(options, clock, failure);
        if (!engine)
            return failure;
        restaurant = &engine->view();
        const ui::HostStandServices services {*engine, prompt, u"bench"_s};
        window = std::make_unique<ui::HostStandWindow>(services);
        new ui::HostStandTools(*window, services);
        window->setAttribute(Qt::WA_DontShowOnScreen);
        window->resize(1280, 800);
        window->show();
        window->showDay(GuiBenchDay, GuiBenchService);
        // Its sagas take their leases, the read model catches up, the window paints.
        runFor(1000);
        if (!engine->call([](Restaurant &half) { return half.holdsSagaLeases(); }))
            return u"the host stand does not hold its sagas' leases"_s;
        return std::nullopt;
    }

    qsizetype confirmedOnTheDay() const
    {
        const auto rows = restaurant->readModel()->bookingsOn(GuiBenchDay);
        if (!rows.ok())
            return 0;
        return std::count_if(rows.value().begin(), rows.value().end(), [](const BookingRow &row) {
            return row.status == BookingStatus::Confirmed;
        });
    }
};

std::optional<QString> measureWriterLock(const BenchOptions &options, QJsonObject &figures)
{
    HostStand stand;
    if (auto failed = stand.open(options.storePath + u".stall-lock"_s))
        return failed;
    StallProbe probe;
    Peer peer;
    if (!peer.start({u"lock"_s, stand.restaurant->options().store, QString::number(WriterLockMs)}))
        return u"hoststand_stall_peer did not start"_s;
    if (!peer.waitForLine("locked", 30000))
        return u"hoststand_stall_peer never took the write lock"_s;
    probe.begin();
    if (!peer.waitForLine("released", WriterLockMs + 30000))
        return u"hoststand_stall_peer never released the write lock"_s;
    runFor(500); // what waited for the lock goes through
    probe.end();
    if (!peer.waitForExit(10000))
        return u"hoststand_stall_peer lock failed"_s;
    probe.report(u"WriterLock"_s, figures);
    return std::nullopt;
}

std::optional<QString> measureForeignAppends(const BenchOptions &options, QJsonObject &figures)
{
    HostStand stand;
    if (auto failed = stand.open(options.storePath + u".stall-appends"_s))
        return failed;
    StallProbe probe;
    Peer peer;
    if (!peer.start({u"book"_s, stand.restaurant->options().store, QString::number(ForeignBookings),
                     stand.clock.now().toString(Qt::ISODate)}))
        return u"hoststand_stall_peer did not start"_s;
    if (!peer.waitForLine("ready", 30000))
        return u"hoststand_stall_peer did not open the store"_s;
    const auto before = stand.restaurant->store().lastPosition();
    if (!before.ok())
        return before.error().message();
    // Each booking: initiated (by the peer), its lock placed and the
    // booking confirmed (by the host stand's sagas), then projected.
    const qint64 settled = before.value() + 3 * qint64(ForeignBookings);
    probe.begin();
    peer.write("go");
    const auto booked = peer.waitForLine("booked", 300000);
    if (!booked)
        return u"hoststand_stall_peer did not book its parties"_s;
    if (!waitFor([&] { return stand.restaurant->readModel()->position() >= settled; }, 300000))
        return u"the host stand did not settle the %1 bookings"_s.arg(ForeignBookings);
    runFor(250);
    probe.end();
    if (const qsizetype confirmed = stand.confirmedOnTheDay(); confirmed != ForeignBookings)
        return u"%1 of the %2 bookings were confirmed"_s.arg(confirmed).arg(ForeignBookings);
    std::fprintf(stderr, "stall: ForeignAppends: the peer %s\n", booked->constData());
    probe.report(u"ForeignAppends"_s, figures);
    return std::nullopt;
}

// As the gui section's dialogOkToConfirmed: the booking dialog from New
// booking, filled in, then its OK in an event of its own, as a host's
// click; the next booking once the engine's answer accepted the dialog.
std::optional<QString> measureHostBooks(const BenchOptions &options, QJsonObject &figures)
{
    HostStand stand;
    if (auto failed = stand.open(options.storePath + u".stall-books"_s))
        return failed;
    ui::HostStandWindow &window = *stand.window;
    StallProbe probe;
    QEventLoop loop;
    std::optional<QString> failure;
    // A host's steps, each its own turn of the event loop as a person's
    // clicks and keys are: open the dialog, set the time, pick the table,
    // type the name, press OK.
    const auto then = [&loop](std::function<void()> step) {
        QTimer::singleShot(0, &loop, std::move(step));
    };
    std::function<void(int)> book = [&](int i) {
        if (i == HostBookings) {
            loop.quit();
            return;
        }
        window.newBookingAction()->trigger();
        QPointer<ui::BookingDialog> dialog;
        for (ui::BookingDialog *open : window.findChildren<ui::BookingDialog *>()) {
            if (open->isVisible())
                dialog = open;
        }
        if (!dialog) {
            failure = u"no booking dialog opened"_s;
            loop.quit();
            return;
        }
        // The next booking once the engine's answer closed the dialog.
        QObject::connect(dialog, &QDialog::accepted, &loop,
                         [&, i] { then([&, i] { book(i + 1); }); });
        QObject::connect(dialog, &ui::BookingDialog::refused, &loop, [&, i](const QString &why) {
            failure = u"booking %1 was refused: %2"_s.arg(i).arg(why);
            loop.quit();
        });
        // Ten 90-minute turns a table.
        then([&, i, dialog] {
            if (dialog)
                dialog->setStart(guiBenchAt((i % 10) * 90));
            then([&, i, dialog] {
                if (dialog)
                    dialog->setTable(u"T%1"_s.arg(i / 10 + 1));
                then([&, i, dialog] {
                    if (dialog)
                        dialog->guestField()->setText(u"Guest %1"_s.arg(i));
                    then([&, i, dialog] {
                        if (!dialog || !dialog->okButton()->isEnabled()) {
                            failure = u"booking %1 cannot be sent: %2"_s.arg(i).arg(
                                dialog ? dialog->message() : QString());
                            loop.quit();
                            return;
                        }
                        dialog->okButton()->click();
                    });
                });
            });
        });
    };
    probe.begin();
    QTimer::singleShot(0, &loop, [&] { book(0); });
    QTimer::singleShot(600000, &loop, [&] {
        failure = u"the host stand did not book %1 parties in 10 minutes"_s.arg(HostBookings);
        loop.quit();
    });
    loop.exec();
    if (failure)
        return failure;
    runFor(250);
    probe.end();
    if (const qsizetype confirmed = stand.confirmedOnTheDay(); confirmed != HostBookings)
        return u"%1 of the %2 bookings were confirmed"_s.arg(confirmed).arg(HostBookings);
    probe.report(u"HostBooks"_s, figures);
    return std::nullopt;
}

std::optional<QString> measurePostgresUnreachable(const BenchOptions &options, QJsonObject &figures)
{
    const auto server = PostgresConnectionSettings::fromUrl(options.postgresUrl);
    if (!server.ok())
        return server.error().message();
    if (server.value().host != u"127.0.0.1"_s && server.value().host != u"localhost"_s)
        return u"the relay reaches a server on this machine only (127.0.0.1), not %1"_s.arg(
            server.value().host);
    // Declared in this order so that the host stand closes through the
    // relay, and the schema is dropped straight at the server after both.
    PostgresBenchSchema schema(options.postgresUrl);
    Peer relay;
    if (!relay.start({u"relay"_s, QString::number(server.value().port)}))
        return u"hoststand_stall_peer did not start"_s;
    const auto listening = relay.waitForLine("listening", 30000);
    if (!listening)
        return u"hoststand_stall_peer relays nothing"_s;
    QUrl throughRelay(schema.storeUrl());
    throughRelay.setHost(u"127.0.0.1"_s);
    throughRelay.setPort(listening->mid(10).toInt());
    HostStand stand;
    if (auto failed = stand.open(throughRelay.toString(QUrl::FullyEncoded)))
        return failed;
    StallProbe probe;
    probe.begin();
    relay.write("hole " + QByteArray::number(BlackHoleMs));
    if (!relay.waitForLine("holed", 30000) || !relay.waitForLine("resumed", BlackHoleMs + 60000))
        return u"hoststand_stall_peer made no black hole"_s;
    runFor(3000); // the reconnection's longest pause
    probe.end();
    probe.report(u"PostgresUnreachable"_s, figures);
    return std::nullopt;
}

} // namespace

std::optional<QString> runStallSection(const BenchOptions &options, QJsonObject &figures)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return u"the stall section needs a QApplication"_s;
    for (const auto measure : {&measureWriterLock, &measureForeignAppends, &measureHostBooks}) {
        if (auto failed = measure(options, figures))
            return failed;
    }
    if (options.postgresUrl.isEmpty()) {
        std::fprintf(stderr, "stall: no --pg-url, so no PostgresUnreachable figures\n");
        return std::nullopt;
    }
    return measurePostgresUnreachable(options, figures);
}

} // namespace hoststand::bench
