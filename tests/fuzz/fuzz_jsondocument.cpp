// libFuzzer target: reads arbitrary bytes as JSON twice, with JsonDocument
// (simdjson, as every event is read) and with QJsonDocument (Qt's parser),
// on the valid documents: an object or an array JsonDocument reads (and
// holds no key twice), Qt must read too, to the same values (strings as the
// same UTF-16 but for a leading U+FEFF, which Qt may drop; numbers as the same
// double; Qt refuses a number that underflows, as "1e-400", which RFC 8259
// allows and simdjson reads as 0). The text read in place (with room after it) and copied must read
// the same. A disagreement, a crash or a sanitizer report is a bug.
//
// The other way round is not checked: Qt reads much that RFC 8259 does not
// allow and JsonDocument refuses. This target found it reading ".1", "\v"
// and "\e" as escapes of themselves, a backslash before a byte that is not
// UTF-8, an unescaped NUL; besides a key twice (the last wins), integers
// beyond 64 bits, unpaired surrogate escapes and a leading byte order mark.
#include "eventstore/JsonDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

[[noreturn]] void disagree(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "JsonDocument and QJsonDocument disagree: %s\ninput: %s\n", what,
                 input.toPercentEncoding(" {}[]:,\"").constData());
    __builtin_trap();
}

double numberIn(simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
        return double(value.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return double(value.get_uint64().value_unsafe());
    default:
        return value.get_double().value_unsafe();
    }
}

// Whether Qt read the string as JsonDocument did. Qt drops a U+FEFF at the
// start of a string or a key written without escapes (as QString::fromUtf8
// does, which JsonDocument::toQString does not; found by this target), and
// keeps it in one with escapes. JsonDocument keeps it, as the codec wrote it.
bool sameText(std::string_view utf8, const QString &theirs)
{
    const QString ours = JsonDocument::toQString(utf8);
    return ours == theirs || (ours.startsWith(QChar(0xFEFF)) && QStringView(ours).mid(1) == theirs);
}

bool same(simdjson::dom::element ours, const QJsonValue &theirs)
{
    using simdjson::dom::element_type;
    switch (ours.type()) {
    case element_type::OBJECT: {
        if (!theirs.isObject())
            return false;
        const QJsonObject object = theirs.toObject();
        const simdjson::dom::object fields = ours.get_object().value_unsafe();
        if (qsizetype(fields.size()) != object.size())
            return false;
        // Qt keeps a key's leading U+FEFF inside but not in key(), so such a
        // member is found by walking the object, not by constFind.
        for (const simdjson::dom::key_value_pair field : fields) {
            bool matched = false;
            for (auto member = object.constBegin(); member != object.constEnd() && !matched;
                 ++member)
                matched = sameText(field.key, member.key()) && same(field.value, member.value());
            if (!matched)
                return false;
        }
        return true;
    }
    case element_type::ARRAY: {
        if (!theirs.isArray())
            return false;
        const QJsonArray array = theirs.toArray();
        const simdjson::dom::array items = ours.get_array().value_unsafe();
        if (qsizetype(items.size()) != array.size())
            return false;
        qsizetype i = 0;
        for (const simdjson::dom::element item : items) {
            if (!same(item, array.at(i++)))
                return false;
        }
        return true;
    }
    case element_type::STRING:
        return theirs.isString() && sameText(ours.get_string().value_unsafe(), theirs.toString());
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return theirs.isDouble() && numberIn(ours) == theirs.toDouble();
    case element_type::BOOL:
        return theirs.isBool() && ours.get_bool().value_unsafe() == theirs.toBool();
    case element_type::NULL_VALUE:
        return theirs.isNull();
    }
    return false;
}

// Whether the value holds a double that reads as zero: written so, or a
// number too small for a double, which Qt refuses.
bool holdsZeroDouble(simdjson::dom::element value)
{
    using simdjson::dom::element_type;
    switch (value.type()) {
    case element_type::OBJECT: {
        const simdjson::dom::object fields = value.get_object().value_unsafe();
        return std::any_of(fields.begin(), fields.end(),
                           [](const auto &field) { return holdsZeroDouble(field.value); });
    }
    case element_type::ARRAY: {
        const simdjson::dom::array items = value.get_array().value_unsafe();
        return std::any_of(items.begin(), items.end(),
                           [](const auto &item) { return holdsZeroDouble(item); });
    }
    case element_type::DOUBLE:
        return value.get_double().value_unsafe() == 0;
    default:
        return false;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArrayView view(reinterpret_cast<const char *>(bytes), qsizetype(size));
    QByteArray input; // with room after it, read in place
    input.reserve(view.size() + JsonDocument::Padding);
    input.append(view);

    // Every rule, the one on keys too, as the store checks an append.
    const auto read = [](JsonDocument &document, const auto &text) {
        std::optional<QString> problem = document.parse(text);
        return problem ? problem : document.repeatedKeyProblem();
    };
    JsonDocument copied;
    const std::optional<QString> copiedProblem = read(copied, view);
    JsonDocument inPlace;
    const std::optional<QString> problem = read(inPlace, input);
    if (problem != copiedProblem)
        disagree("the text read in place and its copy read differently", input);

    QJsonParseError error;
    const QJsonDocument theirs = QJsonDocument::fromJson(input, &error);
    const bool qtReads = error.error == QJsonParseError::NoError;
    const bool underflows = error.error == QJsonParseError::IllegalNumber && !problem
        && holdsZeroDouble(inPlace.root());
    if (!problem && !underflows) {
        const simdjson::dom::element root = inPlace.root();
        if (root.is_object()) {
            if (!qtReads || !same(root, theirs.object()))
                disagree("an object", input);
        } else if (root.is_array()) {
            if (!qtReads || !same(root, theirs.array()))
                disagree("an array", input);
        } // Qt reads no other value at the top.
    }
    if (!problem && simdjson::minify(inPlace.root()) != simdjson::minify(copied.root()))
        disagree("the text read in place and its copy read as different values", input);
    return 0;
}
