#include "app/cli/ChoreographyVerifier.h"
#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "app/cli/StoreVerifier.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/contracts/TextField.h"
#include "readmodel/ReadModel.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {
namespace {

using ReadModelUse = RestaurantOptions::ReadModelUse;

StoreResult<QList<AuditRow>> allEvents(const ReadModel &model, EventLogFilter filter)
{
    QList<AuditRow> rows;
    for (;;) {
        const auto read = model.audit(filter);
        if (!read.ok())
            return read.error();
        const QList<AuditRow> &page = read.value();
        rows.append(page);
        if (page.size() < filter.limit)
            return rows;
        filter.afterPosition = page.constLast().position;
    }
}

// One line per second at most, and the last one always.
void reportProgress(CliOutput &out, QElapsedTimer &sinceLast, qint64 done, qint64 total)
{
    if (done < total && sinceLast.isValid() && sinceLast.elapsed() < 1000)
        return;
    sinceLast.start();
    const qint64 percent = total > 0 ? done * 100 / total : 100;
    out.note(
        u"Rebuilding the read model: %1 of %2 events (%3%)"_s.arg(done).arg(total).arg(percent));
}

QString verdict(const QStringList &problems, const QString &good)
{
    return problems.isEmpty() ? good : u"%1 problem(s)"_s.arg(problems.size());
}

} // namespace

int events(CommandRun &run)
{
    const auto from = run.integer(u"from"_s);
    if (from && *from < 1)
        run.problem(u"--from: positions start at 1."_s);
    const auto last = run.integer(u"last"_s);
    if (last && *last < 1)
        run.problem(u"--last: give how many events, 1 or more."_s);
    if (run.hasBadUsage())
        return run.badUsage();
    Restaurant *restaurant = run.openToRead(ReadModelUse::Follow);
    if (!restaurant)
        return run.failed();
    EventLogFilter filter;
    filter.stream = run.text(u"stream"_s);
    filter.type = run.text(u"type"_s);
    filter.correlationId = run.text(u"correlation"_s);
    filter.afterPosition = from.value_or(1) - 1;
    if (last) {
        // The newest page, told oldest first like the whole trail.
        filter.newestFirst = true;
        filter.limit = *last;
    }
    auto read = last ? restaurant->readModel()->audit(filter)
                     : allEvents(*restaurant->readModel(), filter);
    if (!read.ok())
        return run.refuseUnread(read.error());
    QList<AuditRow> rows = std::move(read).value();
    if (last)
        std::reverse(rows.begin(), rows.end());
    QJsonArray json;
    for (const AuditRow &row : rows)
        json.append(run.presenter().json(row));
    run.out().results(json, run.presenter().events(rows).render());
    return ExitOk;
}

int rebuild(CommandRun &run)
{
    Restaurant *restaurant = run.openToRead(ReadModelUse::Open);
    if (!restaurant)
        return run.failed();
    ReadModel &model = *restaurant->readModel();
    QElapsedTimer sinceLast;
    QObject::connect(&model, &ReadModel::rebuildProgress, &model, [&](qint64 done, qint64 total) {
        reportProgress(run.out(), sinceLast, done, total);
    });
    if (auto rebuilt = model.rebuild(); !rebuilt.ok())
        return run.refuse(rebuilt.error());
    const QJsonObject json {{u"position"_s, model.position()}, {u"readModel"_s, model.location()}};
    run.out().result(json,
                     u"Rebuilt the read model %1 up to position %2.\n"_s.arg(model.location())
                         .arg(model.position()));
    return ExitOk;
}

int verify(CommandRun &run)
{
    Restaurant *restaurant = run.openToRead(ReadModelUse::Open);
    if (!restaurant)
        return run.failed();
    const StoreVerifier verifier(restaurant->store());
    auto integrity = verifier.integrityProblems();
    if (!integrity.ok())
        return run.refuse(integrity.error());
    qint64 events = 0;
    auto sequence = verifier.sequenceProblems(events);
    if (!sequence.ok())
        return run.refuse(sequence.error());
    const ChoreographyVerifier choreography(
        restaurant->store(), restaurant->storeClock().storeNow(), restaurant->clock().now(),
        restaurant->options().settleTimeout);
    auto steps = choreography.problems();
    if (!steps.ok())
        return run.refuse(steps.error());
    auto differences = ReadModel::verifyAgainstFreshRebuild(restaurant->store(),
                                                            restaurant->readModel()->location());
    if (!differences.ok())
        return run.refuse(differences.error());
    const QJsonObject json {
        {u"events"_s, events},
        {u"integrityChecked"_s, verifier.checksIntegrity()},
        {u"integrityProblems"_s, QJsonArray::fromStringList(integrity.value())},
        {u"sequenceProblems"_s, QJsonArray::fromStringList(sequence.value())},
        {u"choreographyProblems"_s, QJsonArray::fromStringList(steps.value())},
        {u"readModelDifferences"_s, QJsonArray::fromStringList(differences.value())}};
    const QStringList all
        = integrity.value() + sequence.value() + steps.value() + differences.value();
    QString text = u"Store integrity  %1\nEvents           %2, %3\nBookings         %4\n"
                   "Read model       %5\n"_s.arg(
                       verifier.checksIntegrity() ? verdict(integrity.value(), u"ok"_s)
                                                  : u"left to the PostgreSQL server"_s,
                       QString::number(events),
                       verdict(sequence.value(), u"positions and revisions without gaps"_s),
                       verdict(steps.value(),
                               u"every event read, every booking settled and "
                               "holding its lock, no lock overlapping, no "
                               "step parked"_s),
                       verdict(differences.value(), u"matches a fresh rebuild"_s));
    for (const QString &problem : all)
        text += u"  "_s + escapedForDisplay(problem) + u'\n';
    if (all.isEmpty()) {
        run.out().result(json, text);
        return ExitOk;
    }
    if (!run.out().isJson())
        run.out().result({}, text);
    return run.out().refuse(
        u"verification-failed"_s,
        u"The store or its read model failed verification (%1 problem(s))."_s.arg(all.size()),
        json);
}

} // namespace hoststand::cli::commands
