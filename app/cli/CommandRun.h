#pragma once

#include "app/cli/CliOutput.h"
#include "app/cli/DateTimeInput.h"
#include "app/cli/Presenter.h"
#include "domain/DomainError.h"
#include "domain/RestaurantOptions.h"
#include "domain/booker/RestaurantSettings.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace hoststand {
class Clock;
class ManualClock;
class Restaurant;
class StoreError;
} // namespace hoststand

namespace hoststand::cli {

class CommandLine;

// What a command works with: its arguments, read into values with every
// malformed one noted as bad usage; the restaurant, opened only once the
// arguments are known good, with the clock (--now) and who issues the
// command (--user, --terminal); and the output.
class CommandRun final
{
public:
    CommandRun(const CommandLine &line, CliOutput &output);
    ~CommandRun();

    CliOutput &out() const { return m_output; }

    // --- Arguments: a malformed value is noted and read as nothing --------
    QString text(const QString &option) const;
    QStringList texts(const QString &option) const;
    bool isSet(const QString &option) const;
    QString argument(qsizetype index) const;
    const QStringList &arguments() const;
    // Notes every option of names that is missing.
    void require(const QStringList &options);
    std::optional<int> integer(const QString &option);
    std::optional<int> integerArgument(qsizetype index, const QString &what);
    std::optional<double> number(const QString &option);
    std::optional<QDate> date(const QString &option);
    std::optional<DateTimeInput> dateTime(const QString &option);
    // Notes a problem of the command's own.
    void problem(const QString &message);
    bool hasBadUsage() const { return !m_problems.isEmpty(); }
    // Reports the problems noted and the command's usage; returns ExitUsage.
    int badUsage() const;

    // --- The restaurant ---------------------------------------------------
    // Opens it once, with the parts the command needs, and fixes the clock
    // at --now. Null when the store cannot be opened: that is reported, and
    // the command ends with failed().
    Restaurant *open(RestaurantOptions::ReadModelUse readModel, bool runSagas = false);
    // Lets this process's sagas finish what the command set going (a step
    // taken again whose booking then waits for its confirmation), at most
    // the settle timeout, before the process ends; what is left is taken up
    // by the next process that runs them.
    void finishSagaWork();
    // The same for a command that only reads: a missing or empty store file
    // is reported, not made into a store.
    Restaurant *openToRead(RestaurantOptions::ReadModelUse readModel);
    int failed() const;
    // A read of the read model failed: says why and ends the command as a
    // failure, showing nothing. A damaged read file is set aside on the way
    // out, so the next command reads one built again.
    int refuseUnread(const StoreError &error);
    // The settings as the restaurant was opened with them; only after open().
    const booker::RestaurantSettings &settings() const { return m_settings; }
    const Presenter &presenter() const { return *m_presenter; }
    QDateTime now() const;

    int refuse(const DomainError &error, const QJsonObject &context = {}) const;
    int refuse(const StoreError &error) const;

private:
    QString storeLocation() const;
    bool fixClock();

    const CommandLine &m_line;
    CliOutput &m_output;
    QStringList m_problems;
    std::optional<DateTimeInput> m_now;
    std::unique_ptr<Clock> m_clock;
    ManualClock *m_manualClock = nullptr;
    std::unique_ptr<Restaurant> m_restaurant;
    booker::RestaurantSettings m_settings;
    std::unique_ptr<Presenter> m_presenter;
    bool m_createStore = true;
};

} // namespace hoststand::cli
