#include "ui/common/StaticTextCache.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hoststand::ui {

const QStaticText &StaticTextCache::laidOut(const QString &text, const QFont &font, int width)
{
    Key key {text, font, width};
    auto it = m_texts.find(key);
    if (it != m_texts.end())
        return *it;
    if (m_texts.size() >= MaxTexts)
        m_texts.clear();
    QStaticText laid(QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
    laid.setTextFormat(Qt::PlainText);
    laid.setPerformanceHint(QStaticText::AggressiveCaching);
    laid.prepare(QTransform(), font);
    return *m_texts.insert(std::move(key), laid);
}

int StaticTextCache::advance(const QString &text, const QFont &font)
{
    Key key {text, font, 0};
    auto it = m_advances.find(key);
    if (it != m_advances.end())
        return *it;
    if (m_advances.size() >= MaxTexts)
        m_advances.clear();
    const int width = QFontMetrics(font).horizontalAdvance(text);
    m_advances.insert(std::move(key), width);
    return width;
}

int StaticTextCache::draw(QPainter &painter, const QRect &rect, const QString &text,
                          const QFont &font, Qt::Alignment alignment)
{
    if (rect.width() <= 0 || text.isEmpty())
        return 0;
    // QStaticText places a font's strike-out line in device pixels without
    // the painter's scale: on a screen of two device pixels a point, a
    // no-show's line lands in another table's row. It is drawn here.
    const QFont *shown = &font;
    QFont unstruck;
    if (font.strikeOut()) {
        unstruck = font;
        unstruck.setStrikeOut(false);
        shown = &unstruck;
    }
    const QStaticText &laid = laidOut(text, *shown, rect.width());
    const QSizeF size = laid.size();
    qreal x = rect.left();
    if (alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - size.width()) / 2;
    else if (alignment & Qt::AlignRight)
        x = rect.right() + 1 - size.width();
    qreal y = rect.top() + (rect.height() - size.height()) / 2;
    if (alignment & Qt::AlignTop)
        y = rect.top();
    else if (alignment & Qt::AlignBottom)
        y = rect.bottom() + 1 - size.height();
    painter.setFont(*shown);
    painter.drawStaticText(QPointF(x, y), laid);
    if (font.strikeOut()) {
        const QFontMetricsF metrics(font);
        const qreal thickness = std::max<qreal>(1, metrics.lineWidth());
        const qreal line = y + metrics.ascent() - metrics.strikeOutPos() - thickness / 2;
        painter.fillRect(QRectF(x, line, size.width(), thickness), painter.pen().color());
    }
    return int(std::ceil(size.width()));
}

} // namespace hoststand::ui
