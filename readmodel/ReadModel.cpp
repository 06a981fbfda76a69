#include "readmodel/ReadModel.h"

#include "eventstore/EventStore.h"
#include "eventstore/PostgresEventStore.h"
#include "readmodel/BookingsProjection.h"
#include "readmodel/LocksProjection.h"
#include "readmodel/PostgresReadConnection.h"
#include "readmodel/PostgresReadLocation.h"
#include "readmodel/PostgresReadSchema.h"
#include "readmodel/ProjectedEvent.h"
#include "readmodel/ProjectionCheckpoints.h"
#include "readmodel/ProjectionRunner.h"
#include "readmodel/ReadModelDump.h"
#include "readmodel/ReadQueries.h"
#include "readmodel/SettingsProjection.h"
#include "readmodel/SqliteReadConnection.h"
#include "readmodel/SqliteReadFile.h"
#include "readmodel/TableStateRule.h"
#include "readmodel/TablesProjection.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hoststand {

Q_LOGGING_CATEGORY(lcReadModel, "hoststand.readmodel")

static bool isPostgresLocation(const QString &location)
{
    return PostgresReadLocation::isLocation(location);
}

class ReadModel::Private final
{
public:
    Private(EventStore &store, std::unique_ptr<ReadConnection> connection, bool sqliteFile = false)
        : store(store)
        , sqliteFile(sqliteFile)
        , connection(std::move(connection))
        , runner(store, *this->connection, {&tables, &locks, &bookings, &settings},
                 ProjectionVersion)
        , queries(*this->connection)
    { }

    QList<Projection *> projections() { return {&tables, &locks, &bookings, &settings}; }
    QList<ReadTable> readTables();
    StoreResult<void> reloadSettings();
    template<typename T>
    StoreResult<T> reported(StoreResult<T> result) const;
    // Asks the query unless the read tables are known to be unreadable now.
    template<typename Query>
    auto read(const Query &query) const -> decltype(query());
    // Whether a failed read means the read tables cannot be read for now.
    bool makesUnreadable(const StoreError &error) const;
    StoreError forTheHost(const StoreError &error) const;

    ReadModel *q = nullptr;
    EventStore &store;
    bool sqliteFile; // a file this process may set aside and build again
    std::unique_ptr<ReadConnection> connection;
    TablesProjection tables;
    LocksProjection locks;
    BookingsProjection bookings;
    SettingsProjection settings;
    ProjectionRunner runner;
    ReadQueries queries;
    QList<Projection *> outdated;
    QString notice; // what happened to the read file as it was opened
    // Set by the query that failed, so that the queries after it in the
    // same turn answer at once instead of meeting the failure again.
    mutable std::optional<StoreError> readOutage;
    RestaurantSettingsRow currentSettings;
    QTimeZone zone = QTimeZone::utc();
};

QList<ReadTable> ReadModel::Private::readTables()
{
    QList<ReadTable> all;
    for (Projection *projection : projections())
        all.append(projection->tables());
    return all;
}

StoreResult<void> ReadModel::Private::reloadSettings()
{
    if (outdated.contains(&settings))
        return {}; // rebuilt by start(); until then the defaults hold
    auto loaded = queries.settings();
    if (!loaded.ok())
        return loaded.error();
    currentSettings = loaded.value();
    const QTimeZone named(currentSettings.timeZone.toUtf8());
    zone = named.isValid() ? named : QTimeZone::utc();
    return {};
}

// A query that fails reports it through failed() (later, not from inside a
// const query) and answers its error. One that met a damaged file, or a
// failure that passes, makes the read tables unreadable until they are
// opened again or a probe reads them.
template<typename T>
StoreResult<T> ReadModel::Private::reported(StoreResult<T> result) const
{
    if (result.ok())
        return result;
    const StoreError &error = result.error();
    qCWarning(lcReadModel).noquote() << error.message();
    const StoreError told = forTheHost(error);
    if (makesUnreadable(error) && !readOutage)
        readOutage = told;
    QMetaObject::invokeMethod(
        q, [model = q, error] { model->readFailed(error); }, Qt::QueuedConnection);
    return told;
}

template<typename Query>
auto ReadModel::Private::read(const Query &query) const -> decltype(query())
{
    if (auto why = q->whyUnreadable())
        return *why;
    return reported(query());
}

