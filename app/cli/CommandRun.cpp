#include "app/cli/CommandRun.h"

#include "app/cli/CommandCatalog.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ExitStatus.h"
#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "readmodel/ReadModel.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::cli {

CommandRun::CommandRun(const CommandLine &line, CliOutput &output)
    : m_line(line)
    , m_output(output)
{
    if (m_line.isSet(u"now"_s)) {
        m_now = DateTimeInput::parse(m_line.value(u"now"_s));
        if (!m_now)
            problem(u"--now: \"%1\" is not an ISO-8601 time such as 2026-12-04T19:00."_s.arg(
                m_line.value(u"now"_s)));
    }
}

CommandRun::~CommandRun() = default;

QString CommandRun::text(const QString &option) const
{
    return m_line.value(option);
}

QStringList CommandRun::texts(const QString &option) const
{
    return m_line.values(option);
}

bool CommandRun::isSet(const QString &option) const
{
    return m_line.isSet(option);
}

QString CommandRun::argument(qsizetype index) const
{
    return m_line.arguments().value(index);
}

const QStringList &CommandRun::arguments() const
{
    return m_line.arguments();
}

void CommandRun::require(const QStringList &options)
{
    for (const QString &option : options) {
        if (!m_line.isSet(option))
            problem(u"--%1 is missing."_s.arg(option));
    }
}

std::optional<int> CommandRun::integer(const QString &option)
{
    if (!m_line.isSet(option))
        return std::nullopt;
    bool ok = false;
    const int value = m_line.value(option).toInt(&ok);
    if (!ok) {
        problem(u"--%1: \"%2\" is not a whole number."_s.arg(option, m_line.value(option)));
        return std::nullopt;
    }
    return value;
}

std::optional<int> CommandRun::integerArgument(qsizetype index, const QString &what)
{
    bool ok = false;
    const int value = argument(index).toInt(&ok);
    if (!ok) {
        problem(u"%1: \"%2\" is not a whole number."_s.arg(what, argument(index)));
        return std::nullopt;
    }
    return value;
}

std::optional<double> CommandRun::number(const QString &option)
{
    if (!m_line.isSet(option))
        return std::nullopt;
    bool ok = false;
    const double value = m_line.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        problem(u"--%1: \"%2\" is not a number."_s.arg(option, m_line.value(option)));
        return std::nullopt;
    }
    return value;
}

std::optional<QDate> CommandRun::date(const QString &option)
{
    if (!m_line.isSet(option))
        return std::nullopt;
    auto date = DateTimeInput::parseDate(m_line.value(option));
    if (!date)
        problem(
            u"--%1: \"%2\" is not a date such as 2026-12-04."_s.arg(option, m_line.value(option)));
    return date;
}

std::optional<DateTimeInput> CommandRun::dateTime(const QString &option)
{
    if (!m_line.isSet(option))
        return std::nullopt;
    auto moment = DateTimeInput::parse(m_line.value(option));
    if (!moment)
        problem(u"--%1: \"%2\" is not an ISO-8601 time such as 2026-12-04T19:00."_s.arg(
            option, m_line.value(option)));
    return moment;
}

void CommandRun::problem(const QString &message)
{
    m_problems.append(message);
}

int CommandRun::badUsage() const
{
    return m_output.badUsage(m_problems.join(u"\nhoststand-cli: "_s), m_line.usage());
}

QString CommandRun::storeLocation() const
{
    if (m_line.isSet(u"store"_s))
        return m_line.value(u"store"_s);
    const QString folder
        = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Hoststand"_s;
    QDir().mkpath(folder);
    return folder + u"/restaurant.hoststand"_s;
}

Restaurant *CommandRun::openToRead(RestaurantOptions::ReadModelUse readModel)
{
    m_createStore = false;
    return open(readModel);
}

void CommandRun::finishSagaWork()
{
    if (!m_restaurant || !m_restaurant->holdsSagaLeases())
        return;
    // A saga waiting out a failing store is not waited for: its step stays
    // in the store for the next process.
    const QDeadlineTimer deadline(m_restaurant->options().settleTimeout);
    while (!m_restaurant->isQuiet(false) && !deadline.hasExpired()) {
        QEventLoop pause;
        QTimer::singleShot(5, &pause, &QEventLoop::quit);
        pause.exec();
    }
}

Restaurant *CommandRun::open(RestaurantOptions::ReadModelUse readModel, bool runSagas)
{
    if (m_restaurant)
        return m_restaurant.get();
    if (m_now) {
        auto clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_manualClock = clock.get();
        m_clock = std::move(clock);
    } else {
        m_clock = std::make_unique<SystemClock>();
    }
    CommandContext context = CommandContext::ofThisProcess();
    if (m_line.isSet(u"user"_s))
        context.user = m_line.value(u"user"_s);
    if (m_line.isSet(u"terminal"_s))
        context.terminal = m_line.value(u"terminal"_s);
    RestaurantOptions options;
    options.store = storeLocation();
    options.readModel = readModel;
    options.runSagas = runSagas;
    options.createStore = m_createStore;
    auto opened = Restaurant::open(options, *m_clock, context);
    if (!opened.ok()) {
        refuse(opened.error());
        return nullptr;
    }
    m_restaurant = std::move(opened).value();
    if (const ReadModel *model = m_restaurant->readModel(); model && !model->notice().isEmpty())
        m_output.warn(model->notice());
    if (!fixClock()) {
        m_restaurant.reset();
        return nullptr;
    }
    if (const QString problem = m_restaurant->storeClock().problem(); !problem.isEmpty())
        m_output.warn(problem);
    return m_restaurant.get();
}

// --now without an offset is the restaurant's wall-clock time, which only
// its settings tell.
bool CommandRun::fixClock()
{
    auto settings = m_restaurant->booker().settings();
    if (!settings.ok()) {
        refuse(settings.error());
        return false;
    }
    m_settings = settings.value();
    m_presenter = std::make_unique<Presenter>(m_settings.timeZone());
    if (!m_manualClock)
        return true;
    auto now = m_now->resolve(m_settings);
    if (!now.ok()) {
        refuse(DomainError(now.error().code(), u"--now: "_s + now.error().message()));
        return false;
    }
    m_manualClock->setNow(now.value());
    return true;
}

int CommandRun::refuseUnread(const StoreError &error)
{
    QCoreApplication::processEvents(); // the read model recovers on the next turn
    return refuse(error);
}

int CommandRun::failed() const
{
    return ExitRefused;
}

QDateTime CommandRun::now() const
{
    return m_clock->now();
}

int CommandRun::refuse(const DomainError &error, const QJsonObject &context) const
{
    return m_output.refuse(error, context);
}

int CommandRun::refuse(const StoreError &error) const
{
    return m_output.refuse(DomainError::fromStore(error));
}

} // namespace hoststand::cli
