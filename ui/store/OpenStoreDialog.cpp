#include "ui/store/OpenStoreDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

QString chooseWithFileDialog(QWidget *parent, const QString &current)
{
    // An existing store is opened, a new name makes a new store: no
    // question about replacing the file.
    return QFileDialog::getSaveFileName(parent, u"Store file"_s, current,
                                        u"Hoststand stores (*.hoststand);;"
                                        "All files (*)"_s,
                                        nullptr, QFileDialog::DontConfirmOverwrite);
}

QLineEdit *lineEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

} // namespace

OpenStoreDialog::OpenStoreDialog(const StoreFields &initial, QWidget *parent)
    : QDialog(parent)
    , m_fileKind(new QRadioButton(u"A &file on this computer"_s, this))
    , m_serverKind(new QRadioButton(u"A Postgre&SQL server, shared by several computers"_s, this))
    , m_pages(new QStackedWidget(this))
    , m_file(lineEdit(u"file"_s, this))
    , m_host(lineEdit(u"host"_s, this))
    , m_port(new QSpinBox(this))
    , m_database(lineEdit(u"database"_s, this))
    , m_user(lineEdit(u"user"_s, this))
    , m_password(lineEdit(u"password"_s, this))
    , m_rememberPassword(new QCheckBox(
          u"&Remember the password (kept unencrypted in Hoststand's settings file)"_s, this))
    , m_opens(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
    , m_chooseFile(&chooseWithFileDialog)
{
    setObjectName(u"openStoreDialog"_s);
    setWindowTitle(u"Open store"_s);
    buildForm();
    setChoice(initial);
    for (QLineEdit *edit : {m_file, m_host, m_database, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &OpenStoreDialog::refresh);
    connect(m_port, &QSpinBox::valueChanged, this, &OpenStoreDialog::refresh);
    connect(m_rememberPassword, &QCheckBox::toggled, this, &OpenStoreDialog::refresh);
    connect(m_fileKind, &QRadioButton::toggled, this, &OpenStoreDialog::refresh);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void OpenStoreDialog::buildForm()
{
    m_fileKind->setObjectName(u"fileKind"_s);
    m_serverKind->setObjectName(u"serverKind"_s);
    m_pages->addWidget(buildFilePage());
    m_pages->addWidget(buildServerPage());
    m_opens->setObjectName(u"opens"_s);
    m_opens->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_opens->setWordWrap(true);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::Highlight);
    m_buttons->button(QDialogButtonBox::Open)->setObjectName(u"open"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fileKind);
    layout->addWidget(m_serverKind);
    layout->addWidget(m_pages);
    layout->addWidget(m_opens);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);
}

QWidget *OpenStoreDialog::buildFilePage()
{
    auto *page = new QWidget(this);
    auto *browse = new QPushButton(u"&Browse…"_s, page);
    browse->setObjectName(u"browse"_s);
    connect(browse, &QPushButton::clicked, this, &OpenStoreDialog::browse);
    auto *row = new QHBoxLayout;
    row->addWidget(m_file, 1);
    row->addWidget(browse);
    auto *form = new QFormLayout(page);
    form->addRow(u"File:"_s, row);
    auto *note = new QLabel(u"Terminals on this computer share one file; a new name makes a "
                            "new store."_s,
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *OpenStoreDialog::buildServerPage()
{
    auto *page = new QWidget(this);
    m_port->setObjectName(u"port"_s);
    m_port->setRange(1, 65535);
    m_password->setEchoMode(QLineEdit::Password);
    m_rememberPassword->setObjectName(u"rememberPassword"_s);
    auto *form = new QFormLayout(page);
    form->addRow(u"&Host:"_s, m_host);
    form->addRow(u"P&ort:"_s, m_port);
    form->addRow(u"&Database:"_s, m_database);
    form->addRow(u"&User:"_s, m_user);
    form->addRow(u"&Password:"_s, m_password);
    form->addRow(m_rememberPassword);
    return page;
}

StoreFields OpenStoreDialog::choice() const
{
    StoreFields choice;
    choice.kind = m_serverKind->isChecked() ? StoreFields::Kind::Server : StoreFields::Kind::File;
    choice.file = m_file->text().trimmed();
    choice.host = m_host->text().trimmed();
    choice.port = m_port->value();
    choice.database = m_database->text().trimmed();
    choice.user = m_user->text().trimmed();
    choice.password = m_password->text();
    choice.rememberPassword = m_rememberPassword->isChecked();
    return choice;
}

void OpenStoreDialog::setChoice(const StoreFields &choice)
{
    (choice.kind == StoreFields::Kind::Server ? m_serverKind : m_fileKind)->setChecked(true);
    m_file->setText(choice.file);
    m_host->setText(choice.host);
    m_port->setValue(choice.port);
    m_database->setText(choice.database);
    m_user->setText(choice.user);
    m_password->setText(choice.password);
    m_rememberPassword->setChecked(choice.rememberPassword);
    refresh();
}

void OpenStoreDialog::setFileChooser(FileChooser chooser)
{
    m_chooseFile = std::move(chooser);
}

void OpenStoreDialog::browse()
{
    const QString chosen = m_chooseFile(this, m_file->text());
    if (!chosen.isEmpty())
        m_file->setText(chosen);
}

// The page of the kind chosen, the location it opens, and what is missing.
void OpenStoreDialog::refresh()
{
    m_pages->setCurrentIndex(m_serverKind->isChecked() ? 1 : 0);
    const StoreFields current = choice();
    const std::optional<QString> problem = current.problem();
    m_opens->setText(problem ? QString() : u"Opens %1"_s.arg(current.shownLocation()));
    m_problem->setText(problem.value_or(QString()));
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(!problem);
}

} // namespace hoststand::ui