// Why a query failed, in words for a host and without its SQL, which the
// log keeps: the views and the command line show this message.
StoreError ReadModel::Private::forTheHost(const StoreError &error) const
{
    using Code = StoreError::Code;
    switch (error.code()) {
    case Code::CorruptStore:
    case Code::NotAStore:
        return StoreError(error.code(),
                          sqliteFile ? u"The read file is damaged; it is set aside and built "
                                       "again from the events."_s
                                     : u"The read tables are damaged; hoststand-cli rebuild "
                                       "builds them again from the events."_s);
    case Code::Unavailable:
        // A server out of reach is told as the connection tells it.
        return sqliteFile ? StoreError(error.code(),
                                       u"The read file is busy in another program; it is read "
                                       "again as soon as it is free."_s)
                          : error;
    case Code::FilesReplaced:
        return StoreError(error.code(),
                          u"The read file was replaced under this terminal; it is "
                          "opened again."_s);
    case Code::DiskFull:
        return StoreError(error.code(), u"The disk of the read tables is full."_s);
    default:
        return StoreError(
            error.code(),
            u"The read tables could not be read (%1); the log of "
            "hoststand.readmodel says more."_s.arg(StoreError::codeName(error.code())));
    }
}

bool ReadModel::Private::makesUnreadable(const StoreError &error) const
{
    return error.isTransient() || (sqliteFile && SqliteReadFile::isToBeSetAside(error));
}

QString ReadModel::defaultLocationFor(const QString &storeLocation)
{
    if (isPostgresLocation(storeLocation))
        return PostgresReadLocation::defaultFor(storeLocation);
    return storeLocation + u".read"_s;
}

// Looks at the file before writing to it, then marks a new one as a read
// file and gives it its checkpoints table in the same transaction: a file
// with the mark always has the table.
static StoreResult<std::unique_ptr<SqliteReadConnection>> openReadFileAsItIs(
    const QString &location)
{
    std::optional<SqliteReadFile::Kind> kind;
    auto connection = SqliteReadConnection::open(location, [&kind](SqliteReadConnection &opened) {
        auto checked = SqliteReadFile::check(opened, ReadModel::ProjectionVersion);
        if (!checked.ok())
            return StoreResult<void>(checked.error());
        kind = checked.value();
        return StoreResult<void>();
    });
    if (!connection.ok())
        return connection.error();
    ReadTransaction transaction(*connection.value());
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    if (auto marked = SqliteReadFile::markAsReadFile(*connection.value()); !marked.ok())
        return marked.error();
    const ReadDialect &dialect = connection.value()->dialect();
    if (auto created = connection.value()->execute(dialect.ddl(ProjectionCheckpoints::schema()));
        !created.ok())
        return created.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return connection;
}

// The read tables are derived data: a damaged file, or one that is not a
// read model at all, is set aside (renamed, never deleted) and a new one is
// built from the events; notice says so, for the host.
// A file found damaged while in use (damage) is set aside whatever a look
// at it now says.
static StoreResult<std::unique_ptr<SqliteReadConnection>> openReadFile(
    const QString &location, QString *notice, const std::optional<QString> &damage = {})
{
    QString why;
    if (damage) {
        why = *damage;
    } else {
        auto connection = openReadFileAsItIs(location);
        if (connection.ok() || !SqliteReadFile::isToBeSetAside(connection.error()))
            return connection;
        why = connection.error().message();
    } // the connection is closed here
    auto aside = SqliteReadFile::setAside(location);
    if (!aside.ok())
        return aside.error();
    *notice = u"%1 It was set aside as %2, and the read tables are built again from the "
              "events."_s.arg(why, QDir::toNativeSeparators(aside.value()));
    qCWarning(lcReadModel).noquote() << *notice;
    return openReadFileAsItIs(location);
}

bool ReadModel::canWriteAt(const QString &location)
{
    if (isPostgresLocation(location))
        return true;
    const QFileInfo file(location);
    if (file.exists())
        return file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
    return QFileInfo(file.absolutePath()).isWritable();
}

