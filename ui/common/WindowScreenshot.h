#pragma once

#include <QDate>
#include <QSize>
#include <QString>

#include <optional>

namespace hoststand::ui {

class HostStandTools;
class HostStandWindow;
class TableEditorWindow;

// `hoststand --screenshot FILE [--date D] [--view grid|floor|log|editor]`: the
// host stand rendered offscreen into a PNG, for the README and for looking
// at what a host sees.
struct WindowScreenshot final
{
    QString path;
    QString view = QStringLiteral("grid");
    QDate date; // the clock's today when invalid
    QSize size {1400, 900};

    // Why the request cannot be carried out (an unknown view), checked
    // before anything opens.
    std::optional<QString> problem() const;
    // Shows the view at the size, lets the window settle and writes the
    // PNG; the reason when the file cannot be written.
    std::optional<QString> take(HostStandWindow &window, HostStandTools &tools) const;
    // `--view editor`: the table editor's floor plan at the size.
    std::optional<QString> take(TableEditorWindow &editor) const;
};

} // namespace hoststand::ui
