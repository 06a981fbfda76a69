#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QMainWindow;
class QSettings;

namespace hoststand::ui {

class OpenStoreDialog;
struct StoreFields;

// How the host stand comes to its store and switches to another. At start-up without --store: the
// store remembered last, or the Open store dialog when none is (or a
// server's password is not remembered). Later: File → Open store… in the
// window, which remembers the new choice and hands it to the application
// to open in place of the current store.
class StoreSwitcher final : public QObject
{
    Q_OBJECT

public:
    // The location to open at start-up; nothing when the host cancelled.
    static std::optional<QString> atStartUp(QSettings &settings);
    // After the store at the location could not be opened: the dialog on
    // its fields, to correct them or pick another; nothing when cancelled.
    static std::optional<QString> afterFailure(QSettings &settings, const QString &location);

    // Adds File → Open store… (Ctrl+O) to the window, showing the current
    // store's fields when it opens. The settings outlive this object.
    StoreSwitcher(QMainWindow &window, QSettings &settings, const QString &currentLocation);

    QAction *openAction() const { return m_open; }
    // The store the host chose with the action, once accepted.
    const std::optional<QString> &chosen() const { return m_chosen; }

Q_SIGNALS:
    void storeChosen(const QString &location);

private:
    // The store's fields, with the remember-password tick the settings hold for it.
    static StoreFields fieldsFor(QSettings &settings, const QString &location);
    static std::optional<QString> askNow(QSettings &settings, const StoreFields &initial);
    void ask();
    void accept(const OpenStoreDialog &dialog);

    QMainWindow &m_window;
    QSettings &m_settings;
    QString m_current;
    QAction *m_open;
    std::optional<QString> m_chosen;
};

} // namespace hoststand::ui
