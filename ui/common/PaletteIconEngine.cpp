#include "ui/common/PaletteIconEngine.h"

#include "ui/common/UiResources.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// The one colour the icons are drawn in (resources/icons).
constexpr QByteArrayView DrawnColor = "#37474f";

const QByteArray &svgOf(const QString &name)
{
    static QHash<QString, QByteArray> loaded;
    auto it = loaded.find(name);
    if (it == loaded.end()) {
        initUiResources();
        QFile file(u":/icons/%1.svg"_s.arg(name));
        it = loaded.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return *it;
}

} // namespace

QIcon PaletteIconEngine::icon(const QString &name)
{
    return QIcon(new PaletteIconEngine(name, std::nullopt));
}

QIcon PaletteIconEngine::icon(const QString &name, const QColor &color)
{
    return QIcon(new PaletteIconEngine(name, color));
}

PaletteIconEngine::PaletteIconEngine(QString name, std::optional<QColor> color)
    : m_name(std::move(name))
    , m_color(std::move(color))
{ }

QColor PaletteIconEngine::colorFor(QIcon::Mode mode) const
{
    if (m_color)
        return *m_color;
    const QPalette palette = QGuiApplication::palette();
    if (mode == QIcon::Disabled)
        return palette.color(QPalette::Disabled, QPalette::ButtonText);
    if (mode == QIcon::Selected)
        return palette.color(QPalette::HighlightedText);
    return palette.color(QPalette::ButtonText);
}

// Through the pixmap cache: the grid paints the same few marks hundreds of
// times a frame, and parsing an SVG each time would dominate its repaint.
void PaletteIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                              QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
}

QPixmap PaletteIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap PaletteIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State,
                                        qreal scale)
{
    const QColor color = colorFor(mode);
    const QString key = u"hoststand-icon/%1/%2/%3x%4@%5"_s.arg(m_name, color.name(QColor::HexArgb))
                            .arg(size.width())
                            .arg(size.height())
                            .arg(scale);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    QByteArray svg = svgOf(m_name);
    svg.replace(DrawnColor, color.name().toLatin1());
    QSvgRenderer renderer(svg);
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);
    pixmap = QPixmap(size * scale);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        renderer.render(&painter, QRectF(QPointF(), QSizeF(size * scale)));
    }
    pixmap.setDevicePixelRatio(scale);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

QIconEngine *PaletteIconEngine::clone() const
{
    return new PaletteIconEngine(m_name, m_color);
}

QString PaletteIconEngine::key() const
{
    return u"hoststand-palette"_s;
}

QString PaletteIconEngine::iconName()
{
    return m_name;
}

} // namespace hoststand::ui
