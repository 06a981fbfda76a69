// hoststand_restaurant_helper: another process running a Restaurant on the
// same store, for the tests of several processes.
//
//   serve STORE [LEASE_MS]
//                     runs both sagas and prints "serving" once it holds
//                     their leases (of LEASE_MS, renewed every third of it;
//                     the default otherwise); ends when its standard input
//                     closes.
//   race STORE NOW    at the fixed time NOW, books for each line
//                     "book TABLE START MINUTES NAME" read from standard input
//                     and answers "STATUS ID CODE REASON" ("-" for none),
//                     running its sagas all along; ends when input closes.

#include "domain/Clock.h"
#include "domain/Restaurant.h"
#include "domain/StoreClock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Calls onLine for each line of standard input, without blocking the event
// loop, so the sagas keep working between lines; quits at the end of input.
void readLines(QObject *context, const std::function<void(const QString &)> &onLine)
{
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, context);
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(notifier, &QSocketNotifier::activated, context, [=] {
        char chunk[4096];
        const ssize_t count = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (count <= 0) {
            notifier->setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        buffer->append(chunk, count);
        for (qsizetype end = buffer->indexOf('\n'); end >= 0; end = buffer->indexOf('\n')) {
            const QString line = QString::fromUtf8(buffer->left(end)).trimmed();
            buffer->remove(0, end + 1);
            onLine(line);
        }
    });
}

QString answer(const DomainResult<BookingOutcome> &outcome)
{
    if (!outcome.ok())
        return u"refused - %1 %2"_s.arg(DomainError::codeName(outcome.error().code()),
                                        outcome.error().message());
    const BookingOutcome &settled = outcome.value();
    if (!settled.isRejected())
        return u"%1 %2 - -"_s.arg(toString(settled.status), settled.bookingId.toString());
    const DomainError rejection = settled.rejection();
    return u"rejected %1 %2 %3"_s.arg(settled.bookingId.toString(),
                                      DomainError::codeName(rejection.code()), rejection.message());
}

booker::BookingRequest request(const QStringList &words)
{
    booker::BookingRequest request;
    request.tableId = words.value(1);
    request.start = QDateTime::fromString(words.value(2), Qt::ISODate);
    request.durationMinutes = words.value(3).toInt();
    request.guestName = words.value(4);
    request.partySize = 2;
    return request;
}

std::unique_ptr<Restaurant> openRestaurant(const QString &store, const Clock &clock,
                                           int leaseMs = 0)
{
    RestaurantOptions options;
    options.store = store;
    if (leaseMs > 0) {
        options.sagaSettings.leaseDuration = std::chrono::milliseconds(leaseMs);
        options.sagaSettings.renewInterval = std::chrono::milliseconds(leaseMs / 3);
    }
    options.readModel = RestaurantOptions::ReadModelUse::None;
    options.storeTime = StoreClock::following(clock);
    auto opened = Restaurant::open(options, clock);
    if (!opened.ok()) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(store),
                     qPrintable(opened.error().message()));
        return nullptr;
    }
    return std::move(opened).value();
}

int serve(const QString &store, int leaseMs)
{
    SystemClock clock;
    auto restaurant = openRestaurant(store, clock, leaseMs);
    if (!restaurant)
        return 1;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, restaurant.get(), [&] {
        if (restaurant->holdsSagaLeases()) {
            poll.stop();
            say(u"serving"_s);
        }
    });
    poll.start(20);
    readLines(restaurant.get(), [](const QString &) {});
    return QCoreApplication::exec();
}

int race(const QString &store, const QString &now)
{
    ManualClock clock(QDateTime::fromString(now, Qt::ISODate));
    auto restaurant = openRestaurant(store, clock);
    if (!restaurant)
        return 1;
    readLines(restaurant.get(), [&](const QString &line) {
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.value(0) == u"book"_s)
            say(answer(restaurant->book(request(words))));
    });
    say(u"ready"_s);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.value(1) == u"serve"_s && (arguments.size() == 3 || arguments.size() == 4))
        return serve(arguments.at(2), arguments.value(3).toInt());
    if (arguments.value(1) == u"race"_s && arguments.size() == 4)
        return race(arguments.at(2), arguments.at(3));
    std::fprintf(stderr, "usage: %s serve STORE [LEASE_MS] | race STORE NOW\n", argv[0]);
    return 2;
}
