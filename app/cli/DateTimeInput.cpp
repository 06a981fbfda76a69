#include "app/cli/DateTimeInput.h"

#include "domain/booker/RestaurantSettings.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace hoststand::cli {

std::optional<DateTimeInput> DateTimeInput::parse(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(Z|([+-])(\\d{2}):?(\\d{2}))?$"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const std::optional<QDate> date = parseDate(match.captured(1));
    const QTime time(match.captured(2).toInt(), match.captured(3).toInt(),
                     match.captured(4).toInt());
    if (!date || !time.isValid())
        return std::nullopt;
    std::optional<int> offset;
    if (match.captured(5) == u"Z"_s) {
        offset = 0;
    } else if (match.hasCaptured(6)) {
        const int hours = match.captured(7).toInt();
        const int minutes = match.captured(8).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        const int sign = match.captured(6) == u"-"_s ? -1 : 1;
        offset = sign * (hours * 3600 + minutes * 60);
    }
    return DateTimeInput(*date, time, offset);
}

std::optional<QDate> DateTimeInput::parseDate(const QString &text)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() ? std::optional(date) : std::nullopt;
}

std::optional<QTime> DateTimeInput::parseClock(const QString &text)
{
    static const QRegularExpression pattern(u"^\\d{2}:\\d{2}$"_s);
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QTime time = QTime::fromString(text, u"HH:mm"_s);
    return time.isValid() ? std::optional(time) : std::nullopt;
}

DomainResult<QDateTime> DateTimeInput::resolve(const booker::RestaurantSettings &settings) const
{
    if (m_offsetSeconds)
        return QDateTime(m_date, m_time, QTimeZone(*m_offsetSeconds)).toUTC();
    return settings.wallClock().moment(m_date, m_time);
}

} // namespace hoststand::cli
