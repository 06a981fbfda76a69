#include "ui/store/RebuildProgress.h"

#include <QLocale>

#include <limits>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

RebuildProgress::RebuildProgress(QWidget *parent, std::chrono::milliseconds showAfter)
    : m_parent(parent)
    , m_showAfter(showAfter)
{ }

RebuildProgress::~RebuildProgress()
{
    delete m_dialog;
}

void RebuildProgress::report(qint64 done, qint64 total)
{
    if (!m_dialog) {
        m_dialog = new QProgressDialog(m_parent);
        m_dialog->setWindowTitle(u"Opening the store"_s);
        m_dialog->setAccessibleName(u"Rebuilding the bookings"_s);
        m_dialog->setCancelButton(nullptr); // the window needs the read model
        m_dialog->setWindowModality(Qt::ApplicationModal);
        m_dialog->setMinimumDuration(int(m_showAfter.count()));
        m_dialog->setAutoClose(true);
        m_dialog->setAutoReset(true);
        m_dialog->setValue(0); // starts the clock of minimumDuration
    }
    // QProgressDialog counts in int: large histories are shown in thousands.
    const qint64 scale = total > std::numeric_limits<int>::max() ? 1000 : 1;
    m_dialog->setLabelText(u"Bringing the bookings up to date: %1 of %2 events…"_s.arg(
        QLocale().toString(done), QLocale().toString(total)));
    m_dialog->setMaximum(int(total / scale));
    m_dialog->setValue(int(done / scale)); // shows it once it outlasts showAfter
    m_wasShown = m_wasShown || m_dialog->isVisible();
    m_shownDone = std::max(m_shownDone, done);
}

} // namespace hoststand::ui
