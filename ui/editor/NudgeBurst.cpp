#include "ui/editor/NudgeBurst.h"

namespace hoststand::ui {

NudgeBurst::NudgeBurst(QObject *parent)
    : QObject(parent)
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(Pause);
    connect(&m_pause, &QTimer::timeout, this, &NudgeBurst::land);
}

QPointF NudgeBurst::nudge(const QString &tableId, const QPointF &from, const QPointF &to)
{
    if (isActive() && tableId != m_tableId)
        land();
    if (!isActive()) {
        m_tableId = tableId;
        m_start = from;
    }
    m_position = to;
    m_pause.start();
    return m_position;
}

void NudgeBurst::land()
{
    m_pause.stop();
    if (!isActive())
        return;
    const QString tableId = std::exchange(m_tableId, QString());
    Q_EMIT landed(tableId, m_start, m_position);
}

} // namespace hoststand::ui
