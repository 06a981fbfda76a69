#include "eventstore/SqliteEventStore.h"

#include "eventstore/AppendResolution.h"
#include "eventstore/SqliteConnection.h"
#include "eventstore/SqliteErrors.h"
#include "eventstore/SqliteEventRows.h"
#include "eventstore/SqliteFileHold.h"
#include "eventstore/SqliteSchema.h"
#include "eventstore/SqliteStatement.h"
#include "eventstore/SqliteStoreFile.h"
#include "eventstore/SqliteSubscriptionGroups.h"
#include "eventstore/SqliteTransaction.h"
#include "eventstore/StoreInput.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QtEndian>

#include <array>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace hoststand {

namespace {

constexpr QByteArrayView EmptyObject("{}");

// The log's length, in pages, at which a poll checkpoints it (SQLite's own
// default), and at which a commit does. A log left to grow is slow to sync:
// each commit then extends the file, and the sync writes its new size and
// blocks too (a durable append took 230 us instead of 140 us here); a log
// checkpointed in time is written again from its start.
constexpr int WalCheckpointFrames = 1000;
constexpr int WalCommitCheckpointFrames = 2 * WalCheckpointFrames;
constexpr qint64 ReopenInterval = 2000; // ms

std::array<char, 16> uuidBytes(const QUuid &id)
{
    std::array<char, 16> bytes;
    qToBigEndian(id.data1, bytes.data());
    qToBigEndian(id.data2, bytes.data() + 4);
    qToBigEndian(id.data3, bytes.data() + 6);
    std::memcpy(bytes.data() + 8, id.data4, 8);
    return bytes;
}

// Category filters as SQL: a category "table" holds the stream "table" and
// the streams from "table-" up to (not including) "table." ('.' follows '-').
// The unary + keeps SQLite from scanning the (stream, revision) index and
// sorting, so a page after a position stays a range scan of positions.
QByteArray readAllSql(qsizetype categories, qsizetype types)
{
    QByteArray sql = QByteArray("SELECT ") + SqliteEventRows::ColumnsWithStream
        + " FROM events WHERE position > ?1";
    int parameter = 3; // ?2 is the limit
    if (categories > 0) {
        sql += " AND (";
        for (qsizetype i = 0; i < categories; ++i, parameter += 3) {
            sql += i == 0 ? "" : " OR ";
            sql += "+stream = ?" + QByteArray::number(parameter) + " OR (+stream >= ?"
                + QByteArray::number(parameter + 1) + " AND +stream < ?"
                + QByteArray::number(parameter + 2) + ")";
        }
        sql += ")";
    }
    if (types > 0) {
        sql += " AND type IN (";
        for (qsizetype i = 0; i < types; ++i, ++parameter)
            sql += (i == 0 ? "?" : ", ?") + QByteArray::number(parameter);
        sql += ")";
    }
    return sql + " ORDER BY position LIMIT ?2";
}

} // namespace

// One connection to the store file and everything prepared on it. A store
// that finds its hold on the files lost replaces it whole.
struct SqliteSession final
{
    // Declared first so that it is destroyed last, after every statement.
    SqliteConnection connection;
    SqliteTransactionStatements transactions;
    // The hot paths run on sqlite3 statements prepared once on Qt's own
    // connection. Measured on the benchmark's workload: with QSqlQuery's
    // per-value QVariants, stream reads reached only 0.28 of raw SQLite and
    // batched appends 0.8; with these, reads reach 0.57 and batched appends
    // 0.86 (CPU time, same file, before the disk's sync is counted).
    SqliteStatement selectRevision;
    SqliteStatement insertEvent;
    SqliteStatement selectEventById;
    SqliteStatement readForwards;
    SqliteStatement readBackwards;
    SqliteStatement selectLastPosition;
    std::map<std::pair<qsizetype, qsizetype>, SqliteStatement> readAllStatements;
    std::map<int, SqliteStatement> readLogStatements; // by EventLogFilter::shape()
    std::unique_ptr<SqliteSubscriptionGroups> groups;
    QSqlQuery dataVersionQuery;
};

class SqliteEventStore::Private final
{
public:
    Private(QString path, SqliteStoreOptions options)
        : path(std::move(path))
        , options(options)
        , hold(this->path)
    { }
    // A connection whose files were replaced must not checkpoint them on
    // closing, nor delete the log and index that now belong to another file.
    ~Private()
    {
        if (session && opened && hold.lost())
            session->connection.closeWithoutCheckpoint();
    }

