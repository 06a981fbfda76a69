// hoststand_store_writer: a child process for the reliability tests. It
// writes to a SQLite store and reports on standard output, one line per
// acknowledged write, so that the test can kill it at any moment and then
// check the store against what was acknowledged.
//
//   batches PATH FIRST              numbered batches of 5 events, forever
//   contend PATH NAME STREAMS N     N single appends with exact revisions
//   append PATH STREAM N            N appends, each after a "go" on stdin
//   hold PATH STREAM                keeps the store open and answers lines
//                                   on stdin: "peek" opens and closes its
//                                   files outside SQLite (QFile, QMimeDatabase,
//                                   another look at the file, a second store
//                                   object), "append N" appends N events to
//                                   STREAM, "quit"
//   read PATH                       reads every event, says how many, exits
//   checkpoint PATH                 copies the log into the file, truncates it
//   damage-read PATH                damages the bookings of the read file at
//                                   PATH as a failing disk or a stray program
//                                   would: their table and indexes point at
//                                   another index's pages
//   follow PATH                     prints "event STREAM MS" for every event
//                                   committed from now on, MS being how long
//                                   after its commit this process saw it

#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteEventStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

constexpr int BatchSize = 5;
constexpr int CrashStreams = 4;

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const StoreError &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error.message()));
    return 1;
}

// Appends batches with exact expected revisions and acknowledges each batch
// only after append() returned, until killed.
int writeBatches(SqliteEventStore &store, qint64 first)
{
    qint64 revisions[CrashStreams];
    for (int s = 0; s < CrashStreams; ++s) {
        auto revision = store.streamRevision(u"crash-%1"_s.arg(s));
        if (!revision.ok())
            return fail(revision.error());
        revisions[s] = revision.value();
    }
    for (qint64 batch = first;; ++batch) {
        const int s = int(batch % CrashStreams);
        QList<EventData> events;
        for (int i = 0; i < BatchSize; ++i)
            events.append(EventData::fromJson(u"crash-written"_s,
                                              QJsonObject {{u"batch"_s, batch}, {u"index"_s, i}}));
        auto appended
            = store.append(u"crash-%1"_s.arg(s), events, ExpectedRevision::exact(revisions[s]));
        if (!appended.ok())
            return fail(appended.error());
        revisions[s] = appended.value().revision;
        say("acked " + QByteArray::number(batch));
    }
}

// Reads the revision, waits a little (so that the other writer gets in
// between), then appends with that exact revision; a conflict is reported
// and retried with the new revision.
int contend(SqliteEventStore &store, const QString &name, int streams, int count)
{
    for (int n = 0; n < count; ++n) {
        const QString stream = u"contend-%1"_s.arg(n % streams);
        const EventData event = EventData::fromJson(u"contend-written"_s,
                                                    QJsonObject {{u"writer"_s, name}, {u"n"_s, n}});
        for (;;) {
            auto revision = store.streamRevision(stream);
            if (!revision.ok())
                return fail(revision.error());
            QThread::usleep(QRandomGenerator::global()->bounded(1000));
            auto appended
                = store.append(stream, {event}, ExpectedRevision::exact(revision.value()));
            if (appended.ok()) {
                say("ok " + event.id.toByteArray(QUuid::WithoutBraces) + ' '
                    + QByteArray::number(appended.value().revision));
                break;
            }
            if (appended.error().code() != StoreError::Code::WrongExpectedRevision)
                return fail(appended.error());
            say("conflict");
        }
    }
    say("done");
    return 0;
}

// Appends one event per "go" line and says when it was committed (ms since
// the epoch, so that the test can compare with its own clock).
int appendOnRequest(SqliteEventStore &store, const QString &stream, int count)
{
    say("ready");
    std::string line;
    for (int n = 0; n < count && std::getline(std::cin, line); ++n) {
        auto appended = store.append(
            stream, {EventData::fromJson(u"table-booking-initiated"_s, QJsonObject {{u"n"_s, n}})},
            ExpectedRevision::any());
        if (!appended.ok())
            return fail(appended.error());
        say("appended " + QByteArray::number(appended.value().position) + ' '
            + QByteArray::number(QDateTime::currentMSecsSinceEpoch()));
    }
    return 0;
}

