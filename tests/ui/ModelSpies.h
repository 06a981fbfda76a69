#pragma once

#include <QAbstractItemModel>
#include <QSignalSpy>

namespace hoststand::test {

// Every signal an item model sends about its content, to prove that a
// change sent exactly the expected ones and nothing structural besides.
struct ModelSpies
{
    explicit ModelSpies(QAbstractItemModel &model)
        : dataChanged(&model, &QAbstractItemModel::dataChanged)
        , headerChanged(&model, &QAbstractItemModel::headerDataChanged)
        , rowsInserted(&model, &QAbstractItemModel::rowsInserted)
        , rowsRemoved(&model, &QAbstractItemModel::rowsRemoved)
        , rowsMoved(&model, &QAbstractItemModel::rowsMoved)
        , columnsInserted(&model, &QAbstractItemModel::columnsInserted)
        , columnsRemoved(&model, &QAbstractItemModel::columnsRemoved)
        , reset(&model, &QAbstractItemModel::modelReset)
        , layoutChanged(&model, &QAbstractItemModel::layoutChanged)
    { }

    // The number of structural signals (rows, columns, resets, layouts).
    qsizetype structural() const
    {
        return rowsInserted.size() + rowsRemoved.size() + rowsMoved.size() + columnsInserted.size()
            + columnsRemoved.size() + reset.size() + layoutChanged.size();
    }

    // Whether every dataChanged named exactly the cells from (row, first)
    // to (row, last), and there was at least one.
    bool onlyCells(int row, int first, int last) const
    {
        for (const QList<QVariant> &signal : dataChanged) {
            const auto topLeft = signal.at(0).value<QModelIndex>();
            const auto bottomRight = signal.at(1).value<QModelIndex>();
            if (topLeft.row() != row || bottomRight.row() != row || topLeft.column() != first
                || bottomRight.column() != last) {
                qWarning("dataChanged named (%d,%d)-(%d,%d), not (%d,%d)-(%d,%d)", topLeft.row(),
                         topLeft.column(), bottomRight.row(), bottomRight.column(), row, first, row,
                         last);
                return false;
            }
        }
        return !dataChanged.isEmpty();
    }

    QSignalSpy dataChanged;
    QSignalSpy headerChanged;
    QSignalSpy rowsInserted;
    QSignalSpy rowsRemoved;
    QSignalSpy rowsMoved;
    QSignalSpy columnsInserted;
    QSignalSpy columnsRemoved;
    QSignalSpy reset;
    QSignalSpy layoutChanged;
};

} // namespace hoststand::test