    StoreResult<void> open();
    StoreResult<void> prepareStatements();
    StoreResult<void> reopen(const QString &why);
    StoreResult<void> ensureOpen();
    StoreResult<void> refuseReadOnly() const;
    // A read straight from a file no one was writing fails when a writer
    // began meanwhile (its checkpoint may change the pages being read): it
    // is read once more through the writer's log.
    template<typename Read>
    auto readRetried(const Read &read) -> decltype(read())
    {
        auto result = read();
        if (!result.ok() && immutable && QFileInfo::exists(path + u"-wal"_s)
            && reopen(u"another program began to write to it"_s).ok())
            return read();
        return result;
    }
    StoreResult<void> keepHold();

    StoreResult<AppendOutcome> append(const QString &stream, const QList<EventData> &events,
                                      const ExpectedRevision &expected);
    StoreResult<AppendOutcome> appendOnce(const QString &stream, const QList<EventData> &events,
                                          const ExpectedRevision &expected);
    StoreResult<qint64> currentRevision(const QByteArray &stream);
    int insertEvents(const QByteArray &stream, const QList<EventData> &events, qint64 firstRevision,
                     qint64 *lastPosition);
    StoreResult<std::optional<StoredEventId>> findEvent(const QUuid &id);

    // Returns SQLITE_DONE when every row was read into events.
    int readRows(SqliteStatement &statement, qint64 maxCount, bool withStream,
                 QList<RecordedEvent> &events);
    SqliteStatement *readAllStatement(qsizetype categories, qsizetype types);
    SqliteStatement *readLogStatement(int shape);
    StoreResult<qint64> lastPosition();
    StoreResult<qint64> dataVersion();
    void poll(SqliteEventStore &store);
    void checkpointIfDue();
    static int onWalCommit(void *self, sqlite3 *db, const char *database, int frames);
    void setAvailable(SqliteEventStore &store, bool available, const QString &message);
    // The groups, once the store knows it works on the right files (and,
    // for a write, may write them).
    StoreResult<SqliteSubscriptionGroups *> heldGroups(bool write);

    QString path;
    SqliteStoreOptions options;
    SqliteFileHold hold;
    std::unique_ptr<SqliteSession> session;
    bool opened = false; // the session is whole
    QString readOnlyReason; // why this user cannot write the store; empty when it can
    QString lostEvents; // events this store reported are gone: no more writes
    QElapsedTimer sinceOpenAttempt;
    StoreError lastOpenError {StoreError::Code::CannotOpen, {}};
    bool immutable = false; // read-only, straight from the file
    SqliteEventRows rows;
    qint64 knownDataVersion = 0;
    qint64 notifiedPosition = 0;
    int walFrames = 0; // in the write-ahead log after this connection's last commit
    bool available = true;
    QTimer pollTimer;
};

// A store this user cannot write is read without making any file: through
// the log and index another process made, or, while there are none (no
// process writes), straight from the file, which SQLite is told no one
// changes (immutable); the log appearing means someone writes now, and the
// connection is opened again to read through it.
StoreResult<void> SqliteEventStore::Private::open()
{
    opened = false;
    session = std::make_unique<SqliteSession>();
    const SqliteFileAccess access = sqliteFileAccess(path);
    readOnlyReason = access.writable ? QString() : access.whyNot;
    immutable = !access.writable && !QFileInfo::exists(path + u"-wal"_s);
    QString name = path;
    QString connectOptions = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeout.count());
    if (!access.writable) {
        name = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded)
            + (immutable ? u"?immutable=1"_s : u"?readonly_shm=1"_s);
        connectOptions += u";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s;
    }
    if (auto opened = session->connection.open(name, connectOptions); !opened.ok()) {
        if (access.writable)
            return opened;
        return StoreError(opened.error().code(),
                          u"%1 This user can only read the store: %2."_s.arg(
                              opened.error().message(), access.whyNot));
    }
    if (auto checked = checkStoreFile(session->connection, path); !checked.ok())
        return checked;
    if (const int rc
        = session->transactions.prepare(session->connection.handle(), options.busyTimeout);
        rc != SQLITE_OK)
        return sqliteStoreError(rc, u"prepare the store's transactions"_s);
    if (access.writable) {
        if (auto prepared
            = prepareSqliteSchema(session->connection, session->transactions, options);
            !prepared.ok())
            return prepared;
        // Replaces SQLite's automatic checkpoint, which runs inside the
        // commit that fills the log past 1000 pages: copying the log into
        // the file and syncing it there added 5 to 20 ms to one booking in
        // twenty.
        sqlite3_wal_hook(session->connection.handle(), &Private::onWalCommit, this);
    } else if (auto marked
               = session->connection.queryValue(u"PRAGMA application_id"_s, u"read the store"_s);
               !marked.ok() || marked.value().toInt() != SqliteEventStore::ApplicationId) {
        return StoreError(StoreError::Code::CannotOpen,
                          u"The file %1 is an empty database, and this user cannot make it a "
                          "store: %2."_s.arg(QDir::toNativeSeparators(path), access.whyNot));
    }
    if (auto prepared = prepareStatements(); !prepared.ok())
        return prepared;
    // A first read opens the log and its index; from then on they are the
    // files this connection works on.
    if (auto read = lastPosition(); !read.ok())
        return read.error();
    hold.record();
    opened = true;
    return {};
}

