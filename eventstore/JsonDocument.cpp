#include "eventstore/JsonDocument.h"

#include <QStringDecoder>
#include <QVarLengthArray>

#include <simdjson.h>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace hoststand {

static_assert(JsonDocument::Padding >= simdjson::SIMDJSON_PADDING);

namespace {

// A parser holds its scratch memory for the largest text it read; one per
// thread, since a parser reads one text at a time. Nothing when it cannot
// have its memory, and so its depth limit: then no text is read, rather
// than read under the parser's default limit.
simdjson::dom::parser *threadParser()
{
    thread_local simdjson::dom::parser parser;
    thread_local bool limited = false;
    if (!limited) {
        // The depth stays when the parser grows for a longer text.
        limited = parser.allocate(4096, JsonDocument::MaxDepth) == simdjson::SUCCESS;
    }
    return limited ? &parser : nullptr;
}

// simdjson's messages name the kind of problem; these say it plainly.
QString describe(simdjson::error_code error)
{
    switch (error) {
    case simdjson::EMPTY:
        return u"it is empty"_s;
    case simdjson::DEPTH_ERROR:
        return u"it is nested more than %1 deep"_s.arg(JsonDocument::MaxDepth);
    case simdjson::UTF8_ERROR:
        return u"it is not valid UTF-8"_s;
    case simdjson::NUMBER_ERROR:
        return u"it holds a number that is malformed or out of range"_s;
    case simdjson::STRING_ERROR:
        return u"it holds a string with a bad escape or an unpaired surrogate"_s;
    case simdjson::UNESCAPED_CHARS:
        return u"it holds a control character that is not escaped"_s;
    case simdjson::UNCLOSED_STRING:
        return u"it holds a string that is not closed"_s;
    case simdjson::MEMALLOC:
    case simdjson::CAPACITY:
        return u"it is too large to read"_s;
    default:
        return u"it is not valid JSON (%1)"_s.arg(
            QLatin1StringView(simdjson::error_message(error)));
    }
}

// The first key that an object holds twice, in the value or below it;
// nothing when there is none. Objects of events hold a few keys, each
// compared with those before it; a larger object's keys are sorted, so that
// an append of one with many keys costs no more than reading it.
std::optional<std::string_view> repeatedKey(simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::OBJECT: {
        constexpr qsizetype FewKeys = 32;
        QVarLengthArray<std::string_view, FewKeys> keys;
        const simdjson::dom::object object = value.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : object) {
            if (keys.size() < FewKeys
                && std::find(keys.cbegin(), keys.cend(), field.key) != keys.cend())
                return field.key;
            keys.append(field.key);
            if (auto inner = repeatedKey(field.value))
                return inner;
        }
        if (keys.size() > FewKeys) {
            std::sort(keys.begin(), keys.end());
            const auto twice = std::adjacent_find(keys.cbegin(), keys.cend());
            if (twice != keys.cend())
                return *twice;
        }
        return std::nullopt;
    }
    case simdjson::dom::element_type::ARRAY: {
        const simdjson::dom::array array = value.get_array().value_unsafe();
        for (const simdjson::dom::element element : array) {
            if (auto inner = repeatedKey(element))
                return inner;
        }
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

JsonDocument::JsonDocument()
    : m_document(std::make_unique<simdjson::dom::document>())
{ }

JsonDocument::~JsonDocument() = default;

JsonDocument::JsonDocument(JsonDocument &&other) noexcept
    : m_document(std::move(other.m_document))
    , m_parsed(std::exchange(other.m_parsed, false))
{ }

JsonDocument &JsonDocument::operator=(JsonDocument &&other) noexcept
{
    m_document = std::move(other.m_document);
    m_parsed = std::exchange(other.m_parsed, false);
    return *this;
}

// The room after the text, not capacity() - size(): capacity() counts from
// the allocation's start, and an array whose front was removed starts later.
// (data_ptr() has no const overload in Qt 6.4; it does not detach.)
std::optional<QString> JsonDocument::parse(const QByteArray &text)
{
    return parse(text.constData(), text.size(),
                 const_cast<QByteArray &>(text).data_ptr().freeSpaceAtEnd() >= Padding);
}

std::optional<QString> JsonDocument::parse(QByteArrayView text)
{
    return parse(text.data(), text.size(), false);
}

std::optional<QString> JsonDocument::parse(const char *text, qsizetype size, bool inPlace)
{
    m_parsed = false;
    if (!m_document) // moved from
        m_document = std::make_unique<simdjson::dom::document>();
    if (size == 0)
        return describe(simdjson::EMPTY);
    simdjson::dom::parser *parser = threadParser();
    if (!parser)
        return describe(simdjson::MEMALLOC);
    simdjson::dom::element root;
    const simdjson::error_code error
        = parser->parse_into_document(*m_document, text, size_t(size), !inPlace).get(root);
    if (error != simdjson::SUCCESS)
        return describe(error);
    m_parsed = true;
    return std::nullopt;
}

simdjson::dom::element JsonDocument::root() const
{
    Q_ASSERT(m_parsed);
    return m_document->root();
}

bool JsonDocument::isObject() const
{
    return m_parsed && root().is_object();
}

std::optional<QString> JsonDocument::repeatedKeyProblem() const
{
    if (auto key = repeatedKey(root()))
        return u"it holds the key \"%1\" twice in one object"_s.arg(toQString(*key));
    return std::nullopt;
}

QString JsonDocument::toQString(std::string_view utf8)
{
    const QByteArrayView bytes(utf8.data(), qsizetype(utf8.size()));
    if (!bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes);
    QStringDecoder keepingBom(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return keepingBom.decode(bytes);
}

std::optional<QString> jsonObjectProblem(const QByteArray &text)
{
    thread_local JsonDocument document;
    if (auto problem = document.parse(text))
        return problem;
    if (!document.isObject())
        return u"it is not a JSON object"_s;
    return document.repeatedKeyProblem();
}

} // namespace hoststand
