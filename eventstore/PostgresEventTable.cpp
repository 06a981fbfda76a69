#include "eventstore/PostgresEventTable.h"

#include "eventstore/PostgresConnection.h"
#include "eventstore/StoreInput.h"

#include <QSqlError>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

namespace hoststand {

// Columns in the order readRows() decodes them; the creation time in
// milliseconds since the epoch, so that no time zone is involved.
static constexpr auto Columns = "stream, revision, position, id::text, type, data, metadata, "
                                "floor(extract(epoch FROM created) * 1000)::bigint";

// A text[] literal for a bound array parameter: QPSQL binds values as
// literals, so arrays travel as their text form.
static QString textArray(const QStringList &values)
{
    QStringList quoted;
    quoted.reserve(values.size());
    for (QString value : values) {
        value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        quoted.append(u'"' + value + u'"');
    }
    return u'{' + quoted.join(u',') + u'}';
}

PostgresEventTable::PostgresEventTable(PostgresConnection &connection, PostgresSchemaInfo schema)
    : m_connection(connection)
    , m_schema(std::move(schema))
    , m_inserts(connection, u"\"%1\".events"_s.arg(m_schema.schema))
{ }

StoreResult<void> PostgresEventTable::prepare()
{
    const QString events = u"\"%1\".events"_s.arg(m_schema.schema);
    const QString select = u"SELECT %1 FROM %2 "_s.arg(QLatin1StringView(Columns), events);
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_lock, u"SELECT pg_advisory_xact_lock(:key)"_s},
        {&m_revision,
         u"SELECT coalesce(max(revision), -1) FROM %1 WHERE stream = :stream"_s.arg(events)},
        {&m_lastPosition, u"SELECT coalesce(max(position), 0) FROM %1"_s.arg(events)},
        {&m_serverTime, u"SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint"_s},
        {&m_streamRevisions,
         u"SELECT stream, max(revision) FROM %1 WHERE stream = ANY(:streams::text[]) "
         "GROUP BY stream"_s.arg(events)},
        {&m_notify, u"SELECT pg_notify(:channel, :payload)"_s},
        {&m_findId,
         u"SELECT stream, revision, position FROM %1 WHERE id = :id::uuid"_s.arg(events)},
        {&m_readForwards,
         select + u"WHERE stream = :stream AND revision >= :from ORDER BY revision LIMIT :count"_s},
        {&m_readBackwards,
         select
             + u"WHERE stream = :stream AND revision <= :from ORDER BY revision DESC "
               "LIMIT :count"_s},
        {&m_readAll, select + u"WHERE position > :after ORDER BY position LIMIT :count"_s},
        {&m_readAllFiltered,
         select
             + u"WHERE position > :after "
               "AND (:anyCategory OR split_part(stream, '-', 1) = ANY(:categories::text[])) "
               "AND (:anyType OR type = ANY(:types::text[])) "
               "ORDER BY position LIMIT :count"_s},
    };
    for (const auto &[query, sql] : statements) {
        if (auto prepared = m_connection.prepare(*query, sql); !prepared.ok())
            return prepared;
    }
    return {};
}

// Reads the single number a query returns.
StoreResult<qint64> PostgresEventTable::readCount(QSqlQuery &query,
                                                  PostgresConnection::Bindings bindings,
                                                  const QString &action)
{
    if (auto done = m_connection.exec(query, bindings, action); !done.ok())
        return done.error();
    const qint64 value = query.next() ? query.value(0).toLongLong() : 0;
    while (query.next()) { }
    if (auto checked = m_connection.checkRows(query, action); !checked.ok())
        return checked.error();
    return value;
}

StoreResult<qint64> PostgresEventTable::streamRevision(const QString &stream)
{
    return readCount(m_revision, {{u":stream"_s, stream}},
                     u"read the revision of \"%1\""_s.arg(stream));
}

StoreResult<qint64> PostgresEventTable::lastPosition()
{
    return readCount(m_lastPosition, {}, u"read the store's last position"_s);
}

