#include "domain/contracts/TextField.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

namespace {

// Text from code points, so that rows can hold NUL and lone surrogates.
QString codePoints(std::initializer_list<char32_t> points)
{
    QString text;
    for (char32_t c : points) {
        if (QChar::requiresSurrogates(c)) {
            text += QChar(QChar::highSurrogate(c));
            text += QChar(QChar::lowSurrogate(c));
        } else {
            text += QChar(char16_t(c));
        }
    }
    return text;
}

const TextField Name(u"The guest's name"_s, 10);
const TextField Note(u"The note"_s, 20, TextField::Presence::Optional, TextField::Lines::Several);

void addCheckColumns()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored"); // when accepted
    QTest::addColumn<QString>("refusal"); // the message; empty: accepted
}

void accepted(const char *name, const QString &value, const QString &stored)
{
    QTest::newRow(name) << value << stored << QString();
}

void refused(const char *name, const QString &value, const QString &refusal)
{
    QTest::newRow(name) << value << QString() << refusal;
}

} // namespace

class tst_TextField final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFieldOfOneLineHoldsPrintableTextOnly_data();
    void aFieldOfOneLineHoldsPrintableTextOnly();
    void aNoteMayHoldLineBreaksAndTabs_data();
    void aNoteMayHoldLineBreaksAndTabs();
    void aRefusalNamesAnOverlongValueByItsLengthAlone();
    void asciiIsPrintableExactlyWhereItsCategoryIsNotControl();
    void textShowsWhatWouldNotPrintEscaped_data();
    void textShowsWhatWouldNotPrintEscaped();

private:
    void check(const TextField &field);
};

void tst_TextField::check(const TextField &field)
{
    QFETCH(QString, value);
    QFETCH(QString, stored);
    QFETCH(QString, refusal);

    const DomainResult<QString> checked = field.check(value);

    if (refusal.isEmpty()) {
        QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().message()));
        QCOMPARE(checked.value(), stored);
        return;
    }
    QVERIFY2(!checked.ok(), "accepted");
    QCOMPARE(checked.error().code(), DomainError::Code::InvalidInput);
    QCOMPARE(checked.error().message(), refusal);
}

void tst_TextField::aFieldOfOneLineHoldsPrintableTextOnly_data()
{
    addCheckColumns();
    const QString onOneLine = u"; it must be printable text on one line."_s;
    accepted("accents and an apostrophe are accepted", u"Zoë O'Neil"_s, u"Zoë O'Neil"_s);
    accepted("Arabic is accepted", u"عمر"_s, u"عمر"_s);
    accepted("an emoji family joined by zero-width joiners is accepted", u"👨‍👩‍👧"_s,
             u"👨‍👩‍👧"_s);
    accepted("Persian with a zero-width non-joiner is accepted", u"می‌روم"_s,
             u"می‌روم"_s);
    accepted("ten characters beyond the BMP count as ten", u"😀"_s.repeated(10),
             u"😀"_s.repeated(10));
    refused("a line break is refused", u"Line1\nfake"_s,
            u"The guest's name contains a line break at character 6"_s + onOneLine);
    refused("a terminal escape is refused", u"fake\x1b[31m"_s,
            u"The guest's name contains a control character (U+001B) at character 5"_s + onOneLine);
    refused("NUL is refused", codePoints({u'a', 0}),
            u"The guest's name contains a control character (U+0000) at character 2"_s + onOneLine);
    refused("DEL is refused", u"a\x7f"_s,
            u"The guest's name contains a control character (U+007F) at character 2"_s + onOneLine);
    refused("a C1 control (CSI) is refused", codePoints({u'a', 0x9b, u'2', u'J'}),
            u"The guest's name contains a control character (U+009B) at character 2"_s + onOneLine);
    refused("a right-to-left override is refused", u"abc\u202Etxt"_s,
            u"The guest's name contains an invisible formatting character (U+202E) at "
            u"character 4"_s
                + onOneLine);
    refused("a zero-width space is refused", u"a\u200Bb"_s,
            u"The guest's name contains an invisible formatting character (U+200B) at "
            u"character 2"_s
                + onOneLine);
    refused("a tab is refused", u"a\tb"_s,
            u"The guest's name contains a tab at character 2"_s + onOneLine);
    refused("a carriage return is refused", u"a\rb"_s,
            u"The guest's name contains a carriage return at character 2"_s + onOneLine);
    refused("a line separator is refused", u"a\u2028b"_s,
            u"The guest's name contains a line break (U+2028) at character 2"_s + onOneLine);
    refused("half of a surrogate pair is refused", codePoints({u'a', 0xd800, u'b'}),
            u"The guest's name contains half of a broken character (U+D800) at character 2"_s
                + onOneLine);
    refused("an invisible tag character beyond the BMP is refused, counted as one character",
            codePoints({0x1f600, 0xe0041}),
            u"The guest's name contains an invisible formatting character (U+E0041) at "
            u"character 2"_s
                + onOneLine);
    refused("an empty value is refused", QString(),
            u"The guest's name is empty; it needs 1 to 10 characters."_s);
    accepted("a value at the limit is accepted", QString(10, u'a'), QString(10, u'a'));
    refused("a value over the limit is named by its length", QString(11, u'a'),
            u"The guest's name is 11 characters long; at most 10 are allowed."_s);
    refused("a value over the limit with control characters is named by its length",
            QString(30, u'\x1b'),
            u"The guest's name is 30 characters long; at most 10 are allowed."_s);
}

