#include "domain/readmodel/AuditProjection.h"

#include "domain/readmodel/ProjectedEvent.h"
#include "domain/readmodel/ReadConnection.h"

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
QList<ReadIndex> AuditProjection::indexes() const
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

StoreResult<void> AuditProjection::prepare(ReadConnection &connection)
{
    return prepareStatements(
        connection,
        {{&m_insert,
          u"INSERT INTO audit_log(position, stream, revision, type, created_ms, user_name, "
          "terminal, correlation_id, causation_id, event_id) "
          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s},
         {&m_insertData, u"INSERT INTO audit_data(position, data) VALUES(?, ?)"_s}});
}

StoreResult<void> AuditProjection::apply(const ProjectedEvent &event)
{
    const RecordedEvent &recorded = event.recorded();
    const MetadataReader::Parsed &metadata = event.metadata();
    m_insert->bindInt(1, recorded.position);
    m_insert->bindText(2, recorded.stream);
    m_insert->bindInt(3, recorded.revision);
    m_insert->bindText(4, recorded.type);
    m_insert->bindInt(5, recorded.created.toMSecsSinceEpoch());
    m_insert->bindUtf8(6, metadata.user);
    m_insert->bindUtf8(7, metadata.terminal);
    m_insert->bindUtf8(8, metadata.correlationId);
    m_insert->bindUtf8(9, metadata.causationId);
    m_insert->bindUtf8(10, recorded.id.toByteArray(QUuid::WithoutBraces));
    if (auto inserted = m_insert->execute(); !inserted.ok())
        return inserted;
    m_insertData->bindInt(1, recorded.position);
    m_insertData->bindBlob(2, recorded.data);
    return m_insertData->execute();
}

} // namespace hoststand
