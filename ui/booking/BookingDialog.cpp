#include "ui/booking/BookingDialog.h"

#include "domain/Clock.h"
#include "domain/booker/Booking.h"
#include "readmodel/ReadModel.h"
#include "ui/common/StatusStyle.h"
#include "ui/common/TableOrder.h"
#include "ui/common/WhenAnswered.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

bool isPhoneText(const QString &phone)
{
    return std::all_of(phone.cbegin(), phone.cend(),
                       [](QChar c) { return c.isDigit() || u" +-()/"_s.contains(c); });
}

// Not an error: the form is as the booking is.
const QString NothingChanged = u"Change what the guest asked for; nothing has changed yet."_s;

QString seatsText(int seats)
{
    return seats == 1 ? u"1 seat"_s : u"%1 seats"_s.arg(seats);
}

} // namespace

BookingDialog::BookingDialog(Mode mode, ReadModel &readModel, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_readModel(readModel)
    , m_clock(clock)
    , m_calendar(readModel.settings())
    , m_guest(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_party(new QSpinBox(this))
    , m_date(new QDateEdit(this))
    , m_time(new QComboBox(this))
    , m_table(new QComboBox(this))
    , m_duration(new QSpinBox(this))
    , m_note(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(mode == Mode::Ahead      ? u"bookingDialog"_s
                      : mode == Mode::Edit ? u"editBookingDialog"_s
                                           : u"walkInDialog"_s);
    setWindowTitle(mode == Mode::Ahead      ? u"New booking"_s
                       : mode == Mode::Edit ? u"Edit booking"_s
                                            : u"Seat a walk-in"_s);
    setAccessibleName(windowTitle());
    buildForm();
    m_date->setDate(m_calendar.localDate(m_clock.now()));
    fillTimes();
    {
        const QSignalBlocker blocker(m_duration);
        m_duration->setValue(m_calendar.turnMinutesFor(m_party->value()));
    }
    fillTables();
    revalidate();
}

void BookingDialog::buildForm()
{
    m_guest->setAccessibleName(u"Guest name"_s);
    m_guest->setMaxLength(int(booker::Booking::MaxGuestNameLength) + 20);
    m_phone->setAccessibleName(u"Phone"_s);
    m_phone->setPlaceholderText(u"optional"_s);
    m_party->setAccessibleName(u"Party size"_s);
    m_party->setRange(PartySize::Min, PartySize::Max);
    m_party->setValue(2);
    m_date->setAccessibleName(u"Date"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"ddd d MMM yyyy"_s);
    m_time->setAccessibleName(u"Time"_s);
    m_table->setAccessibleName(u"Table"_s);
    m_duration->setAccessibleName(u"Duration"_s);
    m_duration->setRange(booker::Booking::MinDurationMinutes, booker::Booking::MaxDurationMinutes);
    m_duration->setSingleStep(m_calendar.slotMinutes());
    m_duration->setSuffix(u" min"_s);
    m_note->setAccessibleName(u"Note"_s);
    m_note->setPlaceholderText(u"optional: allergies, high chair, occasion"_s);
    m_message->setAccessibleName(u"Why the booking cannot be made"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMinimumWidth(m_message->fontMetrics().averageCharWidth() * 48);
    okButton()->setText(m_mode == Mode::Ahead      ? u"Book"_s
                            : m_mode == Mode::Edit ? u"Save changes"_s
                                                   : u"Seat walk-in"_s);
    okButton()->setAccessibleName(okButton()->text());
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(u"Cancel"_s);

    auto *form = new QFormLayout;
    form->addRow(u"&Guest name"_s, m_guest);
    form->addRow(u"&Phone"_s, m_phone);
    form->addRow(u"Party si&ze"_s, m_party);
    if (m_mode != Mode::WalkIn) {
        form->addRow(u"&Date"_s, m_date);
        form->addRow(u"&Time"_s, m_time);
        form->addRow(u"D&uration"_s, m_duration);
    } else {
        m_date->hide();
        m_time->hide();
        m_duration->hide();
        m_guest->setText(u"Walk-in"_s);
        m_guest->selectAll();
    }
    form->addRow(u"T&able"_s, m_table);
    form->addRow(u"&Note"_s, m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &BookingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BookingDialog::reject);
    for (QLineEdit *field : {m_guest, m_phone, m_note})
        connect(field, &QLineEdit::textChanged, this, &BookingDialog::revalidate);
    connect(m_party, &QSpinBox::valueChanged, this, [this](int party) {
        if (!m_durationEdited) {
            const QSignalBlocker blocker(m_duration);
            m_duration->setValue(m_calendar.turnMinutesFor(party));
        }
        fillTables();
    });
    connect(m_duration, &QSpinBox::valueChanged, this, [this] {
        m_durationEdited = true;
        fillTables();
    });
    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        fillTimes();
        fillTables();
    });
    connect(m_time, &QComboBox::currentIndexChanged, this, &BookingDialog::fillTables);
    connect(m_table, &QComboBox::currentIndexChanged, this, &BookingDialog::revalidate);
    connect(m_table, &QComboBox::activated, this, [this] { m_tableChosen = true; });
    connect(&m_readModel, &ReadModel::availabilityChanged, this, [this](bool available) {
        if (available && m_tablesNotRead)
            fillTables();
    });
}

QPushButton *BookingDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void BookingDialog::setTable(const QString &tableId)
{
    const int index = m_table->findData(tableId);
    if (index >= 0) {
        m_table->setCurrentIndex(index);
        m_tableChosen = true;
    }
}

void BookingDialog::setStart(const QDateTime &start)
{
    m_date->setDate(m_calendar.localDate(start));
    const int index = m_time->findData(start.toUTC());
    if (index >= 0)
        m_time->setCurrentIndex(index);
}

void BookingDialog::setDurationMinutes(int minutes)
{
    m_duration->setValue(minutes);
    m_durationEdited = true;
}

void BookingDialog::setPartySize(int party)
{
    m_party->setValue(party);
}

void BookingDialog::setBooking(const BookingRow &booking)
{
    Q_ASSERT(m_mode == Mode::Edit);
    m_editing = booking;
    setWindowTitle(u"Edit booking · %1"_s.arg(booking.guestName));
    setAccessibleName(windowTitle());
    m_guest->setText(booking.guestName);
    m_phone->setText(booking.phone);
    m_note->setText(booking.note);
    setPartySize(booking.partySize);
    {
        const QSignalBlocker blocker(m_date);
        m_date->setDate(m_calendar.localDate(booking.start));
    }
    fillTimes();
    setStart(booking.start);
    setDurationMinutes(int(booking.start.secsTo(booking.end) / 60));
    // A seated party is at its table: it may move, stay longer, grow, but
    // it sat down when it did.
    const bool seated = booking.status == BookingStatus::Seated;
    m_date->setEnabled(!seated);
    m_time->setEnabled(!seated);
    fillTables();
    setTable(booking.tableId);
    revalidate();
}

booker::BookingChangeRequest BookingDialog::changeRequest() const
{
    booker::BookingChangeRequest change;
    if (!m_editing)
        return change;
    const BookingRow &was = *m_editing;
    if (tableId() != was.tableId)
        change.tableId = tableId();
    if (start() != was.start)
        change.start = start();
    if (m_duration->value() != int(was.start.secsTo(was.end) / 60))
        change.durationMinutes = m_duration->value();
    if (m_party->value() != was.partySize)
        change.partySize = m_party->value();
    if (const QString guest = m_guest->text().trimmed(); guest != was.guestName)
        change.guestName = guest;
    if (const QString phone = m_phone->text().trimmed(); phone != was.phone)
        change.phone = phone;
    if (const QString note = m_note->text().trimmed(); note != was.note)
        change.note = note;
    return change;
}

void BookingDialog::fillTimes()
{
    const QDateTime previous = start();
    const QSignalBlocker blocker(m_time);
    m_time->clear();
    for (const booker::ServiceSlot &slot : m_calendar.slotsOn(m_date->date()))
        m_time->addItem(u"%1 · %2"_s.arg(m_calendar.timeText(slot.start), slot.period),
                        slot.start.toUTC());
    offerOwnStart();
    const int index = m_time->findData(previous);
    m_time->setCurrentIndex(index >= 0 ? index : 0);
}

void BookingDialog::offerOwnStart()
{
    if (!m_editing || m_calendar.localDate(m_editing->start) != m_date->date())
        return;
    const QDateTime own = m_editing->start.toUTC();
    if (m_time->findData(own) >= 0)
        return;
    int at = 0;
    while (at < m_time->count() && m_time->itemData(at).toDateTime() < own)
        ++at;
    m_time->insertItem(at, u"%1 · as booked"_s.arg(m_calendar.timeText(own)), own);
}

// Free tables that fit first, then the others with the reason they are not
// offered. The host's table stays chosen; a suggestion moves to the first
// free table that fits.
void BookingDialog::fillTables()
{
    const QString previous = tableId();
    const int party = m_party->value();
    const QString own = m_editing ? m_editing->id : QString();
    auto free = start().isValid() ? m_readModel.freeTables(start(), end(), party, own)
                                  : StoreResult<QStringList>(QStringList());
    auto all = m_readModel.tables();
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    m_table->setPlaceholderText(QString());
    m_tablesNotRead.reset();
    m_nothingFits.reset();
    if (!free.ok() || !all.ok()) {
        // Neither "free" nor "taken" can be told: no table is offered.
        m_tablesNotRead = (free.ok() ? all.error() : free.error()).message();
        revalidate();
        return;
    }
    QList<TableRow> others = std::move(all).value();
    std::sort(others.begin(), others.end(),
              [](const TableRow &a, const TableRow &b) { return TableOrder::idLess(a.id, b.id); });
    for (const QString &id : free.value()) {
        const auto table = std::find_if(others.cbegin(), others.cend(),
                                        [&id](const TableRow &row) { return row.id == id; });
        m_table->addItem(
            u"%1 · %2 · free"_s.arg(id, seatsText(table != others.cend() ? table->seats : 0)), id);
    }
    if (!free.value().isEmpty() && free.value().size() < others.size())
        m_table->insertSeparator(m_table->count());
    for (const TableRow &table : std::as_const(others)) {
        if (free.value().contains(table.id))
            continue;
        const QString why = table.seats < party ? u"too small"_s : u"taken"_s;
        m_table->addItem(u"%1 · %2 · %3"_s.arg(table.id, seatsText(table.seats), why), table.id);
    }
    // With nothing free that fits, no table is suggested (a table too small
    // or taken is the host's choice alone), and the dialog says why; not
    // when there is no time to fit (a day without service says so itself).
    const int chosen = m_tableChosen ? m_table->findData(previous) : -1;
    const bool suggestNone = free.value().isEmpty() && start().isValid();
    m_table->setCurrentIndex(chosen >= 0 ? chosen : (suggestNone ? -1 : 0));
    if (suggestNone && chosen < 0) {
        m_nothingFits = nothingFits(others, party);
        m_table->setPlaceholderText(u"No free table fits the party"_s);
    }
    revalidate();
}

// "No table seats a party of 8; the largest seats 6." or, when tables large
// enough are all taken, for a walk-in when the first of them frees up.
QString BookingDialog::nothingFits(const QList<TableRow> &tables, int party) const
{
    int largest = 0;
    for (const TableRow &table : tables)
        largest = std::max(largest, table.seats);
    if (largest < party)
        return tables.isEmpty()
            ? u"The restaurant has no table in service."_s
            : u"No table seats a party of %1; the largest seats %2."_s.arg(party).arg(largest);
    if (m_mode != Mode::WalkIn)
        return u"Every table that seats a party of %1 is taken at %2; choose another time."_s
            .arg(party)
            .arg(m_calendar.timeText(start()));
    const FirstFree first = firstFreeFitting(party);
    if (first.notRead)
        return u"Every table that seats a party of %1 is taken now; when one frees up could not "
               "be read: %2"_s.arg(party)
                   .arg(*first.notRead);
    if (first.table.isEmpty())
        return u"Every table that seats a party of %1 is taken now, and none frees up in the "
               "next %2 hours."_s.arg(party)
                   .arg(WalkInLookAheadHours);
    return u"Every table that seats a party of %1 is taken now; the first to free up is %2, "
           "at %3."_s.arg(party)
               .arg(first.table, m_calendar.timeText(first.at));
}

// The first table that fits the party for its turn from the end of a
// booking in the way (a lock in force belongs to a booking too), within the
// look-ahead; at most MaxFreeUpChecks ends are tried, so that a full
// evening costs a bounded number of reads.
BookingDialog::FirstFree BookingDialog::firstFreeFitting(int party) const
{
    const QDateTime now = m_clock.now();
    const QDateTime horizon = now.addSecs(qint64(WalkInLookAheadHours) * 3600);
    const qint64 turn = qint64(m_calendar.turnMinutesFor(party)) * 60;
    auto bookings = m_readModel.bookingsBetween(now, horizon);
    if (!bookings.ok())
        return {{}, {}, bookings.error().message()};
    QList<QDateTime> ends;
    for (const BookingRow &booking : std::as_const(bookings.value())) {
        if (booking.end.isValid() && booking.end > now && booking.end < horizon)
            ends.append(booking.end);
    }
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    for (const QDateTime &end : ends.first(std::min<qsizetype>(ends.size(), MaxFreeUpChecks))) {
        auto free = m_readModel.freeTables(end, end.addSecs(turn), party);
        if (!free.ok())
            return {{}, {}, free.error().message()};
        if (!free.value().isEmpty())
            return {free.value().constFirst(), end, {}};
    }
    return {};
}

QDateTime BookingDialog::start() const
{
    if (m_mode == Mode::WalkIn)
        return m_clock.now();
    return m_time->currentData().toDateTime();
}

QDateTime BookingDialog::end() const
{
    const int minutes = m_mode == Mode::WalkIn ? m_calendar.turnMinutesFor(m_party->value())
                                               : m_duration->value();
    return start().addSecs(qint64(minutes) * 60);
}

QString BookingDialog::tableId() const
{
    return m_table->currentData().toString();
}

std::optional<QString> BookingDialog::problem() const
{
    const QString guest = m_guest->text().trimmed();
    const QString phone = m_phone->text().trimmed();
    if (m_tablesNotRead)
        return u"The tables could not be read, so none is offered as free: %1 Try again in a "
               "moment."_s.arg(*m_tablesNotRead);
    if (guest.isEmpty())
        return u"Enter the guest's name."_s;
    if (guest.size() > booker::Booking::MaxGuestNameLength)
        return u"A guest name has at most %1 characters."_s.arg(
            booker::Booking::MaxGuestNameLength);
    if (!isPhoneText(phone))
        return u"A phone number uses digits, spaces and + - ( ) / only."_s;
    if (phone.size() > booker::Booking::MaxPhoneLength)
        return u"A phone number has at most %1 characters."_s.arg(booker::Booking::MaxPhoneLength);
    if (m_note->text().trimmed().size() > booker::Booking::MaxNoteLength)
        return u"A note has at most %1 characters."_s.arg(booker::Booking::MaxNoteLength);
    if (m_mode != Mode::WalkIn && !start().isValid())
        return u"The restaurant has no service on %1; choose another day."_s.arg(
            m_date->date().toString(u"dddd d MMMM"_s));
    // A booking that has begun keeps its start; only a new start must be ahead.
    const bool newStart = !m_editing || start() != m_editing->start;
    if (m_mode != Mode::WalkIn && newStart && start() <= m_clock.now())
        return u"%1 has already begun; choose a later time."_s.arg(m_calendar.timeText(start()));
    if (tableId().isEmpty())
        return m_nothingFits.value_or(u"Choose a table."_s);
    // A table that cannot be read now is not said to fit or not: the booker
    // checks the party against the table itself, and says why it refuses.
    const auto read = m_readModel.table(tableId());
    const std::optional<TableRow> table = read.ok() ? read.value() : std::nullopt;
    if (table && table->seats < m_party->value())
        return u"Table %1 seats %2; a party of %3 does not fit."_s.arg(table->id)
            .arg(table->seats)
            .arg(m_party->value());
    if (m_mode == Mode::Edit && changeRequest().isEmpty())
        return NothingChanged;
    return std::nullopt;
}

std::optional<QString> BookingDialog::warning() const
{
    const QString id = tableId();
    if (id.isEmpty() || m_table->currentText().endsWith(u" · free"_s))
        return std::nullopt;
    return u"Table %1 looks taken for part of that time; the free tables are listed first."_s.arg(
        id);
}

void BookingDialog::revalidate()
{
    const std::optional<QString> invalid = problem();
    okButton()->setEnabled(!invalid);
    if (invalid)
        showMessage(*invalid, *invalid != NothingChanged);
    else if (const std::optional<QString> caution = warning())
        showMessage(*caution, false);
    else
        showMessage({}, false);
}

void BookingDialog::showMessage(const QString &text, bool isError)
{
    const StatusStyle style(palette());
    QPalette colours = m_message->palette();
    colours.setColor(QPalette::WindowText,
                     isError ? style.conflict().border : palette().color(QPalette::WindowText));
    m_message->setPalette(colours);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString BookingDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

booker::BookingRequest BookingDialog::request() const
{
    booker::BookingRequest request;
    request.tableId = tableId();
    request.start = start();
    request.partySize = m_party->value();
    request.guestName = m_guest->text().trimmed();
    request.phone = m_phone->text().trimmed();
    request.note = m_note->text().trimmed();
    request.durationMinutes = m_duration->value();
    return request;
}

booker::WalkInRequest BookingDialog::walkInRequest() const
{
    return {tableId(), m_party->value(), m_guest->text().trimmed(), m_phone->text().trimmed(),
            m_note->text().trimmed()};
}

void BookingDialog::accept()
{
    if (m_sending || problem())
        return;
    if (!m_submit) {
        QDialog::accept();
        return;
    }
    m_sending = true;
    setEnabled(false);
    showMessage(m_mode == Mode::Ahead      ? u"Booking…"_s
                    : m_mode == Mode::Edit ? u"Saving…"_s
                                           : u"Seating…"_s,
                false);
    whenAnswered(
        m_submit(*this), this,
        [this](const std::optional<QString> &refusal) {
            m_sending = false;
            setEnabled(true);
            if (refusal) {
                showMessage(*refusal, true);
                Q_EMIT refused(*refusal);
                return;
            }
            QDialog::accept();
        },
        [this] {
            // The engine closed before it could answer: whether the request was
            // written is not known here.
            m_sending = false;
            setEnabled(true);
            const QString why = u"No answer came: the host stand's engine was closing. Look for "
                                u"the booking before sending it again."_s;
            showMessage(why, true);
            Q_EMIT refused(why);
        });
}

void BookingDialog::reject()
{
    if (!m_sending)
        QDialog::reject();
}

} // namespace hoststand::ui