// What a host stand does to its own store's files besides SQLite: a file
// dialog's look at the folder, a verify or a demo load with a store object
// of its own.
bool peek(const QString &path)
{
    for (const QString &file : QStringList {path, path + u"-wal"_s, path + u"-shm"_s}) {
        QFile opened(file);
        if (!opened.open(QIODevice::ReadOnly) && file == path)
            return false;
        (void)opened.read(64); // the log may be empty, or missing in a broken store
    }
    if (!QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).isValid())
        return false;
    auto second = SqliteEventStore::open(path);
    return second.ok() && second.value()->lastPosition().ok();
}

int hold(SqliteEventStore &store, const QString &path, const QString &stream)
{
    say("ready");
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line == "peek") {
            if (!peek(path)) {
                std::fprintf(stderr, "the peek failed\n");
                return 1;
            }
            say("peeked");
        } else if (line.rfind("append ", 0) == 0) {
            const int count = std::stoi(line.substr(7));
            for (int n = 0; n < count; ++n) {
                const EventData event
                    = EventData::fromJson(u"hold-written"_s, QJsonObject {{u"n"_s, n}});
                auto appended = store.append(stream, {event}, ExpectedRevision::any());
                if (!appended.ok())
                    return fail(appended.error());
                say("acked " + event.id.toByteArray(QUuid::WithoutBraces));
            }
        } else if (line == "quit") {
            return 0;
        }
    }
    return 0;
}

int readAll(SqliteEventStore &store)
{
    qint64 count = 0;
    qint64 after = 0;
    for (;;) {
        auto page = store.readAll(after, 5000);
        if (!page.ok())
            return fail(page.error());
        count += page.value().size();
        if (page.value().size() < 5000)
            break;
        after = page.value().constLast().position;
    }
    say("read " + QByteArray::number(count));
    return 0;
}

int checkpoint(const QString &path)
{
    SqliteConnection connection;
    if (auto opened = connection.open(path, {}); !opened.ok())
        return fail(opened.error());
    auto result = connection.queryValue(u"PRAGMA wal_checkpoint(TRUNCATE)"_s, u"checkpoint"_s);
    if (!result.ok())
        return fail(result.error());
    say("checkpointed " + result.value().toByteArray());
    return 0;
}

// The read model's next query of its bookings fails as damaged; the other
// tables read as before.
int damageRead(const QString &path)
{
    SqliteConnection connection;
    if (auto opened = connection.open(path, {}); !opened.ok())
        return fail(opened.error());
    const QString statements[] = {
        u"PRAGMA writable_schema = ON"_s,
        u"UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master WHERE "
        "type = 'index' AND tbl_name = 'audit' LIMIT 1) WHERE tbl_name = 'bookings'"_s,
        // Other connections read the schema again at their next statement.
        u"PRAGMA schema_version = 100000"_s,
    };
    for (const QString &sql : statements) {
        if (auto done = connection.queryValue(sql, u"damage the read file"_s); !done.ok())
            return fail(done.error());
    }
    say("damaged");
    return 0;
}

int follow(SqliteEventStore &store)
{
    auto last = store.lastPosition();
    if (!last.ok())
        return fail(last.error());
    qint64 seen = last.value();
    QObject::connect(&store, &EventStore::appended, &store, [&store, &seen] {
        auto events = store.readAll(seen, 1000);
        if (!events.ok())
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const RecordedEvent &event : events.value()) {
            say("event " + event.stream.toUtf8() + ' '
                + QByteArray::number(now - event.created.toMSecsSinceEpoch()));
            seen = event.position;
        }
    });
    say("following");
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(
            stderr,
            "usage: %s batches|contend|append|hold|read|checkpoint|damage-read|follow PATH ...\n",
            argv[0]);
        return 2;
    }
    if (args.at(1) == u"checkpoint")
        return checkpoint(args.at(2));
    if (args.at(1) == u"damage-read")
        return damageRead(args.at(2));
    auto store = SqliteEventStore::open(args.at(2));
    if (!store.ok())
        return fail(store.error());
    const QString &command = args.at(1);
    if (command == u"batches" && args.size() >= 4)
        return writeBatches(*store.value(), args.at(3).toLongLong());
    if (command == u"contend" && args.size() >= 6)
        return contend(*store.value(), args.at(3), args.at(4).toInt(), args.at(5).toInt());
    if (command == u"hold" && args.size() >= 4)
        return hold(*store.value(), args.at(2), args.at(3));
    if (command == u"read")
        return readAll(*store.value());
    if (command == u"follow")
        return follow(*store.value());
    if (command == u"append" && args.size() >= 5)
        return appendOnRequest(*store.value(), args.at(3), args.at(4).toInt());
    std::fprintf(stderr, "unknown command\n");
    return 2;
}
