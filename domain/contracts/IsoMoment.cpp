#include "domain/contracts/IsoMoment.h"

#include <QString>

namespace hoststand {

static int twoDigits(QByteArrayView text, qsizetype at)
{
    const char a = text[at];
    const char b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9')
        return -1;
    return (a - '0') * 10 + (b - '0');
}

std::optional<QDateTime> parseUtcSeconds(QByteArrayView text)
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

std::optional<QDateTime> parseIsoMoment(QByteArrayView utf8)
{
    if (auto fast = parseUtcSeconds(utf8))
        return fast;
    const QString text = QString::fromUtf8(utf8);
    const QDateTime moment = QDateTime::fromString(text, Qt::ISODate);
    const qsizetype timeAt = text.indexOf(u'T');
    const bool hasOffset = text.endsWith(u'Z') || text.indexOf(u'+', timeAt) > 0
        || (timeAt > 0 && text.indexOf(u'-', timeAt) > 0);
    if (!moment.isValid() || !hasOffset)
        return std::nullopt;
    return moment.toUTC();
}

} // namespace hoststand
