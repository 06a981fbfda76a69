#include "readmodel/GuestSearch.h"

using namespace Qt::StringLiterals;

namespace hoststand::GuestSearch {

QString foldedText(const QString &guestName, const QString &phone)
{
    return guestName.toCaseFolded() + u'\n' + phone.toCaseFolded();
}

QString digits(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        if (c.isDigit())
            result.append(c);
    }
    return result;
}

QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped.append(u'%');
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'!')
            escaped.append(u'!');
        escaped.append(c);
    }
    escaped.append(u'%');
    return escaped;
}

} // namespace hoststand::GuestSearch
