#pragma once

#include "eventstore/StoreError.h"
#include "readmodel/ReadModelRows.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace hoststand {

class EventStore;
class ReadConnection;

// The read side (docs/architecture.md, "The read model"): projections that keep read tables
// up to date from the store's events, the queries the views need, and
// signals that say exactly what changed after each commit. The views never
// replay the event log to draw a screen.
//
// The read tables live beside the store: a SQLite file next to a SQLite
// store (rebuildable by deleting it), or a schema of its own in the same
// PostgreSQL database. Each projection writes its rows and its checkpoint in
// one transaction, so a crash never applies an event twice or skips one.
class ReadModel final : public QObject
{
    Q_OBJECT

public:
    // Where the read tables of a store live by default: "<store file>.read"
    // for SQLite, the schema "hoststand_read" for PostgreSQL.
    static QString defaultLocationFor(const QString &storeLocation);

    // Opens (or creates) the read tables: a SQLite file, or a schema of a
    // PostgreSQL database for a postgresql:// location. Refuses a read file
    // or schema written by a newer version, without changing it, and one
    // that is not a read model or is damaged, with a message that says what
    // to do. Does not read events yet: call start().
    static StoreResult<std::unique_ptr<ReadModel>> open(EventStore &store, const QString &location,
                                                        QObject *parent = nullptr);
    // Opens the read tables on a connection the caller made (a PostgreSQL
    // schema through QtSqlReadConnection, say): creates what is missing,
    // with no file to inspect.
    static StoreResult<std::unique_ptr<ReadModel>> openOn(
        EventStore &store, std::unique_ptr<ReadConnection> connection, QObject *parent = nullptr);
    ~ReadModel() override;

    // What `hoststand-cli verify` reports of the read side: catches the read
    // model at location up, rebuilds a fresh one from position 0 in a
    // temporary place and compares every row (dump()). Returns the rows that
    // differ ("- current", "+ fresh"), at most maxDifferences pairs; none
    // when the read model matches.
    static StoreResult<QStringList> verifyAgainstFreshRebuild(EventStore &store,
                                                              const QString &location,
                                                              int maxDifferences = 20);

    QString location() const;
    // Whether this process could keep read tables at the location (a SQLite
    // file it may write, or may make in its folder; a server always).
    static bool canWriteAt(const QString &location);
    // What happened to the read file as it was opened or recovered, for
    // the host ("... was damaged; it was set aside as ..."); empty when
    // nothing did.
    QString notice() const;

    // The version of the projections' code; a stored older version is rebuilt.
    static constexpr int ProjectionVersion = 1;

    // Catches up from the checkpoint (rebuilding first when the projection
    // version changed), then follows live events. Returns once caught up;
    // a caller reads the tables afresh then. The change signals tell of
    // the commits that follow, one transaction per wake-up of the store.
    StoreResult<void> start();
    // Drops the read tables and projects every event from position 0 again,
    // reporting rebuildProgress; then follows live events as after start().
    StoreResult<void> rebuild();
    // The position of the last event projected (by the projector this one
    // follows, as far as it told).
    qint64 position() const;

    // Reads the tables another read model projects (the engine's, on its
    // thread, on the same location) and projects nothing itself: that
    // one's change signals, notices, failures and availability are told as
    // this one's, from this thread's event loop. start() then only reads
    // the settings again. May be called from the projector's thread while
    // this one's waits (before the projector's first commit can be told).
    void followProjectionsOf(ReadModel &projector);

    // Whether the read tables can be read now: false while the server of a
    // PostgreSQL store cannot be reached, while a damaged read file is built
    // again, and after a read failed for a reason that passes (a busy file,
    // a lost session) until a read works again. Meanwhile every query
    // answers StoreError::Code::Unavailable, without touching the
    // connection; availabilityChanged(true) says when to read again.
    bool isAvailable() const;

