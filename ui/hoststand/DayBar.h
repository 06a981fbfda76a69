#pragma once

#include <QDate>
#include <QToolBar>

#include <optional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace hoststand::ui {

// The top of the host stand: the day (with previous, next and today), the
// service, the guest search and the covers booked against the seats.
class DayBar final : public QToolBar
{
    Q_OBJECT

public:
    explicit DayBar(QWidget *parent = nullptr);

    QDate date() const;
    void setDate(const QDate &date);
    QString service() const;
    // The day's services; keeps the current one when the day has it too.
    void setServices(const QStringList &services, const QString &preferred);
    // Without a number of covers, the service could not be read: neither count is shown.
    void setCovers(std::optional<int> booked, int seats);
    void focusSearch();
    QString searchText() const;
    void clearSearch();

    QAction *previousDayAction() const { return m_previous; }
    QAction *nextDayAction() const { return m_next; }
    QAction *todayAction() const { return m_today; }
    QAction *searchAction() const { return m_search; }
    QLineEdit *searchField() const { return m_searchField; }
    QComboBox *serviceBox() const { return m_serviceBox; }
    QDateEdit *dateEdit() const { return m_dateEdit; }
    QLabel *coversLabel() const { return m_covers; }

Q_SIGNALS:
    void dateChanged(const QDate &date);
    void serviceChanged(const QString &service);
    void todayRequested();
    void searchChanged(const QString &text);
    void searchSubmitted();

private:
    QAction *m_previous;
    QAction *m_next;
    QAction *m_today;
    QAction *m_search;
    QDateEdit *m_dateEdit;
    QComboBox *m_serviceBox;
    QLineEdit *m_searchField;
    QLabel *m_covers;
};

} // namespace hoststand::ui
