#pragma once

#include "ui/common/Prompt.h"

#include <QStringList>

namespace hoststand::test {

// A prompt that answers from the test's script and remembers what it was
// asked and told, so a test can check the words a host would read.
class ScriptedPrompt final : public ui::Prompt
{
public:
    bool confirm(QWidget *, const QString &, const QString &question, const QString &) override
    {
        questions.append(question);
        return answer;
    }
    void inform(QWidget *, const QString &, const QString &message) override
    {
        messages.append(message);
    }

    bool answer = true;
    QStringList questions;
    QStringList messages;
};

} // namespace hoststand::test
