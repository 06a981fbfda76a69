#include "domain/contracts/JsonView.h"

#include <QStringDecoder>

#include <charconv>
#include <cstring>

using namespace Qt::StringLiterals;

namespace hoststand {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int twoDigits(QByteArrayView text, qsizetype at)
{
    const char a = text[at];
    const char b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9')
        return -1;
    return (a - '0') * 10 + (b - '0');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// UTF-8 as it is: QString::fromUtf8 drops a leading U+FEFF (read as a byte
// order mark), but a string that starts with one, or whose part after an
// escape does, must read back as it was written.
QString fromUtf8(QByteArrayView raw)
{
    if (!raw.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(raw);
    QStringDecoder keepingBom(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return keepingBom.decode(raw);
}

// Decodes the inside of a string with escapes (already validated).
QString unescape(QByteArrayView raw)
{
    QString out;
    out.reserve(raw.size());
    qsizetype plainStart = 0;
    auto flushPlain = [&](qsizetype end) {
        if (end > plainStart)
            out += fromUtf8(raw.sliced(plainStart, end - plainStart));
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\')
            continue;
        flushPlain(i);
        const char c = raw[++i];
        switch (c) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            for (int k = 1; k <= 4; ++k)
                unit = char16_t(unit * 16 + hexValue(raw[i + k]));
            out += QChar(unit);
            i += 4;
            break;
        }
        default: // '"', '\\', '/'
            out += QLatin1Char(c);
            break;
        }
        plainStart = i + 1;
    }
    flushPlain(raw.size());
    return out;
}

} // namespace

class JsonView::Parser final
{
public:
    Parser(QByteArrayView text, JsonView &view)
        : m_text(text)
        , m_view(view)
    { }

    bool parseDocument()
    {
        skipSpace();
        if (!parseValue(0))
            return false;
        skipSpace();
        if (m_pos != m_text.size())
            return fail("unexpected text after the value");
        return true;
    }

    QString error() const { return m_error; }

private:
    bool fail(const char *what)
    {
        if (m_error.isEmpty())
            m_error = u"%1 at offset %2"_s.arg(QLatin1StringView(what)).arg(m_pos);
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }

