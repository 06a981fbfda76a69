#include "domain/readmodel/JsonScan.h"

#include <QString>

namespace hoststand::JsonScan {
namespace detail {

std::optional<QByteArrayView> string(Cursor &cursor)
{
    const char *start = cursor.p;
    while (cursor.p < cursor.end && *cursor.p != '"') {
        if (*cursor.p == '\\')
            return std::nullopt; // escapes are left to QJsonDocument
        ++cursor.p;
    }
    if (cursor.p == cursor.end)
        return std::nullopt;
    return QByteArrayView(start, cursor.p++ - start);
}

std::optional<QByteArrayView> nested(Cursor &cursor)
{
    const char *start = cursor.p;
    int depth = 0;
    while (cursor.p < cursor.end) {
        const char c = *cursor.p;
        if (c == '"') {
            ++cursor.p;
            if (!string(cursor))
                return std::nullopt;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return QByteArrayView(start, ++cursor.p - start);
        ++cursor.p;
    }
    return std::nullopt;
}

std::optional<QByteArrayView> scalar(Cursor &cursor)
{
    const char *start = cursor.p;
    while (cursor.p < cursor.end && *cursor.p != ',' && *cursor.p != '}' && *cursor.p != ' '
           && *cursor.p != '\n' && *cursor.p != '\r' && *cursor.p != '\t') {
        if (*cursor.p == '"' || *cursor.p == '{' || *cursor.p == '[')
            return std::nullopt;
        ++cursor.p;
    }
    if (cursor.p == start)
        return std::nullopt;
    return QByteArrayView(start, cursor.p - start);
}

} // namespace detail

static int digits(QByteArrayView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

QDateTime moment(QByteArrayView text)
{
    const bool shaped = text.size() == 20 && text.at(4) == '-' && text.at(7) == '-'
        && text.at(10) == 'T' && text.at(13) == ':' && text.at(16) == ':' && text.at(19) == 'Z';
    if (shaped) {
        const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
        const int hour = digits(text, 11, 2);
        const int minute = digits(text, 14, 2);
        const int second = digits(text, 17, 2);
        if (date.isValid() && QTime::isValid(hour, minute, second)) {
            const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
            const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second;
            return QDateTime::fromMSecsSinceEpoch(seconds * 1000, Qt::UTC);
        }
    }
    return QDateTime::fromString(QString::fromUtf8(text), Qt::ISODate).toUTC();
}

} // namespace hoststand::JsonScan
