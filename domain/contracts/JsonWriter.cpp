#include "domain/contracts/JsonWriter.h"

#include "domain/contracts/TimeSpan.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

// A moment as written in a problem, also outside the years ISO-8601 writes.
QString described(const QDateTime &moment)
{
    return moment.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

} // namespace

QDateTime JsonWriter::earliestMoment()
{
    return QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
}

QDateTime JsonWriter::latestMoment()
{
    return QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
}

JsonWriter::JsonWriter(QStringView where)
    : m_where(where)
    , m_error(&m_ownError)
{ }

JsonWriter::JsonWriter(JsonWriter *parent, QLatin1StringView key, qsizetype index)
    : m_parent(parent)
    , m_key(key)
    , m_index(index)
    , m_error(parent->m_error)
{ }

// Built only for a problem, so an encode that succeeds allocates none.
QString JsonWriter::path(QLatin1StringView key) const
{
    QString base = m_parent ? m_parent->path(m_key) : m_where.toString();
    if (m_index >= 0)
        base += u'[' + QString::number(m_index) + u']';
    return key.isEmpty() ? base : base + u'.' + key;
}

void JsonWriter::fail(QLatin1StringView key, const QString &problem)
{
    if (ok())
        *m_error = u"%1: %2"_s.arg(path(key), problem);
}

// JSON is written as UTF-8, where a lone surrogate would become U+FFFD.
bool JsonWriter::checkString(QLatin1StringView key, const QString &value)
{
    if (value.isValidUtf16())
        return true;
    fail(key, u"the text holds a broken UTF-16 sequence (a lone surrogate)"_s);
    return false;
}

void JsonWriter::string(QLatin1StringView key, const QString &value)
{
    if (ok() && checkString(key, value))
        m_object.insert(key, value);
}

void JsonWriter::integer(QLatin1StringView key, qint64 value)
{
    constexpr qint64 Limit = qint64(1) << 53; // exact in a double, as JsonReader reads it
    if (!ok())
        return;
    if (value > Limit || value < -Limit)
        fail(key, u"%1 is too large to be read back exactly"_s.arg(value));
    else
        m_object.insert(key, value);
}

void JsonWriter::number(QLatin1StringView key, double value)
{
    if (!ok())
        return;
    if (!std::isfinite(value))
        fail(key, u"%1 is not a finite number"_s.arg(value));
    else
        m_object.insert(key, value);
}

void JsonWriter::boolean(QLatin1StringView key, bool value)
{
    if (ok())
        m_object.insert(key, value);
}

void JsonWriter::dateTime(QLatin1StringView key, const QDateTime &moment)
{
    if (!ok())
        return;
    if (!moment.isValid())
        fail(key, u"not a valid time"_s);
    else if (moment.time().msec() != 0)
        fail(key,
             u"%1 has a fraction of a second; events hold whole seconds"_s.arg(described(moment)));
    else if (moment < earliestMoment() || moment > latestMoment())
        fail(key,
             u"%1 is outside the years 1 to 9999 that events can hold"_s.arg(described(moment)));
    else
        m_object.insert(key, toIsoUtc(moment));
}

void JsonWriter::time(QLatin1StringView key, const QTime &time)
{
    if (!ok())
        return;
    if (!time.isValid())
        fail(key, u"not a valid time of day"_s);
    else if (time.second() != 0 || time.msec() != 0)
        fail(key, u"%1 is not a whole minute"_s.arg(time.toString(u"HH:mm:ss.zzz"_s)));
    else
        m_object.insert(key, time.toString(u"HH:mm"_s));
}

void JsonWriter::stringList(QLatin1StringView key, const QStringList &values)
{
    if (!ok())
        return;
    for (const QString &value : values) {
        if (!checkString(key, value))
            return;
    }
    m_object.insert(key, QJsonArray::fromStringList(values));
}

} // namespace hoststand
