#include "ui/grid/TimeSlotGridView.h"

#include "ui/common/StatusStyle.h"
#include "ui/grid/TimeSlotGridModel.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QRegion>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

using Grid = TimeSlotGridModel;

QColor mixed(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString guestsText(int party)
{
    return party == 1 ? u"1 guest"_s : u"%1 guests"_s.arg(party);
}

} // namespace

TimeSlotGridView::TimeSlotGridView(QWidget *parent)
    : QAbstractItemView(parent)
{
    setSelectionMode(SingleSelection);
    setSelectionBehavior(SelectItems);
    setEditTriggers(NoEditTriggers);
    setMouseTracking(false);
    setAccessibleName(u"Time-slot grid"_s);
    setAccessibleDescription(u"Tables down the side, time slots across; each booking is a span. "
                             "Click a free cell to book, double-click a booking to open it."_s);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    updateMetrics();
}

void TimeSlotGridView::setNow(const QDateTime &now)
{
    if (m_now == now)
        return;
    m_now = now;
    viewport()->update();
}

void TimeSlotGridView::updateMetrics()
{
    const QFontMetrics metrics(font());
    const int line = metrics.height();
    m_rowHeight = line * 2 + 10;
    m_minimumColumnWidth = std::max(metrics.horizontalAdvance(u"00:00"_s) * 4 / 5, line * 2);
    m_zoneBandWidth = line + 8;
    m_slotHeaderHeight = line * 2 + 8;
    m_boldFont = font();
    m_boldFont.setBold(true);
    m_noShowFont = m_boldFont;
    m_noShowFont.setStrikeOut(true);
    const QFontMetrics boldMetrics(m_boldFont);
    int widest = std::max(boldMetrics.horizontalAdvance(u"T00"_s),
                          metrics.horizontalAdvance(u"00 seats"_s));
    if (model()) {
        for (int row = 0; row < model()->rowCount(); ++row)
            widest = std::max(
                widest,
                boldMetrics.horizontalAdvance(model()->headerData(row, Qt::Vertical).toString()));
    }
    m_tableHeaderWidth = m_zoneBandWidth + widest + line;
}

QSize TimeSlotGridView::gridSize() const
{
    const int columns = model() ? model()->columnCount() : 0;
    const int rows = model() ? model()->rowCount() : 0;
    return {m_tableHeaderWidth + columns * m_columnWidth, m_slotHeaderHeight + rows * m_rowHeight};
}

QRect TimeSlotGridView::cellArea() const
{
    const QRect all = viewport()->rect();
    return QRect(m_tableHeaderWidth, m_slotHeaderHeight,
                 std::max(0, all.width() - m_tableHeaderWidth),
                 std::max(0, all.height() - m_slotHeaderHeight));
}

QRect TimeSlotGridView::cellRect(int row, int column) const
{
    return QRect(m_tableHeaderWidth + column * m_columnWidth - horizontalOffset(),
                 m_slotHeaderHeight + row * m_rowHeight - verticalOffset(), m_columnWidth,
                 m_rowHeight);
}

QRect TimeSlotGridView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != model())
        return {};
    return cellRect(index.row(), index.column());
}

QModelIndex TimeSlotGridView::indexAt(const QPoint &point) const
{
    if (!model() || !cellArea().contains(point))
        return {};
    const int column = (point.x() - m_tableHeaderWidth + horizontalOffset()) / m_columnWidth;
    const int row = (point.y() - m_slotHeaderHeight + verticalOffset()) / m_rowHeight;
    return model()->index(row, column);
}

QModelIndex TimeSlotGridView::cellAt(int row, const QPoint &point) const
{
    if (!model() || model()->columnCount() == 0)
        return {};
    const int column = (point.x() - m_tableHeaderWidth + horizontalOffset()) / m_columnWidth;
    return model()->index(row, std::clamp(column, 0, model()->columnCount() - 1));
}

QRectF TimeSlotGridView::laneRect(const QRect &rowRect, int lane, int lanes) const
{
    const QRectF inner = QRectF(rowRect).adjusted(2, 3, -2, -3);
    const double height = inner.height() / std::max(1, lanes);
    return QRectF(inner.left(), inner.top() + lane * height, inner.width(), height);
}

