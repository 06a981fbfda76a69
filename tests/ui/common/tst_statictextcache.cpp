#include "ui/common/StaticTextCache.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace Qt::StringLiterals;
using hoststand::ui::StaticTextCache;

// The grid's text, laid out once: a struck-out name (a no-show) keeps its
// line on the name at every pixel ratio. QStaticText's own strike-out line
// ignores the painter's scale, and on a screen of two device pixels a
// point it landed in another table's row.
class tst_StaticTextCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStruckOutNameKeepsItsLineOnTheName_data();
    void aStruckOutNameKeepsItsLineOnTheName();
};

void tst_StaticTextCache::aStruckOutNameKeepsItsLineOnTheName_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("one device pixel a point") << qreal(1);
    QTest::newRow("two device pixels a point") << qreal(2);
}

void tst_StaticTextCache::aStruckOutNameKeepsItsLineOnTheName()
{
    QFETCH(qreal, ratio);
    QImage image(QSize(400, 200) * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QFont font;
    font.setPixelSize(14);
    font.setStrikeOut(true);
    const QRect rect(20, 60, 300, 30);
    const QString name = u"Fischer (3)"_s;
    StaticTextCache texts;
    QPainter painter(&image);
    painter.setPen(Qt::black);
    const int drawn = texts.draw(painter, rect, name, font);
    painter.end();
    QVERIFY(drawn > 0);

    const QRect inDevicePixels(rect.topLeft() * ratio, rect.size() * ratio);
    int longestRun = 0;
    for (int y = 0; y < image.height(); ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == qRgb(255, 255, 255)) {
                run = 0;
                continue;
            }
            QVERIFY2(inDevicePixels.contains(x, y),
                     qPrintable(u"a pixel drawn at %1,%2, outside the name's %3,%4 %5x%6"_s.arg(x)
                                    .arg(y)
                                    .arg(inDevicePixels.x())
                                    .arg(inDevicePixels.y())
                                    .arg(inDevicePixels.width())
                                    .arg(inDevicePixels.height())));
            longestRun = std::max(longestRun, ++run);
        }
    }
    // The line runs across the whole name.
    QVERIFY2(longestRun >= drawn * ratio * 0.9,
             qPrintable(u"the longest line is %1 device pixels, the name %2"_s.arg(longestRun)
                            .arg(drawn * ratio)));
}

QTEST_MAIN(tst_StaticTextCache)
#include "tst_statictextcache.moc"
