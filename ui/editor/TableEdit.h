#pragma once

#include "domain/DomainError.h"
#include "ui/editor/RefusalWording.h"

#include <QUndoCommand>

#include <functional>

namespace hoststand::ui {

// One of the manager's edits on the undo stack, kept as the two commands
// that do and undo it (undoing never rewrites history: it issues the
// compensating command). EditHistory runs a step and moves the stack's
// index only once the domain has accepted it, so that a refusal leaves the
// stack as it was; redo() and undo() themselves therefore do nothing.
class TableEdit final : public QUndoCommand
{
public:
    struct Step
    {
        std::function<DomainResult<void>()> run;
        // The start of the sentence that tells why it could not be done
        // ("Table T4 cannot be removed") and what to do about bookings
        // that hold the table.
        QString lead;
        RefusalWording::Advice advice;
    };

    TableEdit(const QString &text, QString tableId, Step forward, Step backward);

    const QString &tableId() const { return m_tableId; }
    const Step &forward() const { return m_forward; }
    const Step &backward() const { return m_backward; }

    void redo() override { }
    void undo() override { }

private:
    QString m_tableId;
    Step m_forward;
    Step m_backward;
};

} // namespace hoststand::ui
