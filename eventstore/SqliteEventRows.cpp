#include "eventstore/SqliteEventRows.h"

#include "eventstore/SqliteStatement.h"

#include <QDateTime>
#include <QUuid>

namespace hoststand {

// Enough for every event type of an application; a store with more only
// decodes the rest again.
static constexpr qsizetype MaxCachedTypes = 1024;

void SqliteEventRows::expectStream(const QString &stream, const QByteArray &utf8)
{
    m_stream = stream;
    m_streamUtf8 = utf8;
}

const QString &SqliteEventRows::stream(QByteArrayView utf8)
{
    if (utf8 != QByteArrayView(m_streamUtf8)) {
        m_streamUtf8 = utf8.toByteArray();
        m_stream = QString::fromUtf8(utf8);
    }
    return m_stream;
}

QString SqliteEventRows::type(QByteArrayView utf8)
{
    const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
    if (const auto found = m_types.constFind(key); found != m_types.cend())
        return found.value();
    if (m_types.size() >= MaxCachedTypes)
        m_types.clear();
    QString decoded = QString::fromUtf8(utf8);
    m_types.insert(utf8.toByteArray(), decoded);
    return decoded;
}

const QByteArray &SqliteEventRows::metadata(QByteArrayView bytes)
{
    if (bytes != QByteArrayView(m_metadata))
        m_metadata = bytes.toByteArray();
    return m_metadata;
}

// Columns as in Columns: stream, revision, position, id, type, data,
// metadata, created.
RecordedEvent SqliteEventRows::decode(const SqliteStatement &row)
{
    RecordedEvent event;
    event.stream = stream(row.columnBytes(0));
    event.revision = row.columnInt64(1);
    event.position = row.columnInt64(2);
    event.id = QUuid::fromRfc4122(row.columnBytes(3));
    event.type = type(row.columnBytes(4));
    event.data = row.columnBytes(5).toByteArray();
    event.metadata = metadata(row.columnBytes(6));
    event.created = QDateTime::fromMSecsSinceEpoch(row.columnInt64(7), Qt::UTC);
    return event;
}

} // namespace hoststand
