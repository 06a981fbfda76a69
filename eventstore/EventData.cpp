#include "eventstore/EventData.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <array>

namespace hoststand {

EventData EventData::fromJson(const QString &type, const QJsonObject &data,
                              const QJsonObject &metadata, QUuid id)
{
    return EventData {id.isNull() ? newEventId() : id, type,
                      QJsonDocument(data).toJson(QJsonDocument::Compact),
                      QJsonDocument(metadata).toJson(QJsonDocument::Compact)};
}

QUuid newEventId()
{
    std::array<quint32, 4> words;
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    std::array<uchar, 16> bytes;
    std::memcpy(bytes.data(), words.data(), bytes.size());
    bytes[6] = static_cast<uchar>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<uchar>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
}

} // namespace hoststand
