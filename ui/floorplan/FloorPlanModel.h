#pragma once

#include "readmodel/ReadModelRows.h"
#include "ui/common/ReadState.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimeZone>

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

// The tables in service with their layout and their state at a chosen
// moment (free, booked soon, occupied, locked) and the booking holding
// each and the next one, for the floor plan. A thin adapter on
// ReadModel::floorAt and tableAt: a table's change touches its row, a
// booking's change the row of its table; a new moment changes the rows
// whose state it changes. A floor whose tables or states could not be read
// has no rows and says why (readState()), rather than showing a table as
// free or out of service; it is read again once the read model is
// available.
class FloorPlanModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TableIdRole = Qt::UserRole,
        SeatsRole,
        ZoneRole,
        ShapeRole, // TableShape as int
        // The table's rectangle on the floor in centimetres, centred on its
        // layout's x and y, before rotation.
        GeometryRole,
        RotationRole, // degrees clockwise
        StateRole, // TableState as int
        CurrentBookingIdRole, // the booking holding the table at the moment
        CurrentGuestRole,
        CurrentPartyRole,
        NextBookingIdRole, // the next booking after the moment
        NextStartRole, // QDateTime in the restaurant's time zone
        NextGuestRole,
        NextPartyRole,
        // When the next booking starts, as a host reads it beside the
        // moment: "21:00" on the moment's day, "Sat 13:00" on another.
        NextWhenRole,
    };
    Q_ENUM(Role)

    explicit FloorPlanModel(ReadModel &readModel, QObject *parent = nullptr);

    void setMoment(const QDateTime &moment);
    QDateTime moment() const { return m_moment; }
    int rowOfTable(const QString &tableId) const;
    // Whether the floor could be read; while not, it has no rows.
    const ReadState &readState() const { return m_readState; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    void reloadAll();
    void refreshTable(const QString &tableId);
    void refreshAll();
    void showNotRead(const StoreError &error);
    void setStatus(int row, TableStatusRow status);
    int insertPosition(const TableRow &table) const;

    ReadModel &m_readModel;
    QTimeZone m_zone;
    QDateTime m_moment;
    QList<TableStatusRow> m_rows; // by zone, then id
    ReadState m_readState;
};

} // namespace hoststand::ui
