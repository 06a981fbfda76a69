#include "ui/booking/BookingDetailsDialog.h"

#include "readmodel/ReadModel.h"
#include "ui/booking/BookingActions.h"
#include "ui/common/ServiceCalendar.h"
#include "ui/common/StatusStyle.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

BookingDetailsDialog::BookingDetailsDialog(const QString &bookingId, ReadModel &readModel,
                                           BookingActions &actions, QAction *edit, QWidget *parent)
    : QDialog(parent)
    , m_bookingId(bookingId)
    , m_readModel(readModel)
{
    setObjectName(u"bookingDetailsDialog"_s);
    setAccessibleName(u"Booking"_s);
    auto *form = new QFormLayout;
    m_guest = addField(form, u"Guest"_s, u"Guest and party"_s);
    m_when = addField(form, u"When"_s, u"Time"_s);
    m_table = addField(form, u"Table"_s, u"Table"_s);
    m_phone = addField(form, u"Phone"_s, u"Phone"_s);
    m_note = addField(form, u"Note"_s, u"Note"_s);
    m_status = addField(form, u"Status"_s, u"Status"_s);

    auto *buttons = new QHBoxLayout;
    QList<QAction *> shown = actions.all();
    if (edit)
        shown.prepend(edit);
    for (QAction *action : std::as_const(shown)) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(action->toolTip());
        buttons->addWidget(button);
    }
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setAccessibleName(u"Close"_s);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(close);
    connect(&m_readModel, &ReadModel::bookingChanged, this, [this](const BookingChange &change) {
        if (change.bookingId == m_bookingId)
            refresh();
    });
    connect(&m_readModel, &ReadModel::availabilityChanged, this, [this](bool available) {
        if (available)
            refresh();
    });
    refresh();
}

QLabel *BookingDetailsDialog::addField(QFormLayout *form, const QString &label, const QString &name)
{
    auto *value = new QLabel(this);
    value->setAccessibleName(name);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(label, value);
    return value;
}

QString BookingDetailsDialog::statusText() const
{
    return m_status->text();
}

void BookingDetailsDialog::refresh()
{
    const auto read = m_readModel.booking(m_bookingId);
    if (!read.ok()) {
        // What was shown may no longer hold: say so instead.
        for (QLabel *field : {m_guest, m_when, m_table, m_phone, m_note})
            field->clear();
        m_status->setText(u"The booking could not be read: %1 It shows again once it can be."_s.arg(
            read.error().message()));
        return;
    }
    const std::optional<BookingRow> &booking = read.value();
    if (!booking) {
        m_status->setText(u"This booking is no longer known."_s);
        return;
    }
    const ServiceCalendar calendar(m_readModel.settings());
    setWindowTitle(u"Booking of %1"_s.arg(booking->guestName));
    m_guest->setText(u"%1, party of %2%3"_s.arg(booking->guestName)
                         .arg(booking->partySize)
                         .arg(booking->walkIn ? u" (walk-in)"_s : QString()));
    m_when->setText(
        u"%1, %2 to %3"_s.arg(calendar.localDate(booking->start).toString(u"dddd d MMMM"_s),
                              calendar.timeText(booking->start), calendar.timeText(booking->end)));
    m_table->setText(booking->tableId);
    m_phone->setText(booking->phone.isEmpty() ? u"none given"_s : booking->phone);
    m_note->setText(booking->note.isEmpty() ? u"none"_s : booking->note);
    QString status = StatusStyle::word(booking->status);
    if (booking->status == BookingStatus::Rejected && !booking->rejectionReason.isEmpty())
        status += u": "_s + booking->rejectionReason;
    m_status->setText(status);
}

} // namespace hoststand::ui
