#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace hoststand {

// An event to append: its id (for idempotent retries), its type, and its
// data and metadata as compact UTF-8 JSON objects. The store checks both are
// JSON objects and refuses the append otherwise.
struct EventData final
{
    QUuid id;
    QString type;
    QByteArray data;
    QByteArray metadata;

    // Serialises data and metadata; a null id gets a fresh random one.
    static EventData fromJson(const QString &type, const QJsonObject &data,
                              const QJsonObject &metadata = {}, QUuid id = {});
};

// A random (version 4) UUID from a fast seeded generator; event ids need to
// be unique, not secret, and QUuid::createUuid() costs a system call each.
QUuid newEventId();

} // namespace hoststand
