#pragma once

#include <QDialog>

class QAction;
class QFormLayout;
class QLabel;

namespace hoststand {
class ReadModel;
}

namespace hoststand::ui {

class BookingActions;

// One booking opened from the grid or the list: who, when, where, its
// status, and the actions its status allows (edit, given, first), kept up
// to date while open.
class BookingDetailsDialog final : public QDialog
{
    Q_OBJECT

public:
    BookingDetailsDialog(const QString &bookingId, ReadModel &readModel, BookingActions &actions,
                         QAction *edit = nullptr, QWidget *parent = nullptr);

    QString bookingId() const { return m_bookingId; }
    QString statusText() const;

private:
    void refresh();
    QLabel *addField(QFormLayout *form, const QString &label, const QString &name);

    QString m_bookingId;
    ReadModel &m_readModel;
    QLabel *m_guest;
    QLabel *m_when;
    QLabel *m_table;
    QLabel *m_phone;
    QLabel *m_note;
    QLabel *m_status;
};

} // namespace hoststand::ui
