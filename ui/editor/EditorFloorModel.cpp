#include "ui/editor/EditorFloorModel.h"

#include "readmodel/ReadModelRows.h"
#include "ui/floorplan/FloorPlanModel.h"

namespace hoststand::ui {

EditorFloorModel::EditorFloorModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void EditorFloorModel::setZone(const QString &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    invalidateRowsFilter();
}

QVariant EditorFloorModel::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case FloorPlanModel::StateRole:
        return int(TableState::Free);
    case FloorPlanModel::CurrentGuestRole:
    case FloorPlanModel::NextGuestRole:
        return QString();
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

bool EditorFloorModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_zone.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(FloorPlanModel::ZoneRole).toString() == m_zone;
}

} // namespace hoststand::ui
