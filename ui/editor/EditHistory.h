#pragma once

#include "domain/contracts/TableLayout.h"
#include "domain/tablemanager/Table.h"
#include "ui/editor/TableEdit.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QUndoStack;

namespace hoststand {
class TableManager;
} // namespace hoststand

namespace hoststand::ui {

class RefusalWording;

// The manager's own edits of the tables, each one command of the table
// manager and one step on a QUndoStack. Undo and redo issue the
// compensating command (move back, seats back, add a removed table again
// with its layout and seats, remove an added one) and move the stack only
// when the domain accepts it; a refusal is told through refused() in a
// manager's words and leaves the stack as it was.
class EditHistory final : public QObject
{
    Q_OBJECT

public:
    EditHistory(TableManager &tables, const RefusalWording &wording, QObject *parent = nullptr);

    QUndoStack *stack() const { return m_stack; }

    // Each returns whether the table manager accepted it. A layout or seats
    // equal to the table's own is no edit and counts as accepted.
    bool addTable(const QString &tableId, int seats, const TableLayout &layout);
    // Changes the layout the table has now (not what a view last showed):
    // change gets it and edits what the manager changed.
    bool changeLayout(const QString &tableId, const std::function<void(TableLayout &)> &change);
    bool changeSeats(const QString &tableId, int seats);
    bool removeTable(const QString &tableId);
    bool undo();
    bool redo();

    // Runs before every edit, undo and redo, so that an edit still in the
    // making (a burst of arrow-key nudges) lands first, in its order.
    void setBeforeEach(std::function<void()> beforeEach);

Q_SIGNALS:
    // What was done, for the status bar.
    void done(const QString &message);
    // Why it could not be done, in a manager's words.
    void refused(const QString &title, const QString &message);

private:
    std::optional<Table> inService(const QString &tableId, const QString &title);
    bool record(std::unique_ptr<TableEdit> edit, const QString &title, const QString &doneMessage);
    bool run(const TableEdit::Step &step, const QString &title);
    static QString layoutChange(const QString &tableId, const TableLayout &before,
                                const TableLayout &after);
    void beforeEach();

    TableManager &m_tables;
    const RefusalWording &m_wording;
    QUndoStack *m_stack;
    std::function<void()> m_beforeEach;
    bool m_inBeforeEach = false;
};

} // namespace hoststand::ui
