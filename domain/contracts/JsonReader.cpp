#include "domain/contracts/JsonReader.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand {

JsonReader::JsonReader(const JsonView &view, QStringView where)
    : m_view(&view)
    , m_object(&view.root())
    , m_where(where)
    , m_error(&m_ownError)
{
    if (m_object->kind != JsonView::Kind::Object)
        m_ownError = u"%1: expected a JSON object"_s.arg(where);
    else if (m_object->count > 64)
        m_ownError = u"%1: too many fields"_s.arg(where);
}

JsonReader::JsonReader(const JsonView &view, const JsonView::Value &object, JsonReader *parent,
                       QLatin1StringView key, qsizetype index)
    : m_view(&view)
    , m_object(&object)
    , m_parent(parent)
    , m_key(key)
    , m_index(index)
    , m_error(parent->m_error)
{
    if (m_object->count > 64)
        fail({}, u"too many fields"_s);
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

const JsonView::Value *JsonReader::field(QLatin1StringView key, JsonView::Kind kind,
                                         const char *expected)
{
    if (!ok())
        return nullptr;
    for (qsizetype i = 0; i < m_object->count; ++i) {
        const JsonView::Member &member = m_view->member(*m_object, i);
        if (!m_view->keyEquals(member, key))
            continue;
        m_read |= quint64(1) << i;
        const JsonView::Value &value = m_view->value(member.value);
        if (value.kind != kind) {
            fail(key, u"expected %1"_s.arg(QLatin1StringView(expected)));
            return nullptr;
        }
        return &value;
    }
    fail(key, u"missing"_s);
    return nullptr;
}

std::optional<QString> JsonReader::string(QLatin1StringView key)
{
    const JsonView::Value *value = field(key, JsonView::Kind::String, "a string");
    return value ? std::optional(m_view->string(*value)) : std::nullopt;
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key)
{
    const JsonView::Value *value = field(key, JsonView::Kind::Number, "a whole number");
    if (!value)
        return std::nullopt;
    constexpr double Limit = 9007199254740992.0; // 2^53: exact in a double
    const double number = value->number;
    if (!std::isfinite(number) || std::trunc(number) != number || std::abs(number) > Limit) {
        fail(key, u"expected a whole number"_s);
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

std::optional<double> JsonReader::number(QLatin1StringView key)
{
    const JsonView::Value *value = field(key, JsonView::Kind::Number, "a number");
    if (!value)
        return std::nullopt;
    if (!std::isfinite(value->number)) {
        fail(key, u"expected a finite number"_s);
        return std::nullopt;
    }
    return value->number;
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key)
{
    const JsonView::Value *value = field(key, JsonView::Kind::Bool, "true or false");
    return value ? std::optional(value->boolean) : std::nullopt;
}

std::optional<QDateTime> JsonReader::dateTime(QLatin1StringView key)
{
    auto text = string(key);
    if (!text)
        return std::nullopt;
    if (text->size() == 20) {
        if (auto fast = JsonView::parseUtcSeconds(text->toLatin1()))
            return fast;
    }
    const QDateTime moment = QDateTime::fromString(*text, Qt::ISODate);
    const qsizetype timeAt = text->indexOf(u'T');
    const bool hasOffset = text->endsWith(u'Z') || text->indexOf(u'+', timeAt) > 0
        || (timeAt > 0 && text->indexOf(u'-', timeAt) > 0);
    if (!moment.isValid() || !hasOffset) {
        fail(key, u"expected an ISO-8601 time with a UTC offset, not \"%1\""_s.arg(*text));
        return std::nullopt;
    }
    return moment.toUTC();
}

std::optional<QTime> JsonReader::time(QLatin1StringView key)
{
    auto text = string(key);
    if (!text)
        return std::nullopt;
    // "HH:mm" read by hand: QTime::fromString's general parser cost more
    // than the rest of decoding the settings the booker reads per command.
    const auto digit = [&](qsizetype i) {
        const char16_t c = text->at(i).unicode();
        return c >= u'0' && c <= u'9' ? int(c - u'0') : -100;
    };
    const QTime time = text->size() == 5 && text->at(2) == u':'
        ? QTime(digit(0) * 10 + digit(1), digit(3) * 10 + digit(4))
        : QTime();
    if (!time.isValid()) {
        fail(key, u"expected a time of day as HH:mm, not \"%1\""_s.arg(*text));
        return std::nullopt;
    }
    return time;
}

std::optional<QStringList> JsonReader::stringList(QLatin1StringView key)
{
    const JsonView::Value *array = field(key, JsonView::Kind::Array, "an array");
    if (!array)
        return std::nullopt;
    QStringList list;
    list.reserve(array->count);
    for (qsizetype i = 0; i < array->count; ++i) {
        const JsonView::Value &element = m_view->value(m_view->element(*array, i));
        if (element.kind != JsonView::Kind::String) {
            fail(key, u"expected an array of strings"_s);
            return std::nullopt;
        }
        list.append(m_view->string(element));
    }
    return list;
}

std::optional<JsonReader> JsonReader::object(QLatin1StringView key)
{
    const JsonView::Value *value = field(key, JsonView::Kind::Object, "an object");
    if (!value)
        return std::nullopt;
    return JsonReader(*m_view, *value, this, key, -1);
}

std::optional<QList<JsonReader>> JsonReader::objects(QLatin1StringView key)
{
    const JsonView::Value *array = field(key, JsonView::Kind::Array, "an array");
    if (!array)
        return std::nullopt;
    QList<JsonReader> readers;
    for (qsizetype i = 0; i < array->count; ++i) {
        const JsonView::Value &element = m_view->value(m_view->element(*array, i));
        if (element.kind != JsonView::Kind::Object) {
            fail(key, u"expected an array of objects"_s);
            return std::nullopt;
        }
        readers.append(JsonReader(*m_view, element, this, key, i));
    }
    return readers;
}

std::optional<QString> JsonReader::finish()
{
    if (ok()) {
        const quint64 all
            = m_object->count >= 64 ? ~quint64(0) : (quint64(1) << m_object->count) - 1;
        if ((m_read & all) != all) {
            for (qsizetype i = 0; i < m_object->count; ++i) {
                if (!(m_read & (quint64(1) << i))) {
                    const QString key = m_view->key(m_view->member(*m_object, i));
                    *m_error = u"%1.%2: unknown field"_s.arg(path({}), key);
                    break;
                }
            }
        }
    }
    return ok() ? std::nullopt : *m_error;
}

} // namespace hoststand
