#include "eventstore/SqliteEventRows.h"

#include "eventstore/SqliteStatement.h"

#include <QDateTime>
#include <QUuid>

namespace hoststand {

// Enough for every event type of an application; a store with more only
// decodes the rest again.
static constexpr qsizetype MaxCachedTypes = 1024;

void SqliteEventRows::setStream(const QString &stream)
{
    m_stream = stream;
    m_streamUtf8.clear();
}

const QString &SqliteEventRows::stream(QByteArrayView utf8)
{
    if (utf8 != QByteArrayView(m_streamUtf8)) {
        m_streamUtf8 = utf8.toByteArray();
        m_stream = QString::fromUtf8(utf8);
    }
    return m_stream;
}

// Most reads see one type many times in a row: the last one is compared
// first, the cache of all types only when it changes.
const QString &SqliteEventRows::type(QByteArrayView utf8)
{
    if (utf8 == QByteArrayView(m_typeUtf8))
        return m_type;
    const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
    auto found = m_types.constFind(key);
    if (found == m_types.cend()) {
        if (m_types.size() >= MaxCachedTypes)
            m_types.clear();
        found = m_types.insert(utf8.toByteArray(), QString::fromUtf8(utf8));
    }
    m_typeUtf8 = found.key();
    m_type = found.value();
    return m_type;
}

const QByteArray &SqliteEventRows::metadata(QByteArrayView bytes)
{
    if (bytes != QByteArrayView(m_metadata))
        m_metadata = bytes.toByteArray();
    return m_metadata;
}

const QDateTime &SqliteEventRows::created(qint64 msecsSinceEpoch)
{
    if (msecsSinceEpoch != m_createdMSecs) {
        m_createdMSecs = msecsSinceEpoch;
        m_created = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC);
    }
    return m_created;
}

void SqliteEventRows::decode(const SqliteStatement &row, bool withStream, RecordedEvent &event)
{
    event.revision = row.columnInt64(0);
    event.position = row.columnInt64(1);
    event.id = QUuid::fromRfc4122(row.columnBytes(2));
    event.type = type(row.columnBytes(3));
    event.data = row.columnBytes(4).toByteArray();
    event.metadata = metadata(row.columnBytes(5));
    event.created = created(row.columnInt64(6));
    event.stream = withStream ? stream(row.columnBytes(7)) : m_stream;
}

} // namespace hoststand
