#include "ui/hoststand/DayBar.h"

#include "ui/common/PaletteIconEngine.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

QLabel *caption(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    label->setContentsMargins(8, 0, 4, 0);
    return label;
}

QString capitalised(const QString &text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

} // namespace

DayBar::DayBar(QWidget *parent)
    : QToolBar(u"Day"_s, parent)
    , m_previous(new QAction(PaletteIconEngine::icon(u"previous"_s), u"Previous day"_s, this))
    , m_next(new QAction(PaletteIconEngine::icon(u"next"_s), u"Next day"_s, this))
    , m_today(new QAction(PaletteIconEngine::icon(u"today"_s), u"Today"_s, this))
    , m_search(new QAction(PaletteIconEngine::icon(u"search"_s), u"Search guests"_s, this))
    , m_dateEdit(new QDateEdit(this))
    , m_serviceBox(new QComboBox(this))
    , m_searchField(new QLineEdit(this))
    , m_covers(new QLabel(this))
{
    setObjectName(u"dayBar"_s);
    setAccessibleName(u"Day and service"_s);
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonIconOnly);

    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_today->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_search->setShortcut(QKeySequence::Find);
    for (QAction *action : {m_previous, m_next, m_today, m_search})
        action->setToolTip(u"%1 (%2)"_s.arg(action->text(),
                                            action->shortcut().toString(QKeySequence::NativeText)));

    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(u"ddd d MMM yyyy"_s);
    m_dateEdit->setAccessibleName(u"Date"_s);
    m_serviceBox->setAccessibleName(u"Service"_s);
    m_serviceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_searchField->setAccessibleName(u"Search guests"_s);
    m_searchField->setPlaceholderText(u"Guest name or phone (Ctrl+F)"_s);
    m_searchField->setClearButtonEnabled(true);
    m_searchField->addAction(PaletteIconEngine::icon(u"search"_s), QLineEdit::LeadingPosition)
        ->setText(u"Search guests"_s);
    m_searchField->setMinimumWidth(m_searchField->fontMetrics().averageCharWidth() * 28);
    m_searchField->setMaximumWidth(m_searchField->fontMetrics().averageCharWidth() * 48);
    m_covers->setAccessibleName(u"Covers booked"_s);
    m_covers->setContentsMargins(12, 0, 8, 0);

    addAction(m_previous);
    addWidget(m_dateEdit);
    addAction(m_next);
    addAction(m_today);
    if (auto *button = qobject_cast<QToolButton *>(widgetForAction(m_today)))
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addSeparator();
    addWidget(caption(u"&Service"_s, m_serviceBox, this));
    addWidget(m_serviceBox);
    addSeparator();
    addWidget(m_searchField);
    addWidget(m_covers);

    connect(m_previous, &QAction::triggered, this, [this] { setDate(date().addDays(-1)); });
    connect(m_next, &QAction::triggered, this, [this] { setDate(date().addDays(1)); });
    connect(m_today, &QAction::triggered, this, &DayBar::todayRequested);
    connect(m_search, &QAction::triggered, this, &DayBar::focusSearch);
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &DayBar::dateChanged);
    connect(m_serviceBox, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT serviceChanged(service()); });
    connect(m_searchField, &QLineEdit::textChanged, this, &DayBar::searchChanged);
    connect(m_searchField, &QLineEdit::returnPressed, this, &DayBar::searchSubmitted);
}

QDate DayBar::date() const
{
    return m_dateEdit->date();
}

void DayBar::setDate(const QDate &date)
{
    m_dateEdit->setDate(date);
}

QString DayBar::service() const
{
    return m_serviceBox->currentData().toString();
}

void DayBar::setServices(const QStringList &services, const QString &preferred)
{
    const QSignalBlocker blocker(m_serviceBox);
    m_serviceBox->clear();
    for (const QString &name : services)
        m_serviceBox->addItem(capitalised(name), name);
    const int index = m_serviceBox->findData(preferred);
    m_serviceBox->setCurrentIndex(index >= 0 ? index : 0);
    m_serviceBox->setEnabled(!services.isEmpty());
    if (services.isEmpty())
        m_serviceBox->addItem(u"Closed"_s, QString());
}

void DayBar::setCovers(std::optional<int> booked, int seats)
{
    if (!booked) {
        // Nothing was read, so no count is shown, not even of the seats.
        m_covers->setText(u"<b>?</b> covers booked · ? seats"_s);
        m_covers->setToolTip(u"The tables and bookings of this service could not be read."_s);
        return;
    }
    m_covers->setText(u"<b>%1</b> covers booked · %2 seats"_s.arg(*booked).arg(seats));
    m_covers->setToolTip(u"The guests booked for this service, against the seats of the tables "
                         "in service; with more than one seating, covers exceed seats."_s);
}

void DayBar::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

QString DayBar::searchText() const
{
    return m_searchField->text();
}

void DayBar::clearSearch()
{
    m_searchField->clear();
}

} // namespace hoststand::ui