StoreResult<void> SqliteEventStore::Private::refuseReadOnly() const
{
    if (!lostEvents.isEmpty())
        return StoreError(StoreError::Code::CorruptStore, lostEvents);
    if (readOnlyReason.isEmpty())
        return {};
    return StoreError(StoreError::Code::CannotOpen,
                      u"Nothing was written: this user can only read the store %1 (%2)."_s.arg(
                          QDir::toNativeSeparators(path), readOnlyReason));
}

// The connection is left as it is, without the checkpoint SQLite runs on
// closing: it would copy a log that no other process sees into the file.
StoreResult<void> SqliteEventStore::Private::reopen(const QString &why)
{
    qWarning("The event store %s reopens its files: %s.", qPrintable(path), qPrintable(why));
    if (session)
        session->connection.closeWithoutCheckpoint();
    session.reset();
    walFrames = 0;
    sinceOpenAttempt.start();
    if (auto opened = open(); !opened.ok()) {
        lastOpenError = opened.error();
        return opened;
    }
    // Events up to notifiedPosition were acknowledged; a log deleted before
    // they reached the file took them along. Writing on would give their
    // positions to new events, which subscribers already past them skip.
    if (auto last = lastPosition(); last.ok() && last.value() < notifiedPosition)
        lostEvents = u"The events after position %1 of the store %2 are gone: its log was "
                     "deleted by another program before they reached the file (%3). Nothing "
                     "more is written; run `hoststand-cli verify` and restore the store."_s.arg(
                         QString::number(last.value()), QDir::toNativeSeparators(path), why);
    auto version = dataVersion();
    if (!version.ok())
        return version.error();
    knownDataVersion = -1; // the next poll reads the last position again
    return {};
}

// A store that could not be opened again is tried at most every two
// seconds (a poll comes every 50 ms).
StoreResult<void> SqliteEventStore::Private::ensureOpen()
{
    if (!opened) {
        if (sinceOpenAttempt.isValid() && sinceOpenAttempt.elapsed() < ReopenInterval)
            return lastOpenError;
        return reopen(u"the last attempt to open them failed"_s);
    }
    if (immutable && (QFileInfo::exists(path + u"-wal"_s) || hold.databaseModified()))
        return reopen(u"another program began to write to it"_s);
    return {};
}

StoreResult<void> SqliteEventStore::Private::keepHold()
{
    if (auto open = ensureOpen(); !open.ok())
        return open;
    if (const std::optional<QString> lost = hold.lost())
        return reopen(*lost);
    return {};
}

StoreResult<SqliteSubscriptionGroups *> SqliteEventStore::Private::heldGroups(bool write)
{
    if (write) {
        if (auto refused = refuseReadOnly(); !refused.ok())
            return refused.error();
    }
    if (auto held = keepHold(); !held.ok())
        return held.error();
    return session->groups.get();
}

