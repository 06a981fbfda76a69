#include "ui/editor/EditHistory.h"

#include "domain/tablemanager/TableManager.h"
#include "ui/editor/RefusalWording.h"

#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

const RefusalWording::Advice RemoveAdvice {
    u"Cancel that booking or move it to another table first."_s,
    u"Cancel those bookings or move them to other tables first."_s};
const RefusalWording::Advice SeatsAdvice {
    u"Move that booking to a larger table first, or keep the seats."_s,
    u"Move those bookings to larger tables first, or keep the seats."_s};

template<typename T>
DomainResult<void> withoutValue(const DomainResult<T> &result)
{
    if (!result.ok())
        return result.error();
    return {};
}

TableEdit::Step addStep(TableManager &tables, const TableId &id, SeatCount seats,
                        const TableLayout &layout, const QString &lead)
{
    return {
        [&tables, id, seats, layout] { return withoutValue(tables.addTable(id, seats, layout)); },
        lead, RefusalWording::Advice()};
}

TableEdit::Step removeStep(TableManager &tables, const TableId &id, const QString &lead)
{
    return {[&tables, id] { return withoutValue(tables.removeTable(id)); }, lead, RemoveAdvice};
}

TableEdit::Step layoutStep(TableManager &tables, const TableId &id, const TableLayout &layout,
                           const QString &lead)
{
    return {[&tables, id, layout] { return withoutValue(tables.moveTable(id, layout)); }, lead,
            RefusalWording::Advice()};
}

TableEdit::Step seatsStep(TableManager &tables, const TableId &id, SeatCount seats,
                          const QString &lead)
{
    return {[&tables, id, seats] { return withoutValue(tables.changeSeats(id, seats)); }, lead,
            SeatsAdvice};
}

} // namespace

EditHistory::EditHistory(TableManager &tables, const RefusalWording &wording, QObject *parent)
    : QObject(parent)
    , m_tables(tables)
    , m_wording(wording)
    , m_stack(new QUndoStack(this))
{ }

void EditHistory::setBeforeEach(std::function<void()> beforeEach)
{
    m_beforeEach = std::move(beforeEach);
}

// The hook may itself record an edit (the nudges it lands); that edit must
// not land the nudges again.
void EditHistory::beforeEach()
{
    if (!m_beforeEach || m_inBeforeEach)
        return;
    m_inBeforeEach = true;
    m_beforeEach();
    m_inBeforeEach = false;
}

bool EditHistory::addTable(const QString &tableId, int seats, const TableLayout &layout)
{
    beforeEach();
    const QString title = u"Table not added"_s;
    auto id = TableId::create(tableId);
    auto seatCount = SeatCount::create(seats);
    if (!id.ok() || !seatCount.ok()) {
        Q_EMIT refused(title, (id.ok() ? seatCount.error() : id.error()).message());
        return false;
    }
    return record(
        std::make_unique<TableEdit>(
            u"Add table %1"_s.arg(tableId), tableId,
            addStep(m_tables, id.value(), seatCount.value(), layout,
                    u"Table %1 cannot be added"_s.arg(tableId)),
            removeStep(m_tables, id.value(),
                       u"Table %1 cannot be taken off the floor plan again"_s.arg(tableId))),
        title, u"Added table %1."_s.arg(tableId));
}

bool EditHistory::changeLayout(const QString &tableId,
                               const std::function<void(TableLayout &)> &change)
{
    beforeEach();
    const QString title = u"Table not changed"_s;
    const std::optional<Table> table = inService(tableId, title);
    if (!table)
        return false;
    const TableLayout before = table->layout();
    TableLayout layout = before;
    change(layout);
    if (before == layout)
        return true;
    const QString text = layoutChange(tableId, before, layout);
    return record(
        std::make_unique<TableEdit>(
            text, tableId,
            layoutStep(m_tables, table->id(), layout, u"Table %1 cannot be changed"_s.arg(tableId)),
            layoutStep(m_tables, table->id(), before,
                       u"Table %1 cannot be put back"_s.arg(tableId))),
        title, text + u'.');
}

