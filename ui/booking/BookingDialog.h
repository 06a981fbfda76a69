#pragma once

#include "domain/booker/BookingChangeRequest.h"
#include "domain/booker/BookingRequest.h"
#include "domain/booker/WalkInRequest.h"
#include "readmodel/ReadModelRows.h"
#include "ui/common/ServiceCalendar.h"

#include <QDateTime>
#include <QDialog>
#include <QFuture>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace hoststand {
class Clock;
class ReadModel;
} // namespace hoststand

namespace hoststand::ui {

// Books a table ahead, or seats a walk-in now. Suggests the tables that are
// free and large enough (ReadModel::freeTables) and explains invalid input
// before anything is sent: the button stays disabled and the reason shows.
// A table the read model believes taken is a warning only, because the
// read model can lag behind another terminal: the domain decides, and its
// refusal is shown in the dialog, which stays open to try again.
//
// In Edit mode it opens on a booking (setBooking) and sends only what the
// host changed; the booking's own place counts as free, and a seated
// party's start cannot change.
class BookingDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Ahead, WalkIn, Edit };
    // Sends the request; the answer is the refusal's words, or nothing once
    // it is done. The form is off while the answer is awaited.
    using Submit = std::function<QFuture<std::optional<QString>>(BookingDialog &)>;

    BookingDialog(Mode mode, ReadModel &readModel, const Clock &clock, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setSubmit(Submit submit) { m_submit = std::move(submit); }

    void setTable(const QString &tableId);
    void setStart(const QDateTime &start);
    void setDurationMinutes(int minutes);
    void setPartySize(int party);
    // Edit mode: the booking as the read model shows it.
    void setBooking(const BookingRow &booking);
    const std::optional<BookingRow> &booking() const { return m_editing; }

    booker::BookingRequest request() const;
    booker::WalkInRequest walkInRequest() const;
    // Edit mode: what differs from the booking; empty when nothing does.
    booker::BookingChangeRequest changeRequest() const;
    // Why the booking cannot be sent as it stands, if it cannot.
    std::optional<QString> problem() const;
    QString message() const;
    QPushButton *okButton() const;

    QLineEdit *guestField() const { return m_guest; }
    QLineEdit *phoneField() const { return m_phone; }
    QSpinBox *partyField() const { return m_party; }
    QComboBox *timeField() const { return m_time; }
    QComboBox *tableField() const { return m_table; }
    QLineEdit *noteField() const { return m_note; }
    QDateEdit *dateField() const { return m_date; }
    QSpinBox *durationField() const { return m_duration; }

    // Whether a request was sent and not answered yet.
    bool isSending() const { return m_sending; }

    void accept() override;
    // Closing is refused while the request is in flight: its answer is shown here.
    void reject() override;

Q_SIGNALS:
    // The request sent was refused; the dialog shows why and stays open.
    void refused(const QString &why);

private:
    void buildForm();
    void fillTimes();
    void fillTables();
    QString nothingFits(const QList<TableRow> &tables, int party) const;
    // The first table to free up for a walk-in: none found, or why it
    // could not be read ("none" and "not read" are not the same answer).
    struct FirstFree
    {
        QString table; // empty when none frees up
        QDateTime at;
        std::optional<QString> notRead;
    };
    FirstFree firstFreeFitting(int party) const;
    void revalidate();
    QDateTime start() const;
    QDateTime end() const;
    QString tableId() const;
    std::optional<QString> warning() const;
    void showMessage(const QString &text, bool isError);

    // How far ahead a walk-in is told when a table that fits frees up.
    static constexpr int WalkInLookAheadHours = 6;
    static constexpr qsizetype MaxFreeUpChecks = 40;

    // The booking's own start, when it is not on the day's slots (a walk-in).
    void offerOwnStart();

    Mode m_mode;
    std::optional<BookingRow> m_editing;
    ReadModel &m_readModel;
    const Clock &m_clock;
    ServiceCalendar m_calendar;
    Submit m_submit;
    bool m_sending = false;
    bool m_durationEdited = false;
    // Whether the table is the host's choice (a click, setTable) rather than
    // the dialog's suggestion, which follows the party, time and duration.
    bool m_tableChosen = false;
    // Why the tables could not be read: nothing is offered as free or taken
    // then, and nothing can be booked until they are read.
    std::optional<QString> m_tablesNotRead;
    // Why no table is offered as free: none is large enough, or all that
    // are are taken (with when the first frees up, for a walk-in).
    std::optional<QString> m_nothingFits;
    QLineEdit *m_guest;
    QLineEdit *m_phone;
    QSpinBox *m_party;
    QDateEdit *m_date;
    QComboBox *m_time;
    QComboBox *m_table;
    QSpinBox *m_duration;
    QLineEdit *m_note;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace hoststand::ui