QRect TimeSlotGridView::spanRectOf(int row, const GridSpan &span) const
{
    const QRect first = cellRect(row, span.startColumn);
    const QRect rowRect(first.left(), first.top(), span.columns * m_columnWidth, m_rowHeight);
    return laneRect(rowRect, span.lane, span.lanes).toAlignedRect().adjusted(0, 0, -1, -1);
}

std::optional<GridSpan> TimeSlotGridView::spanAt(const QPoint &point) const
{
    const QModelIndex cell = indexAt(point);
    if (!cell.isValid())
        return std::nullopt;
    const auto spans = cell.data(Grid::SpansRole).value<QList<GridSpan>>();
    for (const GridSpan &span : spans) {
        const QRect rect = spanRectOf(cell.row(), span);
        if (point.y() >= rect.top() && point.y() <= rect.bottom())
            return span;
    }
    if (spans.isEmpty())
        return std::nullopt;
    return spans.constFirst();
}

QString TimeSlotGridView::bookingAt(const QPoint &point) const
{
    const std::optional<GridSpan> span = spanAt(point);
    return span ? span->bookingId : QString();
}

std::optional<GridSpan> TimeSlotGridView::spanOf(const QString &bookingId, int *row) const
{
    if (!model() || bookingId.isEmpty())
        return std::nullopt;
    for (int r = 0; r < model()->rowCount(); ++r) {
        for (int c = 0; c < model()->columnCount(); ++c) {
            const QModelIndex cell = model()->index(r, c);
            if (cell.data(Grid::SpanStartRole).isNull())
                continue;
            for (const GridSpan &span : cell.data(Grid::SpansRole).value<QList<GridSpan>>()) {
                if (span.bookingId == bookingId) {
                    *row = r;
                    return span;
                }
            }
        }
    }
    return std::nullopt;
}

QRect TimeSlotGridView::spanRect(const QString &bookingId) const
{
    int row = -1;
    const std::optional<GridSpan> span = spanOf(bookingId, &row);
    return span ? spanRectOf(row, *span) : QRect();
}

void TimeSlotGridView::selectBooking(const QString &bookingId)
{
    int row = -1;
    const std::optional<GridSpan> span = spanOf(bookingId, &row);
    if (!span)
        return;
    const QModelIndex cell
        = model()->index(row, std::clamp(span->startColumn, 0, model()->columnCount() - 1));
    setCurrentIndex(cell);
    setSelectedBooking(bookingId);
    scrollTo(cell, PositionAtCenter);
}

void TimeSlotGridView::setSelectedBooking(const QString &bookingId)
{
    if (m_selectedBooking == bookingId)
        return;
    m_selectedBooking = bookingId;
    viewport()->update();
    Q_EMIT selectedBookingChanged(bookingId);
}

void TimeSlotGridView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    const QRect area = cellArea();
    const QRect rect = visualRect(index);
    QScrollBar *horizontal = horizontalScrollBar();
    QScrollBar *vertical = verticalScrollBar();
    if (hint == PositionAtCenter) {
        horizontal->setValue(horizontalOffset() + rect.center().x() - area.center().x());
        vertical->setValue(verticalOffset() + rect.center().y() - area.center().y());
        return;
    }
    if (rect.left() < area.left())
        horizontal->setValue(horizontalOffset() + rect.left() - area.left());
    else if (rect.right() > area.right())
        horizontal->setValue(horizontalOffset() + rect.right() - area.right());
    if (rect.top() < area.top())
        vertical->setValue(verticalOffset() + rect.top() - area.top());
    else if (rect.bottom() > area.bottom())
        vertical->setValue(verticalOffset() + rect.bottom() - area.bottom());
}

QModelIndex TimeSlotGridView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    if (!model() || model()->rowCount() == 0 || model()->columnCount() == 0)
        return {};
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return model()->index(0, 0);
    int row = current.row();
    int column = current.column();
    const int page = std::max(1, cellArea().height() / m_rowHeight);
    switch (cursorAction) {
    case MoveLeft:
    case MovePrevious:
        --column;
        break;
    case MoveRight:
    case MoveNext:
        ++column;
        break;
    case MoveUp:
        --row;
        break;
    case MoveDown:
        ++row;
        break;
    case MoveHome:
        column = 0;
        break;
    case MoveEnd:
        column = model()->columnCount() - 1;
        break;
    case MovePageUp:
        row -= page;
        break;
    case MovePageDown:
        row += page;
        break;
    }
    return model()->index(std::clamp(row, 0, model()->rowCount() - 1),
                          std::clamp(column, 0, model()->columnCount() - 1));
}

