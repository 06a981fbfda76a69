#include "ui/booking/BookingActions.h"

#include "domain/Clock.h"
#include "domain/Engine.h"
#include "domain/Restaurant.h"
#include "domain/booker/Booker.h"
#include "readmodel/ReadModel.h"
#include "ui/common/PaletteIconEngine.h"
#include "ui/common/Prompt.h"
#include "ui/common/ReadState.h"
#include "ui/common/ServiceCalendar.h"
#include "ui/common/WhenAnswered.h"

#include <QAction>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

// The refusal's words, or nothing: worked out where the answer comes.
template<typename T>
QFuture<std::optional<QString>> refusalOf(QFuture<DomainResult<T>> answer)
{
    return answer.then(QtFuture::Launch::Sync,
                       [](const DomainResult<T> &result) -> std::optional<QString> {
                           if (result.ok())
                               return std::nullopt;
                           return result.error().message();
                       });
}

} // namespace

BookingActions::BookingActions(Engine &engine, Prompt &prompt, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_prompt(prompt)
    , m_window(window)
    , m_cancel(
          makeAction(u"cancel"_s, u"&Cancel booking"_s, QKeySequence::Delete, u"cancelBooking"_s))
    , m_arrived(makeAction(u"arrived"_s, u"&Arrived"_s, QKeySequence(Qt::CTRL | Qt::Key_1),
                           u"markArrived"_s))
    , m_seated(makeAction(u"seated"_s, u"&Seated"_s, QKeySequence(Qt::CTRL | Qt::Key_2),
                          u"markSeated"_s))
    , m_left(makeAction(u"left"_s, u"&Left"_s, QKeySequence(Qt::CTRL | Qt::Key_3), u"markLeft"_s))
    , m_noShow(makeAction(u"no-show"_s, u"&No-show"_s, QKeySequence(Qt::CTRL | Qt::Key_4),
                          u"markNoShow"_s))
{
    connect(m_cancel, &QAction::triggered, this, &BookingActions::onCancel);
    connect(m_noShow, &QAction::triggered, this, &BookingActions::onNoShow);
    connect(m_arrived, &QAction::triggered, this, [this] {
        run(
            u"Arrived"_s, [this](const BookingId &id) { return refusalOf(m_engine.arrive(id)); },
            u"The guests of %1 have arrived."_s.arg(describe(*m_booking)));
    });
    connect(m_seated, &QAction::triggered, this, [this] {
        run(
            u"Seated"_s, [this](const BookingId &id) { return refusalOf(m_engine.seat(id)); },
            u"The party of %1 is seated."_s.arg(describe(*m_booking)));
    });
    connect(m_left, &QAction::triggered, this, [this] {
        run(
            u"Left"_s, [this](const BookingId &id) { return refusalOf(m_engine.leave(id)); },
            u"The party of %1 has left; the table is free."_s.arg(describe(*m_booking)));
    });
    updateEnabled();
}

QAction *BookingActions::makeAction(const QString &icon, const QString &text,
                                    const QKeySequence &shortcut, const QString &name)
{
    auto *action = new QAction(PaletteIconEngine::icon(icon), text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    // The grid and the booking list both act on it, wherever the focus is in the window.
    action->setShortcutContext(Qt::WindowShortcut);
    QString plain = text;
    plain.remove(u'&');
    action->setToolTip(u"%1 (%2)"_s.arg(plain, shortcut.toString(QKeySequence::NativeText)));
    m_window->addAction(action);
    return action;
}

QList<QAction *> BookingActions::all() const
{
    return {m_arrived, m_seated, m_left, m_noShow, m_cancel};
}

void BookingActions::setBooking(const std::optional<BookingRow> &booking)
{
    m_booking = booking;
    m_notRead.clear();
    updateEnabled();
}

void BookingActions::setBookingNotRead(const QString &why)
{
    m_booking.reset();
    m_notRead = why;
    updateEnabled();
}

// Mirrors the booking's life (Booking::refusal): only the next steps it allows.
void BookingActions::updateEnabled()
{
    const auto status = m_booking && !m_inFlight ? std::optional(m_booking->status) : std::nullopt;
    using S = BookingStatus;
    const auto in = [&](std::initializer_list<S> allowed) {
        return status && std::find(allowed.begin(), allowed.end(), *status) != allowed.end();
    };
    m_cancel->setEnabled(in({S::Initiated, S::Confirmed, S::Arrived}));
    m_arrived->setEnabled(in({S::Confirmed}));
    m_seated->setEnabled(in({S::Confirmed, S::Arrived}));
    m_left->setEnabled(in({S::Seated}));
    m_noShow->setEnabled(in({S::Confirmed}) && m_engine.clock().now() >= m_booking->start);
    const QString tip = m_notRead.isEmpty() ? QString() : ReadState::notReadText(m_notRead);
    for (QAction *action : all())
        action->setStatusTip(tip);
}

// "Jones, 4 people at 19:30"
QString BookingActions::describe(const BookingRow &booking) const
{
    const ServiceCalendar calendar(m_engine.view().readModel()->settings());
    const QString people
        = booking.partySize == 1 ? u"1 person"_s : u"%1 people"_s.arg(booking.partySize);
    return u"%1, %2 at %3"_s.arg(booking.guestName, people, calendar.timeText(booking.start));
}

void BookingActions::onCancel()
{
    if (!m_booking || m_inFlight)
        return;
    if (!m_prompt.confirm(m_window, u"Cancel booking"_s,
                          u"Cancel the booking of %1?"_s.arg(describe(*m_booking)),
                          u"Cancel booking"_s))
        return;
    run(
        u"Cancel booking"_s, [this](const BookingId &id) { return refusalOf(m_engine.cancel(id)); },
        u"The booking of %1 is cancelled; the table is free."_s.arg(describe(*m_booking)));
}

void BookingActions::onNoShow()
{
    if (!m_booking || m_inFlight)
        return;
    if (!m_prompt.confirm(
            m_window, u"No-show"_s,
            u"Mark %1, as a no-show? Their table is freed."_s.arg(describe(*m_booking)),
            u"Mark as no-show"_s))
        return;
    run(
        u"No-show"_s, [this](const BookingId &id) { return refusalOf(m_engine.noShow(id)); },
        u"%1 did not come; the table is free."_s.arg(describe(*m_booking)));
}

void BookingActions::run(
    const QString &title,
    const std::function<QFuture<std::optional<QString>>(const BookingId &)> &command,
    const QString &doneText)
{
    if (!m_booking || m_inFlight)
        return;
    auto id = BookingId::create(m_booking->id);
    if (!id.ok()) {
        m_prompt.inform(m_window, title, id.error().message());
        return;
    }
    m_inFlight = true;
    updateEnabled();
    whenAnswered(
        command(id.value()), this,
        [this, title, doneText](const std::optional<QString> &refusal) {
            m_inFlight = false;
            updateEnabled();
            if (refusal) {
                m_prompt.inform(m_window, title, *refusal);
                return;
            }
            Q_EMIT done(doneText);
        },
        [this] {
            m_inFlight = false;
            updateEnabled();
        });
}

} // namespace hoststand::ui