void tst_TextField::aFieldOfOneLineHoldsPrintableTextOnly()
{
    check(Name);
}

void tst_TextField::aNoteMayHoldLineBreaksAndTabs_data()
{
    addCheckColumns();
    const QString rule
        = u"; line breaks and tabs are allowed, but no other control or formatting characters."_s;
    accepted("an empty note is accepted", QString(), QString());
    accepted("line breaks are kept", u"nuts\nno shellfish"_s, u"nuts\nno shellfish"_s);
    accepted("Windows line breaks become line breaks", u"nuts\r\nfish"_s, u"nuts\nfish"_s);
    accepted("a Windows line break counts as one character", u"1234567890\r\n12345678"_s,
             u"1234567890\n12345678"_s);
    accepted("tabs are kept", u"a\tb"_s, u"a\tb"_s);
    refused("a lone carriage return is refused", u"a\rb"_s,
            u"The note contains a carriage return at character 2"_s + rule);
    refused("a terminal escape is refused", u"a\n\x1b[2J"_s,
            u"The note contains a control character (U+001B) at character 3"_s + rule);
    refused("a bidi isolate is refused", u"a\u2066b"_s,
            u"The note contains an invisible formatting character (U+2066) at character 2"_s
                + rule);
    refused("a note over the limit is named by its length", QString(21, u'n'),
            u"The note is 21 characters long; at most 20 are allowed."_s);
}

void tst_TextField::aNoteMayHoldLineBreaksAndTabs()
{
    check(Note);
}

// A 100 KB name must not come back whole on stderr.
void tst_TextField::aRefusalNamesAnOverlongValueByItsLengthAlone()
{
    const TextField name(u"The guest's name"_s, 100);

    const DomainResult<QString> checked = name.check(QString(102400, u'a') + u"\x1b"_s);

    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().message(),
             u"The guest's name is 102401 characters long; at most 100 are allowed."_s);
}

void tst_TextField::textShowsWhatWouldNotPrintEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("shownKeepingLineBreaks");
    const auto row = [](const char *name, const QString &text, const QString &shown,
                        const QString &keepingLineBreaks) {
        QTest::newRow(name) << text << shown << keepingLineBreaks;
    };
    row("printable text shows as it is", u"Zoë 👨‍👩‍👧 عمر"_s,
        u"Zoë 👨‍👩‍👧 عمر"_s, u"Zoë 👨‍👩‍👧 عمر"_s);
    row("a line break shows as \\n on one line", u"Line1\nfake"_s, u"Line1\\nfake"_s,
        u"Line1\nfake"_s);
    row("a terminal escape shows as \\x1b", u"\x1b[31mRED"_s, u"\\x1b[31mRED"_s, u"\\x1b[31mRED"_s);
    row("a tab shows as \\t", u"a\tb"_s, u"a\\tb"_s, u"a\\tb"_s);
    row("a carriage return shows as \\r", u"a\rb"_s, u"a\\rb"_s, u"a\\rb"_s);
    row("NUL shows as \\x00", codePoints({u'a', 0}), u"a\\x00"_s, u"a\\x00"_s);
    row("DEL and a C1 control show as \\x7f and \\x9b", codePoints({0x7f, 0x9b}), u"\\x7f\\x9b"_s,
        u"\\x7f\\x9b"_s);
    row("a right-to-left override shows as \\u202e", u"abc\u202Etxt"_s, u"abc\\u202etxt"_s,
        u"abc\\u202etxt"_s);
    row("a line separator shows as \\u2028", u"a\u2028b"_s, u"a\\u2028b"_s, u"a\\u2028b"_s);
    row("a tag character beyond the BMP shows as \\U000e0041", codePoints({0xe0041}),
        u"\\U000e0041"_s, u"\\U000e0041"_s);
    row("half of a surrogate pair shows as \\ud800", codePoints({0xd800, u'x'}), u"\\ud800x"_s,
        u"\\ud800x"_s);
}

void tst_TextField::textShowsWhatWouldNotPrintEscaped()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(QString, shownKeepingLineBreaks);

    QCOMPARE(escapedForDisplay(text), shown);
    QCOMPARE(escapedForDisplayKeepingLineBreaks(text), shownKeepingLineBreaks);
}

// isPrintableCharacter answers ASCII without looking up the category;
// the answer must be the one the category gives.
void tst_TextField::asciiIsPrintableExactlyWhereItsCategoryIsNotControl()
{
    for (char32_t c = 0; c < 0x80; ++c)
        QVERIFY2(isPrintableCharacter(c) == (QChar::category(c) != QChar::Other_Control),
                 qPrintable(QString::number(uint(c), 16)));
}

QTEST_GUILESS_MAIN(tst_TextField)
#include "tst_textfield.moc"
