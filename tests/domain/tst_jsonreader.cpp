#include "domain/contracts/IsoMoment.h"
#include "domain/contracts/JsonReader.h"
#include "eventstore/JsonDocument.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hoststand;

class tst_JsonReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerNamesTheFieldPath_data();
    void readerNamesTheFieldPath();
    void wholeNumbersAreReadExactly_data();
    void wholeNumbersAreReadExactly();
    void readerReadsUtcTimesInEveryForm_data();
    void readerReadsUtcTimesInEveryForm();
    void parseUtcSecondsReadsOnlyTheCodecsForm_data();
    void parseUtcSecondsReadsOnlyTheCodecsForm();
};

// A reader of text's root object, named "event"; the document outlives it.
struct Read
{
    explicit Read(const QByteArray &text)
    {
        const std::optional<QString> problem = document.parse(text);
        if (problem)
            qFatal("not a document: %s", qPrintable(*problem));
        reader.emplace(document.root(), u"event");
    }
    JsonDocument document;
    std::optional<JsonReader> reader;
};

// Each row reads the document's fields the way a decoder does and names
// the first error, with the field's path.
void tst_JsonReader::readerNamesTheFieldPath_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("every field read well")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z","to":"2026-12-01T20:00:00Z"},)"
                      R"("list":[{"n":1},{"n":2}],"names":["a","b"]})")
        << QString();
    QTest::newRow("a field of the wrong type")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z","to":7},"list":[],"names":[]})")
        << u"event.slot.to: expected a string"_s;
    QTest::newRow("a missing field")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z"},"list":[],"names":[]})")
        << u"event.slot.to: missing"_s;
    QTest::newRow("an unknown field in an element of an array")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z","to":"2026-12-01T20:00:00Z"},)"
                      R"("list":[{"n":1},{"n":2,"extra":true}],"names":[]})")
        << u"event.list[1].extra: unknown field"_s;
    QTest::newRow("an unknown field at the root")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z","to":"2026-12-01T20:00:00Z"},)"
                      R"("list":[],"names":[],"\u00e9t\u00e9":1})")
        << u"event.été: unknown field"_s;
    QTest::newRow("a list of strings holding a number")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z","to":"2026-12-01T20:00:00Z"},)"
                      R"("list":[],"names":["a",1]})")
        << u"event.names: expected an array of strings"_s;
    QTest::newRow("a list of objects holding null")
        << QByteArray(R"({"slot":{"from":"2026-12-01T19:00:00Z","to":"2026-12-01T20:00:00Z"},)"
                      R"("list":[null],"names":[]})")
        << u"event.list: expected an array of objects"_s;
    QTest::newRow("null for an object") << QByteArray(R"({"slot":null,"list":[],"names":[]})")
                                        << u"event.slot: expected an object"_s;
    QTest::newRow("an array at the root") << QByteArray("[]") << u"event: expected a JSON object"_s;
    QByteArray many = "{";
    for (int i = 0; i <= JsonReader::MaxFields; ++i)
        many += (i ? ",\"f" : "\"f") + QByteArray::number(i) + "\":1";
    QTest::newRow("more fields than an object holds") << many + "}" << u"event: too many fields"_s;
}

void tst_JsonReader::readerNamesTheFieldPath()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    Read read(text);
    JsonReader &reader = *read.reader;
    if (auto slot = reader.object("slot"_L1)) {
        slot->dateTime("from"_L1);
        slot->string("to"_L1);
        slot->finish();
    }
    if (auto list = reader.objects("list"_L1)) {
        for (JsonReader &item : *list) {
            item.integer("n"_L1);
            item.finish();
        }
    }
    reader.stringList("names"_L1);
    QCOMPARE(reader.finish().value_or(QString()), error);
}

void tst_JsonReader::wholeNumbersAreReadExactly_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<qint64>("value");
    QTest::newRow("an integer") << QByteArray("42") << true << qint64(42);
    QTest::newRow("minus zero") << QByteArray("-0") << true << qint64(0);
    QTest::newRow("a whole number with a fraction part") << QByteArray("2.0") << true << qint64(2);
    QTest::newRow("a whole number with an exponent") << QByteArray("2e3") << true << qint64(2000);
    QTest::newRow("2^53, the last a double holds exactly")
        << QByteArray("9007199254740992") << true << qint64(9007199254740992);
    QTest::newRow("-2^53") << QByteArray("-9007199254740992") << true << qint64(-9007199254740992);
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << false << qint64(0);
    QTest::newRow("an unsigned 64-bit integer")
        << QByteArray("18446744073709551615") << false << qint64(0);
    QTest::newRow("a fraction") << QByteArray("2.5") << false << qint64(0);
    QTest::newRow("a large double") << QByteArray("1e300") << false << qint64(0);
}

void tst_JsonReader::wholeNumbersAreReadExactly()
{
    QFETCH(QByteArray, number);
    QFETCH(bool, whole);
    QFETCH(qint64, value);
    Read read("{\"n\":" + number + "}");
    const std::optional<qint64> read64 = read.reader->integer("n"_L1);
    QCOMPARE(read64.has_value(), whole);
    if (whole)
        QCOMPARE(*read64, value);
    else
        QCOMPARE(read.reader->finish().value_or(QString()), u"event.n: expected a whole number"_s);
    Read again("{\"n\":" + number + "}");
    QCOMPARE(again.reader->number("n"_L1).value_or(-1), number.toDouble());
}

void tst_JsonReader::readerReadsUtcTimesInEveryForm_data()
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

void tst_JsonReader::readerReadsUtcTimesInEveryForm()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    Read read("{\"at\":\"" + text + "\"}");
    auto moment = read.reader->dateTime("at"_L1);
    QCOMPARE(moment.has_value(), expected.isValid());
    QCOMPARE(parseIsoMoment(text).has_value(), expected.isValid());
    if (moment) {
        QCOMPARE(*moment, expected);
        QCOMPARE(*parseIsoMoment(text), expected);
    }
}

void tst_JsonReader::parseUtcSecondsReadsOnlyTheCodecsForm_data()
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

void tst_JsonReader::parseUtcSecondsReadsOnlyTheCodecsForm()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, moment);
    const std::optional<QDateTime> read = parseUtcSeconds(text);
    QCOMPARE(read.has_value(), moment.isValid());
    if (read)
        QCOMPARE(*read, moment);
}

QTEST_GUILESS_MAIN(tst_JsonReader)
#include "tst_jsonreader.moc"
