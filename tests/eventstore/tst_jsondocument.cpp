#include "eventstore/JsonDocument.h"

#include <QtTest>

#include <simdjson.h>

#include <thread>

using namespace Qt::StringLiterals;
using namespace hoststand;

class tst_JsonDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentsAreRead_data();
    void documentsAreRead();
    void whatIsNotADocumentIsRefused_data();
    void whatIsNotADocumentIsRefused();
    void nestingIsLimited();
    void stringsAreUnescaped();
    void aLeadingZeroWidthNoBreakSpaceIsKept_data();
    void aLeadingZeroWidthNoBreakSpaceIsKept();
    void textWithRoomAfterItIsReadInPlaceAndOtherTextCopied();
    void anObjectWithManyKeysIsCheckedForKeysTwice();
    void aMovedDocumentCanBeUsedAgain();
    void aDocumentIsReusedAndAFailedParseLeavesNoRoot();
    void threadsReadAtOnce();
    void jsonObjectProblemSaysWhatIsWrong_data();
    void jsonObjectProblemSaysWhatIsWrong();
};

// What is wrong with text by every rule, the one on keys too.
static QString parseProblem(const QByteArray &text)
{
    JsonDocument document;
    if (auto problem = document.parse(text))
        return *problem;
    return document.repeatedKeyProblem().value_or(QString());
}

void tst_JsonDocument::documentsAreRead_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("an empty object") << QByteArray("{}");
    QTest::newRow("an object with spaces around") << QByteArray(" \n{ \"a\" : 1 }\t");
    QTest::newRow("nested objects and arrays")
        << QByteArray(R"({"a":{"b":[1,2,{"c":null}]},"d":[]})");
    QTest::newRow("every scalar") << QByteArray(R"({"t":true,"f":false,"n":null,"x":-0.5e3})");
    QTest::newRow("a scalar document") << QByteArray("42");
    QTest::newRow("the same key in two objects") << QByteArray(R"({"a":{"a":1},"b":[{"a":2}]})");
    QTest::newRow("the largest 64-bit integers")
        << QByteArray(R"({"u":18446744073709551615,"l":-9223372036854775808})");
    QTest::newRow("an escaped NUL") << QByteArray(R"({"a":"\u0000"})");
    QTest::newRow("keys that differ only after an escape") << QByteArray(R"({"a\n":1,"a\t":2})");
}

void tst_JsonDocument::documentsAreRead()
{
    QFETCH(QByteArray, text);
    QCOMPARE(parseProblem(text), QString());
}

void tst_JsonDocument::whatIsNotADocumentIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");
    QTest::newRow("nothing") << QByteArray("") << u"it is empty"_s;
    QTest::newRow("only spaces") << QByteArray("  \n") << u"it is empty"_s;
    QTest::newRow("a trailing comma") << QByteArray(R"({"a":1,})") << u"not valid JSON"_s;
    QTest::newRow("a key twice") << QByteArray(R"({"a":1,"a":2})") << u"key \"a\" twice"_s;
    QTest::newRow("a key twice in a nested object")
        << QByteArray(R"({"o":{"b":1,"c":2,"b":3}})") << u"key \"b\" twice"_s;
    QTest::newRow("a key twice in an object in an array")
        << QByteArray(R"({"l":[{},{"x":1,"x":1}]})") << u"key \"x\" twice"_s;
    QTest::newRow("a key twice, once escaped")
        << QByteArray(R"({"key":1,"k\u0065y":2})") << u"key \"key\" twice"_s;
    QTest::newRow("a single-quoted key") << QByteArray("{'a':1}") << u"not valid JSON"_s;
    QTest::newRow("a control character in a string")
        << QByteArray("{\"a\":\"x\ty\"}") << u"control character"_s;
    QTest::newRow("an invalid escape") << QByteArray(R"({"a":"\q"})") << u"bad escape"_s;
    QTest::newRow("a short unicode escape") << QByteArray(R"({"a":"\u12"})") << u"bad escape"_s;
    QTest::newRow("an unpaired high surrogate")
        << QByteArray(R"({"a":"\ud800"})") << u"unpaired surrogate"_s;
    QTest::newRow("an unpaired low surrogate")
        << QByteArray(R"({"a":"\udc00x"})") << u"unpaired surrogate"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\"}") << u"UTF-8"_s;
    QTest::newRow("an overlong UTF-8 encoding") << QByteArray("{\"a\":\"\xc0\xaf\"}") << u"UTF-8"_s;
    QTest::newRow("a UTF-8 encoded surrogate")
        << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << u"UTF-8"_s;
    QTest::newRow("a leading zero") << QByteArray(R"({"a":012})") << u"number"_s;
    QTest::newRow("a bare minus") << QByteArray(R"({"a":-})") << u"number"_s;
    QTest::newRow("a number too large for a double")
        << QByteArray(R"({"a":1e999})") << u"out of range"_s;
    QTest::newRow("an integer beyond 64 bits")
        << QByteArray(R"({"a":18446744073709551616})") << u"out of range"_s;
    QTest::newRow("a negative integer beyond 64 bits")
        << QByteArray(R"({"a":-9223372036854775809})") << u"out of range"_s;
    QTest::newRow("text after the value") << QByteArray("{} {}") << u"not valid JSON"_s;
    QTest::newRow("an unterminated string") << QByteArray(R"({"a":"x)") << u"not closed"_s;
    QTest::newRow("a misspelt literal") << QByteArray(R"({"a":tru})") << u"not valid JSON"_s;
    QTest::newRow("a byte order mark before the value")
        << QByteArray("\xEF\xBB\xBF{}") << u"not valid JSON"_s;
    QTest::newRow("a NUL byte after the value") << QByteArray("{}\0"_ba) << u"not valid JSON"_s;
}