// The checkpoint waits for the next poll, between two commands; only a
// writer that never returns to its event loop (a script, an import, the
// benchmark) checkpoints in the commit, once the log is twice as long.
int SqliteEventStore::Private::onWalCommit(void *self, sqlite3 *db, const char *database,
                                           int frames)
{
    auto *d = static_cast<Private *>(self);
    d->walFrames = frames;
    if (frames >= WalCommitCheckpointFrames) {
        sqlite3_wal_checkpoint_v2(db, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        d->walFrames = 0;
    }
    return SQLITE_OK;
}

void SqliteEventStore::Private::checkpointIfDue()
{
    if (walFrames < WalCheckpointFrames || !readOnlyReason.isEmpty())
        return;
    // Passive: it never waits for readers or writers of other processes; what
    // it could not copy is copied by a later checkpoint.
    sqlite3_wal_checkpoint_v2(session->connection.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                              nullptr, nullptr);
    walFrames = 0;
}

StoreResult<void> SqliteEventStore::Private::prepareStatements()
{
    sqlite3 *db = session->connection.handle();
    const QByteArray columns = SqliteEventRows::Columns;
    const std::pair<SqliteStatement *, QByteArray> statements[] = {
        {&session->selectRevision, "SELECT max(revision) FROM events WHERE stream = ?1"},
        {&session->insertEvent,
         "INSERT INTO events(stream, revision, id, type, data, metadata, created) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
        {&session->selectEventById, "SELECT stream, revision, position FROM events WHERE id = ?1"},
        {&session->readForwards,
         "SELECT " + columns
             + " FROM events WHERE stream = ?1 AND revision >= ?2 ORDER BY revision LIMIT ?3"},
        {&session->readBackwards,
         "SELECT " + columns
             + " FROM events WHERE stream = ?1 AND revision <= ?2 ORDER BY revision DESC "
               "LIMIT ?3"},
        {&session->selectLastPosition, "SELECT max(position) FROM events"},
    };
    for (const auto &[statement, sql] : statements) {
        if (const int rc = statement->prepare(db, sql); rc != SQLITE_OK)
            return sqliteStoreError(rc, u"prepare the store's statements"_s);
    }
    session->groups = std::make_unique<SqliteSubscriptionGroups>(
        session->connection.database(), session->transactions, options.synchronousFull);
    if (auto prepared = session->groups->prepare(); !prepared.ok())
        return prepared;
    session->dataVersionQuery = QSqlQuery(session->connection.database());
    session->dataVersionQuery.setForwardOnly(true);
    if (!session->dataVersionQuery.prepare(u"PRAGMA data_version"_s))
        return sqliteStoreError(session->dataVersionQuery.lastError(),
                                u"prepare the store's polling"_s);
    return {};
}

StoreResult<qint64> SqliteEventStore::Private::currentRevision(const QByteArray &stream)
{
    SqliteResetGuard guard(session->selectRevision);
    session->selectRevision.bindText(1, stream);
    const int rc = session->selectRevision.step();
    if (rc != SQLITE_ROW)
        return sqliteStoreError(rc, u"read the stream's revision"_s);
    return session->selectRevision.columnIsNull(0) ? NoStreamRevision
                                                   : session->selectRevision.columnInt64(0);
}

// Returns SQLITE_DONE when every event is inserted. The caller's
// transaction makes the inserts all or nothing.
int SqliteEventStore::Private::insertEvents(const QByteArray &stream,
                                            const QList<EventData> &events, qint64 firstRevision,
                                            qint64 *lastPosition)
{
    SqliteResetGuard guard(session->insertEvent);
    session->insertEvent.bindText(1, stream);
    session->insertEvent.bindInt64(7, QDateTime::currentMSecsSinceEpoch());
    QString type;
    QByteArray typeUtf8;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventData &event = events.at(i);
        if (i == 0 || event.type != type) {
            type = event.type;
            typeUtf8 = type.toUtf8();
        }
        const std::array<char, 16> id = uuidBytes(event.id);
        session->insertEvent.bindInt64(2, firstRevision + i);
        session->insertEvent.bindBlob(3, QByteArrayView(id.data(), qsizetype(id.size())));
        session->insertEvent.bindText(4, typeUtf8);
        session->insertEvent.bindBlob(5, event.data);
        session->insertEvent.bindBlob(
            6, event.metadata.isEmpty() ? EmptyObject : QByteArrayView(event.metadata));
        const int rc = session->insertEvent.step();
        session->insertEvent.reset();
        if (rc != SQLITE_DONE) {
            session->insertEvent.clearBindings();
            return rc;
        }
    }
    session->insertEvent.clearBindings();
    *lastPosition = sqlite3_last_insert_rowid(session->connection.handle());
    return SQLITE_DONE;
}

StoreResult<std::optional<StoredEventId>> SqliteEventStore::Private::findEvent(const QUuid &id)
{
    SqliteResetGuard guard(session->selectEventById);
    const std::array<char, 16> bytes = uuidBytes(id);
    session->selectEventById.bindBlob(1, QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    const int rc = session->selectEventById.step();
    if (rc == SQLITE_DONE)
        return std::optional<StoredEventId>();
    if (rc != SQLITE_ROW)
        return sqliteStoreError(rc, u"look up an event id"_s);
    return std::optional<StoredEventId>(StoredEventId {
        QString::fromUtf8(session->selectEventById.columnBytes(0)),
        session->selectEventById.columnInt64(1), session->selectEventById.columnInt64(2)});
}

// Before the write, the store makes sure it works on the files every other
// process works on. If they were deleted or replaced during the commit
// itself, the events went where nobody reads them: the store opens the
// files again and appends once more (the same ids are recognised, should
// they have reached the real file after all).
StoreResult<AppendOutcome> SqliteEventStore::Private::append(const QString &stream,
                                                             const QList<EventData> &events,
                                                             const ExpectedRevision &expected)
{
    if (auto refused = refuseReadOnly(); !refused.ok())
        return refused.error();
    if (auto held = keepHold(); !held.ok())
        return held.error();
    auto outcome = appendOnce(stream, events, expected);
    if (!outcome.ok() || !outcome.value().written)
        return outcome;
    if (!hold.complete())
        hold.record(); // a new store's first commit made its log
    const std::optional<QString> lost = hold.lost();
    if (!lost)
        return outcome;
    if (auto reopened = reopen(*lost); !reopened.ok())
        return reopened.error();
    auto again = appendOnce(stream, events, expected);
    if (again.ok())
        again.value().written = true; // by this process, whichever attempt it was
    return again;
}

StoreResult<AppendOutcome> SqliteEventStore::Private::appendOnce(const QString &stream,
                                                                 const QList<EventData> &events,
                                                                 const ExpectedRevision &expected)
{
    // Where the ids are stored, should the append turn out to be a retry.
    const auto findStored = [this](const QUuid &id) {
        return findEvent(id);
    };
    const QByteArray streamUtf8 = stream.toUtf8();
    SqliteTransaction transaction(session->transactions);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    auto current = currentRevision(streamUtf8);
    if (!current.ok())
        return current.error();
    if (!expected.matches(current.value())) {
        transaction.rollback();
        return AppendResolution::resolveStoredIds(stream, events, expected, current.value(),
                                                  findStored);
    }
    // Optimistic: the schema's unique id refuses a duplicate; only then is
    // it worth finding out whether this is a retry.
    qint64 lastPosition = 0;
    const int rc = insertEvents(streamUtf8, events, current.value() + 1, &lastPosition);
    if (rc == SQLITE_CONSTRAINT_UNIQUE) {
        transaction.rollback();
        return AppendResolution::resolveStoredIds(stream, events, expected, std::nullopt,
                                                  findStored);
    }
    if (rc != SQLITE_DONE)
        return sqliteStoreError(rc, u"append to the stream \"%1\""_s.arg(stream));
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return AppendOutcome {AppendResult {current.value() + events.size(), lastPosition}, true};
}

// A small first allocation: most reads are short, and a longer list grows
// cheaply (RecordedEvent is relocatable).
int SqliteEventStore::Private::readRows(SqliteStatement &statement, qint64 maxCount,
                                        bool withStream, QList<RecordedEvent> &events)
{
    events.reserve(qsizetype(std::min<qint64>(maxCount, 32)));
    int rc = SQLITE_ROW;
    while ((rc = statement.step()) == SQLITE_ROW)
        rows.decode(statement, withStream, events.emplaceBack());
    return rc;
}

SqliteStatement *SqliteEventStore::Private::readAllStatement(qsizetype categories, qsizetype types)
{
    SqliteStatement &statement = session->readAllStatements[{categories, types}];
    if (!statement.isPrepared()
        && statement.prepare(session->connection.handle(), readAllSql(categories, types))
            != SQLITE_OK) {
        session->readAllStatements.erase({categories, types});
        return nullptr;
    }
    return &statement;
}

// A page of the log: its leading filter through its index, whose entries
// end in the position (within a stream, the revision, which orders its
// events as the position does); the others checked on the rows it yields,
// their index kept out of the plan by a unary + (an index on the type would
// otherwise be walked whole and sorted). ?1, ?2: the positions it lies
// between; ?3: the limit; ?4, ?5, ?6: stream, type, correlation id.
QByteArray SqliteEventStore::readLogSql(int shape)
{
    const int lead = EventLogFilter::leadingFilter(shape);
    const auto term = [lead](int filter, const QByteArray &value) -> QByteArray {
        return (lead == filter ? " AND " : " AND +") + value;
    };
    QByteArray sql = QByteArray("SELECT ") + SqliteEventRows::ColumnsWithStream
        + " FROM events WHERE position > ?1 AND position < ?2";
    if (shape & EventLogFilter::ByStream)
        sql += " AND stream = ?4";
    if (shape & EventLogFilter::ByType)
        sql += term(EventLogFilter::ByType, "type = ?5");
    if (shape & EventLogFilter::ByCorrelation)
        sql += term(EventLogFilter::ByCorrelation, QByteArray(SqliteCorrelationId) + " = ?6");
    sql += lead == EventLogFilter::ByStream ? " ORDER BY revision" : " ORDER BY position";
    return sql + (shape & EventLogFilter::NewestFirst ? " DESC LIMIT ?3" : " LIMIT ?3");
}

SqliteStatement *SqliteEventStore::Private::readLogStatement(int shape)
{
    SqliteStatement &statement = session->readLogStatements[shape];
    if (!statement.isPrepared()
        && statement.prepare(session->connection.handle(), readLogSql(shape)) != SQLITE_OK) {
        session->readLogStatements.erase(shape);
        return nullptr;
    }
    return &statement;
}

StoreResult<qint64> SqliteEventStore::Private::lastPosition()
{
    SqliteResetGuard guard(session->selectLastPosition);
    const int rc = session->selectLastPosition.step();
    if (rc != SQLITE_ROW)
        return sqliteStoreError(rc, u"read the store's last position"_s);
    return session->selectLastPosition.columnInt64(0); // NULL (an empty store) reads as 0
}

StoreResult<qint64> SqliteEventStore::Private::dataVersion()
{
    if (!session->dataVersionQuery.exec() || !session->dataVersionQuery.next()) {
        auto error
            = sqliteStoreError(session->dataVersionQuery.lastError(), u"look for new events"_s);
        session->dataVersionQuery.finish();
        return error;
    }
    const qint64 version = session->dataVersionQuery.value(0).toLongLong();
    session->dataVersionQuery.finish();
    return version;
}

// Another process's commit changes PRAGMA data_version of this connection
// (this connection's own commits do not), which costs no read of the
// events; only then is the last position read.
void SqliteEventStore::Private::poll(SqliteEventStore &store)
{
    if (auto held = keepHold(); !held.ok()) {
        setAvailable(store, false, held.error().message());
        return;
    }
    checkpointIfDue();
    auto version = dataVersion();
    if (!version.ok()) {
        setAvailable(store, false, version.error().message());
        return;
    }
    setAvailable(store, true, {});
    if (version.value() == knownDataVersion)
        return;
    knownDataVersion = version.value();
    auto last = lastPosition();
    if (last.ok() && last.value() > notifiedPosition) {
        notifiedPosition = last.value();
        Q_EMIT store.appended(last.value());
    }
}

void SqliteEventStore::Private::setAvailable(SqliteEventStore &store, bool available,
                                             const QString &message)
{
    if (available == this->available)
        return;
    this->available = available;
    Q_EMIT store.availabilityChanged(available, message);
}

// --- SqliteEventStore ---

// Names the file, which the messages of SQLite's errors do not.
static StoreError aboutFile(const StoreError &error, const QString &path)
{
    return StoreError(error.code(),
                      u"%1 (%2)"_s.arg(error.message(), QDir::toNativeSeparators(path)));
}

StoreResult<std::unique_ptr<SqliteEventStore>> SqliteEventStore::open(
    const QString &path, const SqliteStoreOptions &options)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isFile())
        return StoreError(
            StoreError::Code::CannotOpen,
            u"The file %1 is not a regular file."_s.arg(QDir::toNativeSeparators(path)));
    if (!file.exists() || file.size() == 0) {
        if (!options.create)
            return StoreError(StoreError::Code::NotFound,
                              (file.exists() ? u"The file %1 is empty: it is not a store yet. "_s
                                             : u"There is no store at %1. "_s)
                                      .arg(QDir::toNativeSeparators(path))
                                  + u"A command that writes (tables add, book...) makes one."_s);
        if (auto created = createSqliteStore(path); !created.ok())
            return aboutFile(created.error(), path);
    }
    auto d = std::make_unique<Private>(file.absoluteFilePath(), options);
    if (auto opened = d->open(); !opened.ok())
        return aboutFile(opened.error(), path);
    auto last = d->lastPosition();
    if (!last.ok())
        return aboutFile(last.error(), path);
    auto version = d->dataVersion();
    if (!version.ok())
        return aboutFile(version.error(), path);
    d->notifiedPosition = last.value();
    d->knownDataVersion = version.value();
    return std::unique_ptr<SqliteEventStore>(new SqliteEventStore(std::move(d)));
}