int TimeSlotGridView::horizontalOffset() const
{
    return horizontalScrollBar()->value();
}

int TimeSlotGridView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool TimeSlotGridView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void TimeSlotGridView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    const QModelIndex first = indexAt(rect.topLeft());
    const QModelIndex last = indexAt(rect.bottomRight());
    if (!first.isValid() || !last.isValid())
        return;
    selectionModel()->select(QItemSelection(first, last), command);
}

QRegion TimeSlotGridView::visualRegionForSelection(const QItemSelection &selection) const
{
    QRegion region;
    for (const QItemSelectionRange &range : selection)
        region += visualRect(range.topLeft()).united(visualRect(range.bottomRight()));
    return region;
}

// Columns share the width the window gives them, up to two and a half
// times their least width, so that names fit in wide windows.
void TimeSlotGridView::updateGeometries()
{
    updateMetrics();
    const int columns = model() ? model()->columnCount() : 0;
    const int available = viewport()->width() - m_tableHeaderWidth;
    m_columnWidth = columns > 0
        ? std::clamp(available / columns, m_minimumColumnWidth, m_minimumColumnWidth * 5 / 2)
        : m_minimumColumnWidth;
    const QSize content = gridSize();
    const QRect area = cellArea();
    horizontalScrollBar()->setRange(
        0, std::max(0, content.width() - m_tableHeaderWidth - area.width()));
    horizontalScrollBar()->setPageStep(area.width());
    horizontalScrollBar()->setSingleStep(m_columnWidth);
    verticalScrollBar()->setRange(
        0, std::max(0, content.height() - m_slotHeaderHeight - area.height()));
    verticalScrollBar()->setPageStep(area.height());
    verticalScrollBar()->setSingleStep(m_rowHeight);
    QAbstractItemView::updateGeometries();
}

void TimeSlotGridView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous);
    setSelectedBooking(current.isValid() ? current.data(Grid::BookingIdRole).toString()
                                         : QString());
    viewport()->update();
}

bool TimeSlotGridView::movable(const GridSpan &span) const
{
    return span.status == BookingStatus::Confirmed;
}

// --- Mouse and keys ------------------------------------------------------

void TimeSlotGridView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex cell = indexAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || !cell.isValid()) {
        QAbstractItemView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    setCurrentIndex(cell);
    const std::optional<GridSpan> span = spanAt(event->position().toPoint());
    setSelectedBooking(span ? span->bookingId : QString());
    m_press = Press {cell, event->position().toPoint(), span ? span->bookingId : QString(),
                     span ? cell.column() - span->startColumn : 0};
    m_dragCell = cell;
    m_moving = false;
    event->accept();
}

void TimeSlotGridView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_press) {
        QAbstractItemView::mouseMoveEvent(event);
        return;
    }
    const QPoint position = event->position().toPoint();
    if (m_press->bookingId.isEmpty()) {
        m_dragCell = cellAt(m_press->cell.row(), position);
    } else {
        const std::optional<GridSpan> span = spanAt(m_press->position);
        if (!m_moving && span && movable(*span)
            && (position - m_press->position).manhattanLength()
                >= QApplication::startDragDistance())
            m_moving = true;
        if (const QModelIndex cell = indexAt(position); m_moving && cell.isValid())
            m_dragCell = cell;
    }
    viewport()->update();
    event->accept();
}

void TimeSlotGridView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_press || event->button() != Qt::LeftButton) {
        QAbstractItemView::mouseReleaseEvent(event);
        return;
    }
    const Press press = *std::exchange(m_press, std::nullopt);
    const bool moving = std::exchange(m_moving, false);
    const QModelIndex drag = std::exchange(m_dragCell, QModelIndex());
    viewport()->update();
    event->accept();
    if (press.bookingId.isEmpty() && drag.isValid()) {
        const int first = std::min(press.cell.column(), drag.column());
        const int last = std::max(press.cell.column(), drag.column());
        Q_EMIT bookingRequested(model()->index(press.cell.row(), first),
                                model()->index(press.cell.row(), last));
    } else if (moving && drag.isValid()) {
        const int column = std::max(0, drag.column() - press.grabColumnOffset);
        const QModelIndex target = model()->index(drag.row(), column);
        if (target
            != model()->index(press.cell.row(), press.cell.column() - press.grabColumnOffset))
            Q_EMIT moveRequested(press.bookingId, target);
    }
}

