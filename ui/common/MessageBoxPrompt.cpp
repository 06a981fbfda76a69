#include "ui/common/MessageBoxPrompt.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

bool MessageBoxPrompt::confirm(QWidget *parent, const QString &title, const QString &question,
                               const QString &acceptText)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton *keep = box.addButton(u"Go back"_s, QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == accept;
}

void MessageBoxPrompt::inform(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox::information(parent, title, message);
}

} // namespace hoststand::ui
