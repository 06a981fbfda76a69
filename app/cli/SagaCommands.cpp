// hoststand-cli sagas parked | retry STEP|--all | skip STEP --reason TEXT:
// the saga steps set aside (parked) after a handler failed for good, shown,
// tried again or given up on. A step is named GROUP/POSITION, the saga's
// group and the position of the event it could not handle.

#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "app/cli/TextTable.h"
#include "domain/Restaurant.h"
#include "domain/booker/BookingSaga.h"
#include "domain/tablemanager/TableLockingSaga.h"
#include "eventstore/EventStore.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {
namespace {

const QStringList &groups()
{
    static const QStringList names {TableLockingSaga::GroupName, booker::BookingSaga::GroupName};
    return names;
}

struct Step
{
    QString group;
    qint64 position = 0;
    QString id() const { return u"%1/%2"_s.arg(group).arg(position); }
};

// "table-locking/42"; nothing (and a problem noted) when it is not a step.
std::optional<Step> stepArgument(CommandRun &run)
{
    const QString text = run.argument(0);
    const qsizetype slash = text.lastIndexOf(u'/');
    bool ok = false;
    const qint64 position = slash > 0 ? text.mid(slash + 1).toLongLong(&ok) : 0;
    if (!ok || position < 1 || !groups().contains(text.left(slash))) {
        run.problem(u"\"%1\" names no saga step: give GROUP/POSITION as `sagas parked` lists "
                    "them (the groups are %2)."_s.arg(text, groups().join(u", "_s)));
        return std::nullopt;
    }
    return Step {text.left(slash), position};
}

QJsonObject describe(EventStore &store, const QString &group, const ParkedEvent &parked)
{
    QJsonObject json {{u"id"_s, Step {group, parked.position}.id()},
                      {u"group"_s, group},
                      {u"position"_s, parked.position},
                      {u"attempts"_s, parked.attempts},
                      {u"reason"_s, parked.reason},
                      {u"parkedAt"_s, parked.parkedAt.toUTC().toString(Qt::ISODate)},
                      {u"retryRequested"_s, parked.replayRequested}};
    auto events = store.readAll(parked.position - 1, 1);
    if (events.ok() && !events.value().isEmpty()) {
        const RecordedEvent &event = events.value().constFirst();
        json.insert(u"type"_s, event.type);
        json.insert(u"stream"_s, event.stream);
        json.insert(u"booking"_s, event.metadataObject().value(u"$correlationId"_s).toString());
    }
    return json;
}

StoreResult<QList<QJsonObject>> parkedSteps(EventStore &store)
{
    QList<QJsonObject> steps;
    for (const QString &group : groups()) {
        auto parked = store.parkedEvents(group);
        if (!parked.ok())
            return parked.error();
        for (const ParkedEvent &step : parked.value())
            steps.append(describe(store, group, step));
    }
    return steps;
}

int show(CommandRun &run, const QList<QJsonObject> &steps, const QString &none)
{
    QJsonArray json;
    TextTable table({u"STEP"_s, u"SET ASIDE"_s, u"EVENT"_s, u"BOOKING"_s, u"WHY"_s});
    for (const QJsonObject &step : steps) {
        json.append(step);
        table.addRow({step.value(u"id"_s).toString(),
                      step.value(u"parkedAt"_s).toString().replace(u'T', u' '),
                      step.value(u"type"_s).toString(), step.value(u"booking"_s).toString(),
                      step.value(u"reason"_s).toString()});
    }
    run.out().results(json, table.isEmpty() ? none + u'\n' : table.render());
    return ExitOk;
}

} // namespace