// The schema in the store's database: connected with the store's password
// when the location shows none, and checked as a read file is.
StoreResult<std::unique_ptr<ReadModel>> ReadModel::openPostgresSchema(EventStore &store,
                                                                      const QString &location,
                                                                      QObject *parent)
{
    auto settings = PostgresReadLocation::settingsFor(location, store);
    if (!settings.ok())
        return settings.error();
    auto connection = PostgresReadSchema::open(settings.value(), ProjectionVersion);
    if (!connection.ok())
        return connection.error();
    const auto *postgres = qobject_cast<const PostgresEventStore *>(&store);
    if (postgres && postgres->connectionSettings().serverName() == settings.value().serverName())
        connection.value()->followServer([postgres] { return postgres->isAvailable(); });
    return openOn(store, std::move(connection).value(), parent);
}

StoreResult<std::unique_ptr<ReadModel>> ReadModel::open(EventStore &store, const QString &location,
                                                        QObject *parent)
{
    if (isPostgresLocation(location))
        return openPostgresSchema(store, location, parent);
    QString notice;
    auto connection = openReadFile(location, &notice);
    if (!connection.ok())
        return connection.error();
    auto model = openOn(store, std::move(connection).value(), parent);
    if (model.ok()) {
        model.value()->d->sqliteFile = true;
        model.value()->d->notice = notice;
    }
    return model;
}

