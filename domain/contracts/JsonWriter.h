#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace hoststand {

// Writes a JSON object field by field, as JsonReader reads it back, and
// refuses a value the reader could not return unchanged: an invalid time, a
// moment outside the years ISO-8601 writes or with a fraction of a second, a
// string that is not valid UTF-16, a number that is not finite. The first
// problem is kept with the field's path ("table-lock-placed.timeSlot.to:
// ..."); later writes are ignored, so an encoder writes every field and
// checks once at the end with finish().
class JsonWriter final
{
public:
    // The moments an event can hold, to the second.
    static QDateTime earliestMoment(); // 0001-01-01T00:00:00Z
    static QDateTime latestMoment(); // 9999-12-31T23:59:59Z

    // Writes a root object; where names it in problems.
    explicit JsonWriter(QStringView where);

    void string(QLatin1StringView key, const QString &value);
    void integer(QLatin1StringView key, qint64 value);
    void number(QLatin1StringView key, double value);
    void boolean(QLatin1StringView key, bool value);
    void dateTime(QLatin1StringView key, const QDateTime &moment); // ISO-8601 in UTC
    void time(QLatin1StringView key, const QTime &time); // "HH:mm"
    void stringList(QLatin1StringView key, const QStringList &values);
    // A nested object, written by write on a writer of its own.
    template<typename Write>
    void object(QLatin1StringView key, Write write)
    {
        JsonWriter inner(this, key, -1);
        write(inner);
        m_object.insert(key, inner.m_object);
    }
    // An array of objects, each item written by write(writer, item).
    template<typename Item, typename Write>
    void objects(QLatin1StringView key, const QList<Item> &items, Write write)
    {
        QJsonArray array;
        for (qsizetype i = 0; i < items.size(); ++i) {
            JsonWriter inner(this, key, i);
            write(inner, items.at(i));
            array.append(inner.m_object);
        }
        m_object.insert(key, array);
    }

    void fail(QLatin1StringView key, const QString &problem);
    bool ok() const { return !m_error->has_value(); }
    // The first problem, or nothing when every field was written well.
    const std::optional<QString> &problem() const { return *m_error; }
    const QJsonObject &written() const { return m_object; }

private:
    JsonWriter(JsonWriter *parent, QLatin1StringView key, qsizetype index);

    bool checkString(QLatin1StringView key, const QString &value);
    QString path(QLatin1StringView key) const;

    // A nested writer points to its parent, which outlives it.
    const JsonWriter *m_parent = nullptr;
    QStringView m_where; // the root's name
    QLatin1StringView m_key; // a nested writer's key in its parent
    qsizetype m_index = -1; // its index when it is an array element
    QJsonObject m_object;
    std::optional<QString> m_ownError;
    std::optional<QString> *m_error; // the root writer's problem slot
};

} // namespace hoststand
