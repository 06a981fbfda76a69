#include "ui/editor/TableEdit.h"

namespace hoststand::ui {

TableEdit::TableEdit(const QString &text, QString tableId, Step forward, Step backward)
    : QUndoCommand(text)
    , m_tableId(std::move(tableId))
    , m_forward(std::move(forward))
    , m_backward(std::move(backward))
{ }

} // namespace hoststand::ui
