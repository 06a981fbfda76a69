#include "ui/common/StaticTextCache.h"

#include <QFontMetrics>
#include <QPainter>

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
    const QStaticText &laid = laidOut(text, font, rect.width());
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
    painter.setFont(font);
    painter.drawStaticText(QPointF(x, y), laid);
    return int(std::ceil(size.width()));
}

} // namespace hoststand::ui
