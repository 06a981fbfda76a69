#pragma once

#include "eventstore/AppendResolution.h"
#include "eventstore/EventStore.h"
#include "eventstore/PostgresConnection.h"
#include "eventstore/PostgresEventInserts.h"
#include "eventstore/PostgresSchema.h"

#include <QSqlQuery>

#include <map>
#include <optional>

namespace hoststand {

// The events table of a PostgreSQL store on one connection, with its
// statements prepared once. Appends are serialised by a transaction-level
// advisory lock and take the next positions inside it, so position n+1
// never commits before position n and a reader never sees a gap that
// fills in later. Input is checked by the caller (StoreInput).
class PostgresEventTable final
{
public:
    PostgresEventTable(PostgresConnection &connection, PostgresSchemaInfo schema);

    StoreResult<void> prepare();

    StoreResult<AppendOutcome> append(const QString &stream, const QList<EventData> &events,
                                      const ExpectedRevision &expected);
    StoreResult<QList<RecordedEvent>> readStream(const QString &stream, ReadDirection direction,
                                                 qint64 fromRevision, qint64 maxCount);
    // categories holds only categories that can match (StoreInput::usableCategories).
    StoreResult<QList<RecordedEvent>> readAll(qint64 afterPosition, qint64 maxCount,
                                              const QStringList &categories,
                                              const QStringList &types);
    StoreResult<QList<RecordedEvent>> readLog(const EventLogFilter &filter);
    StoreResult<qint64> streamRevision(const QString &stream);
    StoreResult<qint64> lastPosition();
    // The server's clock, which stamps every event's creation.
    StoreResult<QDateTime> serverTime();
    // Writes events recorded by another store as they are (PostgresEventStore::importEvents).
    StoreResult<qint64> importEvents(const QList<RecordedEvent> &events);

private:
    struct Insertion
    {
        bool duplicateId = false;
        qint64 lastPosition = 0;
    };

    StoreResult<void> lock();
    StoreResult<void> checkImport(const QList<RecordedEvent> &events, qint64 lastPosition);
    StoreResult<QHash<QString, qint64>> streamRevisions(const QStringList &streams);
    StoreResult<Insertion> insertEvents(const QString &stream, const QList<EventData> &events,
                                        qint64 firstRevision, qint64 firstPosition);
    StoreResult<void> notify(qint64 lastPosition);
    StoreResult<std::optional<StoredEventId>> findEvent(const QUuid &id);
    StoreResult<qint64> readCount(QSqlQuery &query, PostgresConnection::Bindings bindings,
                                  const QString &action);
    StoreResult<QList<RecordedEvent>> readRows(QSqlQuery &query, const QString &action);
    QString readLogSql(int shape) const;

    PostgresConnection &m_connection;
    PostgresSchemaInfo m_schema;
    QSqlQuery m_lock;
    QSqlQuery m_revision;
    QSqlQuery m_lastPosition;
    QSqlQuery m_serverTime;
    PostgresEventInserts m_inserts;
    QSqlQuery m_streamRevisions;
    QSqlQuery m_notify;
    QSqlQuery m_findId;
    QSqlQuery m_readForwards;
    QSqlQuery m_readBackwards;
    QSqlQuery m_readAll;
    QSqlQuery m_readAllFiltered;
    std::map<int, QSqlQuery> m_readLog; // by EventLogFilter::shape(), prepared when first read
};

} // namespace hoststand