SqliteEventStore::SqliteEventStore(std::unique_ptr<Private> d)
    : d(std::move(d))
{
    this->d->pollTimer.setInterval(this->d->options.pollInterval);
    connect(&this->d->pollTimer, &QTimer::timeout, this, [this] { this->d->poll(*this); });
    this->d->pollTimer.start();
}

SqliteEventStore::~SqliteEventStore() = default;

QString SqliteEventStore::location() const
{
    return QDir::toNativeSeparators(d->path);
}

bool SqliteEventStore::isAvailable() const
{
    return d->available;
}

// A poll reads the local file, which never hangs, and also notices a file
// replaced under this connection: it is asked rather than the position
// believed.
void SqliteEventStore::hearOfCommits(qint64)
{
    d->poll(*this);
}

bool SqliteEventStore::isWritable() const
{
    return d->readOnlyReason.isEmpty();
}

StoreResult<AppendResult> SqliteEventStore::append(const QString &stream,
                                                   const QList<EventData> &events,
                                                   const ExpectedRevision &expected)
{
    if (auto invalid = StoreInput::checkAppend(stream, events))
        return *invalid;
    auto outcome = d->append(stream, events, expected);
    if (!outcome.ok())
        return outcome.error();
    const AppendResult result = outcome.value().result;
    if (outcome.value().written) {
        // Subscribers in this process hear of the commit at once.
        d->notifiedPosition = std::max(d->notifiedPosition, result.position);
        Q_EMIT appended(result.position);
    }
    return result;
}

