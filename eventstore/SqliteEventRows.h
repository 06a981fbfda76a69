#pragma once

#include "eventstore/RecordedEvent.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace hoststand {

class SqliteStatement;

// Turns rows of the events table into RecordedEvents. Reads are the store's
// hot path, so stream names, types and metadata, which repeat from row to
// row, are decoded once and then shared (Qt's implicit sharing) instead of
// being allocated for every event.
class SqliteEventRows final
{
public:
    // The columns every read selects, in the order decode() expects.
    static constexpr char Columns[]
        = "stream, revision, position, id, type, data, metadata, created";

    // The stream name the next rows will most likely have (readStream).
    void expectStream(const QString &stream, const QByteArray &utf8);
    RecordedEvent decode(const SqliteStatement &row);

private:
    const QString &stream(QByteArrayView utf8);
    QString type(QByteArrayView utf8);
    const QByteArray &metadata(QByteArrayView bytes);

    QByteArray m_streamUtf8;
    QString m_stream;
    QHash<QByteArray, QString> m_types;
    QByteArray m_metadata;
};

} // namespace hoststand
