#include "ui/common/WindowScreenshot.h"

#include "ui/editor/TableEditorWindow.h"
#include "ui/eventlog/EventLogView.h"
#include "ui/hoststand/HostStandTools.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// Layouts, the views' first paint and queued model updates all come from
// the event loop.
void settle()
{
    const QDeadlineTimer deadline(300);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

std::optional<QString> WindowScreenshot::problem() const
{
    const QStringList views = HostStandTools::viewNames() << u"editor"_s;
    if (!views.contains(view))
        return u"There is no view \"%1\"; --view takes %2."_s.arg(view, views.join(u", "_s));
    if (path.isEmpty())
        return u"--screenshot needs the PNG file to write."_s;
    return std::nullopt;
}

std::optional<QString> WindowScreenshot::take(HostStandWindow &window, HostStandTools &tools) const
{
    window.resize(size);
    window.show();
    if (date.isValid())
        window.showDay(date, window.service());
    tools.showView(view);
    settle();
    // The log shows a whole visit: the newest party to have left, with its chain.
    if (view == u"log"_s)
        tools.eventLog()->selectNewest(u"party-left"_s);
    settle();
    const QPixmap picture = window.grab();
    if (!picture.save(path, "PNG"))
        return u"The screenshot could not be written to %1."_s.arg(path);
    return std::nullopt;
}

std::optional<QString> WindowScreenshot::take(TableEditorWindow &editor) const
{
    editor.resize(size);
    editor.show();
    settle();
    const QPixmap picture = editor.grab();
    if (!picture.save(path, "PNG"))
        return u"The screenshot could not be written to %1."_s.arg(path);
    return std::nullopt;
}

} // namespace hoststand::ui
