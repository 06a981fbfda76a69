#include "domain/contracts/JsonReader.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand {

JsonReader::JsonReader(const QJsonObject &object, QString where)
    : m_object(object)
    , m_where(std::move(where))
{ }

void JsonReader::fail(const QString &key, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = u"%1.%2: %3"_s.arg(m_where, key, problem);
}

std::optional<QJsonValue> JsonReader::field(const QString &key, QJsonValue::Type type,
                                            const char *typeName)
{
    m_read.insert(key);
    if (!ok())
        return std::nullopt;
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        fail(key, u"missing"_s);
        return std::nullopt;
    }
    if (it->type() != type) {
        fail(key, u"expected %1"_s.arg(QLatin1StringView(typeName)));
        return std::nullopt;
    }
    return *it;
}

std::optional<QString> JsonReader::string(const QString &key)
{
    auto value = field(key, QJsonValue::String, "a string");
    return value ? std::optional(value->toString()) : std::nullopt;
}

std::optional<qint64> JsonReader::integer(const QString &key)
{
    auto value = field(key, QJsonValue::Double, "a whole number");
    if (!value)
        return std::nullopt;
    const double number = value->toDouble();
    constexpr double Limit = 9007199254740992.0; // 2^53: exact in a double
    if (!std::isfinite(number) || std::trunc(number) != number || std::abs(number) > Limit) {
        fail(key, u"expected a whole number"_s);
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

std::optional<double> JsonReader::number(const QString &key)
{
    auto value = field(key, QJsonValue::Double, "a number");
    if (!value)
        return std::nullopt;
    if (!std::isfinite(value->toDouble())) {
        fail(key, u"expected a finite number"_s);
        return std::nullopt;
    }
    return value->toDouble();
}

std::optional<bool> JsonReader::boolean(const QString &key)
{
    auto value = field(key, QJsonValue::Bool, "true or false");
    return value ? std::optional(value->toBool()) : std::nullopt;
}

std::optional<QDateTime> JsonReader::dateTime(const QString &key)
{
    auto text = string(key);
    if (!text)
        return std::nullopt;
    const QDateTime moment = QDateTime::fromString(*text, Qt::ISODate);
    const bool hasOffset = text->endsWith(u'Z') || text->contains(u'+')
        || text->lastIndexOf(u'-') > text->indexOf(u'T');
    if (!moment.isValid() || !hasOffset) {
        fail(key, u"expected an ISO-8601 time with a UTC offset, not \"%1\""_s.arg(*text));
        return std::nullopt;
    }
    return moment.toUTC();
}

std::optional<QTime> JsonReader::time(const QString &key)
{
    auto text = string(key);
    if (!text)
        return std::nullopt;
    const QTime time = QTime::fromString(*text, u"HH:mm"_s);
    if (!time.isValid() || text->size() != 5) {
        fail(key, u"expected a time of day as HH:mm, not \"%1\""_s.arg(*text));
        return std::nullopt;
    }
    return time;
}

std::optional<QJsonObject> JsonReader::object(const QString &key)
{
    auto value = field(key, QJsonValue::Object, "an object");
    return value ? std::optional(value->toObject()) : std::nullopt;
}

std::optional<QJsonArray> JsonReader::array(const QString &key)
{
    auto value = field(key, QJsonValue::Array, "an array");
    return value ? std::optional(value->toArray()) : std::nullopt;
}

std::optional<QString> JsonReader::finish()
{
    if (ok()) {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_read.contains(it.key())) {
                m_error = u"%1.%2: unknown field"_s.arg(m_where, it.key());
                break;
            }
        }
    }
    return ok() ? std::nullopt : std::optional(m_error);
}

} // namespace hoststand
