#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace hoststand {
class Clock;
class ReadModel;
} // namespace hoststand

namespace hoststand::ui {

class DaySheet;
class HostStandWindow;
class Prompt;

// "Print day sheet…" (Ctrl+P, through a print preview) and "Export day
// sheet to PDF…" (Ctrl+Shift+E) for the day and service the window shows.
// The file comes from an injectable chooser, so tests never block on a
// file dialog.
class DaySheetActions final : public QObject
{
    Q_OBJECT

public:
    // The path to write, or empty when the host cancelled.
    using FileChooser = std::function<QString(QWidget *parent, const QString &suggestedPath)>;

    DaySheetActions(HostStandWindow &window, ReadModel &readModel, const Clock &clock,
                    Prompt &prompt);

    QAction *printAction() const { return m_print; }
    QAction *exportAction() const { return m_export; }
    void setFileChooser(FileChooser chooser);

    // The sheet of the day and service shown now.
    DaySheet currentSheet() const;
    // Opens the print preview (window-modal, without blocking).
    void printSheet();
    void exportSheet();

Q_SIGNALS:
    // What to tell the host: "Day sheet saved to …".
    void done(const QString &message);

private:
    // Whether the sheet's bookings were read; if not, tells the host why.
    bool wasReadOrSaySo(const DaySheet &sheet);
    static QString askForFile(QWidget *parent, const QString &suggestedPath);

    HostStandWindow &m_window;
    ReadModel &m_readModel;
    const Clock &m_clock;
    Prompt &m_prompt;
    QAction *m_print;
    QAction *m_export;
    FileChooser m_chooseFile;
};

} // namespace hoststand::ui
