#pragma once

#include <QPointer>
#include <QProgressDialog>

#include <chrono>

namespace hoststand::ui {

// What a host sees while the read model is rebuilt as the store opens (a
// first start on a long history, a new version of the read tables): a
// progress dialog that appears when the rebuild outlasts a moment and
// closes when it is done, instead of a window that does not come.
class RebuildProgress final
{
public:
    explicit RebuildProgress(QWidget *parent = nullptr,
                             std::chrono::milliseconds showAfter = std::chrono::milliseconds(500));
    ~RebuildProgress();
    RebuildProgress(const RebuildProgress &) = delete;
    RebuildProgress &operator=(const RebuildProgress &) = delete;

    // RestaurantOptions::readModelProgress: events done of all.
    void report(qint64 done, qint64 total);

    // The dialog, once a report has made it (for tests).
    QProgressDialog *dialog() const { return m_dialog; }
    // The most the dialog has shown, and whether it was ever on screen.
    qint64 shownDone() const { return m_shownDone; }
    bool wasShown() const { return m_wasShown; }

private:
    QWidget *m_parent;
    std::chrono::milliseconds m_showAfter;
    QPointer<QProgressDialog> m_dialog;
    qint64 m_shownDone = 0;
    bool m_wasShown = false;
};

} // namespace hoststand::ui
