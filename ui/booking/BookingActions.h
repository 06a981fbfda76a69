#pragma once

#include "domain/contracts/BookingId.h"
#include "readmodel/ReadModelRows.h"

#include <QFuture>
#include <QObject>

#include <optional>

class QAction;
class QWidget;

namespace hoststand {
class Engine;
}

namespace hoststand::ui {

class Prompt;

// What the host can do with one booking: cancel it, mark the guests as
// arrived, the party as seated or as having left, or the booking as a
// no-show. Each is an action with an icon, a shortcut and an accessible
// name, enabled only when the booking's status allows it; the ones that
// free the table ask first through the prompt. Each runs on the engine
// thread; its answer comes later, and every action is off meanwhile. A
// refusal by the domain is told in its own words.
class BookingActions final : public QObject
{
    Q_OBJECT

public:
    BookingActions(Engine &engine, Prompt &prompt, QWidget *window);

    // The booking the actions apply to; none disables them all.
    void setBooking(const std::optional<BookingRow> &booking);
    const std::optional<BookingRow> &booking() const { return m_booking; }
    // The picked booking could not be read: the actions are disabled and
    // say why ("Not read: ..."), rather than act on what is not known.
    void setBookingNotRead(const QString &why);
    QString notRead() const { return m_notRead; }
    // Whether a command started here has not been answered yet.
    bool isBusy() const { return m_inFlight; }

    QAction *cancel() const { return m_cancel; }
    QAction *arrived() const { return m_arrived; }
    QAction *seated() const { return m_seated; }
    QAction *left() const { return m_left; }
    QAction *noShow() const { return m_noShow; }
    QList<QAction *> all() const;

Q_SIGNALS:
    // A change went through: what happened, for the status bar.
    void done(const QString &message);

private:
    QAction *makeAction(const QString &icon, const QString &text, const QKeySequence &shortcut,
                        const QString &name);
    void updateEnabled();
    QString describe(const BookingRow &booking) const;
    void onCancel();
    void onNoShow();
    // Sends the command, unless one is in flight; its refusal, or nothing.
    void run(const QString &title,
             const std::function<QFuture<std::optional<QString>>(const BookingId &)> &command,
             const QString &doneText);

    Engine &m_engine;
    Prompt &m_prompt;
    QWidget *m_window;
    std::optional<BookingRow> m_booking;
    QString m_notRead;
    // A command was sent and not answered yet: every action is off until it
    // is, so none can start a second one meanwhile.
    bool m_inFlight = false;
    QAction *m_cancel;
    QAction *m_arrived;
    QAction *m_seated;
    QAction *m_left;
    QAction *m_noShow;
};

} // namespace hoststand::ui
