#pragma once

#include <QObject>

class QMainWindow;
class QTabWidget;

namespace hoststand::ui {

// Keeps the host stand as the host left it: the window's geometry, its
// toolbars and the view it showed, in QSettings (organisation and
// application "Hoststand"). Restores them when made, after every view is
// in; saves the view as soon as it changes and the rest on close.
class WindowState final : public QObject
{
    Q_OBJECT

public:
    WindowState(QMainWindow &window, QTabWidget &views);

    void restore();
    void save() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveView() const;
    QString viewName(int index) const;

    QMainWindow &m_window;
    QTabWidget &m_views;
};

} // namespace hoststand::ui
