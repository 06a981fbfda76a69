#include "readmodel/AuditProjection.h"

#include "readmodel/ProjectedEvent.h"
#include "readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString AuditProjection::name() const
{
    return u"audit"_s;
}

QList<ReadTable> AuditProjection::tables() const
{
    return {{u"audit_log"_s, u"position"_s}, {u"audit_data"_s, u"position"_s}};
}

QStringList AuditProjection::schema() const
{
    return {
        u"CREATE TABLE IF NOT EXISTS audit_log("
        "position {BIGINT} PRIMARY KEY, stream {TEXT} NOT NULL, revision {BIGINT} NOT NULL, "
        "type {TEXT} NOT NULL, created_ms {BIGINT} NOT NULL, user_name {TEXT} NOT NULL, "
        "terminal {TEXT} NOT NULL, correlation_id {TEXT} NOT NULL, "
        "causation_id {TEXT} NOT NULL, event_id {TEXT} NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS audit_data("
        "position {BIGINT} PRIMARY KEY, data {BLOB} NOT NULL)"_s,
    };
}

// Each index orders its entries by position after its key ({+position}:
// SQLite has it already as the rowid at the end of every index entry).
QList<ReadIndex> AuditProjection::indexes(const ReadDialect &) const
{
    return {
        {u"audit_log_by_stream"_s,
         u"CREATE INDEX IF NOT EXISTS audit_log_by_stream ON audit_log(stream{+position})"_s},
        {u"audit_log_by_type"_s,
         u"CREATE INDEX IF NOT EXISTS audit_log_by_type ON audit_log(type{+position})"_s},
        {u"audit_log_by_correlation"_s,
         u"CREATE INDEX IF NOT EXISTS audit_log_by_correlation ON audit_log(correlation_id{+position})"_s},
    };
}

static QString insertSql(const QString &table, const QString &columns, int columnCount, int rows)
{
    const QString row = u'(' + QStringList(columnCount, u"?"_s).join(u", "_s) + u')';
    return u"INSERT INTO "_s + table + u'(' + columns + u") VALUES "_s
        + QStringList(rows, row).join(u", "_s);
}

StoreResult<void> AuditProjection::prepare(ReadConnection &connection)
{
    discardBatch();
    const QString log = u"audit_log"_s;
    const QString logColumns = u"position, stream, revision, type, created_ms, user_name, "
                               "terminal, correlation_id, causation_id, event_id"_s;
    const QString data = u"audit_data"_s;
    const QString dataColumns = u"position, data"_s;
    return prepareStatements(connection,
                             {{&m_insertOne, insertSql(log, logColumns, 10, 1)},
                              {&m_insertDataOne, insertSql(data, dataColumns, 2, 1)},
                              {&m_insertMany, insertSql(log, logColumns, 10, RowsPerInsert)},
                              {&m_insertDataMany, insertSql(data, dataColumns, 2, RowsPerInsert)}});
}

StoreResult<void> AuditProjection::apply(const ProjectedEvent &event)
{
    m_rows.append(Row {&event.recorded(), event.metadata()});
    return {};
}

StoreResult<void> AuditProjection::finishBatch()
{
    qsizetype first = 0;
    for (; first + RowsPerInsert <= m_rows.size(); first += RowsPerInsert) {
        if (auto written = write(*m_insertMany, *m_insertDataMany, first, RowsPerInsert);
            !written.ok())
            return written;
    }
    for (; first < m_rows.size(); ++first) {
        if (auto written = write(*m_insertOne, *m_insertDataOne, first, 1); !written.ok())
            return written;
    }
    m_rows.clear();
    return {};
}

void AuditProjection::discardBatch()
{
    m_rows.clear();
}

StoreResult<void> AuditProjection::write(ReadStatement &rows, ReadStatement &data, qsizetype first,
                                         int count)
{
    for (int i = 0; i < count; ++i) {
        const RecordedEvent &event = *m_rows.at(first + i).event;
        const MetadataReader::Parsed &metadata = m_rows.at(first + i).metadata;
        const int p = i * 10;
        rows.bindInt(p + 1, event.position);
        rows.bindText(p + 2, event.stream);
        rows.bindInt(p + 3, event.revision);
        rows.bindText(p + 4, event.type);
        rows.bindInt(p + 5, event.created.toMSecsSinceEpoch());
        rows.bindUtf8(p + 6, metadata.user);
        rows.bindUtf8(p + 7, metadata.terminal);
        rows.bindUtf8(p + 8, metadata.correlationId);
        rows.bindUtf8(p + 9, metadata.causationId);
        rows.bindUtf8(p + 10, event.id.toByteArray(QUuid::WithoutBraces));
        data.bindInt(i * 2 + 1, event.position);
        data.bindBlob(i * 2 + 2, event.data);
    }
    if (auto inserted = rows.execute(); !inserted.ok())
        return inserted;
    return data.execute();
}

} // namespace hoststand
