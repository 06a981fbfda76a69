#pragma once

#include <QHash>
#include <QStaticText>

class QPainter;

namespace hoststand::ui {

// Text the grid paints frame after frame, elided to its width and laid out
// once (QStaticText), so that a repaint draws glyphs instead of shaping
// every guest's name again.
class StaticTextCache final
{
public:
    // Draws the text elided to the rectangle's width, aligned in it; returns
    // the width drawn.
    int draw(QPainter &painter, const QRect &rect, const QString &text, const QFont &font,
             Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter);
    void clear() { m_texts.clear(); }

private:
    const QStaticText &laidOut(const QString &text, const QFont &font, int width);

    // A bound that a day of bookings never reaches, so the cache cannot grow without end.
    static constexpr qsizetype MaxTexts = 20000;
    QHash<QString, QStaticText> m_texts;
};

} // namespace hoststand::ui
