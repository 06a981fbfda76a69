#pragma once

#include <QJsonObject>
#include <QString>

namespace hoststand {

// The metadata every Hoststand event carries: which booking (or command) it
// belongs to, what caused it, and who issued it from which terminal.
struct EventMetadata final
{
    QString correlationId;
    QString causationId;
    QString user;
    QString terminal;

    static inline const QString CorrelationIdKey = QStringLiteral("$correlationId");
    static inline const QString CausationIdKey = QStringLiteral("$causationId");
    static inline const QString UserKey = QStringLiteral("user");
    static inline const QString TerminalKey = QStringLiteral("terminal");

    QJsonObject toJson() const;
    static EventMetadata fromJson(const QJsonObject &object);

    bool operator==(const EventMetadata &) const = default;
};

} // namespace hoststand
