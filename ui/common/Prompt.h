#pragma once

#include <QString>

class QWidget;

namespace hoststand::ui {

// Where the window asks the host to confirm and tells of a refusal. The
// application answers with message boxes (MessageBoxPrompt); tests answer
// from a script, so they never block on a modal dialog.
class Prompt
{
public:
    virtual ~Prompt();

    // True when the host accepts; acceptText names the accepting button.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &question,
                         const QString &acceptText)
        = 0;
    // Tells the host why something could not be done.
    virtual void inform(QWidget *parent, const QString &title, const QString &message) = 0;
};

} // namespace hoststand::ui
