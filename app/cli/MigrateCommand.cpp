#include "app/cli/CommandRun.h"
#include "app/cli/Commands.h"
#include "app/cli/ExitStatus.h"
#include "app/cli/StoreMigration.h"
#include "eventstore/PostgresEventStore.h"
#include "eventstore/SqliteEventStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hoststand::cli::commands {
namespace {

// A line on standard error at most once a second, and the last one always.
StoreMigration::Progress progressLine(CliOutput &out, const QString &what)
{
    auto sinceLast = std::make_shared<QElapsedTimer>();
    return [&out, what, sinceLast](qint64 done, qint64 total) {
        if (done < total && sinceLast->isValid() && sinceLast->elapsed() < 1000)
            return;
        sinceLast->start();
        const qint64 percent = total > 0 ? done * 100 / total : 100;
        out.note(u"%1: %2 of %3 events (%4%)"_s.arg(what).arg(done).arg(total).arg(percent));
    };
}

void checkArguments(CommandRun &run)
{
    run.require({u"from"_s, u"to"_s});
    const QString from = run.text(u"from"_s);
    const QString to = run.text(u"to"_s);
    if (PostgresConnectionSettings::isUrl(from))
        run.problem(u"--from: name the SQLite store file to copy; a server's store stays where "
                    "it is."_s);
    if (!to.isEmpty() && !PostgresConnectionSettings::isUrl(to))
        run.problem(u"--to: name the PostgreSQL server as "
                    "postgresql://user:password@host:port/database."_s);
}

int report(CommandRun &run, const QString &from, const PostgresEventStore &target, qint64 resumed,
           qint64 last, const QStringList &groups)
{
    const QJsonObject json {{u"from"_s, from},
                            {u"to"_s, target.location()},
                            {u"events"_s, last},
                            {u"resumedAfter"_s, resumed},
                            {u"groups"_s, QJsonArray::fromStringList(groups)},
                            {u"verified"_s, true}};
    QString text
        = u"Copied %1 events from %2 to %3"_s.arg(last - resumed).arg(from, target.location());
    if (resumed > 0)
        text += u" after the %1 copied before"_s.arg(resumed);
    text += u".\nVerified all %1 events: stream, revision, position, id, type, data, metadata "
            "and creation time are the same.\n"_s.arg(last);
    if (!groups.isEmpty())
        text += u"Subscription groups copied: %1.\n"_s.arg(groups.join(u", "_s));
    run.out().result(json, text);
    return ExitOk;
}

int migrateEvents(CommandRun &run, const QString &from, EventStore &source,
                  PostgresEventStore &target)
{
    StoreMigration migration(source, target);
    auto resumed = migration.resumePoint(progressLine(run.out(), u"Checking the copy so far"_s));
    if (!resumed.ok() && resumed.error().code() == StoreError::Code::InvalidArgument)
        return run.out().refuse(u"target-not-empty"_s, resumed.error().message());
    if (!resumed.ok())
        return run.refuse(resumed.error());
    if (resumed.value() > 0)
        run.out().note(u"Resuming after position %1, copied before."_s.arg(resumed.value()));
    auto last = migration.copyEvents(resumed.value(), progressLine(run.out(), u"Copying"_s));
    if (!last.ok())
        return run.refuse(last.error());
    auto groups = migration.copyGroups();
    if (!groups.ok())
        return run.refuse(groups.error());
    auto differences = migration.verify(progressLine(run.out(), u"Verifying"_s));
    if (!differences.ok())
        return run.refuse(differences.error());
    if (!differences->isEmpty())
        return run.out().refuse(
            u"copy-differs"_s,
            u"The copy differs from the source: %1."_s.arg(differences->join(u"; "_s)),
            {{u"differences"_s, QJsonArray::fromStringList(differences.value())}});
    return report(run, from, target, resumed.value(), last.value(), groups.value());
}

} // namespace

int migrate(CommandRun &run)
{
    checkArguments(run);
    if (run.hasBadUsage())
        return run.badUsage();
    const QString from = run.text(u"from"_s);
    if (!QFileInfo(from).isFile())
        return run.out().refuse(u"no-such-store"_s,
                                u"There is no store file %1 to copy."_s.arg(from));
    auto source = SqliteEventStore::open(from);
    if (!source.ok())
        return run.refuse(source.error());
    auto target = PostgresEventStore::open(run.text(u"to"_s));
    if (!target.ok())
        return run.refuse(target.error());
    return migrateEvents(run, from, *source.value(), *target.value());
}

} // namespace hoststand::cli::commands
