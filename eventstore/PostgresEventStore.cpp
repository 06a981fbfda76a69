#include "eventstore/PostgresEventStore.h"

#include "eventstore/PostgresSession.h"
#include "eventstore/StoreInput.h"

#include <QNetworkProxy>
#include <QSqlDriver>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hoststand {

class PostgresEventStore::Private final
{
public:
    Private(PostgresConnectionSettings settings, PostgresStoreOptions options)
        : settings(std::move(settings))
        , options(options)
    { }

    PostgresConnectionSettings settings;
    PostgresStoreOptions options;
    // Null during an outage.
    std::unique_ptr<PostgresSession> session;
    // What every operation answers during an outage.
    QString outageMessage;
    // The last position this store told its subscribers about.
    qint64 announcedPosition = 0;
    std::chrono::milliseconds reconnectDelay {0};
    // False for a follower (EventStore::follow): no poll, and notifications
    // are left to the leader, since every look is a round trip to the server.
    bool watching = true;
    // A follower's: the last position its leader told of while this store
    // had no session, announced once it has one again.
    qint64 heardPosition = 0;
    QTimer pollTimer;
    QTimer reconnectTimer;
    // A reconnection knocks at the server's port first, without blocking;
    // null when no knock is under way.
    QTcpSocket *knock = nullptr;
    QTimer knockTimer;
    // Coalesces a burst of notifications into one read of the last position.
    QTimer wakeTimer;
};

StoreResult<std::unique_ptr<PostgresEventStore>> PostgresEventStore::open(
    const PostgresConnectionSettings &settings, const PostgresStoreOptions &options)
{
    auto session = PostgresSession::open(settings, options.connectTimeout);
    if (!session.ok())
        return session.error();
    auto last = session.value()->events().lastPosition();
    if (!last.ok())
        return last.error();
    auto d = std::make_unique<Private>(settings, options);
    d->session = std::move(session).value();
    d->announcedPosition = last.value();
    std::unique_ptr<PostgresEventStore> store(new PostgresEventStore(std::move(d)));
    store->attachSession();
    return store;
}

StoreResult<std::unique_ptr<PostgresEventStore>> PostgresEventStore::open(
    const QString &url, const PostgresStoreOptions &options)
{
    auto settings = PostgresConnectionSettings::fromUrl(url);
    if (!settings.ok())
        return settings.error();
    return open(settings.value(), options);
}

PostgresEventStore::PostgresEventStore(std::unique_ptr<Private> d)
    : d(std::move(d))
{
    Private &p = *this->d;
    p.pollTimer.setInterval(p.options.pollInterval);
    connect(&p.pollTimer, &QTimer::timeout, this, &PostgresEventStore::checkForNewEvents);
    p.reconnectTimer.setSingleShot(true);
    connect(&p.reconnectTimer, &QTimer::timeout, this, &PostgresEventStore::reconnect);
    p.knockTimer.setSingleShot(true);
    connect(&p.knockTimer, &QTimer::timeout, this, [this] {
        endKnock(false,
                 u"no answer within %1 s"_s.arg(
                     std::chrono::seconds(this->d->options.connectTimeout).count()));
    });
    p.wakeTimer.setSingleShot(true);
    p.wakeTimer.setInterval(0);
    connect(&p.wakeTimer, &QTimer::timeout, this, &PostgresEventStore::checkForNewEvents);
}

PostgresEventStore::~PostgresEventStore() = default;

template<typename Operation>
auto PostgresEventStore::onSession(Operation &&operation)
{
    using ResultType = decltype(operation(*d->session));
    if (!d->session)
        return ResultType(StoreError(StoreError::Code::Unavailable, d->outageMessage));
    ResultType result = operation(*d->session);
    if (!result.ok() && !d->session->isConnected())
        connectionLost(result.error().message());
    return result;
}

// Listens through the session's driver and starts the fallback poll.
void PostgresEventStore::attachSession()
{
    const QString channel = d->session->schema().channel;
    connect(d->session->connection().driver(), &QSqlDriver::notification, this,
            [this, channel](const QString &name, QSqlDriver::NotificationSource,
                            const QVariant &payload) {
                if (name == channel)
                    onNotification(payload);
            });
    if (d->watching)
        d->pollTimer.start();
}

