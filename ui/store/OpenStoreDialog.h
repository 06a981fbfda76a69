#pragma once

#include "ui/store/StoreFields.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace hoststand::ui {

// Open store: a SQLite file on this computer (with a file chooser) or a
// PostgreSQL server (host, port, database, user, password and whether to
// remember the password). It shows the location it will open, says what
// is missing, and accepts only a choice that can be opened.
class OpenStoreDialog final : public QDialog
{
    Q_OBJECT

public:
    // Asks for a file (the chooser's answer; empty when cancelled).
    using FileChooser = std::function<QString(QWidget *parent, const QString &current)>;

    explicit OpenStoreDialog(const StoreFields &initial, QWidget *parent = nullptr);

    StoreFields choice() const;
    void setChoice(const StoreFields &choice);
    // The chooser the Browse… button runs (a file dialog by default).
    void setFileChooser(FileChooser chooser);

private:
    void buildForm();
    QWidget *buildFilePage();
    QWidget *buildServerPage();
    void browse();
    void refresh();

    QRadioButton *m_fileKind;
    QRadioButton *m_serverKind;
    QStackedWidget *m_pages;
    QLineEdit *m_file;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_rememberPassword;
    QLabel *m_opens;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    FileChooser m_chooseFile;
};

} // namespace hoststand::ui