StoreResult<QDateTime> PostgresEventTable::serverTime()
{
    auto milliseconds = readCount(m_serverTime, {}, u"read the server's clock"_s);
    if (!milliseconds.ok())
        return milliseconds.error();
    return QDateTime::fromMSecsSinceEpoch(milliseconds.value(), QTimeZone::utc());
}

StoreResult<void> PostgresEventTable::lock()
{
    // A statement of its own: the reads after it take a snapshot that
    // includes every append committed before the lock was granted.
    auto locked = readCount(m_lock, {{u":key"_s, m_schema.appendLockKey}},
                            u"wait for the other terminals' appends"_s);
    if (!locked.ok())
        return locked.error();
    return {};
}

StoreResult<PostgresEventTable::Insertion> PostgresEventTable::insertEvents(
    const QString &stream, const QList<EventData> &events, qint64 firstRevision,
    qint64 firstPosition)
{
    QList<PostgresEventRow> rows;
    rows.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventData &event = events.at(i);
        rows.append(PostgresEventRow {firstPosition + i, stream, firstRevision + i, event.id,
                                      event.type, event.data, StoreInput::storedMetadata(event)});
    }
    auto inserted = m_inserts.insert(rows, PostgresEventInserts::Created::Now,
                                     u"append to the stream \"%1\""_s.arg(stream));
    if (!inserted.ok())
        return inserted.error();
    if (!inserted.value())
        return Insertion {true, 0};
    return Insertion {false, firstPosition + events.size() - 1};
}

// NOTIFY is delivered at commit, to every store listening on the schema:
// the payload is the last position, a wake-up and nothing more.
StoreResult<void> PostgresEventTable::notify(qint64 lastPosition)
{
    auto sent = readCount(
        m_notify,
        {{u":channel"_s, m_schema.channel}, {u":payload"_s, QString::number(lastPosition)}},
        u"tell the other terminals of the append"_s);
    if (!sent.ok())
        return sent.error();
    return {};
}

StoreResult<AppendOutcome> PostgresEventTable::append(const QString &stream,
                                                      const QList<EventData> &events,
                                                      const ExpectedRevision &expected)
{
    // Where the ids are stored, should the append turn out to be a retry.
    const auto findStored = [this](const QUuid &id) {
        return findEvent(id);
    };
    PostgresTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    if (auto locked = lock(); !locked.ok())
        return locked.error();
    auto current = streamRevision(stream);
    if (!current.ok())
        return current.error();
    if (!expected.matches(current.value())) {
        transaction.rollback();
        return AppendResolution::resolveStoredIds(stream, events, expected, current.value(),
                                                  findStored);
    }
    auto last = lastPosition();
    if (!last.ok())
        return last.error();
    // Optimistic: the schema's unique id refuses a duplicate; only then is
    // it worth finding out whether this is a retry.
    auto inserted = insertEvents(stream, events, current.value() + 1, last.value() + 1);
    if (!inserted.ok())
        return inserted.error();
    if (inserted.value().duplicateId) {
        transaction.rollback();
        return AppendResolution::resolveStoredIds(stream, events, expected, std::nullopt,
                                                  findStored);
    }
    const qint64 lastPosition = inserted.value().lastPosition;
    if (auto notified = notify(lastPosition); !notified.ok())
        return notified.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return AppendOutcome {AppendResult {current.value() + events.size(), lastPosition}, true};
}

StoreResult<std::optional<StoredEventId>> PostgresEventTable::findEvent(const QUuid &id)
{
    const QString action = u"look up an event id"_s;
    if (auto done
        = m_connection.exec(m_findId, {{u":id"_s, id.toString(QUuid::WithoutBraces)}}, action);
        !done.ok())
        return done.error();
    std::optional<StoredEventId> found;
    if (m_findId.next())
        found = StoredEventId {m_findId.value(0).toString(), m_findId.value(1).toLongLong(),
                               m_findId.value(2).toLongLong()};
    while (m_findId.next()) { }
    if (auto checked = m_connection.checkRows(m_findId, action); !checked.ok())
        return checked.error();
    return found;
}