void tst_JsonDocument::whatIsNotADocumentIsRefused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    const QString found = parseProblem(text);
    QVERIFY2(found.contains(problem), qPrintable(found));
}

// 32 empty arrays inside each other are read, 33 are not, nor 33 objects;
// an event is nested 3 deep.
void tst_JsonDocument::nestingIsLimited()
{
    const int limit = JsonDocument::MaxDepth;
    QCOMPARE(parseProblem(QByteArray(limit, '[') + QByteArray(limit, ']')), QString());
    QVERIFY(parseProblem(QByteArray(limit + 1, '[') + QByteArray(limit + 1, ']'))
                .contains(u"nested more than 32 deep"_s));
    QByteArray objects;
    for (int i = 0; i < limit + 1; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(limit + 1, '}');
    QVERIFY(parseProblem(objects).contains(u"nested more than"_s));
}

void tst_JsonDocument::stringsAreUnescaped()
{
    JsonDocument document;
    const QByteArray text = R"({"s":"a\"b\\c\/d\n\u00e9\ud83c\udf7d","k\u0065y":"plain ✓"})";
    QCOMPARE(document.parse(text).value_or(QString()), QString());
    QVERIFY(document.isObject());
    const simdjson::dom::object root = document.root().get_object().value_unsafe();
    QCOMPARE(root.size(), size_t(2));
    std::string_view s;
    QCOMPARE(root.at_key("s").get(s), simdjson::SUCCESS);
    QCOMPARE(JsonDocument::toQString(s), u"a\"b\\c/d\né\U0001F37D"_s);
    std::string_view plain;
    QCOMPARE(root.at_key("key").get(plain), simdjson::SUCCESS);
    QCOMPARE(JsonDocument::toQString(plain), u"plain ✓"_s);
}

// U+FEFF is also the byte order mark, which QString::fromUtf8 drops at the
// start of what it decodes; as a string's character it stays (found by
// fuzz_eventencoder).
void tst_JsonDocument::aLeadingZeroWidthNoBreakSpaceIsKept_data()
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
    QTest::newRow("escaped at the start") << QByteArray(R"({"s":"\ufeffa"})") << bom + u"a"_s;
    QTest::newRow("twice at the start")
        << QByteArray("{\"s\":\"\xEF\xBB\xBF\xEF\xBB\xBF\"}") << bom + bom;
    QTest::newRow("alone") << QByteArray("{\"s\":\"\xEF\xBB\xBF\"}") << bom;
}

void tst_JsonDocument::aLeadingZeroWidthNoBreakSpaceIsKept()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    JsonDocument document;
    QCOMPARE(document.parse(text).value_or(QString()), QString());
    std::string_view s;
    QCOMPARE(document.root().at_key("s").get(s), simdjson::SUCCESS);
    QCOMPARE(JsonDocument::toQString(s), expected);
}

// Text with room after it is read where it is; text without that room
// (here a view into a larger buffer, whose next bytes would make the text
// invalid) is copied first.
void tst_JsonDocument::textWithRoomAfterItIsReadInPlaceAndOtherTextCopied()
{
    QByteArray roomy;
    roomy.reserve(7 + JsonDocument::Padding);
    roomy.append(R"({"n":1})");
    QVERIFY(roomy.capacity() - roomy.size() >= JsonDocument::Padding);

    JsonDocument document;
    QCOMPARE(document.parse(roomy).value_or(QString()), QString());
    int64_t n = 0;
    QCOMPARE(document.root().at_key("n").get(n), simdjson::SUCCESS);
    QCOMPARE(n, int64_t(1));

    const QByteArray larger = R"({"n":2}{"n":3})";
    const QByteArray view = QByteArray::fromRawData(larger.constData(), 7);
    QCOMPARE(view.capacity(), 0);
    QCOMPARE(document.parse(view).value_or(QString()), QString());
    QCOMPARE(document.root().at_key("n").get(n), simdjson::SUCCESS);
    QCOMPARE(n, int64_t(2));
    QCOMPARE(document.parse(QByteArrayView(larger).first(7)).value_or(QString()), QString());
    QVERIFY(document.parse(larger).has_value());

    // Its front removed, an array has room before it, not after it, though
    // capacity() - size() says otherwise.
    QByteArray moved = QByteArray(100, ' ') + R"({"n":4})";
    moved.remove(0, 100);
    QVERIFY(moved.capacity() - moved.size() >= JsonDocument::Padding);
    QVERIFY(moved.data_ptr().freeSpaceAtEnd() < JsonDocument::Padding);
    QCOMPARE(document.parse(moved).value_or(QString()), QString());
    QCOMPARE(document.root().at_key("n").get(n), simdjson::SUCCESS);
    QCOMPARE(n, int64_t(4));
}

