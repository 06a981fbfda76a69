// hoststand_stall_peer: the other party of the stall section's cases, a
// process of its own so that what it does never waits on the host stand's
// GUI thread, and the host stand's never on it. It says on stdout:
//
//   lock STORE MS        takes the SQLite store's write lock (BEGIN IMMEDIATE),
//                        says "locked", holds it MS ms, says "released", exits
//   book STORE N NOW     opens a Restaurant on STORE at the fixed time NOW
//                        that runs no sagas (the host stand's settle the
//                        bookings), says "ready", waits for "go" on stdin,
//                        then books N parties of two as fast as it can
//                        through the booker's command, ten 90-minute turns
//                        a table from 07:00 on NOW's day (T1, T2, ...), and
//                        says "booked N MS"
//   relay PORT           forwards 127.0.0.1:PORT (a PostgreSQL server) from
//                        a loopback port of its own, said as "listening
//                        PORT"; on "hole MS" on stdin it says "holed" and
//                        for MS ms is a link whose packets vanish: it
//                        forwards nothing in either direction, and its
//                        listening queue is kept full so that the kernel
//                        drops every new SYN (a connection attempt hangs,
//                        as DeadLink's in tests/postgres); then it carries
//                        on, says "resumed", and a connection whose SYN is
//                        sent again gets through; "quit" ends it

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"
#include "domain/booker/Booker.h"
#include "eventstore/SqliteConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int fail(const QString &why)
{
    std::fprintf(stderr, "hoststand_stall_peer: %s\n", qPrintable(why));
    return 1;
}

int holdWriteLock(const QString &path, int milliseconds)
{
    SqliteConnection connection;
    if (auto opened = connection.open(path, u"QSQLITE_BUSY_TIMEOUT=10000"_s); !opened.ok())
        return fail(opened.error().message());
    char *error = nullptr;
    if (sqlite3_exec(connection.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, &error)
        != SQLITE_OK) {
        const QString why = QString::fromUtf8(error);
        sqlite3_free(error);
        return fail(why);
    }
    say("locked");
    QThread::msleep(static_cast<unsigned long>(milliseconds));
    sqlite3_exec(connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    say("released");
    return 0;
}

int book(const QString &store, int count, const QDateTime &now)
{
    ManualClock clock(now);
    RestaurantOptions options;
    options.store = store;
    options.createStore = false;
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.runSagas = false;
    options.storeTime = StoreClock::following(clock);
    auto opened = Restaurant::open(options, clock);
    if (!opened.ok())
        return fail(opened.error().message());
    booker::Booker &booker = opened.value()->booker();
    const QDateTime seven(now.date(), QTime(7, 0), QTimeZone::utc());
    say("ready");
    std::string line;
    if (!std::getline(std::cin, line) || line != "go")
        return fail(u"no go"_s);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        const booker::BookingRequest request {u"T%1"_s.arg(i / 10 + 1),
                                              seven.addSecs(qint64(i % 10) * 90 * 60),
                                              2,
                                              u"Foreign %1"_s.arg(i),
                                              {},
                                              {},
                                              90};
        if (auto booked = booker.book(request); !booked.ok())
            return fail(u"booking %1: %2"_s.arg(i).arg(booked.error().message()));
    }
    say("booked " + QByteArray::number(count) + ' ' + QByteArray::number(timer.elapsed()));
    return 0;
}

// One connection through the relay: the host stand's end and the server's,
// with what each side sent that the other has not taken yet.
struct Link
{
    int client = -1;
    int server = -1;
    QByteArray toServer;
    QByteArray toClient;
    bool closed = false;
};

