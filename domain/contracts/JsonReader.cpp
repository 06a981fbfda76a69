#include "domain/contracts/JsonReader.h"

#include "domain/contracts/IsoMoment.h"
#include "eventstore/JsonDocument.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view stringIn(element value)
{
    return value.get_string().value_unsafe();
}

// A number as a double: an integer beyond 2^53 is rounded, which the
// callers refuse where it matters.
double numberIn(element value)
{
    switch (value.type()) {
    case element_type::INT64:
        return double(value.get_int64().value_unsafe());
    case element_type::UINT64:
        return double(value.get_uint64().value_unsafe());
    default:
        return value.get_double().value_unsafe();
    }
}

} // namespace

JsonReader::JsonReader(element root, QStringView where)
    : m_where(where)
    , m_error(&m_ownError)
{
    if (!root.is_object()) {
        m_ownError = u"%1: expected a JSON object"_s.arg(where);
        return;
    }
    m_object = root.get_object().value_unsafe();
    if (qsizetype(m_object.size()) > MaxFields)
        m_ownError = u"%1: too many fields"_s.arg(where);
}

JsonReader::JsonReader(simdjson::dom::object object, JsonReader *parent, QLatin1StringView key,
                       qsizetype index)
    : m_object(object)
    , m_parent(parent)
    , m_key(key)
    , m_index(index)
    , m_error(parent->m_error)
{
    if (qsizetype(m_object.size()) > MaxFields)
        fail({}, u"too many fields"_s);
}

bool JsonReader::is(element value, Kind kind)
{
    switch (value.type()) {
    case element_type::STRING:
        return kind == Kind::String;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return kind == Kind::Number;
    case element_type::BOOL:
        return kind == Kind::Bool;
    case element_type::OBJECT:
        return kind == Kind::Object;
    case element_type::ARRAY:
        return kind == Kind::Array;
    case element_type::NULL_VALUE:
        break;
    }
    return false;
}

// Built only for an error message, so a decode that succeeds allocates none.
QString JsonReader::path(QLatin1StringView key) const
{
    QString base = m_parent ? m_parent->path(m_key) : m_where.toString();
    if (m_index >= 0)
        base += u'[' + QString::number(m_index) + u']';
    return key.isEmpty() ? base : base + u'.' + key;
}

void JsonReader::fail(QLatin1StringView key, const QString &problem)
{
    if (ok())
        *m_error = u"%1: %2"_s.arg(path(key), problem);
}

std::optional<element> JsonReader::field(QLatin1StringView key, Kind kind, const char *expected)
{
    if (!ok())
        return std::nullopt;
    const std::string_view wanted(key.data(), size_t(key.size()));
    qsizetype i = 0;
    for (const simdjson::dom::key_value_pair member : m_object) {
        if (member.key == wanted) {
            m_read |= quint64(1) << i;
            if (!is(member.value, kind)) {
                fail(key, u"expected %1"_s.arg(QLatin1StringView(expected)));
                return std::nullopt;
            }
            return member.value;
        }
        ++i;
    }
    fail(key, u"missing"_s);
    return std::nullopt;
}

std::optional<QString> JsonReader::string(QLatin1StringView key)
{
    const auto value = field(key, Kind::String, "a string");
    return value ? std::optional(JsonDocument::toQString(stringIn(*value))) : std::nullopt;
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key)
{
    const auto value = field(key, Kind::Number, "a whole number");
    if (!value)
        return std::nullopt;
    constexpr qint64 Limit = qint64(1) << 53; // what a double holds exactly
    if (value->type() == element_type::INT64) {
        const qint64 number = value->get_int64().value_unsafe();
        if (number >= -Limit && number <= Limit)
            return number;
    } else if (value->type() == element_type::DOUBLE) {
        const double number = value->get_double().value_unsafe();
        if (std::trunc(number) == number && std::abs(number) <= double(Limit))
            return qint64(number);
    }
    fail(key, u"expected a whole number"_s);
    return std::nullopt;
}

