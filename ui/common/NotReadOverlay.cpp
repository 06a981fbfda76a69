#include "ui/common/NotReadOverlay.h"

#include "ui/common/ReadState.h"

#include <QEvent>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

NotReadOverlay::NotReadOverlay(const ReadState &state, QWidget *host)
    : QWidget(host)
    , m_state(&state)
{
    setObjectName(u"notRead"_s);
    setAccessibleName(u"Not read"_s);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
    host->installEventFilter(this);
    connect(&state, &ReadState::changed, this, &NotReadOverlay::follow);
    follow();
}

QString NotReadOverlay::text() const
{
    return m_state && isVisibleTo(parentWidget()) ? m_state->text() : QString();
}

void NotReadOverlay::follow()
{
    const bool notRead = m_state && !m_state->isRead();
    setAccessibleDescription(notRead ? m_state->text() : QString());
    setToolTip(notRead ? m_state->text() : QString());
    setGeometry(parentWidget()->rect());
    setVisible(notRead);
    if (notRead)
        raise();
    update();
}

bool NotReadOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void NotReadOverlay::paintEvent(QPaintEvent *)
{
    if (!m_state || m_state->isRead())
        return;
    QPainter painter(this);
    QColor veil = palette().color(QPalette::Base);
    veil.setAlphaF(0.7f);
    painter.fillRect(rect(), veil);
    const QString message = m_state->text();
    const QFontMetrics metrics = fontMetrics();
    const int margin = metrics.height() / 2;
    const int width
        = std::max(1, std::min(rect().width() - 4 * margin, metrics.averageCharWidth() * 70));
    const QRect text = metrics.boundingRect(QRect(0, 0, width, 1000),
                                            Qt::AlignCenter | Qt::TextWordWrap, message);
    QRect box(0, 0, width + 2 * margin, text.height() + 2 * margin);
    // Below a view's own header rows (the grid draws its times in the
    // viewport), where the host looks for the day.
    box.moveTop(std::max(2 * margin, rect().height() / 4));
    box.moveLeft((rect().width() - box.width()) / 2);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(palette().color(QPalette::Window));
    painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    // Plain text, not a muted one: what the host sees is not the day.
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(box.adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, message);
}

} // namespace hoststand::ui