bool EditHistory::changeSeats(const QString &tableId, int seats)
{
    beforeEach();
    const QString title = u"Seats not changed"_s;
    auto seatCount = SeatCount::create(seats);
    if (!seatCount.ok()) {
        Q_EMIT refused(title, seatCount.error().message());
        return false;
    }
    const std::optional<Table> table = inService(tableId, title);
    if (!table)
        return false;
    const SeatCount before = *table->seats();
    if (before == seatCount.value())
        return true;
    return record(
        std::make_unique<TableEdit>(
            u"Give %1 %2 seats"_s.arg(tableId).arg(seats), tableId,
            seatsStep(m_tables, table->id(), seatCount.value(),
                      u"Table %1 cannot go down to %2 seats"_s.arg(tableId).arg(seats)),
            seatsStep(m_tables, table->id(), before,
                      u"Table %1 cannot go back to %2 seats"_s.arg(tableId).arg(before.value()))),
        title, u"Table %1 has %2 seats now."_s.arg(tableId).arg(seats));
}

bool EditHistory::removeTable(const QString &tableId)
{
    beforeEach();
    const QString title = u"Table not removed"_s;
    const std::optional<Table> table = inService(tableId, title);
    if (!table)
        return false;
    return record(
        std::make_unique<TableEdit>(
            u"Remove table %1"_s.arg(tableId), tableId,
            removeStep(m_tables, table->id(), u"Table %1 cannot be removed"_s.arg(tableId)),
            addStep(m_tables, table->id(), *table->seats(), table->layout(),
                    u"Table %1 cannot be put back"_s.arg(tableId))),
        title, u"Removed table %1. Undo (Ctrl+Z) puts it back."_s.arg(tableId));
}

bool EditHistory::undo()
{
    beforeEach();
    if (!m_stack->canUndo())
        return false;
    const auto *edit = static_cast<const TableEdit *>(m_stack->command(m_stack->index() - 1));
    if (!run(edit->backward(), u"Cannot undo “%1”"_s.arg(edit->text())))
        return false;
    const QString text = edit->text();
    m_stack->undo();
    Q_EMIT done(u"Undone: %1."_s.arg(text));
    return true;
}

bool EditHistory::redo()
{
    beforeEach();
    if (!m_stack->canRedo())
        return false;
    const auto *edit = static_cast<const TableEdit *>(m_stack->command(m_stack->index()));
    if (!run(edit->forward(), u"Cannot redo “%1”"_s.arg(edit->text())))
        return false;
    const QString text = edit->text();
    m_stack->redo();
    Q_EMIT done(u"Redone: %1."_s.arg(text));
    return true;
}

// The table as its stream has it now: what an undo restores is what was
// there before the edit, not what a read model that lags behind shows.
std::optional<Table> EditHistory::inService(const QString &tableId, const QString &title)
{
    auto id = TableId::create(tableId);
    if (!id.ok()) {
        Q_EMIT refused(title, id.error().message());
        return std::nullopt;
    }
    auto table = m_tables.table(id.value());
    if (!table.ok()) {
        Q_EMIT refused(title, table.error().message());
        return std::nullopt;
    }
    if (!table.value().isInService() || !table.value().seats()) {
        Q_EMIT refused(title,
                       u"Table %1 is not on the floor plan any more; perhaps it was removed at "
                       "another terminal."_s.arg(tableId));
        return std::nullopt;
    }
    return std::move(table).value();
}

bool EditHistory::record(std::unique_ptr<TableEdit> edit, const QString &title,
                         const QString &doneMessage)
{
    if (!run(edit->forward(), title))
        return false;
    m_stack->push(edit.release());
    Q_EMIT done(doneMessage);
    return true;
}

bool EditHistory::run(const TableEdit::Step &step, const QString &title)
{
    const DomainResult<void> result = step.run();
    if (result.ok())
        return true;
    Q_EMIT refused(title, m_wording.explain(step.lead, result.error(), step.advice));
    return false;
}

// The words on the Undo and Redo actions: what changed most visibly.
QString EditHistory::layoutChange(const QString &tableId, const TableLayout &before,
                                  const TableLayout &after)
{
    if (before.zone != after.zone)
        return u"Move %1 to %2"_s.arg(tableId, after.zone);
    // A corner dragged moves the centre too, but the size is what changed.
    if (before.width != after.width || before.height != after.height)
        return u"Resize %1"_s.arg(tableId);
    if (before.x != after.x || before.y != after.y)
        return u"Move %1"_s.arg(tableId);
    if (before.rotation != after.rotation)
        return u"Rotate %1"_s.arg(tableId);
    return u"Reshape %1"_s.arg(tableId);
}

} // namespace hoststand::ui