StoreResult<QList<RecordedEvent>> SqliteEventStore::readStream(const QString &stream,
                                                               ReadDirection direction,
                                                               qint64 fromRevision, qint64 maxCount)
{
    if (auto invalid = StoreInput::checkReadStream(stream, direction, fromRevision, maxCount))
        return *invalid;
    if (maxCount == 0)
        return QList<RecordedEvent>();
    return d->readRetried([&]() -> StoreResult<QList<RecordedEvent>> {
        if (auto open = d->ensureOpen(); !open.ok())
            return open.error();
        SqliteStatement &statement = direction == ReadDirection::Forwards
            ? d->session->readForwards
            : d->session->readBackwards;
        SqliteResetGuard guard(statement);
        const QByteArray streamUtf8 = stream.toUtf8();
        d->rows.setStream(stream);
        statement.bindText(1, streamUtf8);
        statement.bindInt64(
            2, fromRevision == EndOfStream ? std::numeric_limits<qint64>::max() : fromRevision);
        statement.bindInt64(3, maxCount);
        QList<RecordedEvent> events;
        if (const int rc = d->readRows(statement, maxCount, false, events); rc != SQLITE_DONE)
            return sqliteStoreError(rc, u"read the stream \"%1\""_s.arg(stream));
        return events;
    });
}

