#include "domain/contracts/NaturalOrder.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace hoststand;

// Names with numbers in the order people read them.
class tst_NaturalOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparing_data();
    void comparing();
    void sortingIsTheSameEveryTime();
    void manyNamesInAnyScriptSortStrictly();
};

void tst_NaturalOrder::comparing_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order");

    QTest::newRow("numbers by value") << u"T5"_s << u"T26"_s << -1;
    QTest::newRow("numbers by value, the other way") << u"T26"_s << u"T5"_s << 1;
    QTest::newRow("one number is the other") << u"T12"_s << u"T12"_s << 0;
    QTest::newRow("leading zeros do not count") << u"T05"_s << u"T5"_s << 0;
    QTest::newRow("letters without regard to case") << u"t5"_s << u"T5"_s << 0;
    QTest::newRow("letters before the number") << u"Bar 2"_s << u"Terrace 1"_s << -1;
    QTest::newRow("a prefix first") << u"T"_s << u"T1"_s << -1;
    QTest::newRow("several numbers") << u"T1-10"_s << u"T1-9"_s << 1;
    QTest::newRow("a number longer than 64 bits")
        << u"T123456789012345678901234567890"_s << u"T123456789012345678901234567891"_s << -1;
    QTest::newRow("empty names") << QString() << QString() << 0;
    QTest::newRow("empty before any") << QString() << u"0"_s << -1;
}

void tst_NaturalOrder::comparing()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);
    QCOMPARE(naturalCompare(a, b), order);
    QCOMPARE(naturalCompare(b, a), -order);
}

// Names naturally equal fall back to their text: the order is strict and
// does not depend on where the sort started.
void tst_NaturalOrder::sortingIsTheSameEveryTime()
{
    const QStringList expected {u"T1"_s, u"T05"_s, u"T5"_s, u"t5"_s, u"T10"_s, u"T26"_s};
    QStringList names = expected;
    std::sort(names.begin(), names.end());
    do {
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), naturalLess);
        QCOMPARE(sorted, expected);
    } while (std::next_permutation(names.begin(), names.end()));
}

// Zones are free text: digits of other scripts, letters beyond ASCII and
// more names than a short sort's insertion pass. The order must be strict
// and transitive for every triple, or std::sort is undefined.
void tst_NaturalOrder::manyNamesInAnyScriptSortStrictly()
{
    const QStringList names {
        u"Zone \u0665"_s,       u"Zone 10"_s,    u"Zone x"_s,      u"Zone 5"_s,
        u"Zone \uff15"_s,       u"zone 05"_s,    u"Zone"_s,        u"Zone 2b"_s,
        u"Zone 2a"_s,           u"Terrasse 3"_s, u"Terrasse 12"_s, u"\u00c9tage 1"_s,
        u"Etage 1"_s,           u"Bar"_s,        u"bar 9"_s,       u"Bar 10"_s,
        u"Zone \u0661\u0660"_s, u"Zone 100"_s,   u"Zone 099"_s,    QString()};
    for (const QString &a : names) {
        QVERIFY2(!naturalLess(a, a), qPrintable(a));
        for (const QString &b : names) {
            if (naturalLess(a, b))
                QVERIFY2(!naturalLess(b, a), qPrintable(a + u" / "_s + b));
            for (const QString &c : names) {
                if (naturalLess(a, b) && naturalLess(b, c))
                    QVERIFY2(naturalLess(a, c), qPrintable(a + u" < "_s + b + u" < "_s + c));
            }
        }
    }
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), naturalLess);
    QVERIFY(std::is_sorted(sorted.begin(), sorted.end(), naturalLess));
    QVERIFY(sorted.indexOf(u"Zone 5"_s) < sorted.indexOf(u"Zone 10"_s));
}

QTEST_GUILESS_MAIN(tst_NaturalOrder)
#include "tst_naturalorder.moc"
