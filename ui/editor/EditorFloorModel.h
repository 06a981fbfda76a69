#pragma once

#include <QSortFilterProxyModel>

namespace hoststand::ui {

// The host stand's FloorPlanModel as the table editor shows it: the
// tables of one zone (or of all), each drawn alike whatever its bookings,
// so that the plan shows the room and not the evening. Which bookings
// hold a table the editor says beside the plan and in a refusal.
class EditorFloorModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EditorFloorModel(QObject *parent = nullptr);

    // Empty: every zone.
    void setZone(const QString &zone);
    const QString &zone() const { return m_zone; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_zone;
};

} // namespace hoststand::ui