void PostgresEventStore::stopWatching()
{
    d->watching = false;
    d->pollTimer.stop();
    d->wakeTimer.stop();
}

// The session is dropped (with its connection) at once; operations fail
// fast with Unavailable until a reconnection succeeds.
void PostgresEventStore::dropSession(const QString &message)
{
    d->session.reset();
    d->outageMessage = message;
    d->pollTimer.stop();
    d->wakeTimer.stop();
}

void PostgresEventStore::connectionLost(const QString &message)
{
    dropSession(message);
    d->reconnectDelay = d->options.reconnectDelay;
    d->reconnectTimer.start(d->reconnectDelay);
    Q_EMIT availabilityChanged(false, message);
}

// Connecting blocks the thread until the server answers or the connection
// timeout ends, and a server whose machine has lost its network never
// answers: the terminal would freeze for the whole timeout at every retry.
// So a reconnection first knocks at the server's TCP port with a socket
// that does not block, and opens the session only once the port answers.
// A server reached through a local socket is opened at once.
void PostgresEventStore::reconnect()
{
    const QString &host = d->settings.host;
    if (host.isEmpty() || host.startsWith(u'/')) {
        openSession();
        return;
    }
    auto *knock = new QTcpSocket(this);
    // libpq connects directly, whatever proxy the system names.
    knock->setProxy(QNetworkProxy::NoProxy);
    d->knock = knock;
    connect(knock, &QTcpSocket::connected, this, [this] { endKnock(true, QString()); });
    connect(knock, &QAbstractSocket::errorOccurred, this,
            [this, knock] { endKnock(false, knock->errorString()); });
    d->knockTimer.start(d->options.connectTimeout);
    knock->connectToHost(host, quint16(d->settings.port));
}

void PostgresEventStore::endKnock(bool answered, const QString &failure)
{
    QTcpSocket *knock = std::exchange(d->knock, nullptr);
    if (!knock)
        return;
    d->knockTimer.stop();
    knock->disconnect(this);
    knock->abort();
    knock->deleteLater();
    if (answered) {
        openSession();
        return;
    }
    d->outageMessage = u"The PostgreSQL server at %1 cannot be reached: %2."_s.arg(
        d->settings.serverName(), failure);
    retryLater();
}

void PostgresEventStore::retryLater()
{
    d->reconnectDelay = std::min(d->reconnectDelay * 2, d->options.maxReconnectDelay);
    d->reconnectTimer.start(d->reconnectDelay);
}

void PostgresEventStore::openSession()
{
    auto session = PostgresSession::open(d->settings, d->options.connectTimeout);
    if (!session.ok()) {
        d->outageMessage = session.error().message();
        retryLater();
        return;
    }
    d->session = std::move(session).value();
    d->outageMessage.clear();
    attachSession();
    Q_EMIT availabilityChanged(
        true, u"The PostgreSQL server at %1 can be reached again."_s.arg(d->settings.serverName()));
    // Appends made while this store could not listen were never notified
    // (a follower heard of them from its leader, which looks).
    if (d->watching)
        checkForNewEvents();
    else if (d->heardPosition > d->announcedPosition)
        announce(d->heardPosition);
}

// A notification is only a wake-up: its payload (the last position of the
// commit) just spares a read for this store's own appends.
void PostgresEventStore::onNotification(const QVariant &payload)
{
    if (!d->watching)
        return;
    bool isNumber = false;
    const qint64 position = payload.toString().toLongLong(&isNumber);
    if (isNumber && position <= d->announcedPosition)
        return;
    if (!d->wakeTimer.isActive())
        d->wakeTimer.start();
}

void PostgresEventStore::checkForNewEvents()
{
    if (!d->session)
        return;
    auto last = onSession([](PostgresSession &session) { return session.events().lastPosition(); });
    if (last.ok() && last.value() > d->announcedPosition)
        announce(last.value());
}

void PostgresEventStore::announce(qint64 lastPosition)
{
    d->announcedPosition = std::max(d->announcedPosition, lastPosition);
    Q_EMIT appended(lastPosition);
}

bool PostgresEventStore::isAvailable() const
{
    return d->session != nullptr;
}

