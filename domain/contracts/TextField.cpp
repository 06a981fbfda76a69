#include "domain/contracts/TextField.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace hoststand {
namespace {

constexpr char32_t ZeroWidthNonJoiner = 0x200C;
constexpr char32_t ZeroWidthJoiner = 0x200D;

// Calls visit(codePoint) for each code point of the text until it returns
// false; half of a surrogate pair on its own is a code point of its own.
template<typename Visit>
void forEachCodePoint(QStringView text, Visit visit)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (!visit(c))
            return;
    }
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    forEachCodePoint(text, [&count](char32_t) {
        ++count;
        return true;
    });
    return count;
}

bool isAllowed(char32_t c, TextField::Lines lines)
{
    return isPrintableCharacter(c)
        || (lines == TextField::Lines::Several && (c == u'\n' || c == u'\t'));
}

QString hex(char32_t c, int digits)
{
    return u"%1"_s.arg(uint(c), digits, 16, QLatin1Char('0'));
}

QString described(char32_t c)
{
    switch (c) {
    case u'\n':
        return u"a line break"_s;
    case u'\r':
        return u"a carriage return"_s;
    case u'\t':
        return u"a tab"_s;
    default:
        break;
    }
    const QString code = u"U+"_s + hex(c, 4).toUpper();
    switch (QChar::category(c)) {
    case QChar::Other_Control:
        return u"a control character (%1)"_s.arg(code);
    case QChar::Other_Surrogate:
        return u"half of a broken character (%1)"_s.arg(code);
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return u"a line break (%1)"_s.arg(code);
    default:
        return u"an invisible formatting character (%1)"_s.arg(code);
    }
}

QString escaped(char32_t c)
{
    switch (c) {
    case u'\n':
        return u"\\n"_s;
    case u'\r':
        return u"\\r"_s;
    case u'\t':
        return u"\\t"_s;
    default:
        break;
    }
    if (c <= 0xff)
        return u"\\x"_s + hex(c, 2);
    if (c <= 0xffff)
        return u"\\u"_s + hex(c, 4);
    return u"\\U"_s + hex(c, 8);
}

void append(QString &text, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        text += QChar(QChar::highSurrogate(c));
        text += QChar(QChar::lowSurrogate(c));
    } else {
        text += QChar(char16_t(c));
    }
}

// Line breaks are shown as themselves only in text of several lines; a
// tab always shows escaped, since it would shift the columns around it.
bool showsAsItself(char32_t c, TextField::Lines lines)
{
    return isPrintableCharacter(c) || (lines == TextField::Lines::Several && c == u'\n');
}

QString withEscapes(QStringView text, TextField::Lines lines)
{
    bool clean = true;
    forEachCodePoint(text, [&clean, lines](char32_t c) {
        clean = showsAsItself(c, lines);
        return clean;
    });
    if (clean)
        return text.toString();
    QString shown;
    shown.reserve(text.size() + 16);
    forEachCodePoint(text, [&shown, lines](char32_t c) {
        if (showsAsItself(c, lines))
            append(shown, c);
        else
            shown += escaped(c);
        return true;
    });
    return shown;
}

} // namespace

bool isPrintableCharacter(char32_t c)
{
    if (c < 0x80) // ASCII, the most of any name: only C0 controls and DEL are not printable
        return c >= 0x20 && c != 0x7f;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    case QChar::Other_Format:
        return c == ZeroWidthNonJoiner || c == ZeroWidthJoiner;
    default:
        return true;
    }
}

DomainResult<QString> TextField::check(const QString &value) const
{
    const auto invalid = [](const QString &message) {
        return DomainError(DomainError::Code::InvalidInput, message);
    };
    QString text = value;
    if (m_lines == Lines::Several)
        text.replace(u"\r\n"_s, u"\n"_s);
    const qsizetype length = codePointCount(text);
    if (length == 0 && m_presence == Presence::Required)
        return invalid(u"%1 is empty; it needs 1 to %2 characters."_s.arg(m_name).arg(m_maxLength));
    if (length > m_maxLength)
        return invalid(
            u"%1 is %2 characters long; at most %3 are allowed."_s.arg(m_name).arg(length).arg(
                m_maxLength));
    std::optional<DomainError> refusal;
    qsizetype position = 0;
    forEachCodePoint(text, [&](char32_t c) {
        ++position;
        if (isAllowed(c, m_lines))
            return true;
        const QString rule = m_lines == Lines::One
            ? u"it must be printable text on one line."_s
            : u"line breaks and tabs are allowed, but no other control or formatting "
              u"characters."_s;
        refusal = invalid(u"%1 contains %2 at character %3; %4"_s.arg(
            m_name, described(c), QString::number(position), rule));
        return false;
    });
    if (refusal)
        return *refusal;
    return text;
}

QString escapedForDisplay(QStringView text)
{
    return withEscapes(text, TextField::Lines::One);
}

QString escapedForDisplayKeepingLineBreaks(QStringView text)
{
    return withEscapes(text, TextField::Lines::Several);
}

} // namespace hoststand
