#pragma once

#include "eventstore/RecordedEvent.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace hoststand {

class SqliteStatement;

// Turns rows of the events table into RecordedEvents. Reads are the store's
// hot path, so stream names, types, metadata and creation times, which
// repeat from row to row (the events of one append share them), are decoded
// once and then shared (Qt's implicit sharing) instead of being built for
// every event.
class SqliteEventRows final
{
public:
    // The columns every read selects, in the order decode() expects; a read
    // of one stream leaves out the last one, the stream's name, as it knows it.
    static constexpr char Columns[] = "revision, position, id, type, data, metadata, created";
    static constexpr char ColumnsWithStream[]
        = "revision, position, id, type, data, metadata, created, stream";

    // The stream of the rows to come, for rows without the stream column.
    void setStream(const QString &stream);
    // Fills event (a fresh one, built in place in the caller's list).
    void decode(const SqliteStatement &row, bool withStream, RecordedEvent &event);

private:
    const QString &stream(QByteArrayView utf8);
    const QString &type(QByteArrayView utf8);
    const QByteArray &metadata(QByteArrayView bytes);
    const QDateTime &created(qint64 msecsSinceEpoch);

    QByteArray m_streamUtf8;
    QString m_stream;
    QHash<QByteArray, QString> m_types;
    QByteArray m_typeUtf8;
    QString m_type;
    QByteArray m_metadata;
    QDateTime m_created;
    qint64 m_createdMSecs = -1;
};

} // namespace hoststand