static StoreResult<void> createCheckpoints(ReadConnection &connection)
{
    ReadTransaction transaction(connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun;
    if (auto created
        = connection.execute(connection.dialect().ddl(ProjectionCheckpoints::schema()));
        !created.ok())
        return created;
    return transaction.commit();
}

StoreResult<std::unique_ptr<ReadModel>> ReadModel::openOn(
    EventStore &store, std::unique_ptr<ReadConnection> connection, QObject *parent)
{
    if (auto created = createCheckpoints(*connection); !created.ok())
        return created.error();
    auto d = std::make_unique<Private>(store, std::move(connection));
    auto outdated = d->runner.open();
    if (!outdated.ok())
        return outdated.error();
    d->outdated = outdated.value();
    if (auto loaded = d->reloadSettings(); !loaded.ok())
        return loaded.error();
    return std::unique_ptr<ReadModel>(new ReadModel(std::move(d), parent));
}

ReadModel::ReadModel(std::unique_ptr<Private> d, QObject *parent)
    : QObject(parent)
    , d(std::move(d))
{
    m_recoveryRetry.setSingleShot(true);
    connect(&m_recoveryRetry, &QTimer::timeout, this,
            [this] { (void)reopen(m_recoveryWhy, false); });
    m_outageProbe.setSingleShot(true);
    connect(&m_outageProbe, &QTimer::timeout, this, &ReadModel::probeAfterOutage);
    connect(&this->d->store, &EventStore::availabilityChanged, this,
            [this](bool available) { Q_EMIT availabilityChanged(available && isAvailable()); });
    wire();
}

void ReadModel::wire()
{
    d->q = this;
    connect(&d->runner, &ProjectionRunner::committed, this, [this](const ChangeSet &changes) {
        if (changes.settingsChanged()) {
            if (auto loaded = d->reloadSettings(); !loaded.ok())
                Q_EMIT failed(loaded.error().message());
        }
        for (const QString &tableId : changes.tables())
            Q_EMIT tableChanged(tableId);
        for (const QString &bookingId : changes.bookings()) {
            BookingChange change {bookingId, {}, false, {}};
            if (auto row = booking(bookingId); row.ok()) {
                change.read = true;
                change.row = std::move(row).value();
                if (change.row)
                    change.localDay = localDate(change.row->start);
            }
            Q_EMIT bookingChanged(change);
        }
        if (changes.settingsChanged())
            Q_EMIT settingsChanged();
        Q_EMIT auditAppended(changes.lastAuditPosition());
    });
    connect(&d->runner, &ProjectionRunner::progress, this, &ReadModel::rebuildProgress);
    connect(&d->runner, &ProjectionRunner::failed, this, [this](const StoreError &error) {
        Q_EMIT failed(error.message());
        recoverFrom(error);
    });
}

// A failed query: the host hears why; a damaged file is opened again (by
// the projector a follower follows); a failure that passes (a busy file, a
// lost session) makes the read tables unavailable until a probe reads them
// again.
void ReadModel::readFailed(const StoreError &error)
{
    Q_EMIT failed(error.message());
    if (d->sqliteFile
        && (SqliteReadFile::isToBeSetAside(error)
            || error.code() == StoreError::Code::FilesReplaced)) {
        if (!m_following) {
            recoverFrom(error);
            return;
        }
        if (!m_projectorAway) {
            m_projectorAway = u"The read file is being opened again or built again from the "
                              "events; it is read again as soon as it is ready."_s;
            Q_EMIT availabilityChanged(false);
        }
        if (ReadModel *projector = m_projector.data())
            QMetaObject::invokeMethod(
                projector, [projector, error] { projector->recoverFrom(error); },
                Qt::QueuedConnection);
        return;
    }
    if (!error.isTransient() || m_readOutage)
        return;
    const bool wasAvailable = !m_recovering && d->store.isAvailable();
    m_readOutage = d->forTheHost(error);
    if (wasAvailable)
        Q_EMIT availabilityChanged(false);
    m_outageProbe.start(OutageProbe);
}

void ReadModel::probeAfterOutage()
{
    if (!m_readOutage)
        return;
    if (!m_recovering && d->store.isAvailable()) {
        auto probe = d->queries.settings();
        if (!probe.ok()) {
            m_readOutage = d->forTheHost(probe.error());
            m_outageProbe.start(OutageProbe);
            return;
        }
    }
    // While the store is away, its return says when to read again.
    m_readOutage.reset();
    d->readOutage.reset();
    if (isAvailable())
        Q_EMIT availabilityChanged(true);
}

std::optional<StoreError> ReadModel::whyUnreadable() const
{
    if (m_recovering)
        return StoreError(StoreError::Code::Unavailable,
                          u"The read file is being opened again or built again from the events; "
                          "it is read again as soon as it is ready."_s);
    if (!d->store.isAvailable())
        return StoreError(StoreError::Code::Unavailable,
                          u"The store cannot be reached; the read tables are read again as soon "
                          "as it is back."_s);
    if (m_projectorAway)
        return StoreError(StoreError::Code::Unavailable, *m_projectorAway);
    if (m_reopenPending)
        return StoreError(StoreError::Code::Unavailable, *m_reopenPending);
    if (m_readOutage)
        return StoreError(StoreError::Code::Unavailable, m_readOutage->message());
    if (d->readOutage)
        return StoreError(StoreError::Code::Unavailable, d->readOutage->message());
    return std::nullopt;
}

// A read file that fails as damaged (or whose files changed under it) is
// opened again, on the next turn of the event loop, outside the code that
// found it: set aside and built afresh when it is damaged, caught up from
// its checkpoint when it is sound. Meanwhile the read model counts as
// unavailable, so the views keep what they show and read everything again
// once it is back.
void ReadModel::recoverFrom(const StoreError &error)
{
    const bool damaged = SqliteReadFile::isToBeSetAside(error);
    if (m_recovering || !d->sqliteFile
        || (!damaged && error.code() != StoreError::Code::FilesReplaced))
        return;
    m_recovering = true;
    Q_EMIT availabilityChanged(false);
    QMetaObject::invokeMethod(
        this, [this, why = error.message(), damaged] { (void)reopen(why, damaged); },
        Qt::QueuedConnection);
}

StoreResult<void> ReadModel::reopen(const QString &why, bool damaged)
{
    m_recoveryRetry.stop();
    const QString location = d->connection->location();
    d->runner.stop();
    // The old connection closes after the new one opened: it must leave the
    // log and index at the path alone. Only the file it found damaged is set
    // aside: another process may have done so already and built a new one.
    auto &old = static_cast<SqliteReadConnection &>(*d->connection);
    old.closeWithoutCheckpoint();
    const bool setAside = damaged && old.holdsItsFile();
    QString notice;
    auto connection
        = openReadFile(location, &notice, setAside ? std::optional<QString>(why) : std::nullopt);
    std::unique_ptr<Private> fresh;
    StoreResult<void> opened;
    if (connection.ok()) {
        fresh = std::make_unique<Private>(d->store, std::move(connection).value(), true);
        auto outdated = fresh->runner.open();
        if (outdated.ok())
            fresh->outdated = outdated.value();
        else
            opened = outdated.error();
    } else {
        opened = connection.error();
    }
    if (!opened.ok()) {
        Q_EMIT failed(opened.error().message());
        m_recoveryWhy = why;
        m_recoveryRetry.start(RecoveryRetry);
        return opened;
    }
    d = std::move(fresh);
    d->notice = notice.isEmpty() ? u"The read model's file %1 was opened again: %2"_s.arg(
                    QDir::toNativeSeparators(location), why)
                                 : notice;
    wire();
    m_recovering = false; // a failure of the catch-up below recovers again
    auto started = start();
    Q_EMIT noticed(d->notice);
    if (!started.ok())
        Q_EMIT failed(started.error().message());
    Q_EMIT availabilityChanged(d->store.isAvailable());
    return started;
}

// The projector opened its read file again (built it again, maybe, from a
// damaged one set aside): this follower opens what is at the location now,
// only to read it (the projector marked and made it), and tries again
// until it can, unreadable meanwhile.
void ReadModel::reopenFollowing(const QString &notice)
{
    const bool was = isAvailable();
    const QString location = d->connection->location();
    auto connection = SqliteReadConnection::open(location, [](SqliteReadConnection &opened) {
        auto checked = SqliteReadFile::check(opened, ProjectionVersion);
        return checked.ok() ? StoreResult<void>() : StoreResult<void>(checked.error());
    });
    if (!connection.ok()) {
        Q_EMIT failed(connection.error().message());
        m_reopenPending = d->forTheHost(connection.error()).message();
        if (was)
            Q_EMIT availabilityChanged(false);
        QTimer::singleShot(RecoveryRetry, this, [this, notice] { reopenFollowing(notice); });
        return;
    }
    static_cast<SqliteReadConnection &>(*d->connection).closeWithoutCheckpoint();
    d = std::make_unique<Private>(d->store, std::move(connection).value(), true);
    d->notice = notice;
    wire();
    m_readOutage.reset();
    m_reopenPending.reset();
    if (auto loaded = d->reloadSettings(); !loaded.ok())
        Q_EMIT failed(loaded.error().message());
    if (isAvailable() != was)
        Q_EMIT availabilityChanged(isAvailable());
}

ReadModel::~ReadModel() = default;

QString ReadModel::location() const
{
    return d->connection->location();
}

struct ReadModel::Pending
{
    QStringList tables;
    QSet<QString> seenTables;
    QStringList bookings;
    QHash<QString, BookingChange> bookingChanges; // the latest told of each
    bool settings = false;
    qint64 auditPosition = 0; // 0: none
    bool scheduled = false;
};

void ReadModel::followProjectionsOf(ReadModel &projector)
{
    m_following = true;
    m_projector = &projector;
    m_followedPosition = projector.position();
    m_pending = std::make_unique<Pending>();
    // May be called from the projector's thread while this one waits for
    // it: this model's own subscription stops on its own thread.
    QMetaObject::invokeMethod(
        this, [this] { d->runner.stop(); }, Qt::QueuedConnection);
    const auto schedule = [this] {
        if (!std::exchange(m_pending->scheduled, true))
            QTimer::singleShot(0, this, &ReadModel::tellPending);
    };
    connect(&projector, &ReadModel::tableChanged, this, [this, schedule](const QString &table) {
        if (!m_pending->seenTables.contains(table)) {
            m_pending->seenTables.insert(table);
            m_pending->tables.append(table);
        }
        schedule();
    });
    connect(&projector, &ReadModel::bookingChanged, this,
            [this, schedule](const BookingChange &change) {
                if (!m_pending->bookingChanges.contains(change.bookingId))
                    m_pending->bookings.append(change.bookingId);
                m_pending->bookingChanges.insert(change.bookingId, change);
                schedule();
            });
    connect(&projector, &ReadModel::settingsChanged, this, [this, schedule] {
        m_pending->settings = true;
        schedule();
    });
    connect(&projector, &ReadModel::auditAppended, this, [this, schedule](qint64 position) {
        m_pending->auditPosition = std::max(m_pending->auditPosition, position);
        schedule();
    });
    connect(&projector, &ReadModel::failed, this, &ReadModel::failed);
    connect(&projector, &ReadModel::caughtUp, this, [this](qint64 position) {
        m_followedPosition = std::max(m_followedPosition, position);
    });
    // The projector's file set aside and built again: this one opens the
    // new file once it is ready, and reads nothing meanwhile.
    connect(&projector, &ReadModel::noticed, this, [this](const QString &message) {
        if (d->sqliteFile)
            reopenFollowing(message);
        Q_EMIT noticed(message);
    });
    connect(&projector, &ReadModel::availabilityChanged, this, [this](bool available) {
        const bool was = isAvailable();
        if (available)
            m_projectorAway.reset();
        else
            m_projectorAway = u"The read tables are being built again or their store cannot be "
                              "reached; they are read again as soon as they are back."_s;
        if (isAvailable() != was)
            Q_EMIT availabilityChanged(isAvailable());
    });
}

// The settings first (every view reads everything again by them: the time
// zone, the service periods), then the tables and bookings a few at a time,
// then the trail's last position, which is the position this follower has
// told of once everything before it was told.
void ReadModel::tellPending()
{
    Pending &pending = *m_pending;
    pending.scheduled = false;
    if (std::exchange(pending.settings, false)) {
        if (auto loaded = d->reloadSettings(); !loaded.ok())
            Q_EMIT failed(loaded.error().message());
        Q_EMIT settingsChanged();
    }
    int told = 0;
    while (!pending.tables.isEmpty() && told < ChangesPerTurn) {
        const QString table = pending.tables.takeFirst();
        pending.seenTables.remove(table);
        Q_EMIT tableChanged(table);
        ++told;
    }
    while (!pending.bookings.isEmpty() && told < ChangesPerTurn) {
        const QString booking = pending.bookings.takeFirst();
        Q_EMIT bookingChanged(pending.bookingChanges.take(booking));
        ++told;
    }
    if (!pending.tables.isEmpty() || !pending.bookings.isEmpty()) {
        pending.scheduled = true;
        QTimer::singleShot(0, this, &ReadModel::tellPending);
        return;
    }
    if (const qint64 position = std::exchange(pending.auditPosition, 0); position > 0) {
        m_followedPosition = std::max(m_followedPosition, position);
        Q_EMIT auditAppended(position);
    }
}

StoreResult<void> ReadModel::start()
{
    if (m_following)
        return d->reloadSettings();
    if (!d->outdated.isEmpty()) {
        if (auto reset = d->runner.reset(d->outdated); !reset.ok())
            return reset;
        d->outdated.clear();
    }
    if (auto caught = d->runner.catchUp(); !caught.ok())
        return caught;
    if (auto loaded = d->reloadSettings(); !loaded.ok())
        return loaded;
    Q_EMIT caughtUp(position());
    return {};
}

// A file too damaged to drop its tables is set aside and built anew.
StoreResult<void> ReadModel::rebuild()
{
    d->runner.stop();
    d->outdated = d->projections();
    auto started = start();
    if (started.ok() || !d->sqliteFile || !SqliteReadFile::isToBeSetAside(started.error()))
        return started;
    m_recovering = true;
    return reopen(started.error().message(), true);
}

qint64 ReadModel::position() const
{
    return std::max(d->runner.position(), m_followedPosition);
}

bool ReadModel::isAvailable() const
{
    return !whyUnreadable();
}

QString ReadModel::notice() const
{
    return d->notice;
}

RestaurantSettingsRow ReadModel::settings() const
{
    return d->currentSettings;
}

StoreResult<QList<TableRow>> ReadModel::tables(bool includeRemoved) const
{
    return d->read([&] { return d->queries.tables(includeRemoved); });
}

StoreResult<std::optional<TableRow>> ReadModel::table(const QString &tableId) const
{
    return d->read([&] { return d->queries.table(tableId); });
}

StoreResult<std::optional<BookingRow>> ReadModel::booking(const QString &bookingId) const
{
    return d->read([&] { return d->queries.booking(bookingId); });
}

StoreResult<std::optional<BookingRow>> ReadModel::booking(const BookingChange &change) const
{
    if (change.read)
        return change.row;
    return booking(change.bookingId);
}

StoreResult<QList<BookingRow>> ReadModel::bookingsOn(const QDate &localDay) const
{
    const QDateTime from(localDay, QTime(0, 0), d->zone);
    const QDateTime to(localDay.addDays(1), QTime(0, 0), d->zone);
    return bookingsBetween(from, to);
}

StoreResult<QList<BookingRow>> ReadModel::bookingsBetween(const QDateTime &from,
                                                          const QDateTime &to) const
{
    return d->read([&] { return d->queries.bookingsBetween(from, to); });
}

StoreResult<QList<TableStatusRow>> ReadModel::floorAt(const QDateTime &moment) const
{
    auto tablesInService = tables();
    if (!tablesInService.ok())
        return tablesInService.error();
    QList<TableStatusRow> floor;
    for (const TableRow &table : tablesInService.value()) {
        auto status = tableAt(table.id, moment);
        if (!status.ok())
            return status.error();
        floor.append(std::move(status).value());
    }
    return floor;
}

StoreResult<TableStatusRow> ReadModel::tableAt(const QString &tableId,
                                               const QDateTime &moment) const
{
    auto found = table(tableId);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return TableStatusRow {TableRow {tableId, 0, {}, false}, TableState::OutOfService, {}, {}};
    const auto stay = std::chrono::seconds(TableStateRule::LongestStay).count();
    const auto soon = std::chrono::seconds(TableStateRule::SoonWindow).count();
    const auto bookings = d->reported(
        d->queries.tableBookingsBetween(tableId, moment.addSecs(-stay), moment.addSecs(soon)));
    if (!bookings.ok())
        return bookings.error();
    const auto locks
        = d->reported(d->queries.tableLocksBetween(tableId, moment, moment.addSecs(soon)));
    if (!locks.ok())
        return locks.error();
    const auto next = d->reported(d->queries.nextBooking(tableId, moment));
    if (!next.ok())
        return next.error();
    return TableStateRule::statusAt(*found.value(), bookings.value(), locks.value(), next.value(),
                                    moment);
}

StoreResult<QStringList> ReadModel::freeTables(const QDateTime &start, const QDateTime &end,
                                               int partySize, const QString &exceptBooking) const
{
    return d->read([&] { return d->queries.freeTables(start, end, partySize, exceptBooking); });
}

StoreResult<QList<BookingRow>> ReadModel::searchGuests(const QString &text, int limit) const
{
    return d->read([&] { return d->queries.searchGuests(text, limit); });
}

StoreResult<QList<LockRow>> ReadModel::locks(const QString &tableId) const
{
    return d->read([&] { return d->queries.locks(tableId); });
}

// The log is the store's own (EventStore::readLog), with each event's
// metadata read for people. A page the store could not read is an error,
// never an empty page; it leaves the read tables readable.
StoreResult<QList<AuditRow>> ReadModel::audit(const EventLogFilter &filter) const
{
    auto events = d->store.readLog(filter);
    if (!events.ok()) {
        qCWarning(lcReadModel).noquote() << events.error().message();
        return events.error();
    }
    QList<AuditRow> rows;
    rows.reserve(events.value().size());
    EventReader reader;
    for (const RecordedEvent &event : events.value()) {
        const EventReader::Metadata &metadata = reader.readMetadata(event.metadata);
        rows.append(AuditRow {
            event.position, event.stream, event.revision, event.type, event.created,
            QString::fromUtf8(metadata.user), QString::fromUtf8(metadata.terminal),
            QString::fromUtf8(metadata.correlationId), QString::fromUtf8(metadata.causationId),
            event.id.toString(QUuid::WithoutBraces), event.data});
    }
    return rows;
}

QDate ReadModel::localDate(const QDateTime &moment) const
{
    return moment.toTimeZone(d->zone).date();
}

StoreResult<QStringList> ReadModel::dump() const
{
    return d->read([&] { return ReadModelDump::lines(*d->connection, d->readTables()); });
}

// Both read models follow the store; when events arrive between the two
// catch-ups, the one behind catches up again before the comparison.
StoreResult<QStringList> ReadModel::verifyAgainstFreshRebuild(EventStore &store,
                                                              const QString &location,
                                                              int maxDifferences)
{
    auto current = open(store, location);
    if (!current.ok())
        return current.error();
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return StoreError(StoreError::Code::CannotOpen,
                          u"Could not make a temporary folder for a fresh read model: %1."_s.arg(
                              scratch.errorString()));
    auto fresh = open(store, scratch.filePath(u"fresh.read"_s));
    if (!fresh.ok())
        return fresh.error();
    ReadModel &mine = *current.value();
    ReadModel &theirs = *fresh.value();
    for (ReadModel *model : {&mine, &theirs}) {
        if (auto started = model->start(); !started.ok())
            return started.error();
    }
    for (int attempt = 0; attempt < 3 && mine.position() != theirs.position(); ++attempt) {
        ReadModel &behind = mine.position() < theirs.position() ? mine : theirs;
        if (auto started = behind.start(); !started.ok())
            return started.error();
    }
    return ReadModelDump::differences(*mine.d->connection, *theirs.d->connection,
                                      mine.d->readTables(), maxDifferences);
}

} // namespace hoststand
