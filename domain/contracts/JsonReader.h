#pragma once

#include "domain/DomainError.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTime>

#include <simdjson.h>

#include <optional>

namespace hoststand {

// Reads a JSON object field by field, strictly: a missing field, a field of
// the wrong type or an unknown field is an error that names the field's
// path ("table-added.layout.zone: missing"). The first error is kept; later
// reads return nothing, so a decoder reads every field and checks once at
// the end with finish(). Nothing is copied but the fields read.
//
// It reads a value of a JsonDocument (eventstore/JsonDocument.h), which
// must outlive it and not be parsed again meanwhile.
class JsonReader final
{
public:
    // Reads the root value, which must be an object; where names it in errors.
    JsonReader(simdjson::dom::element root, QStringView where);

    std::optional<QString> string(QLatin1StringView key);
    std::optional<qint64> integer(QLatin1StringView key);
    std::optional<double> number(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    std::optional<QDateTime> dateTime(QLatin1StringView key); // ISO-8601 with an offset or Z
    std::optional<QTime> time(QLatin1StringView key); // "HH:mm"
    std::optional<QStringList> stringList(QLatin1StringView key);
    // A nested object, read by the returned reader; its errors become this
    // reader's when it finishes.
    std::optional<JsonReader> object(QLatin1StringView key);
    // An array of objects, one reader each.
    std::optional<QList<JsonReader>> objects(QLatin1StringView key);

    // Keeps a value type's validation error as the reader's error.
    template<typename T>
    std::optional<T> check(QLatin1StringView key, DomainResult<T> result)
    {
        if (result.ok())
            return std::move(result).value();
        fail(key, result.error().message());
        return std::nullopt;
    }

    void fail(QLatin1StringView key, const QString &problem);
    bool ok() const { return !m_error->has_value(); }
    // The first error, or nothing when every field read well and none is
    // unknown. A nested reader passes its error up to its parent.
    std::optional<QString> finish();

    // An object holds at most this many fields.
    static constexpr qsizetype MaxFields = 64;

private:
    JsonReader(simdjson::dom::object object, JsonReader *parent, QLatin1StringView key,
               qsizetype index);

    enum class Kind { String, Number, Bool, Object, Array };

    static bool is(simdjson::dom::element value, Kind kind);
    // The field's value when it is of the kind; the error otherwise.
    std::optional<simdjson::dom::element> field(QLatin1StringView key, Kind kind,
                                                const char *expected);
    QString path(QLatin1StringView key) const;

    // A nested reader points to its parent, which must outlive it and stay
    // in place: decoders keep the root reader on the stack.
    simdjson::dom::object m_object;
    const JsonReader *m_parent = nullptr;
    QStringView m_where; // the root's name
    QLatin1StringView m_key; // a nested reader's key in its parent
    qsizetype m_index = -1; // its index when it is an array element
    quint64 m_read = 0; // which fields were read, by index
    std::optional<QString> m_ownError;
    std::optional<QString> *m_error; // the root reader's error slot
};

} // namespace hoststand