// The leader's position is believed: it read it, or committed it, on the
// same database, so this connection's next read sees those events too.
void PostgresEventStore::hearOfCommits(qint64 lastPosition)
{
    d->heardPosition = std::max(d->heardPosition, lastPosition);
    if (d->session && lastPosition > d->announcedPosition)
        announce(lastPosition);
}

void PostgresEventStore::hearOfServer(bool available, const QString &message)
{
    if (!available) {
        if (!d->session)
            return;
        d->reconnectTimer.stop();
        dropSession(message);
        Q_EMIT availabilityChanged(false, message);
        return;
    }
    if (d->session || d->knock)
        return;
    d->reconnectTimer.stop();
    d->reconnectDelay = d->options.reconnectDelay;
    reconnect();
}

const PostgresConnectionSettings &PostgresEventStore::connectionSettings() const
{
    return d->settings;
}

QString PostgresEventStore::location() const
{
    return d->settings.location();
}

StoreResult<AppendResult> PostgresEventStore::append(const QString &stream,
                                                     const QList<EventData> &events,
                                                     const ExpectedRevision &expected)
{
    if (auto invalid = StoreInput::checkAppend(stream, events))
        return *invalid;
    auto outcome = onSession([&](PostgresSession &session) {
        return session.events().append(stream, events, expected);
    });
    if (!outcome.ok())
        return outcome.error();
    const AppendResult result = outcome.value().result;
    // Subscribers in this process hear of the commit at once.
    if (outcome.value().written)
        announce(result.position);
    return result;
}

StoreResult<qint64> PostgresEventStore::importEvents(const QList<RecordedEvent> &events)
{
    auto imported = onSession(
        [&](PostgresSession &session) { return session.events().importEvents(events); });
    if (imported.ok() && !events.isEmpty())
        announce(imported.value());
    return imported;
}

StoreResult<QList<RecordedEvent>> PostgresEventStore::readStream(const QString &stream,
                                                                 ReadDirection direction,
                                                                 qint64 fromRevision,
                                                                 qint64 maxCount)
{
    if (auto invalid = StoreInput::checkReadStream(stream, direction, fromRevision, maxCount))
        return *invalid;
    if (maxCount == 0)
        return QList<RecordedEvent>();
    return onSession([&](PostgresSession &session) {
        return session.events().readStream(stream, direction, fromRevision, maxCount);
    });
}

StoreResult<QList<RecordedEvent>> PostgresEventStore::readAll(qint64 afterPosition, qint64 maxCount,
                                                              const ReadAllFilter &filter)
{
    if (auto invalid = StoreInput::checkReadAll(afterPosition, maxCount))
        return *invalid;
    const QStringList categories = StoreInput::usableCategories(filter);
    if (maxCount == 0 || (categories.isEmpty() && !filter.categories.isEmpty()))
        return QList<RecordedEvent>();
    return onSession([&](PostgresSession &session) {
        return session.events().readAll(afterPosition, maxCount, categories, filter.eventTypes);
    });
}

StoreResult<QList<RecordedEvent>> PostgresEventStore::readLog(const EventLogFilter &filter)
{
    if (auto invalid = StoreInput::checkReadLog(filter))
        return *invalid;
    if (filter.limit == 0)
        return QList<RecordedEvent>();
    return onSession([&](PostgresSession &session) { return session.events().readLog(filter); });
}

StoreResult<qint64> PostgresEventStore::streamRevision(const QString &stream)
{
    if (auto invalid = StoreInput::checkStream(stream))
        return *invalid;
    return onSession(
        [&](PostgresSession &session) { return session.events().streamRevision(stream); });
}

StoreResult<qint64> PostgresEventStore::lastPosition()
{
    return onSession([](PostgresSession &session) { return session.events().lastPosition(); });
}

StoreResult<QDateTime> PostgresEventStore::storeTime()
{
    return onSession([](PostgresSession &session) { return session.events().serverTime(); });
}

// A read-only store is not one of PostgreSQL's: the server's rights decide.
StoreResult<void> PostgresEventStore::withGroups(
    GroupAccess, const std::function<StoreResult<void>(SubscriptionGroups &)> &work)
{
    return onSession([&](PostgresSession &session) { return work(session.groups()); });
}

} // namespace hoststand
