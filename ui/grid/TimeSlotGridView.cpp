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

// A change of a cell's data draws its row again; any other change of the
// model (a table's header changes its zone's band, its name the header's
// width) draws them all, lays the grid out again and repaints it at once:
// the base class does neither on every such signal.
void TimeSlotGridView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    forgetAllRows();
    QAbstractItemView::setModel(model);
    if (!model)
        return;
    m_modelConnections = {
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    forgetRows(topLeft.row(), bottomRight.row());
                }),
    };
    const auto everything = [this] {
        forgetAllRows();
        updateGeometries();
        viewport()->update();
    };
    m_modelConnections << connect(model, &QAbstractItemModel::headerDataChanged, this, everything)
                       << connect(model, &QAbstractItemModel::rowsInserted, this, everything)
                       << connect(model, &QAbstractItemModel::rowsRemoved, this, everything)
                       << connect(model, &QAbstractItemModel::rowsMoved, this, everything)
                       << connect(model, &QAbstractItemModel::columnsInserted, this, everything)
                       << connect(model, &QAbstractItemModel::columnsRemoved, this, everything)
                       << connect(model, &QAbstractItemModel::layoutChanged, this, everything)
                       << connect(model, &QAbstractItemModel::modelReset, this, everything);
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
        const auto spans
            = model()->headerData(r, Qt::Vertical, Grid::SpansRole).value<QList<GridSpan>>();
        for (const GridSpan &span : spans) {
            if (span.bookingId == bookingId) {
                *row = r;
                return span;
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
// times their least width, so that names fit in wide windows. A grid that
// fits the whole frame is laid out on all of it: measured on the viewport
// the scroll bars leave, it would keep them for ever.
void TimeSlotGridView::updateGeometries()
{
    updateMetrics();
    const int columns = model() ? model()->columnCount() : 0;
    const auto shareWidth = [&](int width) {
        m_columnWidth = columns > 0 ? std::clamp((width - m_tableHeaderWidth) / columns,
                                                 m_minimumColumnWidth, m_minimumColumnWidth * 5 / 2)
                                    : m_minimumColumnWidth;
    };
    QSize viewportSize = maximumViewportSize();
    shareWidth(viewportSize.width());
    QSize content = gridSize();
    if (content.width() > viewportSize.width() || content.height() > viewportSize.height()) {
        viewportSize = viewport()->size();
        shareWidth(viewportSize.width());
        content = gridSize();
    }
    const QSize cells(std::max(0, viewportSize.width() - m_tableHeaderWidth),
                      std::max(0, viewportSize.height() - m_slotHeaderHeight));
    horizontalScrollBar()->setRange(
        0, std::max(0, content.width() - m_tableHeaderWidth - cells.width()));
    horizontalScrollBar()->setPageStep(cells.width());
    horizontalScrollBar()->setSingleStep(m_columnWidth);
    verticalScrollBar()->setRange(
        0, std::max(0, content.height() - m_slotHeaderHeight - cells.height()));
    verticalScrollBar()->setPageStep(cells.height());
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
        if (m_moving)
            checkMoveTarget();
    }
    viewport()->update();
    event->accept();
}

QModelIndex TimeSlotGridView::moveTarget() const
{
    if (!m_press || !m_dragCell.isValid())
        return {};
    const int column = std::max(0, m_dragCell.column() - m_press->grabColumnOffset);
    return model()->index(m_dragCell.row(), column);
}

QModelIndex TimeSlotGridView::moveOrigin() const
{
    if (!m_press)
        return {};
    return model()->index(m_press->cell.row(), m_press->cell.column() - m_press->grabColumnOffset);
}

// Asked once per place the booking is dragged over, not per mouse move.
void TimeSlotGridView::checkMoveTarget()
{
    const QModelIndex target = moveTarget();
    if (target == m_checkedTarget)
        return;
    m_checkedTarget = target;
    m_moveProblem.reset();
    if (m_moveCheck && target.isValid() && target != moveOrigin())
        m_moveProblem = m_moveCheck(m_press->bookingId, target);
}

void TimeSlotGridView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_press || event->button() != Qt::LeftButton) {
        QAbstractItemView::mouseReleaseEvent(event);
        return;
    }
    if (m_moving)
        checkMoveTarget();
    const std::optional<QString> problem = std::exchange(m_moveProblem, std::nullopt);
    m_checkedTarget = QModelIndex();
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
            == model()->index(press.cell.row(), press.cell.column() - press.grabColumnOffset))
            return;
        if (problem)
            Q_EMIT moveRefused(press.bookingId, *problem);
        else
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
    if (moveByKey(event)) {
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_press) {
        m_press.reset();
        m_moving = false;
        m_moveProblem.reset();
        m_checkedTarget = QModelIndex();
        viewport()->update();
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

// Alt+Up and Alt+Down move the picked booking to the table above or below,
// Alt+Shift+Left and Alt+Shift+Right a slot earlier or later: the same
// question, check and command as a drag.
bool TimeSlotGridView::moveByKey(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    int rows = 0;
    int columns = 0;
    if (modifiers == Qt::AltModifier && event->key() == Qt::Key_Up)
        rows = -1;
    else if (modifiers == Qt::AltModifier && event->key() == Qt::Key_Down)
        rows = 1;
    else if (modifiers == (Qt::AltModifier | Qt::ShiftModifier) && event->key() == Qt::Key_Left)
        columns = -1;
    else if (modifiers == (Qt::AltModifier | Qt::ShiftModifier) && event->key() == Qt::Key_Right)
        columns = 1;
    else
        return false;
    int row = -1;
    const std::optional<GridSpan> span = spanOf(m_selectedBooking, &row);
    if (m_selectedBooking.isEmpty() || !span || !movable(*span) || span->startColumn < 0)
        return true;
    const QModelIndex target = model()->index(row + rows, span->startColumn + columns);
    if (!target.isValid())
        return true;
    if (const auto problem = m_moveCheck ? m_moveCheck(m_selectedBooking, target) : std::nullopt)
        Q_EMIT moveRefused(m_selectedBooking, *problem);
    else
        Q_EMIT moveRequested(m_selectedBooking, target);
    return true;
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
        forgetAllRows();
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
    paintRows(painter, dirty, style);
    painter.setClipRect(cellArea() & dirty);
    paintSelection(painter);
    paintDragFeedback(painter);
    paintNowLine(painter, style);
    painter.restore();
    paintSlotHeader(painter, dirty);
    paintCorner(painter);
}

// The rows as last drawn, one image each from the table's header to the
// viewport's right edge, are copied at a repaint: the now line's minute, a
// hover or a scroll would otherwise draw every span and its text again. A
// row is drawn again when its data changes; a change of the tables, the
// columns, the sizes, the pixel ratio or the horizontal scroll draws them
// all again. What changes without the model (the selected booking, the
// current cell, a drag, now) is drawn over them.
void TimeSlotGridView::paintRows(QPainter &painter, const QRect &dirty,
                                 const StatusStyle &style) const
{
    const QRect all = viewport()->rect();
    const QRect area
        = QRect(0, m_slotHeaderHeight, all.width(), all.height() - m_slotHeaderHeight) & dirty;
    if (area.isEmpty())
        return;
    painter.setClipRect(area);
    const int rows = model()->rowCount();
    const int firstRow
        = std::max(0, (area.top() - m_slotHeaderHeight + verticalOffset()) / m_rowHeight);
    const int lastRow
        = std::min(rows - 1, (area.bottom() - m_slotHeaderHeight + verticalOffset()) / m_rowHeight);
    const RowImagesKey key {horizontalOffset(),
                            all.width(),
                            m_tableHeaderWidth,
                            m_columnWidth,
                            m_rowHeight,
                            painter.device()->devicePixelRatioF(),
                            palette().currentColorGroup()};
    if (!(key == m_rowImagesKey)) {
        m_rowImages.clear();
        m_rowImagesKey = key;
    }
    QList<ZoneBand> bands; // found once, when a row is drawn
    for (int row = firstRow; row <= lastRow; ++row) {
        auto found = m_rowImages.constFind(row);
        if (found == m_rowImages.constEnd()) {
            if (bands.isEmpty())
                bands = zoneBands();
            found = m_rowImages.insert(row, drawRow(row, bands.at(row), style, key.ratio));
        }
        painter.drawImage(QPoint(0, cellRect(row, 0).top()), *found);
    }
    // Below the last table: the header's colour and border, the cells' base.
    const int below = lastRow >= firstRow ? cellRect(lastRow, 0).bottom() + 1 : area.top();
    if (below <= area.bottom()) {
        const QRect rest(0, below, all.width(), area.bottom() - below + 1);
        painter.fillRect(rest.adjusted(0, 0, m_tableHeaderWidth - rest.width(), 0),
                         palette().window());
        painter.fillRect(rest.adjusted(m_tableHeaderWidth, 0, 0, 0), palette().base());
        painter.fillRect(
            QRect(m_tableHeaderWidth - 1, below, 1, rest.height()),
            mixed(palette().color(QPalette::Window), palette().color(QPalette::WindowText), 0.3));
    }
    // Rows scrolled a screen or more away are drawn again if they come back.
    const int shown = all.height() / m_rowHeight + 1;
    const int top = std::max(0, verticalOffset() / m_rowHeight);
    if (m_rowImages.size() > shown * 3) {
        for (auto it = m_rowImages.begin(); it != m_rowImages.end();) {
            if (it.key() < top - shown || it.key() > top + shown * 2)
                it = m_rowImages.erase(it);
            else
                ++it;
        }
    }
}

void TimeSlotGridView::forgetRows(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_rowImages.remove(row);
}

void TimeSlotGridView::forgetAllRows()
{
    m_rowImages.clear();
}

// Each row's zone: its first and last rows, and its place down the grid
// (the bands alternate their shade).
QList<TimeSlotGridView::ZoneBand> TimeSlotGridView::zoneBands() const
{
    const int rows = model()->rowCount();
    QList<ZoneBand> bands(rows);
    int first = 0;
    int index = 0;
    for (int row = 1; row <= rows; ++row) {
        const QString zone = row < rows
            ? model()->headerData(row, Qt::Vertical, Grid::ZoneRole).toString()
            : QString();
        const QString groupZone
            = model()->headerData(first, Qt::Vertical, Grid::ZoneRole).toString();
        if (row < rows && zone == groupZone)
            continue;
        for (int member = first; member < row; ++member)
            bands[member] = {first, row - 1, index, groupZone};
        first = row;
        ++index;
    }
    return bands;
}

// One row across the viewport: the table's header (its part of the zone
// band, its name and seats), then the closed slots and the slot lines, the
// line under it (stronger where the next zone begins) and its spans.
QImage TimeSlotGridView::drawRow(int row, const ZoneBand &band, const StatusStyle &style,
                                 qreal ratio) const
{
    const QRect rowRect(0, cellRect(row, 0).top(), viewport()->width(), m_rowHeight);
    // Opaque rows are copied; translucent ones would be blended pixel by pixel.
    const bool opaque = palette().color(QPalette::Base).alpha() == 255
        && palette().color(QPalette::Window).alpha() == 255;
    QImage image(rowRect.size() * ratio,
                 opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    if (!opaque)
        image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setFont(font());
    painter.translate(-rowRect.topLeft());
    const QRect header = rowRect.adjusted(0, 0, m_tableHeaderWidth - rowRect.width(), 0);
    painter.setClipRect(header);
    drawRowHeader(painter, row, header, band);
    const QRect cells = rowRect.adjusted(m_tableHeaderWidth, 0, 0, 0);
    if (cells.isEmpty())
        return image;
    painter.setClipRect(cells);
    const QColor base = palette().color(QPalette::Base);
    const QColor line = mixed(base, palette().color(QPalette::Text), 0.12);
    const QColor hourLine = mixed(base, palette().color(QPalette::Text), 0.30);
    const QColor closed = mixed(base, palette().color(QPalette::Text), 0.07);
    painter.fillRect(cells, base);
    const int columns = model()->columnCount();
    for (int column = std::max(0, horizontalOffset() / m_columnWidth); column < columns; ++column) {
        const int x = cellRect(row, column).left();
        if (x > cells.right())
            break;
        if (!model()->headerData(column, Qt::Horizontal, Grid::BookableRole).toBool())
            painter.fillRect(QRect(x, cells.top(), m_columnWidth, m_rowHeight), closed);
        const bool hour = model()->headerData(column, Qt::Horizontal).toString().endsWith(u":00"_s);
        painter.fillRect(QRect(x, cells.top(), 1, m_rowHeight), hour ? hourLine : line);
    }
    if (band.first == row && row > 0)
        painter.fillRect(QRect(cells.left(), cells.top(), cells.width(), 1), hourLine);
    const bool zoneEnds = band.last == row && row + 1 < model()->rowCount();
    painter.fillRect(QRect(cells.left(), cells.bottom(), cells.width(), 1),
                     zoneEnds ? hourLine : line);
    const auto spans
        = model()->headerData(row, Qt::Vertical, Grid::SpansRole).value<QList<GridSpan>>();
    for (const GridSpan &span : spans) {
        const QRect rect = spanRectOf(row, span);
        if (rect.intersects(cells))
            paintSpan(painter, rect, span, style);
    }
    return image;
}

// A row's part of the table header: its slice of the zone band (the band's
// name, turned upright, is drawn whole and cut by the row), the table's name
// and seats, and the lines under and beside it.
void TimeSlotGridView::drawRowHeader(QPainter &painter, int row, const QRect &header,
                                     const ZoneBand &band) const
{
    painter.fillRect(header, palette().window());
    const QColor window = palette().color(QPalette::Window);
    const QColor text = palette().color(QPalette::WindowText);
    const QRect bandRect(0, cellRect(band.first, 0).top(), m_zoneBandWidth,
                         (band.last - band.first + 1) * m_rowHeight);
    painter.fillRect(bandRect.adjusted(0, 0, 0, -1),
                     mixed(window, text, band.index % 2 == 0 ? 0.12 : 0.2));
    painter.save();
    painter.setPen(text);
    painter.translate(bandRect.left(), bandRect.bottom());
    painter.rotate(-90);
    const QRect rotated(4, 0, bandRect.height() - 8, bandRect.width());
    painter.drawText(rotated, Qt::AlignCenter,
                     QFontMetrics(font()).elidedText(band.zone, Qt::ElideRight, rotated.width()));
    painter.restore();

    const QRect rect = header.adjusted(m_zoneBandWidth, 0, 0, 0);
    const QRect inner = rect.adjusted(8, 4, -4, -4);
    const int half = inner.height() / 2;
    painter.setPen(text);
    m_texts.draw(painter, QRect(inner.left(), inner.top(), inner.width(), half),
                 model()->headerData(row, Qt::Vertical).toString(), m_boldFont,
                 Qt::AlignLeft | Qt::AlignBottom);
    painter.setPen(mixed(window, text, 0.7));
    const int seats = model()->headerData(row, Qt::Vertical, Grid::SeatsRole).toInt();
    m_texts.draw(painter, QRect(inner.left(), inner.top() + half, inner.width(), half),
                 seats == 1 ? u"1 seat"_s : u"%1 seats"_s.arg(seats), font(),
                 Qt::AlignLeft | Qt::AlignTop);
    painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), mixed(window, text, 0.15));
    painter.fillRect(QRect(header.right(), header.top(), 1, header.height()),
                     mixed(window, text, 0.3));
}