StoreResult<QList<RecordedEvent>> SqliteEventStore::readAll(qint64 afterPosition, qint64 maxCount,
                                                            const ReadAllFilter &filter)
{
    if (auto invalid = StoreInput::checkReadAll(afterPosition, maxCount))
        return *invalid;
    QList<QByteArray> categories;
    for (const QString &category : StoreInput::usableCategories(filter))
        categories.append(category.toUtf8());
    if (maxCount == 0 || (categories.isEmpty() && !filter.categories.isEmpty()))
        return QList<RecordedEvent>();
    QList<QByteArray> types;
    for (const QString &type : filter.eventTypes)
        types.append(type.toUtf8());
    return d->readRetried([&]() -> StoreResult<QList<RecordedEvent>> {
        if (auto open = d->ensureOpen(); !open.ok())
            return open.error();
        SqliteStatement *statement = d->readAllStatement(categories.size(), types.size());
        if (!statement)
            return sqliteStoreError(sqlite3_errcode(d->session->connection.handle()),
                                    u"prepare a read of all streams"_s);
        SqliteResetGuard guard(*statement);
        statement->bindInt64(1, afterPosition);
        statement->bindInt64(2, maxCount);
        int parameter = 3;
        QList<QByteArray> bounds; // bound without copying, so kept until the read ends
        for (const QByteArray &category : std::as_const(categories)) {
            bounds.append(category + '-');
            bounds.append(category + '.');
            statement->bindText(parameter++, category);
            statement->bindText(parameter++, bounds.at(bounds.size() - 2));
            statement->bindText(parameter++, bounds.constLast());
        }
        for (const QByteArray &type : std::as_const(types))
            statement->bindText(parameter++, type);
        QList<RecordedEvent> events;
        const int rc = d->readRows(*statement, maxCount, true, events);
        statement->clearBindings();
        if (rc != SQLITE_DONE)
            return sqliteStoreError(rc, u"read all streams"_s);
        return events;
    });
}

