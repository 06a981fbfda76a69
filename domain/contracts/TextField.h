#pragma once

#include "domain/DomainError.h"

#include <QString>
#include <QStringView>

namespace hoststand {

// The one rule for text that people type into the restaurant's fields. A
// field of one line (a guest's name, a phone number, a table id, a zone, a
// service period's name, a time zone) holds printable characters only; a
// note may also hold line breaks and tabs. Control characters (NUL, ESC,
// DEL, C1), invisible format characters (bidi overrides such as U+202E,
// zero-width spaces) and line or paragraph separators are refused: stored,
// they would fake lines or colours wherever the text is shown. The joiners
// U+200C and U+200D are ordinary characters (emoji sequences, Persian).
// Lengths count characters (code points), not UTF-16 units.
class TextField final
{
public:
    enum class Presence { Required, Optional };
    enum class Lines { One, Several };

    // name starts a sentence in messages: "The guest's name".
    TextField(QString name, qsizetype maxLength, Presence presence = Presence::Required,
              Lines lines = Lines::One)
        : m_name(std::move(name))
        , m_maxLength(maxLength)
        , m_presence(presence)
        , m_lines(lines)
    { }

    // The value as it is to be stored (with "\r\n" as "\n" in a field of
    // several lines), or InvalidInput saying what is wrong; the message
    // names a value by its length and a character by its code point, never
    // echoing either, so a refusal cannot itself be long or unprintable.
    DomainResult<QString> check(const QString &value) const;

private:
    QString m_name;
    qsizetype m_maxLength;
    Presence m_presence;
    Lines m_lines;
};

// Whether a field of one line accepts the character: it prints as text.
bool isPrintableCharacter(char32_t c);

// The text with every character that a field of one line refuses escaped
// visibly ("\n", "\t", "\x1b", "\u202e", "\U000e0041"), for output on a
// terminal: text stored by an older version, or by anything that bypassed
// the domain, then shows as what it is instead of acting on the terminal.
QString escapedForDisplay(QStringView text);
// The same, keeping the line breaks ("\n") of a text of several lines.
QString escapedForDisplayKeepingLineBreaks(QStringView text);

} // namespace hoststand