void TimeSlotGridView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString bookingId = bookingAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && !bookingId.isEmpty()) {
        m_press.reset();
        Q_EMIT bookingOpened(bookingId);
        event->accept();
        return;
    }
    QAbstractItemView::mouseDoubleClickEvent(event);
}

void TimeSlotGridView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && current.isValid()) {
        if (!m_selectedBooking.isEmpty())
            Q_EMIT bookingOpened(m_selectedBooking);
        else
            Q_EMIT bookingRequested(current, current);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_press) {
        m_press.reset();
        m_moving = false;
        viewport()->update();
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

bool TimeSlotGridView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractItemView::viewportEvent(event);
}

void TimeSlotGridView::changeEvent(QEvent *event)
{
    QAbstractItemView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::PaletteChange) {
        m_texts.clear();
        m_marks.clear();
        updateGeometries();
        viewport()->update();
    }
}

QString TimeSlotGridView::toolTipAt(const QPoint &point) const
{
    const QModelIndex cell = indexAt(point);
    if (!cell.isValid())
        return {};
    const QString table = cell.data(Grid::TableIdRole).toString();
    const QString slot = model()->headerData(cell.column(), Qt::Horizontal).toString();
    const std::optional<GridSpan> span = spanAt(point);
    if (!span) {
        if (!cell.data(Grid::BookableRole).toBool())
            return u"%1 at %2: after the last seating"_s.arg(table, slot);
        return u"%1 at %2: free. Click to book, or drag across slots."_s.arg(table, slot);
    }
    const QString from
        = model()->headerData(std::max(0, span->startColumn), Qt::Horizontal).toString();
    QString text = u"%1, %2\n%3 from %4, %5"_s.arg(span->guestName, guestsText(span->partySize),
                                                   table, from, StatusStyle::word(span->status));
    if (span->conflict)
        text += u"\nConflict: another booking holds this table at the same time."_s;
    if (movable(*span))
        text += u"\nDrag to move it to another table or time."_s;
    return text;
}

// --- Painting --------------------------------------------------------------

void TimeSlotGridView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const StatusStyle style(palette());
    const QRect dirty = event->rect();
    if (!model()) {
        painter.fillRect(dirty, palette().base());
        paintCorner(painter);
        return;
    }
    // Each part paints its own background: the whole viewport filled first
    // would be written twice over.
    painter.save();
    painter.setClipRect(cellArea() & dirty);
    paintCells(painter, dirty);
    paintSpans(painter, dirty, style);
    paintDragFeedback(painter);
    paintNowLine(painter, style);
    painter.restore();
    paintSlotHeader(painter, dirty);
    paintTableHeader(painter, dirty);
    paintCorner(painter);
}

std::optional<TimeSlotGridView::VisibleCells> TimeSlotGridView::visibleCells(
    const QRect &dirty) const
{
    const QRect area = cellArea() & dirty;
    if (area.isEmpty() || model()->rowCount() == 0 || model()->columnCount() == 0)
        return std::nullopt;
    const QModelIndex topLeft = indexAt(area.topLeft());
    VisibleCells visible {area, topLeft.isValid() ? topLeft.row() : 0,
                          topLeft.isValid() ? topLeft.column() : 0, 0, 0};
    visible.lastRow
        = std::min(model()->rowCount() - 1,
                   (area.bottom() - m_slotHeaderHeight + verticalOffset()) / m_rowHeight);
    visible.lastColumn
        = std::min(model()->columnCount() - 1,
                   (area.right() - m_tableHeaderWidth + horizontalOffset()) / m_columnWidth);
    return visible;
}

