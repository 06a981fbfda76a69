#include "ui/store/StoreSwitcher.h"

#include "ui/store/OpenStoreDialog.h"
#include "ui/store/StoreFields.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

// Before the window exists: a dialog of its own, answered before going on.
std::optional<QString> StoreSwitcher::askNow(QSettings &settings, const StoreFields &initial)
{
    OpenStoreDialog dialog(initial);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    dialog.choice().remember(settings);
    return dialog.choice().location();
}

std::optional<QString> StoreSwitcher::atStartUp(QSettings &settings)
{
    const std::optional<StoreFields> remembered = StoreFields::remembered(settings);
    if (remembered && remembered->isComplete())
        return remembered->location();
    return askNow(settings, remembered.value_or(StoreFields::defaults()));
}

std::optional<QString> StoreSwitcher::afterFailure(QSettings &settings, const QString &location)
{
    return askNow(settings, fieldsFor(settings, location));
}

StoreFields StoreSwitcher::fieldsFor(QSettings &settings, const QString &location)
{
    StoreFields choice = StoreFields::fromLocation(location);
    if (const auto remembered = StoreFields::remembered(settings);
        remembered && remembered->location() == choice.location())
        choice.rememberPassword = remembered->rememberPassword;
    return choice;
}

StoreSwitcher::StoreSwitcher(QMainWindow &window, QSettings &settings,
                             const QString &currentLocation)
    : QObject(&window)
    , m_window(window)
    , m_settings(settings)
    , m_current(currentLocation)
    , m_open(new QAction(u"&Open store…"_s, this))
{
    m_open->setObjectName(u"openStore"_s);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(u"Open another store: a file on this computer or a PostgreSQL server"_s);
    connect(m_open, &QAction::triggered, this, &StoreSwitcher::ask);
    auto *file = new QMenu(u"&File"_s, &window);
    file->setObjectName(u"fileMenu"_s);
    file->addAction(m_open);
    QMenuBar *bar = window.menuBar();
    bar->insertMenu(bar->actions().value(0), file);
}

// Window-modal, so the host stand keeps following the store meanwhile.
void StoreSwitcher::ask()
{
    auto *dialog = new OpenStoreDialog(fieldsFor(m_settings, m_current), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { accept(*dialog); });
    dialog->open();
}

void StoreSwitcher::accept(const OpenStoreDialog &dialog)
{
    const StoreFields choice = dialog.choice();
    choice.remember(m_settings);
    m_chosen = choice.location();
    Q_EMIT storeChosen(*m_chosen);
}

} // namespace hoststand::ui
