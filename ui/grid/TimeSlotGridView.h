#pragma once

#include "ui/common/StaticTextCache.h"
#include "ui/grid/GridSpan.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QPixmap>

#include <functional>
#include <optional>

namespace hoststand::ui {

class StatusStyle;

// The time-slot grid: tables down the side in zone bands, slots across,
// each booking one span with the guest, the party and its status as colour,
// word and mark; a line at now; overlapping bookings in lanes with a
// warning. Works on TimeSlotGridModel's roles.
//
// Click or drag across free cells to ask for a booking there; double-click
// (or Enter on) a booking to open it; drag a booking to another table or
// time, or move the picked one with Alt+Up, Alt+Down (tables) and
// Alt+Shift+Left, Alt+Shift+Right (slots), to ask for a move. The view only
// asks: the window decides.
class TimeSlotGridView final : public QAbstractItemView
{
    Q_OBJECT

public:
    explicit TimeSlotGridView(QWidget *parent = nullptr);

    void setNow(const QDateTime &now);
    // The booking the host picked (by click, or the one under the cursor cell).
    QString selectedBookingId() const { return m_selectedBooking; }
    void selectBooking(const QString &bookingId);

    // The whole grid's size in pixels, headers included, for rendering it at once.
    QSize gridSize() const;

    void setModel(QAbstractItemModel *model) override;
    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    // The booking drawn at a point of the viewport, empty when none.
    QString bookingAt(const QPoint &point) const;
    // Where a booking's span is drawn in the viewport.
    QRect spanRect(const QString &bookingId) const;

    // Why a booking cannot move to a target (its start's table and slot),
    // asked while it is dragged there: the place is drawn red with the
    // reason, and a drop there is refused (moveRefused) instead of asked.
    using MoveCheck = std::function<std::optional<QString>(const QString &bookingId,
                                                           const QModelIndex &target)>;
    void setMoveCheck(MoveCheck check) { m_moveCheck = std::move(check); }
    // While a booking is dragged: why it cannot go where it is now, if it cannot.
    const std::optional<QString> &moveProblem() const { return m_moveProblem; }

Q_SIGNALS:
    // Free cells of one row from first to last, clicked or dragged across.
    void bookingRequested(const QModelIndex &first, const QModelIndex &last);
    void bookingOpened(const QString &bookingId);
    // The booking dropped with its start on target's table and slot.
    void moveRequested(const QString &bookingId, const QModelIndex &target);
    // The booking dropped where the move check says it cannot go.
    void moveRefused(const QString &bookingId, const QString &why);
    void selectedBookingChanged(const QString &bookingId);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Press
    {
        QModelIndex cell;
        QPoint position;
        QString bookingId;
        int grabColumnOffset = 0; // from the span's first column to the grabbed cell
    };

    void updateMetrics();
    QRect cellArea() const;
    QRect cellRect(int row, int column) const;
    QRectF laneRect(const QRect &rowRect, int lane, int lanes) const;
    QRect spanRectOf(int row, const GridSpan &span) const;
    std::optional<GridSpan> spanAt(const QPoint &point) const;
    std::optional<GridSpan> spanOf(const QString &bookingId, int *row) const;
    QModelIndex cellAt(int row, const QPoint &point) const;
    void setSelectedBooking(const QString &bookingId);
    bool movable(const GridSpan &span) const;

    // The rows of a table's zone, its place down the grid and its name.
    struct ZoneBand
    {
        int first = 0;
        int last = 0;
        int index = 0;
        QString zone;
    };
    QList<ZoneBand> zoneBands() const;
    void paintRows(QPainter &painter, const QRect &dirty, const StatusStyle &style) const;
    QImage drawRow(int row, const ZoneBand &band, const StatusStyle &style, qreal ratio) const;
    void drawRowHeader(QPainter &painter, int row, const QRect &header, const ZoneBand &band) const;
    void forgetRows(int first, int last);
    void forgetAllRows();
    void paintSelection(QPainter &painter) const;
    void paintSpan(QPainter &painter, const QRect &rect, const GridSpan &span,
                   const StatusStyle &style) const;
    void paintSpanBox(QPainter &painter, const QRect &rect, const GridSpan &span,
                      const StatusStyle &style) const;
    void paintSpanText(QPainter &painter, const QRect &text, const GridSpan &span,
                       const QColor &color) const;
    void paintMark(QPainter &painter, const QRectF &rect, const GridSpan &span,
                   const QColor &color) const;
    void paintDragFeedback(QPainter &painter) const;
    // Where the dragged booking would start: its start's cell under the mouse.
    QModelIndex moveTarget() const;
    // The cell the dragged booking starts on now.
    QModelIndex moveOrigin() const;
    void checkMoveTarget();
    // A move of the picked booking by the keyboard; false for another key.
    bool moveByKey(QKeyEvent *event);
    void paintNowLine(QPainter &painter, const StatusStyle &style) const;
    void paintSlotHeader(QPainter &painter, const QRect &dirty) const;
    void paintCorner(QPainter &painter) const;
    QString toolTipAt(const QPoint &point) const;

    int m_rowHeight = 40;
    int m_columnWidth = 36;
    int m_minimumColumnWidth = 36;
    int m_tableHeaderWidth = 120;
    int m_zoneBandWidth = 22;
    int m_slotHeaderHeight = 36;
    QFont m_boldFont;
    QFont m_noShowFont; // bold, struck out
    mutable StaticTextCache m_texts;
    // A span's mark, drawn once per status, colour and size: hundreds of
    // spans a frame would each stroke its antialiased path again.
    mutable QHash<quint64, QPixmap> m_marks;
    // The rows as last drawn (paintRows), and what they were drawn for.
    struct RowImagesKey
    {
        int horizontalOffset = -1;
        int width = -1;
        int tableHeaderWidth = 0;
        int columnWidth = 0;
        int rowHeight = 0;
        qreal ratio = 0;
        QPalette::ColorGroup colors = QPalette::Active; // inactive windows may differ
        bool operator==(const RowImagesKey &) const = default;
    };
    mutable QHash<int, QImage> m_rowImages;
    mutable RowImagesKey m_rowImagesKey;
    QList<QMetaObject::Connection> m_modelConnections;
    QDateTime m_now;
    QString m_selectedBooking;
    std::optional<Press> m_press;
    QModelIndex m_dragCell; // where the mouse is while dragging
    bool m_moving = false;
    MoveCheck m_moveCheck;
    QPersistentModelIndex m_checkedTarget; // the target m_moveProblem is for
    std::optional<QString> m_moveProblem;
};

} // namespace hoststand::ui
