#pragma once

#include <QColor>
#include <QIconEngine>

#include <optional>

namespace hoststand::ui {

// Draws one of the application's line icons (resources/icons) in a colour
// taken from the palette at paint time, so the icons stay readable in dark
// and light themes, and renders the SVG at the size and pixel ratio asked,
// so they stay sharp on high-DPI screens.
class PaletteIconEngine final : public QIconEngine
{
public:
    // ":/icons/<name>.svg" in the palette's button text colour.
    static QIcon icon(const QString &name);
    // The same icon in a fixed colour (the cue painted on a booking).
    static QIcon icon(const QString &name, const QColor &color);

    PaletteIconEngine(QString name, std::optional<QColor> color);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;
    QString iconName() override;

private:
    QColor colorFor(QIcon::Mode mode) const;

    QString m_name;
    std::optional<QColor> m_color;
};

} // namespace hoststand::ui
