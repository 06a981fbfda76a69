#include "ui/editor/ProblemLabel.h"

#include "ui/common/StatusStyle.h"

#include <QApplication>
#include <QEvent>

namespace hoststand::ui {

ProblemLabel::ProblemLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
    followPalette();
}

void ProblemLabel::setProblem(const QString &problem)
{
    setText(problem);
    setVisible(!problem.isEmpty());
}

void ProblemLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange
        || event->type() == QEvent::ApplicationPaletteChange)
        followPalette();
}

// Its own palette's text colour is set here, so the colour comes from the
// palette around it; setting it only when it differs ends the change events.
void ProblemLabel::followPalette()
{
    const QPalette around = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const QColor warning = StatusStyle(around).conflict().border;
    if (palette().color(QPalette::WindowText) == warning)
        return;
    QPalette own = palette();
    own.setColor(QPalette::WindowText, warning);
    setPalette(own);
}

} // namespace hoststand::ui
