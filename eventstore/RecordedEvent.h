#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace hoststand {

// An event as the store holds it. Data and metadata stay the bytes that were
// stored; readers decode them when they need them, so a read of many events
// costs no JSON parsing the reader does not ask for.
struct RecordedEvent final
{
    QString stream;
    qint64 revision = -1; // 0-based, in its stream
    qint64 position = 0; // 1-based, global, gap-free, in commit order
    QUuid id;
    QString type;
    QByteArray data;
    QByteArray metadata;
    QDateTime created; // UTC

    QJsonObject dataObject() const;
    QJsonObject metadataObject() const;
    QString category() const;
};

} // namespace hoststand

// Its members are all relocatable, so a growing QList<RecordedEvent> (every
// read returns one) moves its events with memcpy instead of one by one.
Q_DECLARE_TYPEINFO(hoststand::RecordedEvent, Q_RELOCATABLE_TYPE);