// One row's background (the closed slots and the slot lines) is drawn once
// and tiled down the rows in one fill: a line one pixel wide and as tall as
// the grid would cost the raster engine a fill call per scanline, per slot,
// and a copy per row one hand-over to its fill threads each.
void TimeSlotGridView::paintCells(QPainter &painter, const QRect &dirty) const
{
    const QColor base = palette().color(QPalette::Base);
    const auto visible = visibleCells(dirty);
    if (!visible) {
        painter.fillRect(cellArea() & dirty, base);
        return;
    }
    const auto [area, firstRow, firstColumn, lastRow, lastColumn] = *visible;
    const QColor line = mixed(base, palette().color(QPalette::Text), 0.12);
    const QColor hourLine = mixed(base, palette().color(QPalette::Text), 0.30);
    const QColor closed = mixed(base, palette().color(QPalette::Text), 0.07);
    const QRect cells = cellRect(firstRow, firstColumn).united(cellRect(lastRow, lastColumn));
    for (const QRect &uncovered : QRegion(area).subtracted(cells))
        painter.fillRect(uncovered, base);

    const qreal ratio = painter.device()->devicePixelRatioF();
    QImage strip(QSize(cells.width(), m_rowHeight) * ratio,
                 base.alpha() == 255 ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    strip.setDevicePixelRatio(ratio);
    strip.fill(base);
    {
        QPainter row(&strip);
        for (int column = firstColumn; column <= lastColumn; ++column) {
            const int x = cellRect(firstRow, column).left() - cells.left();
            if (!model()->headerData(column, Qt::Horizontal, Grid::BookableRole).toBool())
                row.fillRect(QRect(x, 0, m_columnWidth, m_rowHeight), closed);
            const bool hour
                = model()->headerData(column, Qt::Horizontal).toString().endsWith(u":00"_s);
            row.fillRect(QRect(x, 0, 1, m_rowHeight), hour ? hourLine : line);
        }
    }
    painter.setBrushOrigin(cells.topLeft());
    painter.fillRect(cells, QBrush(strip));
    painter.setBrushOrigin(0, 0);
    QString previousZone = firstRow > 0
        ? model()->headerData(firstRow - 1, Qt::Vertical, Grid::ZoneRole).toString()
        : QString();
    for (int row = firstRow; row <= lastRow; ++row) {
        const QRect rect = cellRect(row, 0);
        const QString zone = model()->headerData(row, Qt::Vertical, Grid::ZoneRole).toString();
        if (row > 0 && zone != previousZone) {
            painter.fillRect(QRect(area.left(), rect.top() - 1, area.width(), 2), hourLine);
        }
        previousZone = zone;
        painter.fillRect(QRect(area.left(), rect.bottom(), area.width(), 1), line);
    }
    const QModelIndex current = currentIndex();
    if (current.isValid() && hasFocus() && m_selectedBooking.isEmpty()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(visualRect(current).adjusted(1, 1, -1, -1));
    }
}

// A row's spans at once (the vertical header's SpansRole): asking every
// cell for what covers it would copy each span once per slot it covers.
void TimeSlotGridView::paintSpans(QPainter &painter, const QRect &dirty,
                                  const StatusStyle &style) const
{
    const auto visible = visibleCells(dirty);
    if (!visible)
        return;
    const auto [area, firstRow, firstColumn, lastRow, lastColumn] = *visible;
    for (int row = firstRow; row <= lastRow; ++row) {
        const auto spans
            = model()->headerData(row, Qt::Vertical, Grid::SpansRole).value<QList<GridSpan>>();
        for (const GridSpan &span : spans) {
            if (span.endColumn() > firstColumn && span.startColumn <= lastColumn)
                paintSpan(painter, spanRectOf(row, span), span, style);
        }
    }
}

void TimeSlotGridView::paintSpan(QPainter &painter, const QRect &rect, const GridSpan &span,
                                 const StatusStyle &style) const
{
    paintSpanBox(painter, rect, span, style);
    // The text stays in the visible part of a span that began left of the grid.
    QRect text = rect.adjusted(6, 2, -5, -2);
    text.setLeft(std::max(text.left(), cellArea().left() + 4));
    const int line = fontMetrics().height();
    const int markSize = std::min(line, text.height());
    const QRectF markRect(text.left(),
                          text.top() + (std::min(text.height(), line * 2) - markSize) / 2.0,
                          markSize, markSize);
    const StatusStyle::Look look = style.booking(span.status);
    paintMark(painter, markRect, span, span.conflict ? style.conflict().border : look.text);
    text.setLeft(text.left() + markSize + 4);
    if (text.width() >= fontMetrics().averageCharWidth() * 2)
        paintSpanText(painter, text, span, look.text);
}

void TimeSlotGridView::paintMark(QPainter &painter, const QRectF &rect, const GridSpan &span,
                                 const QColor &color) const
{
    const qreal ratio = painter.device()->devicePixelRatioF();
    const int size = int(rect.width());
    // The status (or the warning), the colour and the size, in one key; a
    // new pixel ratio clears the marks, as a new palette or font does.
    const quint64 key = quint64(color.rgba()) << 32 | quint64(size & 0xffff) << 16
        | quint64(span.conflict ? 0xff : int(span.status) & 0xff);
    auto found = m_marks.find(key);
    if (found == m_marks.end() || found->devicePixelRatio() != ratio) {
        QPixmap mark(QSize(size, size) * ratio);
        mark.setDevicePixelRatio(ratio);
        mark.fill(Qt::transparent);
        QPainter markPainter(&mark);
        const QRectF whole(0, 0, size, size);
        if (span.conflict)
            StatusStyle::paintWarning(markPainter, whole, color);
        else
            StatusStyle::paintMark(markPainter, whole, span.status, color);
        markPainter.end();
        found = m_marks.insert(key, mark);
    }
    painter.drawPixmap(QPointF(rect.left(), std::round(rect.top())), *found);
}

// Square corners and no antialiasing: a full grid has hundreds of spans.
void TimeSlotGridView::paintSpanBox(QPainter &painter, const QRect &rect, const GridSpan &span,
                                    const StatusStyle &style) const
{
    const StatusStyle::Look look = style.booking(span.status);
    painter.fillRect(rect, look.fill);
    if (span.conflict) {
        QColor hatch = style.conflict().border;
        hatch.setAlphaF(0.35f);
        painter.fillRect(rect, QBrush(hatch, Qt::BDiagPattern));
    }
    if (!span.conflict && !span.pending()) {
        // Four fills: a pen's outline goes through the rasteriser's line
        // drawing, costly by the hundred.
        const QRect box = rect.adjusted(0, 0, 1, 1); // drawRect's outline
        painter.fillRect(QRect(box.left(), box.top(), box.width(), 1), look.border);
        painter.fillRect(QRect(box.left(), box.bottom(), box.width(), 1), look.border);
        painter.fillRect(QRect(box.left(), box.top(), 1, box.height()), look.border);
        painter.fillRect(QRect(box.right(), box.top(), 1, box.height()), look.border);
    } else {
        QPen border(span.conflict ? style.conflict().border : look.border, span.conflict ? 2 : 0);
        if (span.pending())
            border.setStyle(Qt::DashLine);
        painter.setPen(border);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(span.conflict ? rect.adjusted(1, 1, -1, -1) : rect);
    }
    if (span.bookingId == m_selectedBooking) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.drawRect(rect.adjusted(-1, -1, 0, 0));
    }
}