// The rule on keys costs little however many keys an object holds.
void tst_JsonDocument::anObjectWithManyKeysIsCheckedForKeysTwice()
{
    QByteArray many = "{";
    for (int i = 0; i < 50000; ++i)
        many += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
    QCOMPARE(parseProblem(many + "\"last\":0}"), QString());
    QVERIFY(parseProblem(many + "\"k49999\":0}").contains(u"key \"k49999\" twice"_s));
    QVERIFY(parseProblem(many + "\"k7\":0}").contains(u"key \"k7\" twice"_s));
}

void tst_JsonDocument::aMovedDocumentCanBeUsedAgain()
{
    JsonDocument first;
    QCOMPARE(first.parse(QByteArray(R"({"a":1})")).value_or(QString()), QString());
    JsonDocument second(std::move(first));
    QVERIFY(second.isObject());
    QVERIFY(!first.isObject()); // NOLINT(bugprone-use-after-move): what is left
    QCOMPARE(first.parse(QByteArray("[2]")).value_or(QString()), QString());
    QVERIFY(!first.isObject());
    QVERIFY(second.isObject());
}

void tst_JsonDocument::aDocumentIsReusedAndAFailedParseLeavesNoRoot()
{
    JsonDocument document;
    QCOMPARE(document.parse(QByteArray(R"({"a":"first"})")).value_or(QString()), QString());
    QCOMPARE(document.parse(QByteArray(R"(["second",)") + QByteArray(5000, ' ') + "2]")
                 .value_or(QString()),
             QString());
    QVERIFY(!document.isObject());
    QCOMPARE(document.root().get_array().value_unsafe().size(), size_t(2));
    QVERIFY(document.parse(QByteArray("{")).has_value());
    QVERIFY(!document.isObject());
    QCOMPARE(document.parse(QByteArray(R"({"a":"third"})")).value_or(QString()), QString());
    std::string_view a;
    QCOMPARE(document.root().at_key("a").get(a), simdjson::SUCCESS);
    QCOMPARE(JsonDocument::toQString(a), u"third"_s);
}

// Each thread parses with a parser of its own.
void tst_JsonDocument::threadsReadAtOnce()
{
    std::atomic<int> wrong = 0;
    const auto read = [&](int id) {
        JsonDocument document;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray text = "{\"id\":" + QByteArray::number(id) + ",\"i\":"
                + QByteArray::number(i) + ",\"pad\":\"" + QByteArray(i % 300, 'x') + "\"}";
            int64_t readId = -1;
            int64_t readI = -1;
            if (document.parse(text) || document.repeatedKeyProblem()
                || document.root().at_key("id").get(readId)
                || document.root().at_key("i").get(readI) || readId != id || readI != i)
                ++wrong;
            if (jsonObjectProblem(text))
                ++wrong;
        }
    };
    std::thread first(read, 1);
    std::thread second(read, 2);
    read(3);
    first.join();
    second.join();
    QCOMPARE(wrong.load(), 0);
}

void tst_JsonDocument::jsonObjectProblemSaysWhatIsWrong_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");
    QTest::newRow("an object") << QByteArray(R"({"a":[1]})") << QString();
    QTest::newRow("an array") << QByteArray("[1,2]") << u"it is not a JSON object"_s;
    QTest::newRow("a string") << QByteArray(R"("text")") << u"it is not a JSON object"_s;
    QTest::newRow("null") << QByteArray("null") << u"it is not a JSON object"_s;
    QTest::newRow("garbage") << QByteArray("{not json") << u"not valid JSON"_s;
    QTest::newRow("a key twice") << QByteArray(R"({"a":1,"a":1})") << u"twice"_s;
}

void tst_JsonDocument::jsonObjectProblemSaysWhatIsWrong()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    const std::optional<QString> found = jsonObjectProblem(text);
    if (problem.isEmpty())
        QCOMPARE(found.value_or(QString()), QString());
    else
        QVERIFY2(found && found->contains(problem), qPrintable(found.value_or(u"none"_s)));
}

QTEST_GUILESS_MAIN(tst_JsonDocument)
#include "tst_jsondocument.moc"
