#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>

namespace simdjson::dom {
class document;
class element;
} // namespace simdjson::dom

namespace hoststand {

// What a JSON document is to Hoststand, the same wherever one is read: the
// store's check of an append, the codec, the projections. simdjson reads it
// (RFC 8259's grammar, valid UTF-8, numbers a double or a 64-bit integer
// holds, no unpaired surrogate escape), and Hoststand adds two rules:
// nothing is nested more than MaxDepth deep, and no object has a key twice.
// The second is checked where text comes in (jsonObjectProblem, the store's
// check of an append) and by the codec's reader, which meets every key;
// reading a stored event does not walk the whole document again for it.
//
// A document keeps its memory from one parse to the next; the values of
// root() are views into it, valid until the next parse. Each thread reads
// with a parser of its own, made on its first parse.
class JsonDocument final
{
public:
    static constexpr int MaxDepth = 32;
    // The bytes simdjson may read past a text's end (SIMDJSON_PADDING).
    static constexpr qsizetype Padding = 64;

    JsonDocument();
    ~JsonDocument();
    JsonDocument(JsonDocument &&) noexcept;
    JsonDocument &operator=(JsonDocument &&) noexcept;

    // Reads the whole text; nothing when it is a document (but for the
    // rule on keys), otherwise what is wrong with it. Text with Padding bytes
    // of room after it is read in place; any other is copied first into the
    // parser's own padded buffer, which costs less than keeping every event
    // the stores read in a larger allocation (measured: reads 10% slower).
    std::optional<QString> parse(const QByteArray &text);
    std::optional<QString> parse(QByteArrayView text);

    // The value read by the last parse that succeeded.
    simdjson::dom::element root() const;
    bool isObject() const;

    // What is wrong when an object of the document read last holds a key
    // twice; nothing when none does.
    std::optional<QString> repeatedKeyProblem() const;

    // UTF-8 as simdjson returns a string, as the QString it was written
    // from: unlike QString::fromUtf8, a leading U+FEFF stays a character.
    static QString toQString(std::string_view utf8);

private:
    std::optional<QString> parse(const char *text, qsizetype size, bool inPlace);

    std::unique_ptr<simdjson::dom::document> m_document;
    bool m_parsed = false;
};

// Whether text is a JSON object as JsonDocument reads one, with no key twice:
// nothing when it is, otherwise what is wrong. Parses with a document of the
// calling thread.
std::optional<QString> jsonObjectProblem(const QByteArray &text);

} // namespace hoststand