void TimeSlotGridView::paintSpanText(QPainter &painter, const QRect &text, const GridSpan &span,
                                     const QColor &color) const
{
    const QFont &nameFont = span.status == BookingStatus::NoShow ? m_noShowFont : m_boldFont;
    QString detail = span.conflict ? u"Conflict · %1"_s.arg(StatusStyle::word(span.status))
                                   : StatusStyle::word(span.status);
    if (span.walkIn)
        detail += u" · walk-in"_s;
    const QString name = u"%1 (%2)"_s.arg(span.guestName).arg(span.partySize);
    painter.setPen(color);
    if (text.height() >= fontMetrics().height() * 2) {
        const int half = text.height() / 2;
        m_texts.draw(painter, QRect(text.left(), text.top(), text.width(), half), name, nameFont,
                     Qt::AlignLeft | Qt::AlignBottom);
        m_texts.draw(painter, QRect(text.left(), text.top() + half, text.width(), half),
                     u"%1 · %2"_s.arg(guestsText(span.partySize), detail), font(),
                     Qt::AlignLeft | Qt::AlignTop);
        return;
    }
    // The name in bold, the status after it; a narrow span keeps the name and the mark.
    const QString after = u" · "_s + detail;
    const int afterWidth = m_texts.advance(after, font());
    const bool roomForAfter = text.width() - afterWidth
        >= std::min(m_texts.advance(name, nameFont), fontMetrics().averageCharWidth() * 8);
    const int nameWidth = roomForAfter ? text.width() - afterWidth : text.width();
    const int drawn = m_texts.draw(
        painter, QRect(text.left(), text.top(), nameWidth, text.height()), name, nameFont);
    if (roomForAfter)
        m_texts.draw(painter, text.adjusted(drawn, 0, 0, 0), after, font());
}

