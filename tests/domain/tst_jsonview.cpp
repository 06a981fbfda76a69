#include "domain/contracts/JsonReader.h"
#include "domain/contracts/JsonView.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

class tst_JsonView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validDocumentsParse_data();
    void validDocumentsParse();
    void invalidDocumentsAreRefused_data();
    void invalidDocumentsAreRefused();
    void stringsAreUnescaped();
    void aLeadingZeroWidthNoBreakSpaceIsKept_data();
    void aLeadingZeroWidthNoBreakSpaceIsKept();
    void readerNamesTheFieldPath();
    void readerReadsUtcTimesInEveryForm_data();
    void readerReadsUtcTimesInEveryForm();
    void findAndRawReadMembersAsWritten();
    void parseUtcSecondsReadsOnlyTheCodecsForm_data();
    void parseUtcSecondsReadsOnlyTheCodecsForm();
};

void tst_JsonView::validDocumentsParse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("an empty object") << QByteArray("{}");
    QTest::newRow("an object with spaces around") << QByteArray(" \n{ \"a\" : 1 }\t");
    QTest::newRow("nested objects and arrays")
        << QByteArray(R"({"a":{"b":[1,2,{"c":null}]},"d":[]})");
    QTest::newRow("every scalar") << QByteArray(R"({"t":true,"f":false,"n":null,"x":-0.5e3})");
    QTest::newRow("a scalar document") << QByteArray("42");
}

void tst_JsonView::validDocumentsParse()
{
    QFETCH(QByteArray, text);
    QString error;
    QVERIFY2(JsonView::parse(text, &error).has_value(), qPrintable(error));
}

void tst_JsonView::invalidDocumentsAreRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");
    QTest::newRow("nothing") << QByteArray("") << u"unexpected end"_s;
    QTest::newRow("a trailing comma") << QByteArray(R"({"a":1,})") << u"expected a key"_s;
    QTest::newRow("a duplicate key") << QByteArray(R"({"a":1,"a":2})") << u"duplicate key"_s;
    QTest::newRow("a single-quoted key") << QByteArray("{'a':1}") << u"expected a key"_s;
    QTest::newRow("a control character in a string")
        << QByteArray("{\"a\":\"x\ty\"}") << u"control character"_s;
    QTest::newRow("an invalid escape") << QByteArray(R"({"a":"\q"})") << u"invalid escape"_s;
    QTest::newRow("a short unicode escape") << QByteArray(R"({"a":"\u12"})") << u"\\u escape"_s;
    QTest::newRow("a leading zero") << QByteArray(R"({"a":012})") << u"expected ',' or '}'"_s;
    QTest::newRow("a bare minus") << QByteArray(R"({"a":-})") << u"invalid value"_s;
    QTest::newRow("a number too large") << QByteArray(R"({"a":1e999})") << u"out of range"_s;
    QTest::newRow("text after the value") << QByteArray("{} {}") << u"after the value"_s;
    QTest::newRow("an unterminated string") << QByteArray(R"({"a":"x)") << u"unterminated"_s;
    QTest::newRow("a misspelt literal") << QByteArray(R"({"a":tru})") << u"invalid literal"_s;
    QTest::newRow("nesting deeper than the limit")
        << QByteArray(40, '[') + QByteArray(40, ']') << u"nested too deeply"_s;
}

void tst_JsonView::invalidDocumentsAreRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    QString error;
    QVERIFY(!JsonView::parse(text, &error).has_value());
    QVERIFY2(error.contains(problem), qPrintable(error));
}

void tst_JsonView::stringsAreUnescaped()
{
    const QByteArray text = R"({"s":"a\"b\\c\/d\n\u00e9\ud83c\udf7d","k\u0065y":"plain ✓"})";
    auto view = JsonView::parse(text);
    QVERIFY(view);
    const JsonView::Value &root = view->root();
    QCOMPARE(root.count, 2);
    QCOMPARE(view->string(view->value(view->member(root, 0).value)), u"a\"b\\c/d\né\U0001F37D"_s);
    QCOMPARE(view->key(view->member(root, 1)), u"key"_s);
    QVERIFY(view->keyEquals(view->member(root, 1), "key"_L1));
    QCOMPARE(view->string(view->value(view->member(root, 1).value)), u"plain ✓"_s);
}

// U+FEFF is also the byte order mark, which QString::fromUtf8 drops at the
// start of what it decodes; as a string's character it stays (found by
// fuzz_eventencoder).
void tst_JsonView::aLeadingZeroWidthNoBreakSpaceIsKept_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const QString bom(QChar(0xFEFF));
    QTest::newRow("at the start of a plain string") << QByteArray("{\"s\":\"\xEF\xBB\xBF"
                                                                  "a\"}")
                                                    << bom + u"a"_s;
    QTest::newRow("right after an escape")
        << QByteArray("{\"s\":\"\\u0002\xEF\xBB\xBF\xEF\xBF\xBF\"}")
        << QChar(2) + bom + QChar(0xFFFF);
    QTest::newRow("twice at the start")
        << QByteArray("{\"s\":\"\xEF\xBB\xBF\xEF\xBB\xBF\"}") << bom + bom;
    QTest::newRow("alone") << QByteArray("{\"s\":\"\xEF\xBB\xBF\"}") << bom;
}