    // --- Queries ---------------------------------------------------------
    // Each answers either what the read tables hold (an empty list, or no
    // row, when there is none) or the error that kept it from reading them:
    // "none" and "not read" are never the same answer. A failed query is
    // also reported through failed(), on the next turn of the event loop.
    //
    // The settings are kept in memory (read at start and after each change).
    RestaurantSettingsRow settings() const;
    StoreResult<QList<TableRow>> tables(bool includeRemoved = false) const;
    StoreResult<std::optional<TableRow>> table(const QString &tableId) const;
    StoreResult<std::optional<BookingRow>> booking(const QString &bookingId) const;
    // The changed booking's row as the change carries it, or as read now
    // when the projector could not read it.
    StoreResult<std::optional<BookingRow>> booking(const BookingChange &change) const;
    // Bookings whose span overlaps the restaurant's local day, by table and start.
    StoreResult<QList<BookingRow>> bookingsOn(const QDate &localDay) const;
    StoreResult<QList<BookingRow>> bookingsBetween(const QDateTime &from,
                                                   const QDateTime &to) const;
    // Every table in service with its state at the moment and its next
    // booking (TableStateRule says how the state is told).
    StoreResult<QList<TableStatusRow>> floorAt(const QDateTime &moment) const;
    // A table that is not in the read tables, or removed, is out of service.
    StoreResult<TableStatusRow> tableAt(const QString &tableId, const QDateTime &moment) const;
    // Tables in service, large enough, with no lock and no booking holding
    // its table (initiated to seated) overlapping the span; fewest seats
    // first, then in natural order of id (T5 before T26). The lock and the
    // booking exceptBooking are not in the way: a booking that changes may
    // take its own place again.
    StoreResult<QStringList> freeTables(const QDateTime &start, const QDateTime &end, int partySize,
                                        const QString &exceptBooking = {}) const;
    // Bookings whose guest name or phone contains the text (in any case; a
    // phone also by its digits alone), latest start first.
    StoreResult<QList<BookingRow>> searchGuests(const QString &text, int limit = 50) const;
    // Locks in force (not removed), optionally of one table.
    StoreResult<QList<LockRow>> locks(const QString &tableId = {}) const;
    // A page of the audit trail, oldest or newest first (EventLogFilter):
    // the store's log, read from the store, not from the read tables.
    StoreResult<QList<AuditRow>> audit(const EventLogFilter &filter) const;

    // The restaurant's local date of a moment (the settings' time zone).
    QDate localDate(const QDateTime &moment) const;

    // Every row of every read table in a canonical order, without
    // checkpoints: two read models of the same events dump the same lines.
    StoreResult<QStringList> dump() const;

Q_SIGNALS:
    // After each live commit, each thing that changed once, in this order:
    // a table (its own events and its locks' events), a booking (with its
    // row as projected and the local day its span starts on), the
    // settings, and the audit trail's new last position (the last event
    // projected: ReadModel::audit reads it from the store).
    void tableChanged(const QString &tableId);
    void bookingChanged(const hoststand::BookingChange &change);
    void settingsChanged();
    void auditAppended(qint64 position);
    // While start() or rebuild() builds projections from position 0: events
    // projected so far, of the store's events when it began.
    void rebuildProgress(qint64 done, qint64 total);
    // start() or rebuild() caught up to the position (the last event projected).
    void caughtUp(qint64 position);
    // The read tables could not be written or read; the message says why.
    void failed(const QString &message);
    // The read tables cannot be read (false: the store's server was lost,
    // a damaged read file is being built again, a read failed for a reason
    // that passes) or can be again (true): read everything again then.
    void availabilityChanged(bool available);
    // Something happened to the read file that the host should hear of
    // (notice()): it was damaged and set aside, or opened again.
    void noticed(const QString &message);

private:
    class Private;
    explicit ReadModel(std::unique_ptr<Private> d, QObject *parent);
    void wire();
    void recoverFrom(const StoreError &error);
    void readFailed(const StoreError &error);
    std::optional<StoreError> whyUnreadable() const;
    void probeAfterOutage();
    StoreResult<void> reopen(const QString &why, bool damaged);
    static constexpr std::chrono::milliseconds RecoveryRetry {5000};
    // How often a read is tried after one failed for a reason that passes.
    static constexpr std::chrono::milliseconds OutageProbe {500};
    static StoreResult<std::unique_ptr<ReadModel>> openPostgresSchema(EventStore &store,
                                                                      const QString &location,
                                                                      QObject *parent);
    std::unique_ptr<Private> d;
    bool m_recovering = false;
    QTimer m_recoveryRetry;
    QString m_recoveryWhy;
    // Why reads fail for now (a busy file, a lost session), until a probe
    // reads again.
    std::optional<StoreError> m_readOutage;
    QTimer m_outageProbe;
    // Following another read model's projections: how far it told, and
    // why it cannot be read now (its file rebuilt, its store away).
    bool m_following = false;
    qint64 m_followedPosition = 0;
    std::optional<QString> m_projectorAway;
    // The projector's file could not be opened here yet: tried again.
    std::optional<QString> m_reopenPending;
    QPointer<ReadModel> m_projector;
    void reopenFollowing(const QString &notice);
    // What the projector told and this one has not told yet: a few changes
    // each turn of the event loop, so that a burst of commits (another
    // terminal booking as fast as it can) never holds the loop for long.
    struct Pending;
    std::unique_ptr<Pending> m_pending;
    void tellPending();
    static constexpr int ChangesPerTurn = 25;
};

} // namespace hoststand