sockaddr_in loopback(int port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int connectTo(int port, bool wait = true)
{
    const sockaddr_in address = loopback(port);
    const int fd = ::socket(AF_INET, SOCK_STREAM | (wait ? 0 : SOCK_NONBLOCK), 0);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
        && (wait || errno != EINPROGRESS)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

int portOf(int fd, bool peer)
{
    sockaddr_in address {};
    socklen_t length = sizeof address;
    const int got = peer ? ::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length)
                         : ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    return got == 0 ? ntohs(address.sin_port) : -1;
}

// Moves what can be read from `from` into `pending`, and writes what is
// pending to `to`; false once either end closed or failed.
bool pump(int from, int to, QByteArray &pending, short fromEvents)
{
    if (fromEvents & (POLLIN | POLLHUP | POLLERR)) {
        char chunk[65536];
        const ssize_t count = ::read(from, chunk, sizeof chunk);
        if (count <= 0)
            return false;
        pending.append(chunk, count);
    }
    if (!pending.isEmpty()) {
        const ssize_t written
            = ::send(to, pending.constData(), size_t(pending.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return false;
        if (written > 0)
            pending.remove(0, written);
    }
    return true;
}

int relay(int serverPort)
{
    constexpr int Backlog = 64;
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in any = loopback(0);
    if (::bind(listener, reinterpret_cast<const sockaddr *>(&any), sizeof any) != 0
        || ::listen(listener, Backlog) != 0)
        return fail(u"cannot listen"_s);
    const int port = portOf(listener, false);
    say("listening " + QByteArray::number(port));

    std::vector<Link> links;
    // During a hole: the connections that keep the listening queue full, by
    // their local port, so that they are told from the host stand's after it.
    std::vector<int> fillers;
    QList<int> fillerPorts;
    QByteArray input;
    QElapsedTimer clock;
    clock.start();
    qint64 holeEnds = -1; // while a hole lasts, when it ends
    for (;;) {
        const bool holed = holeEnds >= 0;
        // During a hole the queue is left alone (poll ignores a negative descriptor).
        std::vector<pollfd> watched {{STDIN_FILENO, POLLIN, 0}, {holed ? -1 : listener, POLLIN, 0}};
        if (!holed) {
            for (const Link &link : links) {
                watched.push_back(
                    {link.client, short(POLLIN | (link.toClient.isEmpty() ? 0 : POLLOUT)), 0});
                watched.push_back(
                    {link.server, short(POLLIN | (link.toServer.isEmpty() ? 0 : POLLOUT)), 0});
            }
        }
        const int timeout = holed ? int(std::max<qint64>(0, holeEnds - clock.elapsed())) : -1;
        if (::poll(watched.data(), nfds_t(watched.size()), timeout) < 0 && errno != EINTR)
            return fail(u"poll failed"_s);
        if (holed && clock.elapsed() >= holeEnds) {
            holeEnds = -1;
            ::listen(listener, Backlog);
            for (int filler : fillers)
                ::close(filler);
            fillers.clear();
            say("resumed");
        }
        if (watched[0].revents & (POLLIN | POLLHUP)) {
            char chunk[256];
            const ssize_t count = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (count <= 0)
                return 0;
            input.append(chunk, count);
            for (qsizetype end = input.indexOf('\n'); end >= 0; end = input.indexOf('\n')) {
                const QByteArray line = input.left(end).trimmed();
                input.remove(0, end + 1);
                if (line == "quit")
                    return 0;
                if (line.startsWith("hole ") && holeEnds < 0) {
                    holeEnds = clock.elapsed() + line.mid(5).toLongLong();
                    // A queue of one, filled: the kernel drops every SYN after.
                    ::listen(listener, 0);
                    for (int n = 0; n < 2; ++n) {
                        const int filler = connectTo(port, false);
                        fillers.push_back(filler);
                        fillerPorts.append(portOf(filler, false));
                    }
                    say("holed");
                }
            }
        }
        // Nothing is taken from the queue during a hole.
        if (holeEnds < 0 && watched[1].revents & POLLIN) {
            Link link;
            link.client = ::accept(listener, nullptr, nullptr);
            if (link.client >= 0 && fillerPorts.contains(portOf(link.client, true))) {
                ::close(link.client);
                continue;
            }
            if (link.client >= 0)
                link.server = connectTo(serverPort);
            link.closed = link.client < 0 || link.server < 0;
            links.push_back(link);
        }
        if (!holed) {
            for (size_t i = 0; i < links.size() && 2 + 2 * i + 1 < watched.size(); ++i) {
                Link &link = links[i];
                const short clientEvents = watched[2 + 2 * i].revents;
                const short serverEvents = watched[2 + 2 * i + 1].revents;
                link.closed = link.closed
                    || !pump(link.client, link.server, link.toServer, clientEvents)
                    || !pump(link.server, link.client, link.toClient, serverEvents);
            }
        }
        for (auto link = links.begin(); link != links.end();) {
            if (!link->closed) {
                ++link;
                continue;
            }
            if (link->client >= 0)
                ::close(link->client);
            if (link->server >= 0)
                ::close(link->server);
            link = links.erase(link);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"lock"_s && args.size() == 4)
        return holdWriteLock(args.at(2), args.at(3).toInt());
    if (args.value(1) == u"book"_s && args.size() == 5)
        return book(args.at(2), args.at(3).toInt(), QDateTime::fromString(args.at(4), Qt::ISODate));
    if (args.value(1) == u"relay"_s && args.size() == 3)
        return relay(args.at(2).toInt());
    std::fprintf(stderr, "usage: %s lock STORE MS | book STORE N NOW | relay PORT\n", argv[0]);
    return 2;
}
