#pragma once

#include "domain/readmodel/ReadModelRows.h"

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
// whose state it changes. While the store's server cannot be reached the
// rows stay as they were, rather than every table reading as missing, and
// follow the moment once it can be reached again.
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

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    void refreshTable(const QString &tableId);
    void refreshAll();
    // False, and remembered, while the read model cannot be read.
    bool canRead();
    void setStatus(int row, TableStatusRow status);
    int insertPosition(const TableRow &table) const;

    ReadModel &m_readModel;
    QTimeZone m_zone;
    QDateTime m_moment;
    QList<TableStatusRow> m_rows; // by zone, then id
    // The rows are behind the moment: it changed while nothing could be read.
    bool m_behind = false;
};

} // namespace hoststand::ui
