#include "readmodel/TablesProjection.h"

#include "readmodel/ProjectedEvent.h"
#include "readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString TablesProjection::name() const
{
    return u"tables"_s;
}

QList<ReadTable> TablesProjection::tables() const
{
    return {{u"dining_tables"_s, u"id"_s}};
}

QStringList TablesProjection::schema() const
{
    return {u"CREATE TABLE IF NOT EXISTS dining_tables("
            "id {TEXT} PRIMARY KEY, seats {INT} NOT NULL, zone {TEXT} NOT NULL, "
            "shape {TEXT} NOT NULL, x {REAL} NOT NULL, y {REAL} NOT NULL, "
            "width {REAL} NOT NULL, height {REAL} NOT NULL, rotation {REAL} NOT NULL, "
            "in_service {INT} NOT NULL)"_s};
}

QList<ReadIndex> TablesProjection::indexes(const ReadDialect &) const
{
    return {}; // a few rows: the primary key is all it needs
}

StoreResult<void> TablesProjection::prepare(ReadConnection &connection)
{
    // A removed table's id may be added again: the row comes back in service.
    return prepareStatements(
        connection,
        {{&m_add,
          u"INSERT INTO dining_tables(id, seats, zone, shape, x, y, width, height, rotation, "
          "in_service) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET "
          "seats = excluded.seats, zone = excluded.zone, shape = excluded.shape, x = excluded.x, "
          "y = excluded.y, width = excluded.width, height = excluded.height, "
          "rotation = excluded.rotation, in_service = 1"_s},
         {&m_move,
          u"UPDATE dining_tables SET zone = ?, shape = ?, x = ?, y = ?, width = ?, height = ?, "
          "rotation = ? WHERE id = ?"_s},
         {&m_seats, u"UPDATE dining_tables SET seats = ? WHERE id = ?"_s},
         {&m_remove, u"UPDATE dining_tables SET in_service = 0 WHERE id = ?"_s}});
}

void TablesProjection::bindLayout(ReadStatement &statement, int first, const TableLayout &layout)
{
    statement.bindText(first, layout.zone);
    statement.bindText(first + 1, toString(layout.shape));
    statement.bindReal(first + 2, layout.x);
    statement.bindReal(first + 3, layout.y);
    statement.bindReal(first + 4, layout.width);
    statement.bindReal(first + 5, layout.height);
    statement.bindReal(first + 6, layout.rotation);
}

// Table events are few (a restaurant has tens of tables), so they are
// decoded in full and read as the catalogue's types.
StoreResult<void> TablesProjection::apply(const ProjectedEvent &event)
{
    switch (event.kind()) {
    case EventKind::TableAdded:
    case EventKind::TableMoved:
    case EventKind::TableSeatsChanged:
    case EventKind::TableRemoved:
        break;
    default:
        return {};
    }
    const std::optional<DomainEvent> decoded = event.decoded();
    if (!decoded)
        return {};
    if (const auto *added = std::get_if<TableAdded>(&*decoded)) {
        m_add->bindText(1, added->tableId.toString());
        m_add->bindInt(2, added->seats.value());
        bindLayout(*m_add, 3, added->layout);
        return m_add->execute();
    }
    if (const auto *moved = std::get_if<TableMoved>(&*decoded)) {
        bindLayout(*m_move, 1, moved->layout);
        m_move->bindText(8, moved->tableId.toString());
        return m_move->execute();
    }
    if (const auto *seats = std::get_if<TableSeatsChanged>(&*decoded)) {
        m_seats->bindInt(1, seats->seats.value());
        m_seats->bindText(2, seats->tableId.toString());
        return m_seats->execute();
    }
    if (const auto *removed = std::get_if<TableRemoved>(&*decoded)) {
        m_remove->bindText(1, removed->tableId.toString());
        return m_remove->execute();
    }
    return {};
}

} // namespace hoststand