// The selected booking's outline and the current cell's, over the rows.
void TimeSlotGridView::paintSelection(QPainter &painter) const
{
    if (!m_selectedBooking.isEmpty()) {
        const QRect rect = spanRect(m_selectedBooking);
        if (rect.isValid()) {
            painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rect.adjusted(-1, -1, 0, 0));
        }
        return;
    }
    const QModelIndex current = currentIndex();
    if (current.isValid() && hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(visualRect(current).adjusted(1, 1, -1, -1));
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
    QPen edge = outline;
    if (m_moveProblem) {
        // Red: the host sees before letting go that the booking cannot go here.
        const QColor conflict = StatusStyle(palette()).conflict().border;
        fill = conflict;
        fill.setAlphaF(0.22f);
        edge.setColor(conflict);
    }
    painter.fillRect(rect, fill);
    painter.setPen(edge);
    painter.drawRect(rect);
    painter.setPen(palette().color(QPalette::Text));
    const QString place = u"%1 at %2"_s.arg(
        m_dragCell.data(Grid::TableIdRole).toString(),
        model()->headerData(std::max(0, ghost.startColumn), Qt::Horizontal).toString());
    const QString where
        = m_moveProblem ? u"Not here: %1"_s.arg(*m_moveProblem) : u"Move to %1"_s.arg(place);
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