int sagasParked(CommandRun &run)
{
    Restaurant *restaurant = run.openToRead(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    auto steps = parkedSteps(restaurant->store());
    if (!steps.ok())
        return run.refuse(steps.error());
    return show(run, steps.value(), u"No saga step is set aside."_s);
}

// The steps are asked for again; this process runs the sagas while no
// other one does, and waits for them to settle the steps.
int sagasRetry(CommandRun &run)
{
    const bool all = run.isSet(u"all"_s);
    std::optional<Step> one;
    if (!all && run.arguments().isEmpty())
        run.problem(u"Name a step (GROUP/POSITION) or give --all."_s);
    else if (!all)
        one = stepArgument(run);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None, true);
    if (!restaurant)
        return run.failed();
    EventStore &store = restaurant->store();
    if (one) {
        auto requested = store.replayParkedEvent(one->group, one->position);
        if (!requested.ok())
            return run.refuse(requested.error());
        if (!requested.value())
            return run.refuse(DomainError(DomainError::Code::NotFound,
                                          u"The step %1 is not set aside."_s.arg(one->id())));
    } else {
        for (const QString &group : groups()) {
            if (auto requested = store.replayParkedEvents(group); !requested.ok())
                return run.refuse(requested.error());
        }
    }
    const QDeadlineTimer deadline(restaurant->options().settleTimeout);
    StoreResult<QList<QJsonObject>> left = QList<QJsonObject>();
    const auto pending = [&] {
        left = parkedSteps(store);
        if (!left.ok())
            return false;
        return std::any_of(left.value().cbegin(), left.value().cend(), [&](const QJsonObject &s) {
            return s.value(u"retryRequested"_s).toBool()
                && (!one || s.value(u"id"_s).toString() == one->id());
        });
    };
    while (pending() && !deadline.hasExpired()) {
        QEventLoop pause;
        QTimer::singleShot(20, &pause, &QEventLoop::quit);
        pause.exec();
    }
    if (!left.ok())
        return run.refuse(left.error());
    QList<QJsonObject> stillAside;
    for (const QJsonObject &step : left.value()) {
        if (!one || step.value(u"id"_s).toString() == one->id())
            stillAside.append(step);
    }
    if (stillAside.isEmpty())
        return show(run, {},
                    u"Done: the sagas took the step%1 again."_s.arg(all ? u"s"_s : QString()));
    show(run, stillAside, {});
    return run.refuse(DomainError(
        DomainError::Code::StoreFailure,
        u"%1 step(s) are still set aside: the ones marked for a retry wait for the process "
        "that runs the sagas; the others failed again, for the reason shown."_s.arg(
            stillAside.size())));
}

// Gives a step up: the event is never handled by that saga. The decision
// stays in the store, with who made it and why, as an event of its own.
int sagasSkip(CommandRun &run)
{
    run.require({u"reason"_s});
    const std::optional<Step> step = stepArgument(run);
    const QString reason = run.text(u"reason"_s).trimmed();
    if (run.isSet(u"reason"_s) && reason.isEmpty())
        run.problem(u"--reason: say why the step is given up."_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.open(RestaurantOptions::ReadModelUse::None);
    if (!restaurant)
        return run.failed();
    EventStore &store = restaurant->store();
    auto parked = store.parkedEvents(step->group);
    if (!parked.ok())
        return run.refuse(parked.error());
    const auto found = std::find_if(
        parked.value().cbegin(), parked.value().cend(),
        [&](const ParkedEvent &candidate) { return candidate.position == step->position; });
    if (found == parked.value().cend())
        return run.refuse(DomainError(DomainError::Code::NotFound,
                                      u"The step %1 is not set aside."_s.arg(step->id())));
    QJsonObject record = describe(store, step->group, *found);
    record.insert(u"skipReason"_s, reason);
    const EventData skipped = EventData::fromJson(
        u"saga-step-skipped"_s, record,
        restaurant->context().metadata(record.value(u"booking"_s).toString(), step->id()).toJson());
    if (auto written = store.append(u"sagas-"_s + step->group, {skipped}, ExpectedRevision::any());
        !written.ok())
        return run.refuse(written.error());
    auto discarded = store.discardParkedEvent(step->group, step->position);
    if (!discarded.ok())
        return run.refuse(discarded.error());
    run.out().result(record,
                     u"Gave up the step %1 (%2 of booking %3): %4\n"_s.arg(
                         step->id(), record.value(u"type"_s).toString(),
                         record.value(u"booking"_s).toString(), reason));
    return ExitOk;
}

} // namespace hoststand::cli::commands
