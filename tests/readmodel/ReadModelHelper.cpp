// hoststand_readmodel_helper: a child process for the read model's
// reliability tests. It reports on standard output, one line per step, so
// a test can follow it, kill it at any moment and check the files after.
//
//   rebuild STORE READ            rebuilds the read model from position 0
//   resume STORE READ             opens the read model and catches up
//   append-booking STORE BOOKING [READ]
//                                 appends one booking; with READ, also
//                                 projects it into that read file first

#include "eventstore/SqliteEventStore.h"
#include "readmodel/ReadModel.h"
#include "tests/support/CatalogueEvents.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

void say(const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

std::unique_ptr<SqliteEventStore> openStore(const QString &path, QString *error)
{
    SqliteStoreOptions options;
    options.synchronousFull = false;
    auto store = SqliteEventStore::open(path, options);
    if (!store.ok()) {
        *error = store.error().message();
        return nullptr;
    }
    return std::move(store).value();
}

int project(const QString &storePath, const QString &readPath, bool rebuild)
{
    QString error;
    auto store = openStore(storePath, &error);
    if (!store)
        return fail(error);
    auto model = ReadModel::open(*store, readPath);
    if (!model.ok())
        return fail(model.error().message());
    QObject::connect(
        model.value().get(), &ReadModel::rebuildProgress,
        [](qint64 done, qint64 total) { say(u"progress %1 %2"_s.arg(done).arg(total)); });
    say(u"started"_s);
    auto done = rebuild ? model.value()->rebuild() : model.value()->start();
    if (!done.ok())
        return fail(done.error().message());
    say(u"done %1"_s.arg(model.value()->position()));
    return 0;
}

int appendBooking(const QString &storePath, const QString &booking, const QString &readPath)
{
    QString error;
    auto store = openStore(storePath, &error);
    if (!store)
        return fail(error);
    std::unique_ptr<ReadModel> model;
    if (!readPath.isEmpty()) {
        auto opened = ReadModel::open(*store, readPath);
        if (!opened.ok() || !opened.value()->start().ok())
            return fail(u"Could not open the read model."_s);
        model = std::move(opened).value();
    }
    const QDateTime start = test::at(u"2026-12-01T19:00:00Z"_s);
    const qint64 position
        = test::appendAll(*store,
                          {test::bookingInitiated(booking, u"T1"_s, start, start.addSecs(5400), 2,
                                                  u"Guest from elsewhere"_s)});
    if (position == 0)
        return fail(u"Could not append."_s);
    const QDeadlineTimer deadline(5000);
    while (model && model->position() < position && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    say(u"appended %1"_s.arg(position));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() == 3 && (args.at(0) == u"rebuild"_s || args.at(0) == u"resume"_s))
        return project(args.at(1), args.at(2), args.at(0) == u"rebuild"_s);
    if (args.size() >= 3 && args.at(0) == u"append-booking"_s)
        return appendBooking(args.at(1), args.at(2), args.value(3));
    return fail(u"usage: rebuild|resume STORE READ | append-booking STORE BOOKING [READ]"_s);
}
