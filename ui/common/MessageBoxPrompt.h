#pragma once

#include "ui/common/Prompt.h"

namespace hoststand::ui {

// The application's prompt: a message box for each question.
class MessageBoxPrompt final : public Prompt
{
public:
    bool confirm(QWidget *parent, const QString &title, const QString &question,
                 const QString &acceptText) override;
    void inform(QWidget *parent, const QString &title, const QString &message) override;
};

} // namespace hoststand::ui