// Columns as in Columns: stream, revision, position, id, type, data,
// metadata, created (ms since the epoch).
StoreResult<QList<RecordedEvent>> PostgresEventTable::readRows(QSqlQuery &query,
                                                               const QString &action)
{
    QList<RecordedEvent> events;
    while (query.next()) {
        RecordedEvent event;
        event.stream = query.value(0).toString();
        event.revision = query.value(1).toLongLong();
        event.position = query.value(2).toLongLong();
        event.id = QUuid::fromString(query.value(3).toString());
        event.type = query.value(4).toString();
        event.data = query.value(5).toByteArray();
        event.metadata = query.value(6).toByteArray();
        event.created = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
        events.append(std::move(event));
    }
    if (auto checked = m_connection.checkRows(query, action); !checked.ok())
        return checked.error();
    return events;
}

StoreResult<QList<RecordedEvent>> PostgresEventTable::readStream(const QString &stream,
                                                                 ReadDirection direction,
                                                                 qint64 fromRevision,
                                                                 qint64 maxCount)
{
    const bool forwards = direction == ReadDirection::Forwards;
    QSqlQuery &query = forwards ? m_readForwards : m_readBackwards;
    const qint64 from
        = fromRevision == EndOfStream ? std::numeric_limits<qint64>::max() : fromRevision;
    const QString action = u"read the stream \"%1\""_s.arg(stream);
    if (auto done = m_connection.exec(
            query, {{u":stream"_s, stream}, {u":from"_s, from}, {u":count"_s, maxCount}}, action);
        !done.ok())
        return done.error();
    return readRows(query, action);
}

StoreResult<QList<RecordedEvent>> PostgresEventTable::readAll(qint64 afterPosition, qint64 maxCount,
                                                              const QStringList &categories,
                                                              const QStringList &types)
{
    const QString action = u"read all streams"_s;
    const bool filtered = !categories.isEmpty() || !types.isEmpty();
    QSqlQuery &query = filtered ? m_readAllFiltered : m_readAll;
    if (filtered) {
        query.bindValue(u":anyCategory"_s, categories.isEmpty());
        query.bindValue(u":categories"_s, textArray(categories));
        query.bindValue(u":anyType"_s, types.isEmpty());
        query.bindValue(u":types"_s, textArray(types));
    }
    if (auto done
        = m_connection.exec(query, {{u":after"_s, afterPosition}, {u":count"_s, maxCount}}, action);
        !done.ok())
        return done.error();
    return readRows(query, action);
}

// A page of the log: its leading filter through its index, whose entries
// end in the position (within a stream, the revision, which orders its
// events as the position does); the others checked on the rows it yields.
QString PostgresEventTable::readLogSql(int shape) const
{
    const QString events = u"\"%1\".events"_s.arg(m_schema.schema);
    QString sql = u"SELECT %1 FROM %2 WHERE position > :after AND position < :before"_s.arg(
        QLatin1StringView(Columns), events);
    if (shape & EventLogFilter::ByStream)
        sql += u" AND stream = :stream"_s;
    if (shape & EventLogFilter::ByType)
        sql += u" AND type = :type"_s;
    if (shape & EventLogFilter::ByCorrelation)
        sql += u" AND \"%1\".correlation_id(metadata) = :correlation"_s.arg(m_schema.schema);
    sql += EventLogFilter::leadingFilter(shape) == EventLogFilter::ByStream
        ? u" ORDER BY revision"_s
        : u" ORDER BY position"_s;
    return sql
        + (shape & EventLogFilter::NewestFirst ? u" DESC LIMIT :count"_s : u" LIMIT :count"_s);
}

StoreResult<QList<RecordedEvent>> PostgresEventTable::readLog(const EventLogFilter &filter)
{
    const int shape = filter.shape();
    auto [entry, isNew] = m_readLog.try_emplace(shape);
    QSqlQuery &query = entry->second;
    if (isNew) {
        if (auto prepared = m_connection.prepare(query, readLogSql(shape)); !prepared.ok()) {
            m_readLog.erase(entry);
            return prepared.error();
        }
    }
    if (shape & EventLogFilter::ByStream)
        query.bindValue(u":stream"_s, filter.stream);
    if (shape & EventLogFilter::ByType)
        query.bindValue(u":type"_s, filter.type);
    if (shape & EventLogFilter::ByCorrelation)
        query.bindValue(u":correlation"_s, filter.correlationId);
    const QString action = u"read the log"_s;
    if (auto done = m_connection.exec(query,
                                      {{u":after"_s, filter.afterPosition},
                                       {u":before"_s, filter.upperBound()},
                                       {u":count"_s, filter.limit}},
                                      action);
        !done.ok())
        return done.error();
    return readRows(query, action);
}

