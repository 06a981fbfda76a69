#pragma once

#include <QFont>
#include <QHash>
#include <QHashFunctions>
#include <QStaticText>

class QPainter;

namespace hoststand::ui {

// Text the grid paints frame after frame, elided to its width and laid out
// once (QStaticText), and its advances, so that a repaint draws glyphs
// instead of shaping every guest's name again.
class StaticTextCache final
{
public:
    // Draws the text elided to the rectangle's width, aligned in it; returns
    // the width drawn.
    int draw(QPainter &painter, const QRect &rect, const QString &text, const QFont &font,
             Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter);
    // The text's advance in the font, measured once: measuring shapes the
    // text again every time.
    int advance(const QString &text, const QFont &font);
    void clear()
    {
        m_texts.clear();
        m_advances.clear();
    }

private:
    const QStaticText &laidOut(const QString &text, const QFont &font, int width);

    // The font itself rather than its key(), which would build a string at
    // every lookup.
    struct Key
    {
        QString text;
        QFont font;
        int width;
        bool operator==(const Key &other) const
        {
            return width == other.width && text == other.text && font == other.font;
        }
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.font, key.width);
        }
    };
    // A bound that a day of bookings never reaches, so the cache cannot grow without end.
    static constexpr qsizetype MaxTexts = 20000;
    QHash<Key, QStaticText> m_texts;
    QHash<Key, int> m_advances; // width unused
};

} // namespace hoststand::ui
