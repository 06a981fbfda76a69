#include "ui/daysheet/DaySheetActions.h"

#include "domain/Clock.h"
#include "ui/common/PaletteIconEngine.h"
#include "ui/common/Prompt.h"
#include "ui/daysheet/DaySheet.h"
#include "ui/hoststand/HostStandWindow.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

DaySheetActions::DaySheetActions(HostStandWindow &window, ReadModel &readModel, const Clock &clock,
                                 Prompt &prompt)
    : QObject(&window)
    , m_window(window)
    , m_readModel(readModel)
    , m_clock(clock)
    , m_prompt(prompt)
    , m_print(new QAction(PaletteIconEngine::icon(u"print"_s), tr("&Print day sheet…"), this))
    , m_export(new QAction(tr("&Export day sheet to PDF…"), this))
    , m_chooseFile(&DaySheetActions::askForFile)
{
    m_print->setObjectName(u"printDaySheet"_s);
    m_print->setShortcut(QKeySequence::Print);
    m_print->setToolTip(tr("Print the day sheet of the service shown (%1)")
                            .arg(m_print->shortcut().toString(QKeySequence::NativeText)));
    m_export->setObjectName(u"exportDaySheet"_s);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setToolTip(tr("Save the day sheet of the service shown as a PDF (%1)")
                             .arg(m_export->shortcut().toString(QKeySequence::NativeText)));
    connect(m_print, &QAction::triggered, this, &DaySheetActions::printSheet);
    connect(m_export, &QAction::triggered, this, &DaySheetActions::exportSheet);
}

void DaySheetActions::setFileChooser(FileChooser chooser)
{
    m_chooseFile = std::move(chooser);
}

DaySheet DaySheetActions::currentSheet() const
{
    return DaySheet(m_readModel, m_window.date(), m_window.service(), m_clock.now());
}

void DaySheetActions::printSheet()
{
    const DaySheet sheet = currentSheet();
    if (!wasReadOrSaySo(sheet))
        return;
    auto *preview = new QPrintPreviewDialog(&m_window);
    preview->setObjectName(u"daySheetPreview"_s);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Day sheet: %1").arg(sheet.title()));
    preview->printer()->setDocName(sheet.title());
    connect(preview, &QPrintPreviewDialog::paintRequested, preview,
            [sheet](QPrinter *printer) { sheet.print(*printer); });
    preview->open();
}

void DaySheetActions::exportSheet()
{
    const DaySheet sheet = currentSheet();
    if (!wasReadOrSaySo(sheet))
        return;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    QString path = m_chooseFile(&m_window, QDir(folder).filePath(sheet.suggestedFileName()));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        path += u".pdf"_s;
    if (const std::optional<QString> failed = sheet.exportPdf(path)) {
        m_prompt.inform(&m_window, tr("Day sheet"), *failed);
        return;
    }
    Q_EMIT done(tr("Day sheet saved to %1.").arg(QDir::toNativeSeparators(path)));
}

// An empty sheet for a service whose bookings could not be read would
// send the host into the evening without them.
bool DaySheetActions::wasReadOrSaySo(const DaySheet &sheet)
{
    if (sheet.notRead().isEmpty())
        return true;
    m_prompt.inform(&m_window, tr("Day sheet"),
                    tr("The bookings of %1 could not be read, so no day sheet was made: %2 "
                       "Try again in a moment.")
                        .arg(sheet.title(), sheet.notRead()));
    return false;
}

QString DaySheetActions::askForFile(QWidget *parent, const QString &suggestedPath)
{
    return QFileDialog::getSaveFileName(parent, tr("Export day sheet to PDF"), suggestedPath,
                                        tr("PDF documents (*.pdf)"));
}

} // namespace hoststand::ui