    bool peekIs(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

    bool literal(const char *word)
    {
        const qsizetype length = qsizetype(std::strlen(word));
        if (m_text.size() - m_pos < length
            || std::memcmp(m_text.data() + m_pos, word, size_t(length)) != 0)
            return fail("invalid literal");
        m_pos += length;
        return true;
    }

    qsizetype newValue(Kind kind)
    {
        m_view.m_values.append(Value {kind, false, false, 0, 0, 0, 0, 0});
        return m_view.m_values.size() - 1;
    }

    bool parseValue(int depth)
    {
        if (depth >= MaxDepth)
            return fail("nested too deeply");
        if (m_pos >= m_text.size())
            return fail("unexpected end");
        switch (m_text[m_pos]) {
        case '{':
            return parseObject(depth);
        case '[':
            return parseArray(depth);
        case '"': {
            const qsizetype index = newValue(Kind::String);
            qsizetype begin = 0, length = 0;
            bool escaped = false;
            if (!parseString(begin, length, escaped))
                return false;
            Value &value = m_view.m_values[index];
            value.begin = begin;
            value.length = length;
            value.escaped = escaped;
            return true;
        }
        case 't': {
            const qsizetype index = newValue(Kind::Bool);
            m_view.m_values[index].boolean = true;
            return literal("true");
        }
        case 'f':
            newValue(Kind::Bool);
            return literal("false");
        case 'n':
            newValue(Kind::Null);
            return literal("null");
        default:
            return parseNumber();
        }
    }

    // The grammar of RFC 8259, then std::from_chars for the value.
    bool parseNumber()
    {
        const qsizetype start = m_pos;
        if (peekIs('-'))
            ++m_pos;
        if (peekIs('0')) {
            ++m_pos;
        } else if (m_pos < m_text.size() && isDigit(m_text[m_pos])) {
            while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                ++m_pos;
        } else {
            return fail("invalid value");
        }
        if (peekIs('.')) {
            ++m_pos;
            if (!(m_pos < m_text.size() && isDigit(m_text[m_pos])))
                return fail("invalid number");
            while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                ++m_pos;
        }
        if (peekIs('e') || peekIs('E')) {
            ++m_pos;
            if (peekIs('+') || peekIs('-'))
                ++m_pos;
            if (!(m_pos < m_text.size() && isDigit(m_text[m_pos])))
                return fail("invalid number");
            while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                ++m_pos;
        }
        double number = 0;
        const char *first = m_text.data() + start;
        const char *last = m_text.data() + m_pos;
        const auto [end, error] = std::from_chars(first, last, number);
        if (error != std::errc() || end != last)
            return fail("number out of range");
        const qsizetype index = newValue(Kind::Number);
        Value &value = m_view.m_values[index];
        value.number = number;
        value.begin = start;
        value.length = m_pos - start;
        return true;
    }

    bool parseString(qsizetype &begin, qsizetype &length, bool &escaped)
    {
        ++m_pos; // the opening quote
        begin = m_pos;
        escaped = false;
        while (m_pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                length = m_pos - begin;
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return fail("control character in a string");
            if (c == '\\') {
                escaped = true;
                if (!parseEscape())
                    return false;
                continue;
            }
            ++m_pos;
        }
        return fail("unterminated string");
    }

    bool parseEscape()
    {
        ++m_pos; // the backslash
        if (m_pos >= m_text.size())
            return fail("unterminated string");
        const char c = m_text[m_pos];
        if (c == 'u') {
            if (m_text.size() - m_pos < 5)
                return fail("invalid \\u escape");
            for (int k = 1; k <= 4; ++k) {
                if (hexValue(m_text[m_pos + k]) < 0)
                    return fail("invalid \\u escape");
            }
            m_pos += 5;
            return true;
        }
        if (!std::strchr("\"\\/bfnrt", c) || c == '\0')
            return fail("invalid escape");
        ++m_pos;
        return true;
    }

    bool parseObject(int depth)
    {
        const qsizetype index = newValue(Kind::Object);
        ++m_pos; // '{'
        QVarLengthArray<Member, 16> members;
        skipSpace();
        if (peekIs('}')) {
            ++m_pos;
            return finishObject(index, members);
        }
        for (;;) {
            skipSpace();
            if (!peekIs('"'))
                return fail("expected a key");
            Member member;
            if (!parseString(member.keyBegin, member.keyLength, member.keyEscaped))
                return false;
            for (const Member &other : members) {
                if (sameKey(other, member))
                    return fail("duplicate key");
            }
            skipSpace();
            if (!peekIs(':'))
                return fail("expected ':'");
            ++m_pos;
            skipSpace();
            member.value = m_view.m_values.size();
            if (!parseValue(depth + 1))
                return false;
            members.append(member);
            skipSpace();
            if (peekIs(',')) {
                ++m_pos;
                continue;
            }
            if (peekIs('}')) {
                ++m_pos;
                return finishObject(index, members);
            }
            return fail("expected ',' or '}'");
        }
    }

    bool sameKey(const Member &a, const Member &b) const
    {
        if (a.keyEscaped || b.keyEscaped)
            return m_view.key(a) == m_view.key(b);
        return a.keyLength == b.keyLength
            && std::memcmp(m_text.data() + a.keyBegin, m_text.data() + b.keyBegin,
                           size_t(a.keyLength))
            == 0;
    }

    // Members of one object are stored together, after its nested values.
    bool finishObject(qsizetype index, const QVarLengthArray<Member, 16> &members)
    {
        Value &value = m_view.m_values[index];
        value.first = m_view.m_members.size();
        value.count = members.size();
        m_view.m_members.append(members.constData(), members.size());
        return true;
    }

    bool parseArray(int depth)
    {
        const qsizetype index = newValue(Kind::Array);
        ++m_pos; // '['
        QVarLengthArray<qsizetype, 16> elements;
        skipSpace();
        if (peekIs(']')) {
            ++m_pos;
            return finishArray(index, elements);
        }
        for (;;) {
            skipSpace();
            elements.append(m_view.m_values.size());
            if (!parseValue(depth + 1))
                return false;
            skipSpace();
            if (peekIs(',')) {
                ++m_pos;
                continue;
            }
            if (peekIs(']')) {
                ++m_pos;
                return finishArray(index, elements);
            }
            return fail("expected ',' or ']'");
        }
    }

    bool finishArray(qsizetype index, const QVarLengthArray<qsizetype, 16> &elements)
    {
        Value &value = m_view.m_values[index];
        value.first = m_view.m_elements.size();
        value.count = elements.size();
        m_view.m_elements.append(elements.constData(), elements.size());
        return true;
    }

    QByteArrayView m_text;
    JsonView &m_view;
    qsizetype m_pos = 0;
    QString m_error;
};

std::optional<JsonView> JsonView::parse(QByteArrayView text, QString *error)
{
    JsonView view;
    view.m_text = text;
    Parser parser(text, view);
    if (!parser.parseDocument()) {
        if (error)
            *error = parser.error();
        return std::nullopt;
    }
    return view;
}

QString JsonView::string(const Value &value) const
{
    const QByteArrayView raw = m_text.sliced(value.begin, value.length);
    return value.escaped ? unescape(raw) : fromUtf8(raw);
}

QString JsonView::key(const Member &member) const
{
    const QByteArrayView raw = m_text.sliced(member.keyBegin, member.keyLength);
    return member.keyEscaped ? unescape(raw) : fromUtf8(raw);
}

bool JsonView::keyEquals(const Member &member, QLatin1StringView key) const
{
    if (member.keyEscaped)
        return this->key(member) == key;
    return member.keyLength == key.size()
        && std::memcmp(m_text.data() + member.keyBegin, key.data(), size_t(key.size())) == 0;
}

const JsonView::Value *JsonView::find(const Value &object, QLatin1StringView key) const
{
    for (qsizetype i = 0; i < object.count; ++i) {
        const Member &candidate = member(object, i);
        if (keyEquals(candidate, key))
            return &m_values[candidate.value];
    }
    return nullptr;
}

std::optional<QDateTime> JsonView::parseUtcSeconds(QByteArrayView text)
{
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
        || text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    const int century = twoDigits(text, 0), year = twoDigits(text, 2);
    const int month = twoDigits(text, 5), day = twoDigits(text, 8);
    const int hour = twoDigits(text, 11), minute = twoDigits(text, 14);
    const int second = twoDigits(text, 17);
    if (century < 0 || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    const QDate date(century * 100 + year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace hoststand