StoreResult<QHash<QString, qint64>> PostgresEventTable::streamRevisions(const QStringList &streams)
{
    const QString action = u"read the revisions of the imported streams"_s;
    if (auto done
        = m_connection.exec(m_streamRevisions, {{u":streams"_s, textArray(streams)}}, action);
        !done.ok())
        return done.error();
    QHash<QString, qint64> revisions;
    while (m_streamRevisions.next())
        revisions.insert(m_streamRevisions.value(0).toString(),
                         m_streamRevisions.value(1).toLongLong());
    if (auto checked = m_connection.checkRows(m_streamRevisions, action); !checked.ok())
        return checked.error();
    return revisions;
}

static StoreError importRefused(const QString &why)
{
    return StoreError(StoreError::Code::InvalidArgument,
                      u"The import was refused: %1; nothing was written."_s.arg(why));
}

// The events must continue the store exactly: the next position, without
// gaps, and each at its stream's next revision.
StoreResult<void> PostgresEventTable::checkImport(const QList<RecordedEvent> &events,
                                                  qint64 lastPosition)
{
    QHash<QString, qint64> expected; // each stream's next revision in the batch
    QStringList streams;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const RecordedEvent &event = events.at(i);
        if (event.position != lastPosition + 1 + i)
            return importRefused(u"the event %1 is at position %2, but the store continues at "
                                 "position %3"_s.arg(event.id.toString(QUuid::WithoutBraces))
                                     .arg(event.position)
                                     .arg(lastPosition + 1 + i));
        const auto next = expected.constFind(event.stream);
        if (next == expected.cend())
            streams.append(event.stream);
        else if (*next != event.revision)
            return importRefused(u"the stream \"%1\" skips from revision %2 to %3"_s.arg(
                event.stream, QString::number(*next - 1), QString::number(event.revision)));
        expected.insert(event.stream, event.revision + 1);
    }
    auto stored = streamRevisions(streams);
    if (!stored.ok())
        return stored.error();
    for (const RecordedEvent &event : events) {
        if (!streams.removeOne(event.stream))
            continue; // not the stream's first event in the batch
        const qint64 current = stored.value().value(event.stream, NoStreamRevision);
        if (event.revision != current + 1)
            return importRefused(u"the stream \"%1\" %2, so it cannot continue at revision "
                                 "%3"_s.arg(event.stream, AppendResolution::revisionText(current))
                                     .arg(event.revision));
    }
    return {};
}

StoreResult<qint64> PostgresEventTable::importEvents(const QList<RecordedEvent> &events)
{
    PostgresTransaction transaction(m_connection);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    if (auto locked = lock(); !locked.ok())
        return locked.error();
    auto last = lastPosition();
    if (!last.ok() || events.isEmpty())
        return last;
    if (auto checked = checkImport(events, last.value()); !checked.ok())
        return checked.error();
    QList<PostgresEventRow> rows;
    rows.reserve(events.size());
    for (const RecordedEvent &event : events)
        rows.append(PostgresEventRow {event.position, event.stream, event.revision, event.id,
                                      event.type, event.data, event.metadata,
                                      event.created.toMSecsSinceEpoch()});
    auto inserted
        = m_inserts.insert(rows, PostgresEventInserts::Created::Given, u"import the events"_s);
    if (!inserted.ok())
        return inserted.error();
    if (!inserted.value())
        return StoreError(StoreError::Code::DuplicateEventId,
                          u"The import was refused: one of its event ids is stored already; "
                          "nothing was written."_s);
    const qint64 lastImported = events.constLast().position;
    if (auto notified = notify(lastImported); !notified.ok())
        return notified.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return lastImported;
}

} // namespace hoststand
