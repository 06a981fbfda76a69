#include "tests/bench/ReadModelBench.h"

#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace hoststand::bench {
namespace {

qint64 historyEvents()
{
    bool ok = false;
    const qint64 events = qEnvironmentVariableIntValue("HOSTSTAND_BENCH_HISTORY_EVENTS", &ok);
    return ok && events > 0 ? events : 1'000'000;
}

StoreResult<std::unique_ptr<SqliteEventStore>> openStore(const QString &path)
{
    SqliteStoreOptions options;
    options.synchronousFull = false; // the benchmark measures reads, not fsyncs
    return SqliteEventStore::open(path, options);
}

// Generating a million events takes a while, so the store is kept beside
// the benchmark; it is written under another name and renamed when whole.
std::optional<QString> prepareHistory(const QString &path, qint64 events,
                                      test::HistorySummary &summary)
{
    const QString summaryPath = path + u".lastday"_s;
    if (QFileInfo::exists(path) && QFileInfo::exists(summaryPath)) {
        QFile file(summaryPath);
        if (file.open(QIODevice::ReadOnly)) {
            summary.lastDay = QDate::fromString(QString::fromUtf8(file.readAll()), Qt::ISODate);
            if (summary.lastDay.isValid())
                return std::nullopt;
        }
    }
    const QString partial = path + u".partial"_s;
    for (const QString &leftover :
         QStringList {partial, partial + u"-wal"_s, partial + u"-shm"_s, path})
        QFile::remove(leftover);
    std::fprintf(stderr, "readmodel: generating a history of %lld events in %s\n",
                 static_cast<long long>(events), qPrintable(path));
    {
        auto store = openStore(partial);
        if (!store.ok())
            return store.error().message();
        test::HistoryOptions options;
        options.events = events;
        auto generated = test::generateHistory(*store.value(), options);
        if (!generated.ok())
            return generated.error().message();
        summary = generated.value();
    } // closed: the last connection folds the WAL into the file
    if (!QFile::rename(partial, path))
        return u"could not rename %1"_s.arg(partial);
    QFile file(summaryPath);
    if (!file.open(QIODevice::WriteOnly))
        return u"could not write %1"_s.arg(summaryPath);
    file.write(summary.lastDay.toString(Qt::ISODate).toUtf8());
    return std::nullopt;
}

std::optional<QString> measureRebuild(const QString &storePath, const QString &readPath,
                                      QJsonObject &figures)
{
    auto store = openStore(storePath);
    if (!store.ok())
        return store.error().message();
    auto last = store.value()->lastPosition();
    if (!last.ok())
        return last.error().message();
    const qint64 events = last.value();
    auto model = ReadModel::open(*store.value(), readPath);
    if (!model.ok())
        return model.error().message();
    QElapsedTimer timer;
    timer.start();
    if (auto rebuilt = model.value()->rebuild(); !rebuilt.ok())
        return rebuilt.error().message();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (model.value()->position() != events)
        return u"the rebuild stopped at %1 of %2 events"_s.arg(model.value()->position())
            .arg(events);
    figures.insert(u"readModelHistoryEvents"_s, events);
    figures.insert(u"readModelRebuildEventsPerSec"_s, qRound64(double(events) / seconds));
    figures.insert(u"readModelRebuildSeconds"_s, seconds);
    return std::nullopt;
}

// As a new process would: open the store and its built read model, catch
// up (nothing to do), and query the bookings of one day for the grid.
std::optional<QString> measureOpenToGrid(const QString &storePath, const QString &readPath,
                                         const QDate &day, QJsonObject &figures)
{
    QElapsedTimer timer;
    timer.start();
    auto store = openStore(storePath);
    if (!store.ok())
        return store.error().message();
    auto model = ReadModel::open(*store.value(), readPath);
    if (!model.ok())
        return model.error().message();
    if (auto started = model.value()->start(); !started.ok())
        return started.error().message();
    const auto read = model.value()->bookingsOn(day);
    if (!read.ok())
        return read.error().message();
    const QList<BookingRow> &bookings = read.value();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (bookings.isEmpty())
        return u"no bookings on %1"_s.arg(day.toString(Qt::ISODate));
    figures.insert(u"openToGridReadyMs"_s, ms);
    figures.insert(u"gridBookings"_s, bookings.size());
    return std::nullopt;
}

} // namespace

std::optional<QString> cachedHistory(QString &path, test::HistorySummary &summary)
{
    const qint64 events = historyEvents();
    path = QDir(QCoreApplication::applicationDirPath())
               .filePath(u"readmodel-history-%1.sqlite"_s.arg(events));
    return prepareHistory(path, events, summary);
}

std::optional<QString> runReadModelSection(const BenchOptions &options, QJsonObject &figures)
{
    QString historyPath;
    test::HistorySummary summary;
    if (auto failed = cachedHistory(historyPath, summary))
        return failed;
    QTemporaryDir scratch(QFileInfo(options.storePath).absolutePath() + u"/readmodel-XXXXXX"_s);
    if (!scratch.isValid())
        return u"could not make a folder for the read model"_s;
    const QString readPath = scratch.filePath(u"history.read"_s);
    if (auto failed = measureRebuild(historyPath, readPath, figures))
        return failed;
    return measureOpenToGrid(historyPath, readPath, summary.lastDay, figures);
}

} // namespace hoststand::bench
