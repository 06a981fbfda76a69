#pragma once

#include <QPointer>
#include <QWidget>

namespace hoststand::ui {

class ReadState;

// What every view shows while its model could not read what it shows
// (ReadState): a muted veil over the view with "Not read: <why>" in a box
// at its top, that follows the view's size and lets the mouse through.
// Hidden while the model is read.
class NotReadOverlay final : public QWidget
{
    Q_OBJECT

public:
    // Lies over host (a view's viewport, say) for as long as host lives.
    NotReadOverlay(const ReadState &state, QWidget *host);

    // What it says; empty while hidden.
    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow();

    QPointer<const ReadState> m_state;
};

} // namespace hoststand::ui