void tst_JsonView::aLeadingZeroWidthNoBreakSpaceIsKept()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    auto view = JsonView::parse(text);
    QVERIFY(view);
    QCOMPARE(view->string(view->value(view->member(view->root(), 0).value)), expected);
}

void tst_JsonView::readerNamesTheFieldPath()
{
    const QByteArray text = R"({"slot":{"from":"2026-12-01T19:00:00Z","to":7}})";
    auto view = JsonView::parse(text);
    QVERIFY(view);
    JsonReader reader(*view, u"booking");
    auto inner = reader.object("slot"_L1);
    QVERIFY(inner);
    QVERIFY(inner->dateTime("from"_L1));
    QVERIFY(!inner->string("to"_L1));
    QCOMPARE(reader.finish().value_or(QString()), u"booking.slot.to: expected a string"_s);
}

void tst_JsonView::readerReadsUtcTimesInEveryForm_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime sevenPm(QDate(2026, 12, 1), QTime(19, 0), Qt::UTC);
    QTest::newRow("UTC with Z") << QByteArray("2026-12-01T19:00:00Z") << sevenPm;
    QTest::newRow("an offset east") << QByteArray("2026-12-01T20:00:00+01:00") << sevenPm;
    QTest::newRow("an offset west") << QByteArray("2026-12-01T14:00:00-05:00") << sevenPm;
    QTest::newRow("no offset") << QByteArray("2026-12-01T19:00:00") << QDateTime();
    QTest::newRow("an impossible date") << QByteArray("2026-02-30T19:00:00Z") << QDateTime();
    QTest::newRow("an impossible hour") << QByteArray("2026-12-01T25:00:00Z") << QDateTime();
}

void tst_JsonView::readerReadsUtcTimesInEveryForm()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QByteArray document = "{\"at\":\"" + text + "\"}";
    auto view = JsonView::parse(document);
    QVERIFY(view);
    JsonReader reader(*view, u"event");
    auto moment = reader.dateTime("at"_L1);
    QCOMPARE(moment.has_value(), expected.isValid());
    if (moment)
        QCOMPARE(*moment, expected);
}

// What the projections read: a member by key, and its text as written
// (numbers exactly, strings with their escapes).
void tst_JsonView::findAndRawReadMembersAsWritten()
{
    const auto view = JsonView::parse(R"({"n":1234567890123,"s":"a\"b","o":{"in":true}})");
    QVERIFY(view);
    const JsonView::Value *number = view->find(view->root(), "n"_L1);
    QVERIFY(number);
    QCOMPARE(number->kind, JsonView::Kind::Number);
    QCOMPARE(view->raw(*number), QByteArrayView("1234567890123"));
    const JsonView::Value *text = view->find(view->root(), "s"_L1);
    QVERIFY(text);
    QCOMPARE(view->raw(*text), QByteArrayView(R"(a\"b)"));
    QCOMPARE(view->string(*text), u"a\"b"_s);
    QVERIFY(!view->find(view->root(), "in"_L1)); // only the object's own members
    const JsonView::Value *inner = view->find(view->root(), "o"_L1);
    QVERIFY(inner);
    QVERIFY(view->find(*inner, "in"_L1));
    QVERIFY(!view->find(view->root(), "missing"_L1));
}

void tst_JsonView::parseUtcSecondsReadsOnlyTheCodecsForm_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("moment");
    const QDateTime invalid;
    QTest::newRow("the codec's form")
        << QByteArray("2026-12-01T19:00:05Z")
        << QDateTime(QDate(2026, 12, 1), QTime(19, 0, 5), QTimeZone::utc());
    QTest::newRow("a leap day") << QByteArray("2028-02-29T00:00:00Z")
                                << QDateTime(QDate(2028, 2, 29), QTime(0, 0), QTimeZone::utc());
    QTest::newRow("no such day") << QByteArray("2026-02-30T10:00:00Z") << invalid;
    QTest::newRow("no such hour") << QByteArray("2026-12-01T24:00:00Z") << invalid;
    QTest::newRow("a bad year") << QByteArray("2a26-12-01T19:00:00Z") << invalid;
    QTest::newRow("an offset instead of Z") << QByteArray("2026-12-01T19:00:00+01:00") << invalid;
    QTest::newRow("milliseconds") << QByteArray("2026-12-01T19:00:00.000Z") << invalid;
    QTest::newRow("empty") << QByteArray() << invalid;
}

void tst_JsonView::parseUtcSecondsReadsOnlyTheCodecsForm()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, moment);
    const std::optional<QDateTime> read = JsonView::parseUtcSeconds(text);
    QCOMPARE(read.has_value(), moment.isValid());
    if (read)
        QCOMPARE(*read, moment);
}

QTEST_GUILESS_MAIN(tst_JsonView)
#include "tst_jsonview.moc"