StoreResult<QList<RecordedEvent>> SqliteEventStore::readLog(const EventLogFilter &filter)
{
    if (auto invalid = StoreInput::checkReadLog(filter))
        return *invalid;
    if (filter.limit == 0)
        return QList<RecordedEvent>();
    // Bound without copying, so kept until the read ends.
    const QByteArray stream = filter.stream.toUtf8();
    const QByteArray type = filter.type.toUtf8();
    const QByteArray correlationId = filter.correlationId.toUtf8();
    const int shape = filter.shape();
    return d->readRetried([&]() -> StoreResult<QList<RecordedEvent>> {
        if (auto open = d->ensureOpen(); !open.ok())
            return open.error();
        SqliteStatement *statement = d->readLogStatement(shape);
        if (!statement)
            return sqliteStoreError(sqlite3_errcode(d->session->connection.handle()),
                                    u"prepare a read of the log"_s);
        SqliteResetGuard guard(*statement);
        statement->bindInt64(1, filter.afterPosition);
        statement->bindInt64(2, filter.upperBound());
        statement->bindInt64(3, filter.limit);
        if (shape & EventLogFilter::ByStream)
            statement->bindText(4, stream);
        if (shape & EventLogFilter::ByType)
            statement->bindText(5, type);
        if (shape & EventLogFilter::ByCorrelation)
            statement->bindText(6, correlationId);
        QList<RecordedEvent> events;
        const int rc = d->readRows(*statement, filter.limit, true, events);
        statement->clearBindings();
        if (rc != SQLITE_DONE)
            return sqliteStoreError(rc, u"read the log"_s);
        return events;
    });
}

StoreResult<qint64> SqliteEventStore::streamRevision(const QString &stream)
{
    if (auto invalid = StoreInput::checkStream(stream))
        return *invalid;
    if (auto open = d->ensureOpen(); !open.ok())
        return open.error();
    return d->currentRevision(stream.toUtf8());
}

StoreResult<qint64> SqliteEventStore::lastPosition()
{
    if (auto open = d->ensureOpen(); !open.ok())
        return open.error();
    return d->lastPosition();
}

StoreResult<void> SqliteEventStore::withGroups(
    GroupAccess access, const std::function<StoreResult<void>(SubscriptionGroups &)> &work)
{
    auto groups = d->heldGroups(access == GroupAccess::Write);
    if (!groups.ok())
        return groups.error();
    return work(*groups.value());
}

} // namespace hoststand
