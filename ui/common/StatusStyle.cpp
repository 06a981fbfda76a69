#include "ui/common/StatusStyle.h"

#include "ui/common/PaletteIconEngine.h"

#include <QIcon>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

// Near-black or near-white, whichever reads better on the fill.
QColor readableOn(const QColor &fill)
{
    const QColor dark(0x1b, 0x1f, 0x23);
    const QColor light(0xf5, 0xf7, 0xfa);
    return StatusStyle::contrast(dark, fill) >= StatusStyle::contrast(light, fill) ? dark : light;
}

void paintIcon(QPainter &painter, const QRectF &rect, const QString &name, const QColor &color)
{
    PaletteIconEngine::icon(name, color).paint(&painter, rect.toAlignedRect());
}

void paintCheck(QPainter &painter, const QRectF &r, const QColor &color)
{
    QPainterPath path;
    path.moveTo(r.left() + r.width() * 0.18, r.top() + r.height() * 0.55);
    path.lineTo(r.left() + r.width() * 0.42, r.top() + r.height() * 0.78);
    path.lineTo(r.left() + r.width() * 0.84, r.top() + r.height() * 0.25);
    painter.setPen(
        QPen(color, std::max(1.5, r.width() / 8), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
}

// A clock face: waiting for the sagas.
void paintClock(QPainter &painter, const QRectF &r, const QColor &color)
{
    const QRectF face
        = r.adjusted(r.width() * 0.1, r.height() * 0.1, -r.width() * 0.1, -r.height() * 0.1);
    painter.setPen(QPen(color, std::max(1.2, r.width() / 10), Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(face);
    const QPointF centre = face.center();
    painter.drawLine(centre, QPointF(centre.x(), face.top() + face.height() * 0.22));
    painter.drawLine(centre, QPointF(face.right() - face.width() * 0.25, centre.y()));
}

void paintDot(QPainter &painter, const QRectF &r, const QColor &color, bool filled)
{
    const QRectF dot
        = r.adjusted(r.width() * 0.25, r.height() * 0.25, -r.width() * 0.25, -r.height() * 0.25);
    painter.setPen(QPen(color, std::max(1.2, r.width() / 10)));
    painter.setBrush(filled ? QBrush(color) : QBrush(Qt::NoBrush));
    painter.drawEllipse(dot);
}

} // namespace

StatusStyle::StatusStyle(const QPalette &palette)
    : m_dark(palette.color(QPalette::Base).lightnessF() < 0.5)
{
    for (std::size_t status = 0; status < m_bookings.size(); ++status)
        m_bookings[status] = bookingLook(BookingStatus(status));
    for (std::size_t state = 0; state < m_tables.size(); ++state)
        m_tables[state] = tableLook(TableState(state));
}

StatusStyle::Look StatusStyle::booking(BookingStatus status) const
{
    return m_bookings.at(std::size_t(status));
}

StatusStyle::Look StatusStyle::table(TableState state) const
{
    return m_tables.at(std::size_t(state));
}

StatusStyle::Look StatusStyle::tinted(int hue, double saturation) const
{
    const QColor fill = m_dark ? QColor::fromHslF(hue / 360.0, saturation * 0.55, 0.27)
                               : QColor::fromHslF(hue / 360.0, saturation * 0.85, 0.87);
    const QColor border = m_dark ? QColor::fromHslF(hue / 360.0, saturation * 0.7, 0.62)
                                 : QColor::fromHslF(hue / 360.0, saturation * 0.75, 0.38);
    return {fill, border, readableOn(fill)};
}

StatusStyle::Look StatusStyle::bookingLook(BookingStatus status) const
{
    switch (status) {
    case BookingStatus::Initiated:
        return tinted(42, 0.9);
    case BookingStatus::Confirmed:
        return tinted(210, 0.8);
    case BookingStatus::Arrived:
        return tinted(275, 0.6);
    case BookingStatus::Seated:
        return tinted(140, 0.6);
    case BookingStatus::Left:
        return tinted(210, 0.05);
    case BookingStatus::NoShow:
        return tinted(5, 0.7);
    case BookingStatus::Cancelled:
    case BookingStatus::Rejected:
        return tinted(0, 0.0);
    }
    return tinted(0, 0.0);
}

StatusStyle::Look StatusStyle::tableLook(TableState state) const
{
    switch (state) {
    case TableState::Free:
        return tinted(140, 0.45);
    case TableState::BookedSoon:
        return tinted(42, 0.9);
    case TableState::Occupied:
        return tinted(275, 0.6);
    case TableState::Locked:
        return tinted(210, 0.8);
    case TableState::OutOfService:
        return tinted(0, 0.0);
    }
    return tinted(0, 0.0);
}

StatusStyle::Look StatusStyle::conflict() const
{
    Look look = tinted(0, 0.95);
    look.border = m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    return look;
}

QColor StatusStyle::nowLine() const
{
    return m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f);
}

QString StatusStyle::word(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Initiated:
        return u"Pending"_s;
    case BookingStatus::Confirmed:
        return u"Confirmed"_s;
    case BookingStatus::Rejected:
        return u"Rejected"_s;
    case BookingStatus::Cancelled:
        return u"Cancelled"_s;
    case BookingStatus::Arrived:
        return u"Arrived"_s;
    case BookingStatus::Seated:
        return u"Seated"_s;
    case BookingStatus::Left:
        return u"Left"_s;
    case BookingStatus::NoShow:
        return u"No-show"_s;
    }
    return {};
}

QString StatusStyle::word(TableState state)
{
    switch (state) {
    case TableState::Free:
        return u"Free"_s;
    case TableState::BookedSoon:
        return u"Booked soon"_s;
    case TableState::Occupied:
        return u"Occupied"_s;
    case TableState::Locked:
        return u"Locked"_s;
    case TableState::OutOfService:
        return u"Out of service"_s;
    }
    return {};
}

void StatusStyle::paintMark(QPainter &painter, const QRectF &rect, BookingStatus status,
                            const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    switch (status) {
    case BookingStatus::Initiated:
        paintClock(painter, rect, color);
        break;
    case BookingStatus::Confirmed:
        paintCheck(painter, rect, color);
        break;
    case BookingStatus::Arrived:
        paintIcon(painter, rect, u"arrived"_s, color);
        break;
    case BookingStatus::Seated:
        paintIcon(painter, rect, u"seated"_s, color);
        break;
    case BookingStatus::Left:
        paintIcon(painter, rect, u"left"_s, color);
        break;
    case BookingStatus::NoShow:
        paintIcon(painter, rect, u"no-show"_s, color);
        break;
    case BookingStatus::Cancelled:
    case BookingStatus::Rejected:
        paintIcon(painter, rect, u"cancel"_s, color);
        break;
    }
    painter.restore();
}

void StatusStyle::paintMark(QPainter &painter, const QRectF &rect, TableState state,
                            const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    switch (state) {
    case TableState::Free:
        paintDot(painter, rect, color, false);
        break;
    case TableState::BookedSoon:
        paintClock(painter, rect, color);
        break;
    case TableState::Occupied:
        paintIcon(painter, rect, u"seated"_s, color);
        break;
    case TableState::Locked:
        paintDot(painter, rect, color, true);
        break;
    case TableState::OutOfService:
        paintIcon(painter, rect, u"cancel"_s, color);
        break;
    }
    painter.restore();
}

void StatusStyle::paintWarning(QPainter &painter, const QRectF &r, const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath triangle;
    triangle.moveTo(r.center().x(), r.top() + r.height() * 0.08);
    triangle.lineTo(r.right() - r.width() * 0.05, r.bottom() - r.height() * 0.1);
    triangle.lineTo(r.left() + r.width() * 0.05, r.bottom() - r.height() * 0.1);
    triangle.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPath(triangle);
    painter.setPen(
        QPen(readableOn(color), std::max(1.5, r.width() / 9), Qt::SolidLine, Qt::RoundCap));
    const double x = r.center().x();
    painter.drawLine(QPointF(x, r.top() + r.height() * 0.38),
                     QPointF(x, r.top() + r.height() * 0.62));
    painter.drawPoint(QPointF(x, r.top() + r.height() * 0.76));
    painter.restore();
}

double StatusStyle::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace hoststand::ui