void TimeSlotGridView::paintDragFeedback(QPainter &painter) const
{
    if (!m_press || !m_dragCell.isValid())
        return;
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlphaF(0.25f);
    const QPen outline(palette().color(QPalette::Highlight), 2, Qt::DashLine);
    if (m_press->bookingId.isEmpty()) {
        const int first = std::min(m_press->cell.column(), m_dragCell.column());
        const int last = std::max(m_press->cell.column(), m_dragCell.column());
        const QRect rect = cellRect(m_press->cell.row(), first)
                               .united(cellRect(m_press->cell.row(), last))
                               .adjusted(1, 2, -1, -2);
        painter.fillRect(rect, fill);
        painter.setPen(outline);
        painter.drawRect(rect);
        return;
    }
    if (!m_moving)
        return;
    const std::optional<GridSpan> span = spanAt(m_press->position);
    if (!span)
        return;
    GridSpan ghost = *span;
    ghost.startColumn = m_dragCell.column() - m_press->grabColumnOffset;
    ghost.lane = 0;
    ghost.lanes = 1;
    const QRect rect = spanRectOf(m_dragCell.row(), ghost);
    painter.fillRect(rect, fill);
    painter.setPen(outline);
    painter.drawRect(rect);
    painter.setPen(palette().color(QPalette::Text));
    const QString where = u"Move to %1 at %2"_s.arg(
        m_dragCell.data(Grid::TableIdRole).toString(),
        model()->headerData(std::max(0, ghost.startColumn), Qt::Horizontal).toString());
    painter.drawText(rect.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(font()).elidedText(where, Qt::ElideRight, rect.width() - 10));
}

void TimeSlotGridView::paintNowLine(QPainter &painter, const StatusStyle &style) const
{
    if (!m_now.isValid() || model()->columnCount() == 0)
        return;
    const QDateTime first
        = model()->headerData(0, Qt::Horizontal, Grid::SlotStartRole).toDateTime();
    const QDateTime second
        = model()->headerData(1, Qt::Horizontal, Grid::SlotStartRole).toDateTime();
    const qint64 slotMs = second.isValid() ? first.msecsTo(second) : 15 * 60 * 1000;
    const double column = double(first.msecsTo(m_now)) / double(slotMs);
    if (column < 0 || column > model()->columnCount())
        return;
    const int x
        = m_tableHeaderWidth + int(std::lround(column * m_columnWidth)) - horizontalOffset();
    painter.setPen(QPen(style.nowLine(), 2));
    painter.drawLine(x, m_slotHeaderHeight, x, cellArea().bottom());
}

void TimeSlotGridView::paintSlotHeader(QPainter &painter, const QRect &dirty) const
{
    const QRect header(m_tableHeaderWidth, 0, viewport()->width() - m_tableHeaderWidth,
                       m_slotHeaderHeight);
    if (!header.intersects(dirty))
        return;
    painter.save();
    painter.setClipRect(header);
    painter.fillRect(header, palette().window());
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = mixed(palette().color(QPalette::Window), text, 0.65);
    const int half = m_slotHeaderHeight / 2;
    const int firstColumn = std::max(0, horizontalOffset() / m_columnWidth);
    const int lastColumn = std::min(model()->columnCount() - 1,
                                    (horizontalOffset() + header.width()) / m_columnWidth);
    for (int column = firstColumn; column <= lastColumn; ++column) {
        const QRect cell = cellRect(0, column);
        const QString label = model()->headerData(column, Qt::Horizontal).toString();
        const bool bookable
            = model()->headerData(column, Qt::Horizontal, Grid::BookableRole).toBool();
        const bool hour = label.endsWith(u":00"_s);
        painter.setPen(hour ? text : muted);
        painter.drawLine(cell.left(), hour ? 2 : half + 2, cell.left(), m_slotHeaderHeight);
        if (hour || column == 0)
            m_texts.draw(painter, QRect(cell.left() + 3, 0, m_columnWidth * 4, half), label,
                         m_boldFont);
        painter.setPen(bookable ? muted : mixed(muted, palette().color(QPalette::Window), 0.4));
        m_texts.draw(painter, QRect(cell.left() + 3, half, m_columnWidth - 3, half), label.right(2),
                     font());
    }
    painter.setPen(mixed(palette().color(QPalette::Window), text, 0.3));
    painter.drawLine(header.left(), header.bottom(), header.right(), header.bottom());
    painter.restore();
}

