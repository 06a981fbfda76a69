#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <QVarLengthArray>

#include <optional>

namespace hoststand {

// A strict JSON parser for event payloads that reads the bytes in place: it
// records where each value is and copies nothing until a field is asked
// for. Decoding events is the hot path of every replay, and QJsonDocument
// spends most of its time allocating a tree the decoder reads once.
//
// Strict: RFC 8259 grammar, no trailing commas, no comments, no duplicate
// keys, no control characters in strings, at most MaxDepth levels.
class JsonView final
{
public:
    enum class Kind : quint8 { Null, Bool, Number, String, Object, Array };

    static constexpr int MaxDepth = 32;

    // A parsed value: an index into the view's tables.
    struct Value
    {
        Kind kind = Kind::Null;
        bool boolean = false;
        bool escaped = false; // a string with backslash escapes
        double number = 0;
        qsizetype begin = 0; // string: the first byte inside the quotes; number: its first
        qsizetype length = 0; // string: bytes inside the quotes; number: bytes as written
        qsizetype first = 0; // object: first member; array: first element
        qsizetype count = 0; // members or elements
    };

    struct Member
    {
        qsizetype keyBegin = 0;
        qsizetype keyLength = 0;
        bool keyEscaped = false;
        qsizetype value = 0; // index into values
    };

    // Parses the whole text; an error says what and where.
    static std::optional<JsonView> parse(QByteArrayView text, QString *error = nullptr);

    const Value &root() const { return m_values.front(); }
    const Value &value(qsizetype index) const { return m_values[index]; }
    const Member &member(const Value &object, qsizetype i) const
    {
        return m_members[object.first + i];
    }
    qsizetype element(const Value &array, qsizetype i) const { return m_elements[array.first + i]; }

    QString string(const Value &value) const;
    QString key(const Member &member) const;
    // Whether the member's key is exactly this ASCII text.
    bool keyEquals(const Member &member, QLatin1StringView key) const;
    // The object's member with this key, or nothing.
    const Value *find(const Value &object, QLatin1StringView key) const;
    // A string's bytes inside the quotes, escapes as written, or a number
    // as written: a view into the parsed text, copied only if kept.
    QByteArrayView raw(const Value &value) const
    {
        return m_text.sliced(value.begin, value.length);
    }

    // A moment in the one form the catalogue's codec writes,
    // "2026-12-01T19:00:00Z", read without QDateTime's general (and slow)
    // parser; nothing for any other form.
    static std::optional<QDateTime> parseUtcSeconds(QByteArrayView text);

private:
    class Parser;

    // Inline capacity for a typical event, so parsing one allocates nothing.
    QByteArrayView m_text;
    QVarLengthArray<Value, 24> m_values;
    QVarLengthArray<Member, 24> m_members;
    QVarLengthArray<qsizetype, 8> m_elements;
};

} // namespace hoststand
