#include "domain/contracts/NaturalOrder.h"

namespace hoststand {
namespace {

// Only ASCII digits make a number: another script's digits compared as
// characters keep the order strict (a digit of one script would otherwise
// be a number beside letters that sort between it and the ASCII digits).
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The digits starting at i, as a number's text without leading zeros.
QStringView numberAt(QStringView text, qsizetype &i)
{
    qsizetype begin = i;
    while (i < text.size() && isDigit(text.at(i)))
        ++i;
    while (begin < i - 1 && text.at(begin) == u'0')
        ++begin;
    return text.mid(begin, i - begin);
}

} // namespace

int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a.at(i)) && isDigit(b.at(j))) {
            const QStringView x = numberAt(a, i);
            const QStringView y = numberAt(b, j);
            if (x.size() != y.size())
                return x.size() < y.size() ? -1 : 1;
            if (const int order = x.compare(y); order != 0)
                return order < 0 ? -1 : 1;
            continue;
        }
        const QChar x = a.at(i).toCaseFolded();
        const QChar y = b.at(j).toCaseFolded();
        if (x != y)
            return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    return j < b.size() ? -1 : 0;
}

bool naturalLess(QStringView a, QStringView b)
{
    const int order = naturalCompare(a, b);
    return order != 0 ? order < 0 : a < b;
}

} // namespace hoststand