std::optional<double> JsonReader::number(QLatin1StringView key)
{
    const auto value = field(key, Kind::Number, "a number");
    return value ? std::optional(numberIn(*value)) : std::nullopt;
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key)
{
    const auto value = field(key, Kind::Bool, "true or false");
    return value ? std::optional(value->get_bool().value_unsafe()) : std::nullopt;
}

std::optional<QDateTime> JsonReader::dateTime(QLatin1StringView key)
{
    const auto value = field(key, Kind::String, "a string");
    if (!value)
        return std::nullopt;
    const std::string_view text = stringIn(*value);
    if (auto moment = parseIsoMoment(QByteArrayView(text.data(), qsizetype(text.size()))))
        return moment;
    fail(key,
         u"expected an ISO-8601 time with a UTC offset, not \"%1\""_s.arg(
             JsonDocument::toQString(text)));
    return std::nullopt;
}

std::optional<QTime> JsonReader::time(QLatin1StringView key)
{
    const auto value = field(key, Kind::String, "a string");
    if (!value)
        return std::nullopt;
    // "HH:mm" read by hand: QTime::fromString's general parser cost more
    // than the rest of decoding the settings the booker reads per command.
    const std::string_view text = stringIn(*value);
    const auto digit = [&](size_t i) {
        const char c = text[i];
        return c >= '0' && c <= '9' ? int(c - '0') : -100;
    };
    const QTime time = text.size() == 5 && text[2] == ':'
        ? QTime(digit(0) * 10 + digit(1), digit(3) * 10 + digit(4))
        : QTime();
    if (!time.isValid()) {
        fail(key,
             u"expected a time of day as HH:mm, not \"%1\""_s.arg(JsonDocument::toQString(text)));
        return std::nullopt;
    }
    return time;
}

std::optional<QStringList> JsonReader::stringList(QLatin1StringView key)
{
    const auto array = field(key, Kind::Array, "an array");
    if (!array)
        return std::nullopt;
    QStringList list;
    const simdjson::dom::array items = array->get_array().value_unsafe();
    for (const element item : items) {
        if (item.type() != element_type::STRING) {
            fail(key, u"expected an array of strings"_s);
            return std::nullopt;
        }
        list.append(JsonDocument::toQString(stringIn(item)));
    }
    return list;
}

std::optional<JsonReader> JsonReader::object(QLatin1StringView key)
{
    const auto value = field(key, Kind::Object, "an object");
    if (!value)
        return std::nullopt;
    return JsonReader(value->get_object().value_unsafe(), this, key, -1);
}

std::optional<QList<JsonReader>> JsonReader::objects(QLatin1StringView key)
{
    const auto array = field(key, Kind::Array, "an array");
    if (!array)
        return std::nullopt;
    QList<JsonReader> readers;
    qsizetype i = 0;
    const simdjson::dom::array items = array->get_array().value_unsafe();
    for (const element item : items) {
        if (item.type() != element_type::OBJECT) {
            fail(key, u"expected an array of objects"_s);
            return std::nullopt;
        }
        readers.append(JsonReader(item.get_object().value_unsafe(), this, key, i++));
    }
    return readers;
}

std::optional<QString> JsonReader::finish()
{
    if (ok()) {
        // A field read is the first with its key; another with that key is
        // there twice.
        qsizetype i = 0;
        for (const simdjson::dom::key_value_pair member : m_object) {
            if (!(m_read & (quint64(1) << i))) {
                const auto same = [&](const simdjson::dom::key_value_pair &other) {
                    return other.key == member.key;
                };
                const bool twice = std::count_if(m_object.begin(), m_object.end(), same) > 1;
                *m_error = u"%1.%2: %3"_s.arg(path({}), JsonDocument::toQString(member.key),
                                              twice ? u"the field is there twice"_s
                                                    : u"unknown field"_s);
                break;
            }
            ++i;
        }
    }
    return ok() ? std::nullopt : *m_error;
}

} // namespace hoststand
