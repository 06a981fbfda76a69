#pragma once

#include "domain/DomainError.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QTime>

#include <optional>

namespace hoststand {

// Reads a JSON object field by field, strictly: a missing field, a field of
// the wrong type or an unknown field is an error that names the field. The
// first error is kept; later reads return nothing, so a decoder reads every
// field and checks once at the end with finish().
class JsonReader final
{
public:
    JsonReader(const QJsonObject &object, QString where);

    std::optional<QString> string(const QString &key);
    std::optional<qint64> integer(const QString &key);
    std::optional<double> number(const QString &key);
    std::optional<bool> boolean(const QString &key);
    std::optional<QDateTime> dateTime(const QString &key); // ISO-8601 with an offset or Z
    std::optional<QTime> time(const QString &key); // "HH:mm"
    std::optional<QJsonObject> object(const QString &key);
    std::optional<QJsonArray> array(const QString &key);

    // Keeps a value type's validation error as the reader's error.
    template<typename T>
    std::optional<T> check(const QString &key, DomainResult<T> result)
    {
        if (result.ok())
            return std::move(result).value();
        fail(key, result.error().message());
        return std::nullopt;
    }

    void fail(const QString &key, const QString &problem);
    bool ok() const { return m_error.isEmpty(); }
    // The first error, or nothing when every field read well and none is unknown.
    std::optional<QString> finish();

private:
    std::optional<QJsonValue> field(const QString &key, QJsonValue::Type type,
                                    const char *typeName);

    QJsonObject m_object;
    QString m_where;
    QSet<QString> m_read;
    QString m_error;
};

} // namespace hoststand