void TimeSlotGridView::paintTableHeader(QPainter &painter, const QRect &dirty) const
{
    const QRect header(0, m_slotHeaderHeight, m_tableHeaderWidth,
                       viewport()->height() - m_slotHeaderHeight);
    if (!header.intersects(dirty))
        return;
    painter.save();
    painter.setClipRect(header);
    painter.fillRect(header, palette().window());
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor muted = mixed(window, text, 0.7);
    const int rows = model()->rowCount();
    int groupStart = 0;
    int groupIndex = 0;
    for (int row = 0; row <= rows; ++row) {
        const QString zone = row < rows
            ? model()->headerData(row, Qt::Vertical, Grid::ZoneRole).toString()
            : QString();
        const QString groupZone
            = model()->headerData(groupStart, Qt::Vertical, Grid::ZoneRole).toString();
        if (row < rows && zone == groupZone)
            continue;
        const QRect band(0, cellRect(groupStart, 0).top(), m_zoneBandWidth,
                         (row - groupStart) * m_rowHeight);
        if (band.intersects(header)) {
            painter.fillRect(band.adjusted(0, 0, 0, -1),
                             mixed(window, text, groupIndex % 2 == 0 ? 0.12 : 0.2));
            painter.save();
            painter.setPen(text);
            painter.translate(band.left(), band.bottom());
            painter.rotate(-90);
            const QRect rotated(4, 0, band.height() - 8, band.width());
            painter.drawText(
                rotated, Qt::AlignCenter,
                QFontMetrics(font()).elidedText(groupZone, Qt::ElideRight, rotated.width()));
            painter.restore();
        }
        groupStart = row;
        ++groupIndex;
    }
    for (int row = std::max(0, verticalOffset() / m_rowHeight); row < rows; ++row) {
        const QRect rect(m_zoneBandWidth, cellRect(row, 0).top(),
                         m_tableHeaderWidth - m_zoneBandWidth, m_rowHeight);
        if (rect.top() > header.bottom())
            break;
        const QRect inner = rect.adjusted(8, 4, -4, -4);
        const int half = inner.height() / 2;
        painter.setPen(text);
        m_texts.draw(painter, QRect(inner.left(), inner.top(), inner.width(), half),
                     model()->headerData(row, Qt::Vertical).toString(), m_boldFont,
                     Qt::AlignLeft | Qt::AlignBottom);
        painter.setPen(muted);
        const int seats = model()->headerData(row, Qt::Vertical, Grid::SeatsRole).toInt();
        m_texts.draw(painter, QRect(inner.left(), inner.top() + half, inner.width(), half),
                     seats == 1 ? u"1 seat"_s : u"%1 seats"_s.arg(seats), font(),
                     Qt::AlignLeft | Qt::AlignTop);
        painter.setPen(mixed(window, text, 0.15));
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom());
    }
    painter.setPen(mixed(window, text, 0.3));
    painter.drawLine(header.right(), header.top(), header.right(), header.bottom());
    painter.restore();
}

void TimeSlotGridView::paintCorner(QPainter &painter) const
{
    const QRect corner(0, 0, m_tableHeaderWidth, m_slotHeaderHeight);
    painter.fillRect(corner, palette().window());
    painter.setFont(m_boldFont);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(corner.adjusted(8, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, u"Table"_s);
    painter.setFont(font());
    painter.setPen(
        mixed(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.3));
    painter.drawLine(corner.left(), corner.bottom(), corner.right(), corner.bottom());
    painter.drawLine(corner.right(), corner.top(), corner.right(), corner.bottom());
}

} // namespace hoststand::ui
